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
/// Everything is checked before anything is written; then the store's `DataFolderImport` does
/// the rest as one locked, crash-safe transaction (the data directory is at every instant the
/// old one or the complete new one). With `--force` a non-empty data directory is replaced and
/// kept beside it under a new name.
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
    let bytes = try ImportCommand.read(file)
    let outcome: DataFolderImport.Outcome
    let programme: String
    let earlier: Int
    do {
      // Each week is read from the export as it is written into the new folder, which is
      // swapped in only once all are written and checked.
      (outcome, programme, earlier) = try ExportArchive.reading(bytes) { archive in
        (
          try DataFolderImport.run(archive, into: target, replacing: force, faults: store.faults),
          archive.programme.plan.title, archive.earlierProgrammes.count
        )
      }
    } catch DataFolderImport.Refusal.notEmpty {
      throw CLIError(
        "\(target) is not empty; use --force to replace it (the current data is kept beside it), or choose another --data-dir"
      )
    } catch let problem as ExportProblem {
      throw CLIError(
        "\(file): \(problem.path): \(problem.message); \(problem.fix); nothing was imported")
    }
    let count = outcome.weeks
    let programmes =
      earlier == 0
      ? "" : " (after \(earlier) earlier programme\(earlier == 1 ? "" : "s"), kept too)"
    Output.line(
      "Imported \(Output.safe(programme))\(programmes) and \(count) week\(count == 1 ? "" : "s") of progress into \(Output.safe(target))."
    )
    if let kept = outcome.kept {
      Output.line("The previous data is kept in \(Output.safe(kept)).")
    }
  }

  /// The export file's bytes (a byte order mark dropped, as in every file rehabit reads); a
  /// one-line error naming the file when it cannot be one.
  static func read(_ path: String) throws -> [UInt8] {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw CLIError("\(path) does not exist; give the file `rehabit export --format json` wrote")
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw CLIError("\(path) cannot be read as a file; check the path and its permissions")
    }
    guard Int(status.st_size) <= DataFolderImport.maximumArchiveSize else {
      throw CLIError(
        "\(path) is larger than \(DataFolderImport.maximumArchiveSize / (1024 * 1024)) MiB, more than any export of rehabit; give the file `rehabit export --format json` wrote; nothing was imported"
      )
    }
    // Read straight into one array (no `Data` beside it: the file is most of the peak memory).
    guard let bytes = readWhole(path, size: Int(status.st_size)) else {
      throw CLIError("\(path) cannot be read as a file; check the path and its permissions")
    }
    return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
  }

  /// The file's bytes (`size` from `stat`, more if it grew), or nil when it cannot be read.
  private static func readWhole(_ path: String, size: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: max(0, size) + 1) { buffer, count in
      count = 0
      while count < buffer.count {
        let read = Glibc.read(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
        if read < 0, errno == EINTR { continue }
        if read < 0 { failed = true }
        if read <= 0 { return }
        count += read
      }
    }
    guard !failed else { return nil }
    guard bytes.count > size else { return bytes }
    // It grew since `stat`: the rest, in chunks, up to the largest export read.
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while bytes.count <= DataFolderImport.maximumArchiveSize {
      let read = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if read < 0, errno == EINTR { continue }
      if read < 0 { return nil }
      if read == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<read])
    }
    return bytes
  }
}
