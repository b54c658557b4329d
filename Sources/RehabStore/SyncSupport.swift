#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a sync of the data folder asks of the store: the folder's lock held across a whole
/// run of another program (git), and a check that every data file decodes before any of them
/// is shared. The git work itself lives in the CLI (`Sources/RehabCLI/Sync/`).
extension ProgressStore {
  /// Runs `body` while holding the data folder's lock, so no rehabit writer changes a file
  /// while git commits, merges or checks out. The lock file is created (0600) if missing.
  public func whileLocked<T>(_ body: () throws -> T) throws -> T {
    try DurableFiles.makeDirectories(directory)
    let lock = try DurableFiles.Lock(path: lockFile)
    defer { lock.release() }
    return try body()
  }

  /// The first data file that does not decode (programme.json, an earlier programme, a week
  /// file), as the store's error naming it; nil when every file reads. A missing file is fine.
  public func firstDamagedFile() -> StoreError? {
    do {
      _ = try loadProgramme()
      _ = try loadEarlierProgrammes()
      for week in try storedWeeks() { _ = try loadWeek(week) }
      return nil
    } catch {
      return error
    }
  }

  /// The data files a sync shares, relative to the folder: programme.json, the earlier
  /// programmes and the week files. Everything else in the folder (the lock, temporary files,
  /// caches, this machine's id) stays on this machine.
  public static let syncedPatterns = ["programme.json", "programmes/*.json", "progress/*.json"]

  /// True when `path` (relative to the data folder) is one of the synced data files.
  public static func isSyncedDataFile(_ path: String) -> Bool {
    if path == programmeFileName { return true }
    for folder in [programmesFolderName, progressFolderName] {
      let prefix = folder + "/"
      if path.hasPrefix(prefix), path.hasSuffix(".json"),
        !path.dropFirst(prefix.count).contains("/")
      {
        return true
      }
    }
    return false
  }

  /// Makes the data files private again after another program (git) wrote them: files 0600,
  /// the folders 0700. Quiet: a file that went away meanwhile is simply skipped.
  public func protectDataFiles() {
    _ = chmod(directory, DurableFiles.directoryMode)
    _ = chmod(programmeFile, DurableFiles.fileMode)
    for folder in [progressDirectory, programmesDirectory] {
      guard let names = try? DurableFiles.names(in: folder) else { continue }
      _ = chmod(folder, DurableFiles.directoryMode)
      for name in names { _ = chmod(DataDirectory.join(folder, name), DurableFiles.fileMode) }
    }
  }
}
