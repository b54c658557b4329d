import Foundation

/// Writes a Swift file holding each given JSON file's name and text as raw string literals.
/// Usage: TemplateEmbedder OUTPUT.swift INPUT.json…
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
  FileHandle.standardError.write(Data("usage: TemplateEmbedder OUTPUT.swift INPUT.json…\n".utf8))
  exit(2)
}

/// A raw-string delimiter longer than any run of `#` in the text, so no content can end it.
func delimiter(for text: String) -> String {
  var longest = 0
  var run = 0
  for character in text {
    run = character == "#" ? run + 1 : 0
    longest = max(longest, run)
  }
  return String(repeating: "#", count: longest + 1)
}

var source = """
  // Generated at build time by TemplateEmbedder from Programs/*.json. Do not edit.

  enum EmbeddedTemplates {
    /// (file name, JSON text) for each bundled programme template, sorted by file name.
    static let files: [(name: String, json: String)] = [

  """
for path in arguments.dropFirst() {
  let url = URL(fileURLWithPath: path)
  guard let text = try? String(contentsOf: url, encoding: .utf8) else {
    FileHandle.standardError.write(Data("TemplateEmbedder: cannot read \(path) as UTF-8\n".utf8))
    exit(1)
  }
  let hashes = delimiter(for: text)
  source += "    (\"\(url.lastPathComponent)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
source += "  ]\n}\n"

do {
  try source.write(toFile: outputPath, atomically: false, encoding: .utf8)
} catch {
  FileHandle.standardError.write(
    Data("TemplateEmbedder: cannot write \(outputPath): \(error)\n".utf8))
  exit(1)
}
