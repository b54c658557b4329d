import RehabCore

/// A failure of the data directory, always one line: what is wrong, the file, how to fix it.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// A file that cannot be read as what it should be: invalid JSON, a wrong shape, an unknown
    /// schema version. It is left exactly as it is.
    case damagedFile
    /// `saveProgramme(_:replacing: false)` found a programme already.
    case programmeExists
    /// No data directory can be worked out (no HOME, an empty option).
    case noDataDirectory
    /// A change would store a record the file format cannot hold; nothing was written.
    case invalidChange
    /// An id names no live pain entry, note or check-in; nothing was changed.
    case noSuchRecord
    /// The operating system refused (permissions, a full disk, a read-only file system …).
    case fileSystem
    /// The change is in the file, but the disk did not confirm it durable (the folder's fsync
    /// failed after the rename). Not "nothing was changed": a retry must not store it twice.
    case unconfirmed
  }

  /// What can be done about it when that is something a front end offers (an option, a key):
  /// each front end words it its own way; `fix` says it in neutral words.
  public enum Remedy: Hashable, Sendable {
    /// Use another data directory.
    case chooseDataDirectory
    /// Replace the existing programme, on purpose.
    case replaceProgramme
    /// Look at the records of this day and their ids.
    case listRecords(CalendarDay)
  }

  public var kind: Kind
  /// The file or directory concerned, when there is one.
  public var file: String?
  public var problem: String
  /// How to fix it, in words that name no command, option or key.
  public var fix: String
  public var remedy: Remedy?

  public init(_ kind: Kind, file: String?, problem: String, fix: String, remedy: Remedy? = nil) {
    self.kind = kind
    self.file = file
    self.problem = problem
    self.fix = fix
    self.remedy = remedy
  }

  public var description: String {
    let text = "\(problem); \(fix)"
    let line = file.map { "\($0): \(text)" } ?? text
    return line.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
