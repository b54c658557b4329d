import Foundation
import Testing

/// `rehabit sync` through the built binary and the system's git: machines cloned from a bare
/// repository on local disk edit the same days, sync in both orders and end the same.
@Suite("sync", .serialized)
struct SyncEndToEndTests {
  /// A temporary folder holding a bare remote and one data folder per machine.
  struct Machines {
    let root: URL
    let today = "2026-11-04"
    var remote: String { root.appendingPathComponent("remote.git").path }

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "rehabit-sync-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      let made = try Machines.git(["init", "-q", "--bare", remote])
      #expect(made.status == 0, "\(made.output)")
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    func folder(_ machine: String) -> String { root.appendingPathComponent(machine).path }

    @discardableResult
    func run(
      _ machine: String, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> RehabitBinary.Result {
      var extra = ["REHABIT_TODAY": today]
      for (key, value) in environment { extra[key] = value }
      return try RehabitBinary.run(
        arguments + ["--data-dir", folder(machine)], environment: extra)
    }

    /// Runs and expects success.
    @discardableResult
    func must(_ machine: String, _ arguments: [String]) throws -> String {
      let result = try run(machine, arguments)
      #expect(result.succeeded, "\(machine) \(arguments): \(result.stderr)")
      return result.stdout
    }

    /// The data files a sync shares, with their bytes.
    func dataFiles(_ machine: String) -> [String: Data] {
      TemporaryDataDirectoryView(path: folder(machine)).snapshot().filter { entry in
        entry.key == "programme.json"
          || (entry.key.hasPrefix("progress/") || entry.key.hasPrefix("programmes/"))
            && entry.key.hasSuffix(".json")
      }
    }

    /// Every file below the folder, `.git` included, with its bytes.
    func everything(_ machine: String) -> [String: Data] {
      TemporaryDataDirectoryView(path: folder(machine)).snapshot()
    }

    func log(_ machine: String) throws -> [String] {
      try Machines.git(["-C", folder(machine), "log", "--format=%an <%ae> %s%n%b"]).output
        .split(separator: "\n").map(String.init)
    }

    static func git(_ arguments: [String]) throws -> (status: Int32, output: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["git"] + arguments
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
  }

  static func noteID(in output: String) throws -> String {
    let match = try #require(output.firstMatch(of: /n-[0-9]{8}-[0-9a-z]+/))
    return String(match.output)
  }

  @Test("two machines edit the same days, sync in both orders and end byte-identical")
  func twoMachinesConverge() throws {
    let machines = try Machines()
    defer { machines.cleanUp() }
    try machines.must(
      "a",
      [
        "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-02",
        "--affected-side", "left",
      ])
    try machines.must("a", ["sync", "--init", machines.remote])
    #expect(try machines.must("a", ["sync"]).contains("sent 1 change, received 0"))
    // A new machine: an empty folder takes the remote's data.
    #expect(
      try machines.must("b", ["sync", "--init", machines.remote]).contains("took the remote"))
    #expect(machines.dataFiles("a") == machines.dataFiles("b"))

    // The same day on both machines.
    try machines.must("a", ["check", "1"])
    let noted = try machines.must("a", ["note", "knee felt private words today"])
    let note = try Self.noteID(in: noted)
    try machines.must("a", ["pain", "3"])
    try machines.must(
      "a", ["programme", "set", "band-eversion", "--reps", "14", "--from", "2026-11-11"])
    try machines.must("b", ["check", "2"])
    try machines.must("b", ["skip", "3", "--reason", "tired"])
    try machines.must("b", ["checkin", "--pain", "4", "--function", "65"])
    try machines.must(
      "b",
      ["programme", "set", "calf-stretch", "--weekdays", "mon,wed,fri", "--from", "2026-11-09"])

    // a first, then b, then a again.
    try machines.must("a", ["sync"])
    let bSent = try machines.must("b", ["sync"])
    #expect(bSent.contains("received"), "\(bSent)")
    try machines.must("a", ["sync"])
    #expect(machines.dataFiles("a") == machines.dataFiles("b"))

    // Then the other order: b removes a's note while a ticks again.
    try machines.must("b", ["remove", note])
    try machines.must("a", ["check", "4"])
    try machines.must("b", ["sync"])
    try machines.must("a", ["sync"])
    try machines.must("b", ["sync"])

    let a = machines.dataFiles("a")
    #expect(a == machines.dataFiles("b"))
    #expect(!a.isEmpty)
    for (name, bytes) in machines.everything("a").merging(
      machines.everything("b"), uniquingKeysWith: { first, _ in first })
    where !name.hasPrefix(".git/") {
      #expect(!String(decoding: bytes, as: UTF8.self).contains("<<<<<<<"), "\(name)")
    }

    // Nothing lost: every tick, skip, pain entry, check-in and revision; the note gone.
    let today = try machines.must("b", ["today", "--json"])
    let day = try #require(
      try JSONSerialization.jsonObject(with: Data(today.utf8)) as? [String: Any])
    let items = try #require(day["items"] as? [[String: Any]])
    let statuses = items.compactMap { $0["status"] as? String }
    #expect(statuses.filter { $0 == "done" }.count == 3, "\(statuses)")
    #expect(statuses.contains("skipped"), "\(statuses)")
    let log = try machines.must("a", ["log"])
    #expect(!log.contains("private words"), "\(log)")
    #expect(log.lowercased().contains("pain"), "\(log)")
    let week = try machines.must("a", ["week"])
    #expect(week.contains("65") || week.lowercased().contains("check"), "\(week)")
    let programme = try #require(a["programme.json"])
    let text = String(decoding: programme, as: UTF8.self)
    #expect(text.contains("band-eversion") && text.contains("2026-11-11"))
    #expect(text.contains("calf-stretch") && text.contains("2026-11-09"))

