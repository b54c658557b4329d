import ArgumentParser
import RehabCore
import RehabStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// `rehabit import FILE`: restores a data directory from `rehabit export --format json`.
///
/// Everything is checked before anything is written. The records are written through the
/// store into a new folder beside the data directory, which then takes the data directory's
/// place with a rename, so the data directory is always either the old one or the complete new
/// one. With `--force` a non-empty data directory is replaced and kept beside it under a new
/// name.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Restore a data directory from `rehabit export --format json`.")

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("The export file to restore.", valueName: "file"))
  var file: String
  @Flag(help: "Replace a data directory that is not empty (the old one is kept beside it).")
  var force = false

  func run() throws {
    let store = try common.store()
    let target = store.directory
    let archive = try ImportCommand.read(file)

    let existing = try ImportCommand.entries(of: target)
    if let existing, !existing.isEmpty, !force {
      throw CLIError(
        "\(target) is not empty; use --force to replace it (the current data is kept beside it), or choose another --data-dir"
      )
    }

    let staging = try ImportCommand.makeSibling(of: target, suffix: "import")
    var moved = false
    defer { if !moved { ImportCommand.removeTree(staging) } }
    let stagingStore = ProgressStore(directory: staging)
    try stagingStore.prepareDirectory()
    try stagingStore.saveProgramme(archive.programme, replacing: false)
    for week in archive.weeks where !week.isEmpty {
      try stagingStore.updateWeek(week.week) { stored in stored = week }
    }

    var kept: String?
    if let existing, !existing.isEmpty {
      let backup = try ImportCommand.makeSibling(of: target, suffix: "before-import")
      // rename() over the empty placeholder directory moves the old data in atomically.
      guard rename(target, backup) == 0 else {
        throw ImportCommand.failure(errno, target, "cannot move the current data aside")
      }
      kept = backup
    } else if existing != nil {
      rmdir(target)
    }
    guard rename(staging, target) == 0 else {
      let code = errno
      if let kept { rename(kept, target) }
      throw ImportCommand.failure(code, target, "cannot move the imported data into place")
    }
    moved = true
    ImportCommand.syncDirectory(ExportFileWriter.parent(of: target))

    let count = archive.weeks.filter { !$0.isEmpty }.count
    Output.line(
      "Imported \(Output.safe(archive.programme.plan.title)) and \(count) week\(count == 1 ? "" : "s") of progress into \(Output.safe(target))."
    )
    if let kept { Output.line("The previous data is kept in \(Output.safe(kept)).") }
  }

  /// The export file, decoded and checked; a one-line error naming the file and the place.
  static func read(_ path: String) throws -> ExportArchive {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw CLIError("\(path) does not exist; give the file `rehabit export --format json` wrote")
    }
    guard status.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: path)
    else {
      throw CLIError("\(path) cannot be read as a file; check the path and its permissions")
    }
    do {
      return try ExportArchive.decode(Array(data))
    } catch {
      throw CLIError("\(path): \(error.path): \(error.message); \(error.fix); nothing was imported")
    }
  }

  /// The names in `directory`; nil when it does not exist.
  static func entries(of directory: String) throws -> [String]? {
    var status = stat()
    guard stat(directory, &status) == 0 else { return nil }
    guard status.st_mode & S_IFMT == S_IFDIR else {
      throw CLIError("\(directory) is not a folder; choose another --data-dir")
    }
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw CLIError("\(directory) cannot be listed; check its permissions")
    }
  }

  /// A new empty 0700 folder beside `path`, named `path.SUFFIX-XXXXXX`.
  static func makeSibling(of path: String, suffix: String) throws -> String {
    var trimmed = path
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    let parent = ExportFileWriter.parent(of: trimmed)
    do {
      try FileManager.default.createDirectory(
        atPath: parent, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw CLIError("cannot create \(parent); choose another --data-dir")
    }
    var template = Array("\(trimmed).\(suffix)-XXXXXX".utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) } != nil
    }
    guard created else { throw failure(errno, parent, "cannot create a folder in") }
    return String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Removes a folder this command created (and only such a folder).
  static func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }

  static func syncDirectory(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  static func failure(_ code: Int32, _ path: String, _ action: String) -> CLIError {
    CLIError("\(path): \(action): \(String(cString: strerror(code))); nothing was changed")
  }
}
