import RehabCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Restoring a data folder from an export as one locked, crash-safe transaction.
///
/// The new folder is built in a staging folder beside the data folder, named
/// `.NAME.rehabit-import-XXXXXX` and marked inside (`stagingMarker`), and then swaps places with
/// the data folder in one `renameat2(RENAME_EXCHANGE)`: at every instant the path holds a
/// complete folder, the old one or the new one. The old folder, now at the staging name
/// without the marker, is then renamed to `NAME.before-import-XXXXXX`. The import holds the
/// data folder's lock throughout, so no writer works in the old folder meanwhile; a writer that
/// waited for the lock finds it belongs to the folder moved aside and locks the new one.
///
/// What a killed import leaves is put right by `recover`, which every command runs first: a
/// staging folder with the marker is deleted (the data folder was never swapped), one without
/// it is the old data and becomes the kept copy; where the file system cannot swap (two renames
/// instead) and the data folder is missing, the complete staging folder is moved into place.
public enum DataFolderImport {
  /// Present in a staging folder from its creation: its contents are an import's, not the
  /// user's data.
  static let stagingMarker = ".rehabit-import-staging"
  /// Written once the staging folder holds the whole import.
  static let completeMarker = ".rehabit-import-complete"
  /// The largest export file read (`SECURITY.md`, "Limits").
  public static let maximumArchiveSize = 64 * 1024 * 1024

  public struct Outcome: Hashable, Sendable {
    /// Where the previous data folder is kept; nil when there was none (or it was empty).
    public var kept: String?
    /// The weeks with records written (empty ones are not).
    public var weeks: Int = 0
  }

  /// Why an import did not happen; nothing was changed.
  public enum Refusal: Error, Hashable, Sendable {
    /// The data folder has data and `replacing` was false.
    case notEmpty(String)
  }

  /// Imports `archive` into `target`. Refuses a non-empty folder unless `replacing`; a
  /// refused or failed import leaves nothing behind.
  public static func run(
    _ archive: ExportArchive, into path: String, replacing: Bool, faults: FileFaults = .none
  ) throws -> Outcome {
    try run(StreamedArchive(archive), into: path, replacing: replacing, faults: faults)
  }

