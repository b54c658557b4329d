import FolderWatch
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The watch on real folders: a write that counts is noticed, one that does not (temporary
/// files, other names) is not, and the descriptor is readable exactly when there is news.
@Suite("Folder watch", .serialized)
struct FolderWatchTests {
  final class Folder {
    let path: String
    init() {
      var template = Array("/tmp/rehabit-watch-XXXXXX".utf8CString)
      path =
        template.withUnsafeMutableBufferPointer { buffer in
          buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        } ?? "/tmp/rehabit-watch-\(getpid())"
    }
    deinit {
      for name in ["sub/a.json", "sub/.a.json.tmp", "a.json", ".a.json.tmp", "b.txt"] {
        unlink("\(path)/\(name)")
      }
      rmdir("\(path)/sub")
      rmdir(path)
    }

    /// Written like the store writes: a temporary file renamed over the name.
    func replace(_ name: String, with text: String, in folder: String? = nil) {
      let directory = folder.map { "\(path)/\($0)" } ?? path
      let temporary = "\(directory)/.\(name).tmp"
      write(temporary, text)
      rename(temporary, "\(directory)/\(name)")
    }

    func write(_ file: String, _ text: String) {
      let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      _ = text.utf8CString.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
      close(fd)
    }
  }

  static func jsonOnly(_ name: String) -> Bool { name.hasSuffix(".json") && !name.hasPrefix(".") }

  /// Whether `descriptor` becomes readable within `milliseconds`.
  func readable(_ descriptor: Int32, within milliseconds: Int32) -> Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, milliseconds) == 1
  }

  @Test("inotify: a renamed-in file wakes the descriptor once; draining empties it")
  func inotifyRename() throws {
    let folder = Folder()
    let watch = FolderWatch([WatchedFolder(path: folder.path, counts: Self.jsonOnly)])
    let descriptor = try #require(watch.descriptor, "inotify should be available on Linux")
    #expect(watch.pollMilliseconds == nil)
    #expect(!readable(descriptor, within: 0))
    folder.replace("a.json", with: "{}")
    #expect(readable(descriptor, within: 1000))
    #expect(watch.takeChanges())
    #expect(!readable(descriptor, within: 0))
    #expect(!watch.takeChanges())
  }

  @Test("inotify: files that do not count wake the descriptor but are no change")
  func inotifyIgnoresOtherNames() throws {
    let folder = Folder()
    let watch = FolderWatch([WatchedFolder(path: folder.path, counts: Self.jsonOnly)])
    let descriptor = try #require(watch.descriptor)
    folder.write("\(folder.path)/b.txt", "x")
    folder.write("\(folder.path)/.a.json.tmp", "x")
    #expect(readable(descriptor, within: 1000))
    #expect(!watch.takeChanges())
    // An in-place write of a file that counts is one.
    folder.write("\(folder.path)/a.json", "{}")
    #expect(watch.takeChanges())
    unlink("\(folder.path)/a.json")
    #expect(readable(descriptor, within: 1000))
    #expect(watch.takeChanges())
  }

  @Test("inotify: a folder missing at the start is watched once it appears")
  func inotifyLateFolder() throws {
    let folder = Folder()
    let sub = "\(folder.path)/sub"
    let watch = FolderWatch([
      WatchedFolder(path: folder.path) { $0 == "programme.json" },
      WatchedFolder(path: sub, counts: Self.jsonOnly),
    ])
    let descriptor = try #require(watch.descriptor)
    mkdir(sub, 0o700)
    // The parent's event wakes the wait; the new folder is watched from then on.
    #expect(readable(descriptor, within: 1000))
    #expect(watch.takeChanges())
    folder.replace("a.json", with: "{}", in: "sub")
    #expect(readable(descriptor, within: 1000))
    #expect(watch.takeChanges())
  }

  @Test("polling: stat notices a rename, an in-place write and a removal, and nothing else")
  func polling() {
    let folder = Folder()
    let watch = FolderWatch(
      [WatchedFolder(path: folder.path, counts: Self.jsonOnly)], mode: .polling,
      pollMilliseconds: 250)
    #expect(watch.descriptor == nil)
    #expect(watch.pollMilliseconds == 250)
    #expect(!watch.takeChanges())
    folder.replace("a.json", with: "{}")
    #expect(watch.takeChanges())
    #expect(!watch.takeChanges())
    folder.write("\(folder.path)/a.json", "{\"longer\": true}")
    #expect(watch.takeChanges())
    #expect(!watch.takeChanges())
    folder.write("\(folder.path)/b.txt", "x")
    #expect(!watch.takeChanges())
    unlink("\(folder.path)/a.json")
    #expect(watch.takeChanges())
  }
}
