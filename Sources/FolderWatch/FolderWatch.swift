#if canImport(Glibc)
  import Glibc
#endif

/// A folder to watch and which of its entries count (the rest, such as temporary files and
/// lock files, are ignored).
public struct WatchedFolder: Sendable {
  public var path: String
  public var counts: @Sendable (_ name: String) -> Bool

  public init(path: String, counts: @escaping @Sendable (_ name: String) -> Bool) {
    self.path = path
    self.counts = counts
  }
}

/// Notices that another process created, replaced, changed or removed a file in a few folders.
///
/// With Linux inotify it is a descriptor that becomes readable on a change: the caller waits on
/// it together with its other input (`poll(2)`), so nothing runs while nothing changes. Where
/// inotify is unavailable (no kernel support, the per-user instance limit reached), it falls
/// back to comparing the folders' and files' `stat` every `pollMilliseconds`.
///
/// Either way `takeChanges()` answers "did something that counts change since last asked?".
public final class FolderWatch {
  public enum Mode: Sendable {
    /// inotify, else stat polling.
    case automatic
    /// stat polling only (also for tests of the fallback).
    case polling
  }

  /// How often a polling watch wants to be asked.
  public static let defaultPollMilliseconds = 1000

  /// Readable when something changed; nil for a polling watch.
  public var descriptor: Int32? { notify?.descriptor }
  /// How often to call `takeChanges()` when there is no descriptor; nil with inotify.
  public var pollMilliseconds: Int? { notify == nil ? pollInterval : nil }

  private let folders: [WatchedFolder]
  private let pollInterval: Int
  private var notify: Inotify?
  private var lastSnapshot: [String: FileStamp]

  public init(
    _ folders: [WatchedFolder], mode: Mode = .automatic,
    pollMilliseconds: Int = FolderWatch.defaultPollMilliseconds
  ) {
    self.folders = folders
    self.pollInterval = max(1, pollMilliseconds)
    self.notify = mode == .automatic ? Inotify(folders) : nil
    self.lastSnapshot = [:]
    if notify == nil { lastSnapshot = snapshot() }
  }

  /// Whether a file that counts changed since the last call (or since the watch started);
  /// drains the descriptor. Never blocks.
  public func takeChanges() -> Bool {
    if let notify { return notify.drain() }
    let now = snapshot()
    defer { lastSnapshot = now }
    return now != lastSnapshot
  }

  /// The stamps of every file that counts (a file appearing or going away changes the keys).
  private func snapshot() -> [String: FileStamp] {
    var stamps: [String: FileStamp] = [:]
    for folder in folders {
      for name in FolderWatch.names(in: folder.path) where folder.counts(name) {
        let path = folder.path + "/" + name
        stamps[path] = FileStamp(path: path)
      }
    }
    return stamps
  }

  static func names(in path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      // Read in place up to the NUL: copying the fixed-size d_name field reads past the end
      // of readdir's buffer for its last entry, which can crash.
      let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(
          to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)
        ) { String(cString: $0) }
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names
  }
}

/// What `stat` says of a file that a write changes: a rename gives a new inode, an in-place
/// write a new modification time or size.
struct FileStamp: Equatable {
  var inode: UInt64
  var size: Int64
  var seconds: Int
  var nanoseconds: Int

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    seconds = Int(info.st_mtim.tv_sec)
    nanoseconds = Int(info.st_mtim.tv_nsec)
  }
}

/// The inotify instance: one watch per folder. A folder that does not exist yet (the progress
/// folder before the first write) is watched as soon as it appears.
final class Inotify {
  let descriptor: Int32
  private let folders: [WatchedFolder]
  /// Watch descriptor → index into `folders`.
  private var watches: [Int32: Int] = [:]
  /// A folder watched only after start-up is news (it was just created).
  private var isStarted = false

  /// Replaced by a rename (every atomic write), written in place, created, removed; and a
  /// folder created inside (so a missing folder can be watched once it exists).
  private static let mask = UInt32(
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)

  init?(_ folders: [WatchedFolder]) {
    let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard descriptor >= 0 else { return nil }
    self.descriptor = descriptor
    self.folders = folders
    addMissingWatches()
    isStarted = true
  }

  deinit { close(descriptor) }

  /// Reads every pending event; true when one concerns a file that counts, or events were lost.
  func drain() -> Bool {
    var changed = false
    var buffer = [UInt8](repeating: 0, count: 8192)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      changed = parse(buffer[0..<count]) || changed
    }
    // A folder created since (the progress folder on the first write) is watched from now on.
    if addMissingWatches() { changed = true }
    return changed
  }

  /// `struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }`, packed
  /// one after another.
  private func parse(_ bytes: ArraySlice<UInt8>) -> Bool {
    var changed = false
    var offset = bytes.startIndex
    let header = 16
    while offset + header <= bytes.endIndex {
      func word(_ at: Int) -> UInt32 {
        bytes[at..<at + 4].enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) }
      }
      let watch = Int32(bitPattern: word(offset))
      let mask = word(offset + 4)
      let length = Int(word(offset + 12))
      let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + length)]
      let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
      offset += header + length
      if mask & UInt32(IN_Q_OVERFLOW) != 0 {
        changed = true
        continue
      }
      if mask & UInt32(IN_IGNORED) != 0 {
        // The folder went away; watch it again if it comes back.
        watches[watch] = nil
        continue
      }
      guard let index = watches[watch] else { continue }
      if folders[index].counts(name) { changed = true }
    }
    return changed
  }

  /// Adds a watch for each folder not watched yet; true when one was added after start-up.
  @discardableResult
  private func addMissingWatches() -> Bool {
    var added = false
    let watched = Set(watches.values)
    for (index, folder) in folders.enumerated() where !watched.contains(index) {
      let watch = inotify_add_watch(descriptor, folder.path, Inotify.mask)
      if watch >= 0 {
        watches[watch] = index
        added = true
      }
    }
    return added && isStarted
  }
}
