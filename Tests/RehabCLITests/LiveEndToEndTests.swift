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

/// A note and pain logged in the app, the note removed, the pain undone: the week file holds
/// exactly the two tombstones (docs/PRODUCT.md, "Today"). Undo takes back the newest change
/// first, so the note is removed before the pain is logged.
extension TUIEndToEndTests {
  func week(_ data: TemporaryDataDirectory) throws -> [String: Any] {
    let file = URL(fileURLWithPath: "\(data.path)/progress/2026-W49.json")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
  }

  func ids(_ key: String, in week: [String: Any]) -> [String] {
    (week[key] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
  }

  @Test func aNoteAndPainLoggedInTheAppAreRemovedAndUndoneOnDisk() throws {
    let (data, _) = try startedProgramme()
    defer { data.cleanUp() }
    let tmux = try openApp(data)
    defer { tmux.close() }
    tmux.waitFor(text: "None logged (p pain, n note).")

    // A note about the day.
    tmux.send("n")
    tmux.waitFor(text: "About: the whole day")
    tmux.type("mistyped note")
    tmux.send("Enter")
    tmux.waitFor(text: "Note        mistyped note")
    let noteId = try #require(ids("notes", in: try week(data)).first)

    // The note is the last row: d asks, y removes it (a tombstone).
    tmux.send("G", "d")
    tmux.waitFor(text: "Remove this record?")
    tmux.send("y")
    tmux.waitFor(text: "Removed: note “mistyped note”")
    var week = try self.week(data)
    #expect(ids("notes", in: week).isEmpty)
    #expect(ids("removed", in: week) == [noteId])

    // Pain 7 during the session, then undo: it is removed again.
    tmux.send("p")
    tmux.waitFor(text: "Saving it:")
    tmux.send("7", "Enter")
    tmux.waitFor(text: "Pain 7/10   during exercise, whole session")
    let painId = try #require(ids("pain", in: try self.week(data)).first)
    #expect(painId.hasPrefix("p-20261202-"))
    tmux.send("u")
    let undone = tmux.waitFor(text: "Undone: pain 7/10 removed.")
    #expect(undone.contains("None logged (p pain, n note)."))

    tmux.send("q")
    #expect(tmux.waitFor(text: "EXIT=").contains("EXIT=0"))
    week = try self.week(data)
    #expect(ids("pain", in: week).isEmpty && ids("notes", in: week).isEmpty)
    #expect(Set(ids("removed", in: week)) == [noteId, painId])
    // The CLI's log and flags go without both.
    let log = try RehabitBinary.run(["log", "--json", "--date", Self.day, "--data-dir", data.path])
    #expect(log.succeeded && !log.stdout.contains(noteId) && !log.stdout.contains(painId))
  }
}
