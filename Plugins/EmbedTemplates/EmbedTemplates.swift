import Foundation
import PackagePlugin

/// Embeds every `Programs/*.json` template into the target as Swift source, so templates
/// work from any working directory and from a copied release binary.
@main
struct EmbedTemplates: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let programs = context.package.directoryURL.appending(path: "Programs")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: programs.path())) ?? []
    let inputs = names.filter { $0.hasSuffix(".json") }.sorted().map {
      programs.appending(path: $0)
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) programme templates",
        executable: try context.tool(named: "TemplateEmbedder").url,
        arguments: [output.path()] + inputs.map { $0.path() },
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
