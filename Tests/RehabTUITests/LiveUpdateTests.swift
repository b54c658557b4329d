import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// `update` for other writers: a file change reloads what is shown; a refused write keeps the
/// other record and says so; queued writes of one item merge; undo takes back only this app's.
@Suite("update: other writers")
struct LiveUpdateTests {
  let programme: Programme
  let state: AppState
  let ids: [String]
  let stored = ItemRecord(status: .done, at: "2026-12-02T12:00:00Z")
  let cliSkip = ItemRecord(status: .skipped, at: "2026-12-02T12:30:00Z", reason: "too sore")

  init() throws {
    programme = try Fixtures.programme()
    state = try Fixtures.todayState()
    ids = state.todayScreen.checklist?.entries.map(\.item.id) ?? []
  }

  func write(_ status: ItemStatus, _ index: Int, expected: ItemRecord? = nil) -> AppEffect {
    .setStatus(status, itemId: ids[index], day: Days.today, reason: nil, expected: expected)
  }

  @Test func aFileChangeReadsTheProgrammeAndTheDayShown() {
    #expect(update(state, .filesChanged).1 == [.loadProgramme, .loadDay(Days.today)])
    var (next, _) = update(state, .today(.previousDay))
    #expect(
      update(next, .filesChanged).1 == [.loadProgramme, .loadDay(Days.day("2026-12-01"))])
    // On the Week screen the week is read too.
    (next, _) = update(state, .today(.showWeek))
    #expect(
      update(next, .filesChanged).1 == [
        .loadProgramme, .loadDay(Days.today), .loadWeek(ISOWeek(containing: Days.today)),
      ])
  }

  @Test func theWizardIgnoresFileChanges() throws {
    #expect(update(try Fixtures.wizardState(), .filesChanged).1.isEmpty)
  }

  @Test func aReloadedDayShowsTheOtherWritersRecordAndKeepsTheSelection() {
    var (next, _) = update(state, .today(.moveDown))
    var loaded = Fixtures.loadedDay(programme)
    loaded.entries[1].record = cliSkip
    (next, _) = update(next, .dayLoaded(loaded))
    #expect(next.todayScreen.selection == 1)
    #expect(next.todayScreen.selectedEntry?.record == cliSkip)
    #expect(render(next, size: Fixtures.size, capabilities: .full).text.contains("too sore"))
  }

  @Test func aProgrammeReplacedElsewhereIsShown() throws {
    let other = try Fixtures.programme(start: Days.day("2026-11-23"))
    let (next, effects) = update(state, .programmeLoaded(ProgrammeTimeline(current: other)))
    #expect(effects.isEmpty)
    #expect(next.programme == other)
    #expect(next.message?.text == "The programme was changed elsewhere; showing it.")
    // The same programme, or none, changes nothing.
    #expect(update(state, .programmeLoaded(ProgrammeTimeline(current: programme))).0 == state)
    #expect(update(state, .programmeLoaded(nil)).0 == state)
  }

  @Test func aRefusedTickKeepsNothingToUndoSaysWhatChangedAndReloads() {
    var (next, effects) = update(state, .today(.toggleSelectedItem))
    #expect(effects == [write(.done, 0)])
    (next, effects) = update(next, .changedElsewhere(write(.done, 0), found: cliSkip))
    #expect(effects == [.loadProgramme, .loadDay(Days.today)])
    #expect(
      next.message
        == .error(
          "Calf stretch against a wall (left): skipped elsewhere, nothing overwritten."
        ))
    #expect(next.todayScreen.undoStack.isEmpty)
    // Not queued for a retry: the other record stays.
    #expect(next.unsaved.isEmpty)
    #expect(update(next, .tick).1.isEmpty)
    #expect(update(next, .today(.undo)).0.message?.text == "Nothing to undo.")
  }

  @Test func anUndoRefusedSaysItLeftTheRecord() {
    var (next, _) = update(state, .today(.toggleSelectedItem))
    (next, _) = update(next, .itemSaved(write(.done, 0), stored))
    var effects: [AppEffect]
    (next, effects) = update(next, .today(.undo))
    let restore = AppEffect.restore(nil, itemId: ids[0], day: Days.today, expected: stored)
    #expect(effects == [restore])
    (next, effects) = update(next, .changedElsewhere(restore, found: cliSkip))
    #expect(
      next.message
        == .error(
          "Not undone: Calf stretch against a wall (left) was changed elsewhere."
        ))
    #expect(effects == [.loadProgramme, .loadDay(Days.today)])
  }

  @Test func aRefusedWriteOfAnotherDayNamesTheItemFromTheProgramme() {
    var next = state
    next.todayScreen.checklist = nil
    _ = next.apply(.changedElsewhere(write(.done, 0), found: nil))
    #expect(
      next.message
        == .error("Calf stretch against a wall: unticked elsewhere, nothing overwritten.")
    )
  }

  @Test func aSecondChangeOfAnUnsavedItemReplacesTheQueuedWrite() {
    var (next, _) = update(state, .today(.toggleSelectedItem))
    (next, _) = update(next, .saveFailed(write(.done, 0), "locked"))
    #expect(next.unsaved == [write(.done, 0)])
    // Unticking: the tick never landed, so the file still holds nothing and the two writes
    // cancel out.
    var effects: [AppEffect]
    (next, effects) = update(next, .today(.toggleSelectedItem))
    #expect(effects.isEmpty)
    #expect(next.unsaved.isEmpty)
    // Skipping instead: one write, made against what the file held before the queued one.
    (next, _) = update(state, .today(.toggleSelectedItem))
    (next, _) = update(next, .saveFailed(write(.done, 0), "locked"))
    (next, _) = update(next, .today(.skipSelectedItem))
    for character in "rain" { (next, _) = update(next, .today(.editText(.character(character)))) }
    (next, effects) = update(next, .today(.submit))
    #expect(
      effects == [
        .setStatus(.skipped, itemId: ids[0], day: Days.today, reason: "rain", expected: nil)
      ])
  }

  @Test func undoingAnUnsavedChangeDropsItsQueuedWrite() {
    var (next, _) = update(state, .today(.toggleSelectedItem))
    (next, _) = update(next, .saveFailed(write(.done, 0), "locked"))
    var effects: [AppEffect]
    (next, effects) = update(next, .today(.undo))
    #expect(effects.isEmpty)
    #expect(next.unsaved.isEmpty)
    #expect(next.todayScreen.selectedEntry?.status == .pending)
    #expect(next.todayScreen.undoStack.isEmpty)
  }

  @Test func aQueuedWriteThatLandsLaterCanBeUndone() {
    var (next, _) = update(state, .today(.toggleSelectedItem))
    (next, _) = update(next, .saveFailed(write(.done, 0), "locked"))
    var effects: [AppEffect]
    (next, effects) = update(next, .tick)
    #expect(effects == [write(.done, 0)])
    (next, _) = update(next, .itemSaved(write(.done, 0), stored))
    effects = update(next, .today(.undo)).1
    #expect(effects == [.restore(nil, itemId: ids[0], day: Days.today, expected: stored)])
  }
}
