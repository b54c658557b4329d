import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built `rehabit` binary in a real terminal (tmux): keys in, JSON files out, resizes,
/// signals, and the one-line error without a terminal.
@Suite("full-screen app end to end", .serialized)
struct TUIEndToEndTests {
  static let day = "2026-12-02"

  /// A data directory with lateral-ankle-sprain started on Monday 2026-11-30 (four items on
  /// Wednesday 2026-12-02), and the item ids of that day in screen order.
  func startedProgramme() throws -> (TemporaryDataDirectory, [String]) {
    let data = try TemporaryDataDirectory()
    let created = try RehabitBinary.run([
      "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-30", "--affected-side",
      "left", "--data-dir", data.path,
    ])
    #expect(created.succeeded, "\(created.stderr)")
    let today = try RehabitBinary.run([
      "today", "--json", "--date", Self.day, "--data-dir", data.path,
    ])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any])
    let ids = try #require(json["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    return (data, ids)
  }

  func openApp(_ data: TemporaryDataDirectory, width: Int = 80, height: Int = 24) throws
    -> TmuxSession
  {
    try TmuxSession(
      command: TmuxSession.wrapped([
        RehabitBinary.path, "--data-dir", data.path, "--date", Self.day,
      ]), width: width, height: height)
  }

  @Test func tickSkipUndoAndQuitLeaveExactlyThoseChangesOnDisk() throws {
    let (data, ids) = try startedProgramme()
    defer { data.cleanUp() }
    try #require(ids.count == 4)
    let tmux = try openApp(data)
    defer { tmux.close() }
    tmux.waitFor(text: "0/4 done")
    tmux.send("Space")
    tmux.waitFor(text: "1/4 done")
    tmux.send("j", "s")
    tmux.waitFor(text: "Why are you skipping it?")
    tmux.type("too sore")
    tmux.send("Enter")
    tmux.waitFor(text: "skipped: too sore")
    tmux.send("j", "x")
    tmux.waitFor(text: "2/4 done")
    tmux.send("j", "x")
    tmux.waitFor(text: "3/4 done")
    tmux.send("u")
    tmux.waitFor(text: "Undone: Ice after exercise")
    tmux.send("q")
    let screen = tmux.waitFor("the exit status and stty's modes") {
      $0.contains("EXIT=") && $0.contains("icanon")
    }
    #expect(screen.contains("EXIT=0"))
    #expect(Self.modesRestored(screen))

    let file = URL(fileURLWithPath: "\(data.path)/progress/2026-W49.json")
    let week = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    let items = try #require(week["items"] as? [String: [String: String]])
    #expect(items.keys.sorted() == [ids[0], ids[1], ids[2]].sorted())
    #expect(items[ids[0]]?["status"] == "done")
    #expect(items[ids[1]]?["status"] == "skipped")
    #expect(items[ids[1]]?["reason"] == "too sore")
    #expect(items[ids[2]]?["status"] == "done")
    #expect(items[ids[3]] == nil)
    #expect((week["pain"] as? [Any])?.isEmpty == true)
    #expect((week["notes"] as? [Any])?.isEmpty == true)
    // Only that week's file was written.
    let files = try FileManager.default.contentsOfDirectory(atPath: "\(data.path)/progress")
    #expect(files == ["2026-W49.json"])
  }

  @Test func resizingBelowTheMinimumAndBackRecovers() throws {
    let (data, _) = try startedProgramme()
    defer { data.cleanUp() }
    let tmux = try openApp(data)
    defer { tmux.close() }
    tmux.waitFor(text: "Calf stretch against a wall")
    tmux.resize(width: 50, height: 15)
    tmux.waitFor(text: "terminal too small")
    tmux.waitFor(text: "have 50×15")
    tmux.resize(width: 80, height: 24)
    tmux.waitFor("the list again") {
      $0.contains("Calf stretch against a wall") && !$0.contains("too small")
    }
    tmux.send("q")
    #expect(tmux.waitFor(text: "EXIT=").contains("EXIT=0"))
  }

  @Test func sigtermRestoresTheTerminalModes() throws {
    let (data, _) = try startedProgramme()
    defer { data.cleanUp() }
    let tmux = try openApp(data)
    defer { tmux.close() }
    tmux.waitFor(text: "Calf stretch against a wall")
    let pid = try #require(tmux.appProcess())
    #expect(kill(pid, SIGTERM) == 0)
    let screen = tmux.waitFor("the exit status and stty's modes") {
      $0.contains("EXIT=") && $0.contains("icanon")
    }
    #expect(screen.contains("EXIT=143"))
    #expect(Self.modesRestored(screen))
  }

  /// `stty -a` shows canonical input and echo on again (ncurses had turned both off).
  static func modesRestored(_ screen: String) -> Bool {
    let modes = Set(screen.split(whereSeparator: \.isWhitespace).map(String.init))
    return modes.contains("icanon") && modes.contains("echo") && !modes.contains("-icanon")
      && !modes.contains("-echo")
  }

  @Test func demoOpensOnThreeWeeksOfHistoryAndKeepsItsFolderOnlyWithKeep() throws {
    let scratch = try TemporaryDataDirectory()
    defer { scratch.cleanUp() }
    try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
    for keep in [true, false] {
      let tmux = try TmuxSession(
        command: "export TMPDIR=\(TmuxSession.quoted(scratch.path)); "
          + TmuxSession.wrapped(
            [RehabitBinary.path, "demo", "--date", "2026-12-23"] + (keep ? ["--keep"] : [])))
      defer { tmux.close() }
      tmux.waitFor(text: "week 4 of 8")
      tmux.send("q")
      let screen = tmux.waitFor(text: "EXIT=")
      #expect(screen.contains("EXIT=0"))
      let demos = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
      if keep {
        #expect(screen.contains("Demo data kept in"))
        #expect(demos.count == 1)
        let progress = try FileManager.default.contentsOfDirectory(
          atPath: "\(scratch.path)/\(try #require(demos.first))/progress")
        #expect(progress.count >= 3)
        for demo in demos { try FileManager.default.removeItem(atPath: "\(scratch.path)/\(demo)") }
      } else {
        #expect(!screen.contains("Demo data"))
        #expect(demos.isEmpty, "the temporary demo folder is removed on exit: \(demos)")
      }
    }
  }

  @Test func withoutATerminalItSaysSoInOneLine() throws {
    let (data, _) = try startedProgramme()
    defer { data.cleanUp() }
    let before = data.snapshot()
    let result = try RehabitBinary.run(["--data-dir", data.path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(result.stderr.contains("needs an interactive terminal"))
    #expect(result.stderr.contains("rehabit today"))
    #expect(data.snapshot() == before)

    // `demo` refuses before making its temporary folder.
    let scratch = try TemporaryDataDirectory()
    defer { scratch.cleanUp() }
    let demo = try RehabitBinary.run(["demo"], environment: ["TMPDIR": scratch.root.path])
    #expect(demo.status == 1)
    #expect(demo.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).isEmpty)
  }
}
