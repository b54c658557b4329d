import FolderWatch
import RehabStore

extension FolderWatch {
  /// Watches what the app shows: `programme.json` in the data folder and the week files in
  /// `progress/`. Temporary files of atomic writes and the lock file do not count, so a write
  /// wakes the app once, when its file is renamed into place.
  public static func dataFolder(of store: ProgressStore, mode: Mode = .automatic) -> FolderWatch {
    FolderWatch(
      [
        WatchedFolder(path: store.directory) { $0 == ProgressStore.programmeFileName },
        WatchedFolder(path: store.progressDirectory) {
          ProgressStore.week(ofFileName: $0) != nil
        },
      ], mode: mode)
  }
}
