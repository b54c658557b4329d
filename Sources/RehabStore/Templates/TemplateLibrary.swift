import RehabCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A programme template and where it came from.
public struct ProgrammeTemplate: Sendable, Hashable {
  public let plan: ProgrammePlan
  /// `built-in` or the path of the file it was read from.
  public let source: String

  public init(plan: ProgrammePlan, source: String) {
    self.plan = plan
    self.source = source
  }
}

/// The templates of `Programs/`, embedded at build time, plus any folder given with
/// `--templates DIR`.
public enum TemplateLibrary {
  public static let builtInSource = "built-in"

  /// Every built-in template, decoded and validated. A broken built-in template is a build
  /// mistake that the test suite catches; it is still reported, never trapped.
  public static func builtIn() throws(ProgrammeProblem) -> [ProgrammeTemplate] {
    var templates: [ProgrammeTemplate] = []
    for file in EmbeddedTemplates.files {
      let plan = try ProgrammeDecoding.plan(
        from: Array(file.json.utf8), file: "Programs/\(file.name) (built in)")
      templates.append(ProgrammeTemplate(plan: plan, source: builtInSource))
    }
    return templates
  }

  /// Built-in templates followed by those in `extraDirectory` (sorted by file name).
  public static func all(extraDirectory: String? = nil) throws -> [ProgrammeTemplate] {
    var templates = try builtIn()
    guard let extraDirectory else { return templates }
    for template in try TemplateLibrary.templates(in: extraDirectory) {
      if let clash = templates.first(where: { $0.plan.id == template.plan.id }) {
        throw ProgrammeProblem(
          file: template.source, path: "id",
          message: "'\(template.plan.id)' is already the id of a template (\(clash.source))",
          fix: "give this template another id")
      }
      templates.append(template)
    }
    return templates
  }

  /// The template with `id`; the error lists the ids there are.
  public static func template(id: String, extraDirectory: String? = nil) throws
    -> ProgrammeTemplate
  {
    let templates = try all(extraDirectory: extraDirectory)
    if let match = templates.first(where: { $0.plan.id == id }) { return match }
    throw TemplateNotFound(id: id, available: templates.map(\.plan.id))
  }

  /// Reads a programme file of one's own.
  public static func readPlan(at path: String) throws -> ProgrammePlan {
    try ProgrammeDecoding.plan(from: try readFile(path), file: path)
  }

  /// Reads one treatment of one's own (the shape of an entry of a template's `treatments`),
  /// for adding it to a running programme.
  public static func readTreatment(at path: String) throws -> Treatment {
    do {
      return try ProgrammeDecoding.decode(try readFile(path), file: path) as Treatment
    } catch let problem as ProgrammeProblem {
      throw problem.inFile(path)
    }
  }

  private static func templates(in directory: String) throws -> [ProgrammeTemplate] {
    guard TemplateLibrary.kind(of: directory) == .directory else {
      throw TemplateFileError(
        "templates folder \(directory) does not exist or is not a folder; give a folder of *.json templates"
      )
    }
    let names: [String]
    do {
      names = try DurableFiles.names(in: directory)
    } catch {
      let reason = error.problem.split(separator: ": ", maxSplits: 1).last.map(String.init)
      throw TemplateFileError(
        "cannot list \(directory): \(reason ?? error.problem); check its permissions")
    }
    return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
      let path = DataDirectory.join(directory, name)
      return ProgrammeTemplate(
        plan: try ProgrammeDecoding.plan(from: try readFile(path), file: path), source: path)
    }
  }

  private static func readFile(_ path: String) throws -> [UInt8] {
    let kind = TemplateLibrary.kind(of: path)
    guard kind != .missing else {
      throw TemplateFileError("\(path) does not exist; check the path")
    }
    guard kind != .directory else {
      throw TemplateFileError("\(path) is a folder; give the path of a programme .json file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TemplateFileError("cannot read \(path); check its permissions")
    }
    return Array(data)
  }

  private enum Kind { case missing, directory, other }

  /// What is at `path`, following symbolic links (as FileManager.fileExists does).
  private static func kind(of path: String) -> Kind {
    var status = stat()
    guard stat(path, &status) == 0 else { return .missing }
    return status.st_mode & S_IFMT == S_IFDIR ? .directory : .other
  }
}

/// A template name no template has.
public struct TemplateNotFound: Error, CustomStringConvertible {
  public let id: String
  public let available: [String]

  public var description: String {
    "no template named '\(id)'; choose one of: \(available.joined(separator: ", "))"
  }
}

/// A template file or folder that cannot be read at all.
public struct TemplateFileError: Error, CustomStringConvertible {
  public let description: String

  init(_ description: String) { self.description = description }
}
