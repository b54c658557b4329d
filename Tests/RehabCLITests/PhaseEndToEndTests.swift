import Foundation
import Testing

/// The built app in a real terminal (tmux, a private socket) on a folder of two programmes:
/// it opens on the later one and steps back into the earlier one's days.
@Suite("full-screen app across programmes end to end", .serialized)
struct PhaseEndToEndTests {
  @Test func stepsBackFromTheNextProgrammeIntoTheFirst() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let environment = ["REHABIT_TODAY": "2026-12-02"]
    for arguments in [
      [
        "init", "--template", "lateral-ankle-sprain", "--start", "2026-10-05", "--affected-side",
        "left",
      ],
      ["init", "--template", "chronic-ankle-instability", "--next", "--date", "2026-11-20"],
    ] {
      let result = try RehabitBinary.run(
        arguments + ["--data-dir", data.path], environment: environment)
      #expect(result.succeeded, "\(result.stderr)")
    }
    let tmux = try TmuxSession(
      command: TmuxSession.wrapped([
        RehabitBinary.path, "--data-dir", data.path, "--date", "2026-12-02",
      ]))
    defer { tmux.close() }
    let opened = tmux.waitFor(text: "week 1 of 8")
    #expect(opened.contains("Chronic ankle instability"))
    // Wednesday, Tuesday, Monday (the next programme's first day), then Sunday: the first's.
    tmux.send("h", "h")
    tmux.waitFor(text: "Mon 2026-11-30")
    tmux.send("h")
    let back = tmux.waitFor(text: "week 8 of 8")
    let lines = back.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.contains("Lateral ankle sprain") == true, "\(back)")
    #expect(lines.first?.contains("Sun 2026-11-29") == true, "\(back)")
    #expect(back.contains("Calf stretch against a wall"))
    // Its week is the first programme's last, without a previous programme.
    tmux.send("w")
    let week = tmux.waitFor(text: "programme week 8 of 8")
    #expect(week.contains("Week 2026-W48"))
    #expect(!week.contains("Previous programme"))
    // The next week is the later programme's, with the earlier one's for reference.
    tmux.send("l")
    let later = tmux.waitFor(text: "not compared")
    #expect(later.contains("Week 2026-W49"))
    #expect(later.contains("Previous programme, for reference only"))
    tmux.send("q")
    let screen = tmux.waitFor(text: "EXIT=")
    #expect(screen.contains("EXIT=0"))
  }
}
