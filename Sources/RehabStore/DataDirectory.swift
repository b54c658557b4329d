/// Where rehabit keeps its files (docs/ARCHITECTURE.md, "Files on disk").
public enum DataDirectory {
  /// The folder inside `$XDG_DATA_HOME` or `~/.local/share`.
  public static let folderName = "rehabit"

  /// `explicit` (the front end's choice), else $REHABIT_HOME, else $XDG_DATA_HOME/rehabit, else ~/.local/share/rehabit
  /// (HOME from environment). Empty variables count as unset; a relative `$XDG_DATA_HOME` is
  /// ignored, as the XDG specification says. A leading `~/` is expanded, for an option written
  /// `=~/x` where the shell does not.
  public static func resolve(explicit: String?, environment: [String: String]) throws(StoreError)
    -> String
  {
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    func expand(_ path: String, _ source: String) throws(StoreError) -> String {
      guard path == "~" || path.hasPrefix("~/") else { return path }
      guard let home else {
        throw StoreError(
          .noDataDirectory, file: nil, problem: "\(source) starts with ~ but HOME is not set",
          fix: "give the full path")
      }
      return home + path.dropFirst()
    }
    if let explicit {
      guard !explicit.isEmpty else {
        throw StoreError(
          .noDataDirectory, file: nil, problem: "the data directory given is empty",
          fix: "give a directory, e.g. ~/rehab", remedy: .chooseDataDirectory)
      }
      return try expand(explicit, "the data directory given")
    }
    if let value = environment["REHABIT_HOME"], !value.isEmpty {
      return try expand(value, "REHABIT_HOME")
    }
    if let value = environment["XDG_DATA_HOME"], value.hasPrefix("/") {
      return join(value, folderName)
    }
    guard let home else {
      throw StoreError(
        .noDataDirectory, file: nil,
        problem: "cannot choose a data directory: HOME is not set",
        fix: "choose a data directory or set REHABIT_HOME", remedy: .chooseDataDirectory)
    }
    return join(join(home, ".local/share"), folderName)
  }

  static func join(_ base: String, _ name: String) -> String {
    base.hasSuffix("/") ? base + name : base + "/" + name
  }
}
