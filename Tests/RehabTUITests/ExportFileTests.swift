import Foundation
import RehabStore
import Testing

/// `ExportFile.write`, the one writer behind `rehabit export --output` and the Export dialog.
@Suite("ExportFile")
struct ExportFileTests {
  func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehabit-export-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func mode(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
  }

  @Test func writesANewPrivateFileAndRefusesToOverwriteIt() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = "\(folder)/summary.md"
    try ExportFile.write(Array("first".utf8), to: path, replacing: false)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
    #expect(try mode(path) == 0o600)
    #expect {
      try ExportFile.write(Array("second".utf8), to: path, replacing: false)
    } throws: { ($0 as? ExportFileError)?.kind == .exists }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
    try ExportFile.write(Array("second".utf8), to: path, replacing: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    #expect(try mode(path) == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["summary.md"])
  }

  @Test func aFolderOrAMissingFolderIsRefusedWithNothingWritten() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect {
      try ExportFile.write([], to: folder, replacing: true)
    } throws: { ($0 as? ExportFileError)?.kind == .isFolder }
    let missing = "\(folder)/nowhere/x.csv"
    #expect {
      try ExportFile.write([], to: missing, replacing: false)
    } throws: { error in
      guard let error = error as? ExportFileError else { return false }
      return error.kind == .noFolder && error.directory == "\(folder)/nowhere"
        && error.description.contains("does not exist")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  @Test func theParentDirectoryOfAPath() {
    #expect(ExportFile.parentDirectory(of: "a.md") == ".")
    #expect(ExportFile.parentDirectory(of: "/a.md") == "/")
    #expect(ExportFile.parentDirectory(of: "/home/ana/a.md") == "/home/ana")
  }
}
