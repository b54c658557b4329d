import Foundation
import Testing

/// `rehabit merge-driver %O %A %B %P`, as git runs it: two data folders that diverged from one
/// copy, each file kind merged both ways.
@Suite struct MergeDriverCommandTests {
  static let environment = ["REHABIT_TODAY": "2026-12-02"]

  /// Runs rehabit on one of the folders.
  @discardableResult
  static func rehabit(_ arguments: [String], in folder: String) throws -> RehabitBinary.Result {
    let result = try RehabitBinary.run(
      arguments + ["--data-dir", folder], environment: environment)
    #expect(result.succeeded, "\(arguments): \(result.stderr)")
    return result
  }

  /// Two machines from one programme: each ticks, logs and revises on its own.
  static func diverged(_ data: TemporaryDataDirectory) throws -> (a: String, b: String) {
    let a = data.root.appendingPathComponent("a").path
    let b = data.root.appendingPathComponent("b").path
    try rehabit(
      [
        "init", "--template", "foot-intrinsics", "--start", "2026-11-30", "--affected-side", "left",
      ],
      in: a)
    try rehabit(["check", "1", "--date", "2026-12-01"], in: a)
    try FileManager.default.copyItem(atPath: a, toPath: b)
    try rehabit(["check", "1"], in: a)
    try rehabit(["note", "from a"], in: a)
    try rehabit(["uncheck", "1", "--date", "2026-12-01"], in: b)
    try rehabit(["pain", "3"], in: b)
    try rehabit(["programme", "pause", "heel-raises-arch", "--from", "2026-12-05"], in: a)
    try rehabit(["programme", "pause", "heel-raises-arch", "--from", "2026-12-06"], in: b)
    return (a, b)
  }

  /// Merges `path` of the two folders with `ours` as git's %A; returns the result's bytes.
  static func merge(_ path: String, ours: String, theirs: String, scratch: URL) throws -> (
    RehabitBinary.Result, Data
  ) {
    let copy = scratch.appendingPathComponent("A-\(UUID().uuidString).json").path
    try FileManager.default.copyItem(atPath: "\(ours)/\(path)", toPath: copy)
    let empty = scratch.appendingPathComponent("O-\(UUID().uuidString)").path
    _ = FileManager.default.createFile(atPath: empty, contents: Data())
    let result = try RehabitBinary.run(
      ["merge-driver", empty, copy, "\(theirs)/\(path)", path], environment: environment)
    return (result, FileManager.default.contents(atPath: copy) ?? Data())
  }

  @Test func eachFileKindMergesByteIdenticalWhicheverSideIsOurs() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let (a, b) = try Self.diverged(data)
    for path in ["progress/2026-W49.json", "programme.json"] {
      let (first, ab) = try Self.merge(path, ours: a, theirs: b, scratch: data.root)
      let (second, ba) = try Self.merge(path, ours: b, theirs: a, scratch: data.root)
      #expect(first.succeeded && second.succeeded, "\(first.stderr) \(second.stderr)")
      #expect(!ab.isEmpty && ab == ba, "\(path)")
      let text = String(decoding: ab, as: UTF8.self)
      #expect(!text.contains("<<<<<<<"))
      if path == "programme.json" {
        let object = try #require(try JSONSerialization.jsonObject(with: ab) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 3)
        #expect((object["revisions"] as? [Any])?.count == 1)
        #expect((object["supersededRevisions"] as? [Any])?.count == 1)
      } else {
        let object = try #require(try JSONSerialization.jsonObject(with: ab) as? [String: Any])
        let items = try #require(object["items"] as? [String: [String: Any]])
        // a's tick of today and b's later uncheck of yesterday both survive.
        #expect(
          items.values.map { $0["status"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") }
            == ["done", "pending"])
        #expect((object["notes"] as? [Any])?.count == 1)
        #expect((object["pain"] as? [Any])?.count == 1)
      }
    }
    // The merged folder reads as usual.
    let (_, week) = try Self.merge("progress/2026-W49.json", ours: a, theirs: b, scratch: data.root)
    try week.write(to: URL(fileURLWithPath: "\(a)/progress/2026-W49.json"))
    let log = try Self.rehabit(["log"], in: a)
    #expect(log.stdout.contains("from a") && log.stdout.contains("3/10"), "\(log.stdout)")
  }

  @Test func anArchivedProgrammeMergesLikeProgrammeJSON() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let (a, b) = try Self.diverged(data)
    for folder in [a, b] {
      try FileManager.default.createDirectory(
        atPath: "\(folder)/programmes", withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: "\(folder)/programme.json", toPath: "\(folder)/programmes/2026-11-30-foot.json")
    }
    let (result, merged) = try Self.merge(
      "programmes/2026-11-30-foot.json", ours: a, theirs: b, scratch: data.root)
    let (_, other) = try Self.merge(
      "programmes/2026-11-30-foot.json", ours: b, theirs: a, scratch: data.root)
    #expect(result.succeeded, "\(result.stderr)")
    #expect(merged == other)
  }

  @Test func aDamagedSideIsRefusedWithOneLineNamingThePathAndOursIsLeft() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let (a, b) = try Self.diverged(data)
    for path in ["progress/2026-W49.json", "programme.json"] {
      try Data("{\"schemaVersion\": 3,".utf8).write(to: URL(fileURLWithPath: "\(b)/\(path)"))
      for (ours, theirs) in [(a, b), (b, a)] {
        let before = FileManager.default.contents(atPath: "\(ours)/\(path)")
        let (result, after) = try Self.merge(path, ours: ours, theirs: theirs, scratch: data.root)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && result.stderr.contains(path), "\(result.stderr)")
        #expect(result.stderr.contains("damaged"))
        #expect(after == before)
      }
    }
  }

  @Test func aFileTheDriverDoesNotKnowIsRefused() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let file = data.root.appendingPathComponent("x.json").path
    _ = FileManager.default.createFile(atPath: file, contents: Data("{}".utf8))
    let result = try RehabitBinary.run(
      ["merge-driver", file, file, file, "notes/x.json"], environment: Self.environment)
    #expect(result.status == 1)
    #expect(result.stderr.contains("notes/x.json"))
  }

  @Test func theDriverIsNotListedInHelp() throws {
    let help = try RehabitBinary.run(["--help"])
    #expect(!help.stdout.contains("merge-driver"))
  }
}

/// The machine ids travel in the export archive and come back on import.
@Suite struct MachineIDExportTests {
  @Test func anArchiveRoundTripsTheMachineIds() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let folder = data.path
    try MergeDriverCommandTests.rehabit(
      [
        "init", "--template", "foot-intrinsics", "--start", "2026-11-30", "--affected-side", "left",
      ],
      in: folder)
    let machine = "0123456789abcdef"
    try Data("\(machine)\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/.machine-id"))
    try MergeDriverCommandTests.rehabit(["check", "1"], in: folder)
    try MergeDriverCommandTests.rehabit(["pain", "2"], in: folder)
    let week = "\(folder)/progress/2026-W49.json"
    let original = try #require(FileManager.default.contents(atPath: week))
    #expect(String(decoding: original, as: UTF8.self).contains("\"by\" : \"\(machine)\""))
    let archive = data.root.appendingPathComponent("backup.json").path
    try MergeDriverCommandTests.rehabit(
      ["export", "--format", "json", "--output", archive], in: folder)
    let restored = data.root.appendingPathComponent("restored").path
    let result = try RehabitBinary.run(["import", archive, "--data-dir", restored])
    #expect(result.succeeded, "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: "\(restored)/progress/2026-W49.json") == original)
  }
}