  /// `run` with the weeks taken one at a time: each is written to the staging folder as it
  /// comes, and an error of `archive.week` stops the import, as it is, with nothing left.
  public static func run(
    _ archive: StreamedArchive, into path: String, replacing: Bool, faults: FileFaults = .none
  ) throws -> Outcome {
    let target = trimmed(path)
    let parent = DurableFiles.parentDirectory(of: target)
    var status = stat()
    if lstat(target, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFLNK {
        throw StoreError(
          .fileSystem, file: target,
          problem: "is a symbolic link, which an import would replace rather than fill",
          fix: "give the folder it points to; nothing was changed", remedy: .chooseDataDirectory)
      }
      guard status.st_mode & S_IFMT == S_IFDIR else {
        throw StoreError(
          .fileSystem, file: target, problem: "is not a folder",
          fix: "choose another data directory; nothing was changed",
          remedy: .chooseDataDirectory)
      }
    }
    try DurableFiles.makeDirectories(parent)
    recover(target)

    let exists = lstat(target, &status) == 0
    // The same lock every writer takes, held to the end: no writer works in the old folder
    // while it is copied aside, and none is lost in between.
    let lock = exists ? try DurableFiles.Lock(path: DataDirectory.join(target, ".lock")) : nil
    defer { lock?.release() }
    // The lock and the derived cache folder are not data: a folder holding only them is empty.
    let existing =
      exists
      ? try DurableFiles.names(in: target).filter {
        $0 != ".lock" && $0 != WeekDigestFile.folderName
      } : []
    if !existing.isEmpty, !replacing { throw Refusal.notEmpty(target) }

    let staging = try makeStaging(for: target)
    var placed = false
    defer { if !placed { removeTree(staging.path) } }
    defer { close(staging.lock) }
    let store = ProgressStore(directory: staging.path, faults: faults)
    try store.prepareDirectory()
    try store.saveProgramme(archive.programme, replacing: false)
    for earlier in archive.earlierProgrammes { try store.keepEarlierProgramme(earlier) }
    let weeks = try stage(archive, in: store)
    try DurableFiles.writeAtomically([], directory: staging.path, name: completeMarker)
    faults.reached(.staged)

    guard exists else {
      guard rename(staging.path, target) == 0 else {
        throw DurableFiles.failure(errno, target, doing: "cannot move the imported data into place")
      }
      placed = true
      finish(target, parent: parent)
      return Outcome(kept: nil, weeks: weeks)
    }
    // The old folder's own lock as well, so `recover` in another process leaves it alone while
    // it sits at the staging name.
    let oldFolder = open(target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    if oldFolder >= 0 { _ = flock(oldFolder, LOCK_EX) }
    defer { if oldFolder >= 0 { close(oldFolder) } }
    if exchange(staging.path, target) {
      placed = true
      faults.reached(.swapped)
      finish(target, parent: parent)
      faults.reached(.placed)
      let kept = keep(staging.path, for: target)
      DurableFiles.syncQuietly(parent)
      if existing.isEmpty, let kept {
        removeTree(kept)
        return Outcome(kept: nil, weeks: weeks)
      }
      return Outcome(kept: kept, weeks: weeks)
    }
    // No atomic swap here (an old kernel, a file system without it): two renames, and
    // `recover` completes the second if the process dies between them.
    guard let kept = keep(target, for: target) else {
      throw DurableFiles.failure(errno, target, doing: "cannot move the current data aside")
    }
    faults.reached(.swapped)
    guard rename(staging.path, target) == 0 else {
      let code = errno
      rename(kept, target)
      throw DurableFiles.failure(code, target, doing: "cannot move the imported data into place")
    }
    placed = true
    finish(target, parent: parent)
    faults.reached(.placed)
    if existing.isEmpty {
      removeTree(kept)
      return Outcome(kept: nil, weeks: weeks)
    }
    return Outcome(kept: kept, weeks: weeks)
  }

  /// Puts right what a killed import left beside `path` (see the type's comment). Folders an
  /// import in progress holds (flock) are left alone. Never fails: what cannot be put right
  /// stays for the next run.
  public static func recover(_ path: String) {
    let target = trimmed(path)
    let parent = DurableFiles.parentDirectory(of: target)
    let prefix = stagingPrefix(for: target)
    guard let names = try? DurableFiles.names(in: parent) else { return }
    var status = stat()
    // Only a folder that recovery changed needs the parent flushed: a command with nothing to
    // recover (nearly every one) does no fsync here.
    var changed = false
    for name in names where name.hasPrefix(prefix) {
      changed = true
      let leftover = DataDirectory.join(parent, name)
      guard lstat(leftover, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
      let fd = open(leftover, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // an import is running
      let marked = DurableFiles.exists(DataDirectory.join(leftover, stagingMarker))
      let complete = DurableFiles.exists(DataDirectory.join(leftover, completeMarker))
      if !marked {
        // The old data, swapped out by an import that died before naming it (or a staging
        // folder that died before its marker, still empty).
        if rmdir(leftover) != 0 { _ = keep(leftover, for: target) }
      } else if complete, lstat(target, &status) != 0 {
        // Died between the two renames of the fallback: finish the import.
        if rename(leftover, target) == 0 { finish(target, parent: parent) }
      } else {
        removeTree(leftover)
      }
    }
    // A swapped-in folder whose markers were not removed yet.
    if DurableFiles.exists(DataDirectory.join(target, stagingMarker)) {
      finish(target, parent: parent)
      changed = true
    }
    if changed { DurableFiles.syncQuietly(parent) }
  }

  // MARK: Steps

  /// The week files of the import in the staging folder, as `updateWeek` would write each
  /// (ids given, checked, encoded the same way), but without a temporary name and an fsync
  /// per file: the folder is private and marked, so a crash leaves a staging folder that
  /// `recover` deletes, never a half file in the data folder. One flush of the file system at
  /// the end (`syncfs`, or each file where there is none) makes them durable before the
  /// complete marker is written.
  private static func stage(_ archive: StreamedArchive, in store: ProgressStore) throws -> Int {
    #if os(Linux)
      let flushEach = false
    #else
      let flushEach = true
    #endif
    var written = 0
    for index in 0..<archive.weekCount {
      var week = try archive.week(index)
      guard !week.isEmpty else { continue }
      written += 1
      let path = store.file(for: week.week)
      // A week the archive's reader checked is checked again only if it changed here.
      let changed = try store.assignIDs(&week)
      if changed || !archive.weeksAreChecked, let problem = week.problems.first {
        throw StoreError(
          .invalidChange, file: path, problem: "\(problem.path): \(problem.message)",
          fix: "\(problem.fix); nothing was written")
      }
      let bytes: [UInt8]
      do {
        // The same bytes as the encoder's, printed directly where that is sure
        // (`ProgressWeekWriter`); the encoder was most of an import's time.
        bytes = try ProgressWeekWriter.file(week) ?? JSONCoding.encode(week)
      } catch {
        throw StoreError(
          .invalidChange, file: path, problem: "cannot encode: \(error)",
          fix: "nothing was written; please report this")
      }
      try DurableFiles.writeNew(bytes, at: path, flush: flushEach)
    }
    #if os(Linux)
      let folder = open(store.progressDirectory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard folder >= 0 else {
        throw DurableFiles.failure(errno, store.progressDirectory, doing: "cannot open")
      }
      defer { close(folder) }
      // `syncfs` is a GNU extension Glibc's Swift overlay does not import.
      typealias SyncFS = @convention(c) (Int32) -> Int32
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "syncfs"),
        unsafeBitCast(symbol, to: SyncFS.self)(folder) == 0
      else {
        throw DurableFiles.failure(errno, store.progressDirectory, doing: "cannot flush")
      }
    #endif
    try DurableFiles.syncDirectory(store.progressDirectory, faults: store.faults)
    return written
  }

  private static func trimmed(_ path: String) -> String {
    var trimmed = path
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    return trimmed
  }

  private static func stagingPrefix(for target: String) -> String {
    let name = target.split(separator: "/").last.map(String.init) ?? target
    return ".\(name).rehabit-import-"
  }

  /// A new 0700 staging folder (whatever the umask), marked, and held with flock.
  private static func makeStaging(for target: String) throws(StoreError) -> (
    path: String, lock: Int32
  ) {
    let parent = DurableFiles.parentDirectory(of: target)
    var template = Array(
      DataDirectory.join(parent, stagingPrefix(for: target) + "XXXXXX").utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) } != nil
    }
    guard created else {
      throw DurableFiles.failure(errno, parent, doing: "cannot create a folder in")
    }
    let path = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0, flock(fd, LOCK_EX) == 0, chmod(path, DurableFiles.directoryMode) == 0 else {
      let code = errno
      if fd >= 0 { close(fd) }
      removeTree(path)
      throw DurableFiles.failure(code, path, doing: "cannot prepare")
    }
    do {
      try DurableFiles.writeAtomically([], directory: path, name: stagingMarker)
    } catch {
      close(fd)
      removeTree(path)
      throw error
    }
    return (path, fd)
  }

  /// Swaps two folders atomically (Linux `renameat2(RENAME_EXCHANGE)`); false where the kernel
  /// or the file system cannot, and nothing changed.
  private static func exchange(_ first: String, _ second: String) -> Bool {
    #if os(Linux)
      typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
      let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
      let renameExchange: UInt32 = 1 << 1
      return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    #else
      return false
    #endif
  }

  /// Renames `folder` to a new `TARGET.before-import-XXXXXX` beside the target; its path, or
  /// nil when no rename worked.
  @discardableResult
  private static func keep(_ folder: String, for target: String) -> String? {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    var status = stat()
    for _ in 0..<32 {
      let suffix = String((0..<6).map { _ in alphabet.randomElement() ?? "x" })
      let name = "\(target).before-import-\(suffix)"
      guard lstat(name, &status) != 0 else { continue }
      if rename(folder, name) == 0 { return name }
      return nil
    }
    return nil
  }

  /// The imported folder in place: its markers go, and the rename is synced.
  private static func finish(_ target: String, parent: String) {
    unlink(DataDirectory.join(target, completeMarker))
    unlink(DataDirectory.join(target, stagingMarker))
    DurableFiles.syncQuietly(target)
    DurableFiles.syncQuietly(parent)
  }

  /// Removes a folder an import made (and only such a folder), without following links.
  static func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}
