import Foundation
import Testing

/// The Programme screen in the built binary under tmux: a dose changed from a day on, seen in
/// the preview and confirmed, is listed by `programme history --json`, and `rehabit today`
/// shows the new dose from that day and the old one before.
@Suite("Programme screen end to end", .serialized)
struct ProgrammeScreenEndToEndTests {
  static let day = "2026-12-02"

  func bandEversionDose(on day: String, data: TemporaryDataDirectory) throws -> String? {
    let today = try RehabitBinary.run(["today", "--json", "--date", day, "--data-dir", data.path])
    #expect(today.succeeded, "\(today.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any])
    let items = try #require(json["items"] as? [[String: Any]])
    return items.first { $0["treatmentId"] as? String == "band-eversion" }?["dose"] as? String
  }

  @Test func aDoseChangedFromADayIsPreviewedSavedAndShownFromThatDayOn() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let created = try RehabitBinary.run([
      "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-30", "--affected-side",
      "left", "--data-dir", data.path,
    ])
    #expect(created.succeeded, "\(created.stderr)")
    let tmux = try TmuxSession(
      command: TmuxSession.wrapped([
        RehabitBinary.path, "--data-dir", data.path, "--date", Self.day,
      ]))
    defer { tmux.close() }
    tmux.waitFor(text: "0/4 done")
    tmux.send("m")
    tmux.waitFor(text: "My programme")
    tmux.waitFor(text: "Elastic band eversion")
    // The band eversion, from Friday: reps 10 → 12.
    tmux.send("j", "Enter")
    tmux.waitFor(text: "Change Elastic band eversion")
    tmux.send("BTab", "C-u")
    tmux.type("2026-12-04")
    tmux.send("Tab", "Tab", "C-u")
    tmux.type("12")
    tmux.waitFor(text: "[12")
    tmux.send("F2")
    let preview = tmux.waitFor(text: "Changes on")
    #expect(preview.contains("Sat 12-05  no change"))
    #expect(preview.contains("Fri 12-04  Elastic band eversion 3 × 10 → 3 × 12"))
    tmux.send("y")
    tmux.waitFor(text: "Saved: Elastic band eversion 3 × 12 from Fri 12-04")
    tmux.send("Escape")
    tmux.waitFor(text: "0/4 done")
    tmux.send("q")
    #expect(tmux.waitFor(text: "EXIT=").contains("EXIT=0"))

    // The revision as `programme history --json` lists it (what scripts read).
    let history = try RehabitBinary.run([
      "programme", "history", "--json", "--date", Self.day, "--data-dir", data.path,
    ])
    #expect(history.succeeded, "\(history.stderr)")
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
    let revisions = try #require(listed["revisions"] as? [[String: Any]])
    try #require(revisions.count == 1)
    #expect(revisions[0]["kind"] as? String == "set")
    #expect(revisions[0]["treatment"] as? String == "band-eversion")
    #expect(revisions[0]["effective"] as? String == "2026-12-04")
    let dose = try #require(revisions[0]["dose"] as? [String: Any])
    #expect(dose["sets"] as? Int == 3)
    #expect(dose["reps"] as? Int == 12)
    #expect((revisions[0]["id"] as? String)?.hasPrefix("r-20261204-") == true)
    let file = "\(data.path)/programme.json"
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)

    #expect(try bandEversionDose(on: "2026-12-02", data: data) == "3 × 10")
    #expect(try bandEversionDose(on: "2026-12-04", data: data) == "3 × 12")
  }
}
