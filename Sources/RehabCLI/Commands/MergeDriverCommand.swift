import ArgumentParser
import RehabStore

/// `rehabit merge-driver %O %A %B %P`: what git runs to merge rehabit's data files
/// (registered by `.gitattributes` in a synced data folder). Hidden from `--help`: people never
/// type it. Writes the merge into `%A` and exits 0; a damaged side exits 1 with one line naming
/// the file, so git reports a conflict instead of merging a damaged file into a good one.
struct MergeDriverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-driver",
    abstract: "Merge two versions of a rehabit data file for git (%O %A %B %P).",
    shouldDisplay: false)

  @Argument(help: "The common ancestor's version (git's %O); may be empty.")
  var base: String
  @Argument(help: "Our version (git's %A); the merge is written here.")
  var ours: String
  @Argument(help: "Their version (git's %B).")
  var theirs: String
  @Argument(help: "The file's path in the data folder (git's %P).")
  var path: String

  func run() throws {
    try MergeDriver.run(base: base, ours: ours, theirs: theirs, path: path)
  }
}
