#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A test seam over the few file-system steps whose failure a test must reproduce: the
/// folder's fsync after a rename, and the points of an import between its renames. `.none`
/// (the real calls, no pause) is what every release run uses; only a test hands in another,
/// in-process, or, for a child process of a debug build, through `fromEnvironment`.
public struct FileFaults: Sendable {
  /// The error (an errno) the folder's fsync of `directory` fails with; nil: the real fsync.
  public var directorySync: @Sendable (_ directory: String) -> Int32?
  /// Called when an import reaches `step`; a test may stop the process there.
  public var reached: @Sendable (_ step: ImportStep) -> Void

  public init(
    directorySync: @escaping @Sendable (String) -> Int32? = { _ in nil },
    reached: @escaping @Sendable (ImportStep) -> Void = { _ in }
  ) {
    self.directorySync = directorySync
    self.reached = reached
  }

  /// The real file system.
  public static let none = FileFaults()

  /// For the test suite's child processes, and only in a debug build (a release build always
  /// answers `.none`): `REHABIT_TEST_FAULT=dirsync-eio` fails every folder fsync with EIO;
  /// `REHABIT_TEST_FAULT=kill:STEP` (an `ImportStep`) ends the process with SIGKILL there.
  public static func fromEnvironment(_ environment: [String: String]) -> FileFaults {
    #if DEBUG
      guard let fault = environment["REHABIT_TEST_FAULT"] else { return .none }
      if fault == "dirsync-eio" { return FileFaults(directorySync: { _ in EIO }) }
      if fault.hasPrefix("kill:"), let step = ImportStep(rawValue: String(fault.dropFirst(5))) {
        return FileFaults(reached: { reached in
          if reached == step { kill(getpid(), SIGKILL) }
        })
      }
      return .none
    #else
      return .none
    #endif
  }
}

/// The points of an import where the folder is in a new state (`DataFolderImport`).
public enum ImportStep: String, Sendable, CaseIterable {
  /// The staging folder is complete and synced; nothing at the data folder has changed yet.
  case staged
  /// The staging folder and the data folder have swapped (or, where they cannot swap, the old
  /// folder has been moved aside and the new one not yet into place).
  case swapped
  /// The imported data is in place; the old folder is at its staging name, not yet renamed.
  case placed
}
