import Foundation
import Testing

/// Runs the built `rehabit` binary as a user or a script would, for end-to-end tests.
/// Non-interactive runs only: tmux sessions need posix_spawn (see docs/NCURSES-NOTES.md).
enum RehabitBinary {
  /// The `rehabit` executable beside the test bundle (`swift test` builds it), or
  /// `$REHABIT_BIN` when set.
  static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["REHABIT_BIN"], !explicit.isEmpty {
      return explicit
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // The runner may be the bundle's own executable, inside `….xctest/`; step out of it.
    while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
      || directory.lastPathComponent == "Contents"
    {
      directory.deleteLastPathComponent()
    }
    let beside = directory.appendingPathComponent("rehabit").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    // Fall back to the package's default debug products folder.
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return package.appendingPathComponent(".build/debug/rehabit").path
  }

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String

    var succeeded: Bool { status == 0 }
  }

  /// Runs `rehabit ARGUMENTS` to completion with stdout and stderr captured via files (no pipe
  /// can fill up and deadlock), `NO_COLOR` unset and a fixed locale.
  @discardableResult
  static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result
  {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehabit-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("out")
    let err = scratch.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = nil
    environment["LANG"] = "C.UTF-8"
    environment["SWIFT_BACKTRACE"] = "enable=no"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
  }
}

/// A fresh temporary data folder for one test, removed afterwards by `cleanUp`.
struct TemporaryDataDirectory {
  let root: URL
  var path: String { root.appendingPathComponent("data").path }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehabit-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func cleanUp() { try? FileManager.default.removeItem(at: root) }

  /// Every file below the data folder with its bytes, to prove a failed command changed nothing.
  func snapshot() -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: path) else { return files }
    while let relative = walker.nextObject() as? String {
      let full = (path as NSString).appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files[relative] = FileManager.default.contents(atPath: full)
      }
    }
    return files
  }
}
