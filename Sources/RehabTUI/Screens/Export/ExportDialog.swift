import RehabCore
import TerminalUI

/// The Export dialog: a format (`ExportFormat.allCases`) and a file path, prefilled with the
/// format's suggested name in the export directory. Enter exports; an existing file is only
/// replaced after "replace? y/n"; the dialog then says where the file went.
public struct ExportDialog: Equatable, Sendable {
  public enum Stage: Equatable, Sendable {
    /// Choosing the format and typing the path.
    case editing
    /// The export effect is under way.
    case writing
    /// The file exists: replace it (y) or choose another name (n).
    case confirmReplace(path: String)
    /// Written to this absolute path.
    case done(path: String)
  }

  public static let formats = ExportFormat.allCases
  public static let maxPathLength = 1024

  public var formatIndex: Int
  public var pathField: TextField
  public var stage: Stage
  /// Why the export failed, or what is wrong with the path.
  public var problem: String?
  /// The day the suggested file name carries (today).
  public var day: CalendarDay
  /// Where relative paths go: the current directory or the home directory.
  public var directory: String
  public var homeDirectory: String?

  public init(day: CalendarDay, directory: String, homeDirectory: String?) {
    self.formatIndex = 0
    self.day = day
    self.directory = directory
    self.homeDirectory = homeDirectory
    self.pathField = TextField(maxLength: ExportDialog.maxPathLength, placeholder: "file path")
    self.stage = .editing
    self.problem = nil
    pathField.setValue(suggestedPath(for: format))
  }

  public var format: ExportFormat {
    ExportDialog.formats[min(max(0, formatIndex), ExportDialog.formats.count - 1)]
  }

  /// `DIRECTORY/rehabit-DAY.EXT`.
  public func suggestedPath(for format: ExportFormat) -> String {
    let name = format.suggestedFileName(on: day)
    return directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)"
  }

  /// Another format; a path ending in the old format's extension takes the new one.
  public mutating func changeFormat(by delta: Int) {
    let old = format
    let count = ExportDialog.formats.count
    formatIndex = ((formatIndex + delta) % count + count) % count
    let path = pathField.value
    let oldSuffix = "." + old.fileExtension
    if path.hasSuffix(oldSuffix) {
      pathField.setValue(String(path.dropLast(oldSuffix.count)) + "." + format.fileExtension)
    }
    problem = nil
  }

  /// The typed path made absolute: `~/` is the home directory, a relative path goes in
  /// `directory`. A problem when there is no file name to write.
  public func resolvedPath() -> Result<String, PathProblem> {
    var path = pathField.value.trimmingWhitespace
    guard !path.isEmpty else { return .failure(PathProblem("Type a file path.")) }
    if path == "~" || path.hasPrefix("~/") {
      guard let home = homeDirectory else {
        return .failure(PathProblem("No home directory is known; type the whole path."))
      }
      path = home + path.dropFirst()
    } else if !path.hasPrefix("/") {
      path = (directory.hasSuffix("/") ? directory : directory + "/") + path
    }
    guard !path.hasSuffix("/") else {
      return .failure(PathProblem("\(path) is a folder; add a file name."))
    }
    return .success(path)
  }

  public struct PathProblem: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
  }
}

/// What became of an export (the runner's answer to `.export`).
public enum ExportOutcome: Equatable, Sendable {
  case written(path: String)
  /// The file exists and was not replaced.
  case exists(path: String)
  /// One line: what went wrong (nothing was written).
  case failed(String)
}
