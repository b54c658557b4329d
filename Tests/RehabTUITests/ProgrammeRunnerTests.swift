import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The Programme screen through the runner and a real data folder: the preview comes from the
/// query layer, the save is the store's compare-and-swap append, undo the store's take-back.
@MainActor
@Suite("Programme screen with a data folder")
struct ProgrammeRunnerTests {
  func started(_ data: TemporaryDataDirectory) throws -> (AppRunner, ScriptedTerminal) {
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let terminal = ScriptedTerminal(size: Fixtures.size, events: [])
    let runner = AppRunner(
      terminal: terminal, store: data.store, clock: .fixed(Days.today), programme: programme,
      templates: [], tickMilliseconds: 1000)
    runner.start()
    return (runner, terminal)
  }

  func press(_ keys: [Key], _ runner: AppRunner) {
    for key in keys { runner.handle(.key(key)) }
  }

  /// m, the band eversion, reps 12, F2: the preview of the change from today.
  func openPreview(_ runner: AppRunner) {
    press(
      [.character("m"), .down, .enter, .tab, .control("u"), .character("1"), .character("2")],
      runner)
    press([.function(2)], runner)
  }

  func bandEversion(_ runner: AppRunner) -> String? {
    runner.state.todayScreen.checklist?.entries.first { $0.item.treatmentId == "band-eversion" }?
      .item.dose.text
  }

  @Test func confirmingAppendsTheRevisionAndTodayShowsTheNewDose() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let (runner, _) = try started(data)
    openPreview(runner)
    guard case .programme(let view) = runner.state.screen, case .previewing? = view.form?.step
    else {
      Issue.record("no preview: \(runner.state.screen)")
      return
    }
    press([.character("y"), .escape], runner)
    let stored = try #require(try data.store.loadProgramme())
    #expect(stored.revisions.count == 1)
    #expect(stored.revisions.first?.at == "2026-12-02T12:00:00Z")
    #expect(stored == runner.state.programme)
    #expect(runner.state.screen == .today)
    #expect(bandEversion(runner) == "3 × 12")

    // u takes it back through the store (nothing logged since).
    press([.character("u")], runner)
    #expect(try data.store.loadProgramme()?.revisions.isEmpty == true)
    #expect(bandEversion(runner) == "3 × 10")
  }

  @Test func aRevisionAddedElsewhereBeforeConfirmingIsKeptAndNothingIsWritten() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let (runner, _) = try started(data)
    openPreview(runner)
    let programme = try #require(runner.state.programme)
    let other = ProgrammeRevision(
      id: "", effective: Days.day("2026-12-03"), change: .pause(treatmentId: "ice", until: nil),
      at: "2026-12-02T11:00:00Z")
    let elsewhere = try data.store.addRevision(other, expected: programme)
    press([.enter], runner)
    #expect(try data.store.loadProgramme() == elsewhere)
    #expect(runner.state.programme == elsewhere)
    #expect(runner.state.message?.text.contains("changed elsewhere") == true)
    guard case .programme(let view) = runner.state.screen else {
      Issue.record("left the Programme screen")
      return
    }
    #expect(view.form?.step == .editing)
    #expect(view.overview?.revisions == elsewhere.revisions)
  }

  @Test func undoOnceTheDayIsLoggedIsRefusedWithTheReason() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let (runner, _) = try started(data)
    openPreview(runner)
    press([.character("y"), .escape], runner)
    // Another writer logs the band eversion on the day the change governs.
    _ = try data.store.setStatus(
      .done, ofItem: "2026-12-02.band-eversion.left", on: Days.today, reason: nil,
      at: "2026-12-02T12:30:00Z", expected: nil)
    press([.character("u")], runner)
    #expect(try data.store.loadProgramme()?.revisions.count == 1)
    #expect(runner.state.message?.text.hasPrefix("Not undone: Wed 2026-12-02 is logged") == true)
  }
}
