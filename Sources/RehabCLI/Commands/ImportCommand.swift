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
    let archive = try ImportCommand.read(file)
    let outcome: DataFolderImport.Outcome
    do {
      outcome = try DataFolderImport.run(
        archive, into: target, replacing: force, faults: store.faults)
    } catch DataFolderImport.Refusal.notEmpty {
      throw CLIError(
        "\(target) is not empty; use --force to replace it (the current data is kept beside it), or choose another --data-dir"
      )
    }
    let count = archive.weeks.filter { !$0.isEmpty }.count
    let earlier = archive.earlierProgrammes.count
    let programmes =
      earlier == 0
      ? "" : " (after \(earlier) earlier programme\(earlier == 1 ? "" : "s"), kept too)"
    Output.line(
      "Imported \(Output.safe(archive.programme.plan.title))\(programmes) and \(count) week\(count == 1 ? "" : "s") of progress into \(Output.safe(target))."
    )
    if let kept = outcome.kept {
      Output.line("The previous data is kept in \(Output.safe(kept)).")
    }
  }

  /// The export file, decoded and checked; a one-line error naming the file and the place.
  static func read(_ path: String) throws -> ExportArchive {
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
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("\(path) cannot be read as a file; check the path and its permissions")
    }
    do {
      // A byte order mark is accepted here as in every file rehabit reads.
      let bytes = Array(data)
      return try ExportArchive.decode(
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
    } catch {
      throw CLIError("\(path): \(error.path): \(error.message); \(error.fix); nothing was imported")
    }
  }
}
