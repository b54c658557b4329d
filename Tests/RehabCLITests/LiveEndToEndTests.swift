import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The open app and the CLI on one data folder, in tmux: the app shows the CLI's writes with no
/// key pressed, and never overwrites them (docs/ARCHITECTURE.md, "Other writers").
extension TUIEndToEndTests {
  func cli(_ arguments: [String], _ data: TemporaryDataDirectory) throws {
    let result = try RehabitBinary.run(
      arguments + ["--date", Self.day, "--data-dir", data.path])
    #expect(result.succeeded, "\(arguments): \(result.stderr)")
  }

  func items(_ data: TemporaryDataDirectory) throws -> [String: [String: String]] {
    let file = URL(fileURLWithPath: "\(data.path)/progress/2026-W49.json")
    let week = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    return try #require(week["items"] as? [String: [String: String]])
  }

  @Test func theAppFollowsTheCLIAndNeverOverwritesIt() throws {
    let (data, ids) = try startedProgramme()
    defer { data.cleanUp() }
    try #require(ids.count == 4)
    let tmux = try openApp(data)
    defer { tmux.close() }
    tmux.waitFor(text: "0/4 done")

    // 1. A check-off by the CLI is on screen within 2 s, with no key pressed.
    try cli(["check", "1"], data)
    let shown = tmux.waitFor("the CLI's check-off", seconds: 2) {
      $0.contains("1/4 done") && $0.contains("[x] Calf stretch against a wall")
    }
    #expect(shown.contains("1/4 done"))

    // 2. The CLI skips item 2 while the app cannot notice (stopped), and the user ticks it on
    // the screen that still shows it pending: the skip stays, and the app says so.
    let pid = try #require(tmux.appProcess())
    #expect(kill(pid, SIGSTOP) == 0)
    try cli(["skip", "2", "--reason", "too sore"], data)
    tmux.send("j", "Space")
    #expect(kill(pid, SIGCONT) == 0)
    let refused = tmux.waitFor(text: "skipped elsewhere, nothing overwritten")
    #expect(refused.contains("skipped: too sore"))
    #expect(refused.contains("1/4 done"))
    #expect(try items(data)[ids[1]]?["status"] == "skipped")
    #expect(try items(data)[ids[1]]?["reason"] == "too sore")

    // 3. The app ticks item 3, the CLI then skips it (shown at once), and undo leaves the
    // CLI's record.
    tmux.send("j", "Space")
    tmux.waitFor(text: "2/4 done")
    #expect(try items(data)[ids[2]]?["status"] == "done")
    try cli(["skip", "3", "--reason", "no band"], data)
    tmux.waitFor("the CLI's skip", seconds: 2) { $0.contains("skipped: no band") }
    tmux.send("u")
    let kept = tmux.waitFor(text: "Not undone: Heel raises (left) was changed elsewhere")
    #expect(kept.contains("skipped: no band"))
    #expect(try items(data)[ids[2]]?["status"] == "skipped")
    #expect(try items(data)[ids[2]]?["reason"] == "no band")
    // The refused tick and the refused undo left nothing of this app's to take back.
    tmux.send("u")
    tmux.waitFor(text: "Nothing to undo.")

    tmux.send("q")
    #expect(tmux.waitFor(text: "EXIT=").contains("EXIT=0"))
    let final = try items(data)
    #expect(final[ids[0]]?["status"] == "done")
    #expect(
      final[ids[1]] == [
        "status": "skipped", "reason": "too sore", "at": final[ids[1]]?["at"] ?? "",
      ])
    #expect(final[ids[3]] == nil)
  }
}