    // A third machine cloned later sees the same.
    try machines.must("c", ["sync", "--init", machines.remote])
    #expect(machines.dataFiles("c") == a)

    // One neutral commit per sync: no note text, no one's name, rehabit's own identity.
    for machine in ["a", "b"] {
      let lines = try machines.log(machine).filter { !$0.isEmpty }
      #expect(!lines.isEmpty)
      for line in lines {
        #expect(line.hasPrefix("rehabit <rehabit@localhost> rehabit sync: "), "\(line)")
        #expect(!line.contains("private") && !line.contains("tired"), "\(line)")
      }
    }
    // Each folder has its own machine id, never synced; commits name its first characters.
    let ids = try ["a", "b", "c"].map { machine in
      try String(contentsOfFile: machines.folder(machine) + "/.machine-id", encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(Set(ids).count == 3 && ids.allSatisfy { $0.count == 16 }, "\(ids)")
    #expect(try machines.log("b").contains { $0.hasSuffix("from machine \(ids[0].prefix(6))") })
    #expect(try machines.log("a").contains { $0.hasSuffix("from machine \(ids[1].prefix(6))") })

    // One commit per sync that had changes here (a merge with the remote folded into it):
    // a's --init, a's second and fourth syncs, b's first and second; the rest fast-forwarded.
    let all = try machines.log("a").filter { $0.hasPrefix("rehabit <") }
    #expect(all.count == 5, "\(all)")
  }

  @Test(
    "no remote, git missing, an unreachable remote and a damaged file: one line, nothing changed")
  func badInputs() throws {
    let machines = try Machines()
    defer { machines.cleanUp() }
    try machines.must(
      "a",
      [
        "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-02",
        "--affected-side", "left",
      ])

    func expectRefused(
      _ arguments: [String], environment: [String: String] = [:], naming words: [String]
    ) throws {
      let before = machines.everything("a")
      let result = try machines.run("a", arguments, environment: environment)
      #expect(!result.succeeded)
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1, "\(result.stderr)")
      for word in words { #expect(result.stderr.contains(word), "\(result.stderr)") }
      #expect(machines.everything("a") == before, "\(arguments) changed the folder")
    }

    // Not set up yet.
    try expectRefused(["sync"], naming: ["sync --init"])
    // git missing from PATH.
    try expectRefused(["sync"], environment: ["PATH": "/nonexistent"], naming: ["git", "PATH"])
    // Set up without a remote.
    try machines.must("a", ["sync", "--init"])
    try expectRefused(["sync"], naming: ["no remote", "sync --init REMOTE"])
    try expectRefused(["sync", "--init"], environment: ["PATH": "/nonexistent"], naming: ["git"])

    // A remote that cannot be reached (the drive is gone): the change stays uncommitted.
    try machines.must("a", ["sync", "--init", machines.remote])
    try machines.must("a", ["sync"])
    let gone = machines.root.appendingPathComponent("gone.git").path
    try FileManager.default.moveItem(atPath: machines.remote, toPath: gone)
    try machines.must("a", ["check", "1"])
    try expectRefused(["sync"], naming: ["cannot reach", "remote.git"])
    try FileManager.default.moveItem(atPath: gone, toPath: machines.remote)

    // A damaged week file: named, nothing committed.
    let week = machines.folder("a") + "/progress/2026-W45.json"
    try Data("{ not json".utf8).write(to: URL(fileURLWithPath: week))
    try expectRefused(["sync"], naming: ["2026-W45.json"])
    let status = try machines.must("a", ["sync", "--status"])
    #expect(status.contains("pending: 1 file"), "\(status)")
    #expect(status.contains("not merged: none"), "\(status)")
  }

  @Test("a file git cannot merge aborts the sync, names the file and leaves the folder as it was")
  func aConflictIsAbortedAndNamed() throws {
    let machines = try Machines()
    defer { machines.cleanUp() }
    try machines.must(
      "a",
      [
        "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-02",
        "--affected-side", "left",
      ])
    try machines.must("a", ["sync", "--init", machines.remote])
    try machines.must("a", ["sync"])
    try machines.must("b", ["sync", "--init", machines.remote])
    // A file of someone's own, added on both machines with different text: git's own merge.
    try Data("one\n".utf8).write(to: URL(fileURLWithPath: machines.folder("a") + "/mine.txt"))
    try Data("two\n".utf8).write(to: URL(fileURLWithPath: machines.folder("b") + "/mine.txt"))
    try machines.must("a", ["check", "1"])
    try machines.must("a", ["sync"])
    try machines.must("b", ["check", "2"])
    let head = try Machines.git(["-C", machines.folder("b"), "rev-parse", "HEAD"]).output
    let before = machines.everything("b").filter { !$0.key.hasPrefix(".git/") }
    let refused = try machines.run("b", ["sync"])
    #expect(!refused.succeeded)
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("mine.txt"), "\(refused.stderr)")
    #expect(machines.everything("b").filter { !$0.key.hasPrefix(".git/") } == before)
    #expect(try Machines.git(["-C", machines.folder("b"), "rev-parse", "HEAD"]).output == head)
    let status = try machines.must("b", ["sync", "--status"])
    #expect(status.contains("not merged: none"), "\(status)")
    #expect(status.contains("pending: 1 file"), "\(status)")
  }

  @Test("every sync writes this binary's path into the merge driver's config")
  func aMovedBinaryIsPutRight() throws {
    let machines = try Machines()
    defer { machines.cleanUp() }
    try machines.must("a", ["sync", "--init", machines.remote])
    let folder = machines.folder("a")
    _ = try Machines.git([
      "-C", folder, "config", "merge.rehabit.driver", "/old/place/rehabit merge-driver %O %A %B %P",
    ])
    try machines.must("a", ["sync"])
    let driver = try Machines.git(["-C", folder, "config", "merge.rehabit.driver"]).output
    #expect(driver.contains("'\(RehabitBinary.path)' merge-driver %O %A %B %P"), "\(driver)")
    let attributes = try String(contentsOfFile: folder + "/.gitattributes", encoding: .utf8)
    for pattern in ["programme.json", "programmes/*.json", "progress/*.json"] {
      #expect(attributes.contains("\(pattern) merge=rehabit"))
    }
    let ignored = try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8)
    for name in [".lock", "cache/", ".machine-id", "*.tmp"] { #expect(ignored.contains(name)) }
    var status = stat()
    for path in [folder, folder + "/.git"] {
      #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o700, "\(path)")
    }
  }
}
