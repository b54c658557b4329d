import FolderWatch
import Foundation
import RehabStore
import Testing

/// A sync's merge writes the data files through git's checkout, not rehabit's atomic rename:
/// the app's watch must still notice it (a week file and programme.json), and ignore what git
/// writes elsewhere (its own folder, `.gitattributes`).
@Suite("sync checkout wakes the app", .serialized)
struct SyncCheckoutWatchTests {
  let folder: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "rehabit-sync-watch-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(
      atPath: folder + "/progress", withIntermediateDirectories: true)
  }

  func git(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["git", "-C", folder, "-c", "user.name=rehabit", "-c", "user.email=rehabit@localhost"]
      + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments)")
  }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
  }

  @Test(arguments: ["progress/2026-W45.json", "programme.json"])
  func aMergedFileWakesTheWatch(_ file: String) throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try git(["init", "-q", "-b", "main"])
    try write(file, "{\"one\": 1}\n")
    try git(["add", "-A"])
    try git(["commit", "-q", "-m", "one"])
    try git(["checkout", "-q", "-b", "other"])
    try write(file, "{\"two\": 2}\n")
    try git(["commit", "-q", "-am", "two"])
    try git(["checkout", "-q", "main"])

    let watch = FolderWatch.dataFolder(of: ProgressStore(directory: folder))
    #expect(watch.descriptor != nil)
    #expect(!watch.takeChanges())
    // What git does to our folder and itself, not to a data file, does not count.
    try write(".gitattributes", "progress/*.json merge=rehabit\n")
    try git(["add", ".gitattributes"])
    #expect(!watch.takeChanges())
    // The merge's checkout rewrites the data file in place.
    try git(["merge", "-q", "--ff-only", "other"])
    #expect(watch.takeChanges())
    #expect(!watch.takeChanges())
  }
}
