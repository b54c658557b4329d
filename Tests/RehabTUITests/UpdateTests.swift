import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// `update(state, action)` for every action: the new state and the effects, as data.
@Suite("update: Today screen")
struct TodayUpdateTests {
  let programme: Programme
  let state: AppState
  let ids: [String]

  init() throws {
    programme = try Fixtures.programme()
    state = try Fixtures.todayState()
    ids = state.todayScreen.checklist?.entries.map(\.item.id) ?? []
  }

  @Test func launchLoadsTodayOrOpensTheWizard() throws {
    let (withProgramme, effects) = AppState.launch(
      today: Days.today, size: Fixtures.size, programme: programme, templates: [])
    #expect(effects == [.loadProgramme, .loadDay(Days.today)])
    #expect(withProgramme.screen == .today)
    let (first, none) = AppState.launch(
      today: Days.today, size: Fixtures.size, programme: nil, templates: try Fixtures.templates())
    #expect(none.isEmpty)
    guard case .setup = first.screen else {
      Issue.record("expected the setup wizard")
      return
    }
  }

  @Test func movingStopsAtBothEnds() {
    var (next, effects) = update(state, .today(.moveUp))
    #expect(next.todayScreen.selection == 0 && effects.isEmpty)
    (next, _) = update(next, .today(.moveDown))
    #expect(next.todayScreen.selection == 1)
    (next, _) = update(next, .today(.moveToLast))
    #expect(next.todayScreen.selection == 3)
    (next, _) = update(next, .today(.moveDown))
    #expect(next.todayScreen.selection == 3)
    (next, _) = update(next, .today(.moveToFirst))
    #expect(next.todayScreen.selection == 0)
  }

  @Test func toggleMarksDoneAtOnceAndAsksForTheWrite() {
    var (next, effects) = update(state, .today(.toggleSelectedItem))
    let write = AppEffect.setStatus(
      .done, itemId: ids[0], day: Days.today, reason: nil, expected: nil)
    #expect(effects == [write])
    #expect(next.todayScreen.selectedEntry?.status == .done)
    #expect(
      next.todayScreen.undoStack == [
        .item(ids[0], day: Days.today, previous: nil, label: "Calf stretch against a wall (left)")
      ])
    // The runner reports what it stored, and the day is read again.
    let stored = ItemRecord(status: .done, at: "2026-12-02T12:00:00Z")
    (next, effects) = update(next, .itemSaved(write, stored))
    #expect(effects == [.loadDay(Days.today)])
    guard case .itemStatus(let change) = next.todayScreen.undoStack.last?.change else {
      Issue.record("no undo entry")
      return
    }
    #expect(change.written == .stored(stored))
    var loaded = Fixtures.loadedDay(programme)
    loaded.entries[0].record = stored
    (next, _) = update(next, .dayLoaded(loaded))
    // Unticking is made against the record on screen, the one stored.
    let (back, undoneEffects) = update(next, .today(.toggleSelectedItem))
    #expect(
      undoneEffects == [
        .setStatus(.pending, itemId: ids[0], day: Days.today, reason: nil, expected: stored)
      ])
    #expect(back.todayScreen.selectedEntry?.status == .pending)
    guard case .itemStatus(let untick) = back.todayScreen.undoStack.last?.change else {
      Issue.record("no undo entry")
      return
    }
    #expect(untick.previous == stored && untick.written == .awaitingSave)
  }

  @Test func toggleTurnsASkippedItemDone() {
    var skipped = state
    skipped.todayScreen.checklist?.entries[0].record = ItemRecord(
      status: .skipped, at: "2026-12-02T12:00:00Z", reason: "r")
    let (_, effects) = update(skipped, .today(.toggleSelectedItem))
    #expect(
      effects == [
        .setStatus(
          .done, itemId: ids[0], day: Days.today, reason: nil,
          expected: ItemRecord(status: .skipped, at: "2026-12-02T12:00:00Z", reason: "r"))
      ])
  }

  @Test func nothingToTickOnAnEmptyDay() {
    var empty = state
    empty.todayScreen.checklist?.entries = []
    let (next, effects) = update(empty, .today(.toggleSelectedItem))
    #expect(effects.isEmpty)
    #expect(next.message?.text.contains("Nothing to tick") == true)
    #expect(update(empty, .today(.skipSelectedItem)).1.isEmpty)
  }

  @Test func skipAsksAReasonAndSavesIt() {
    var (next, effects) = update(state, .today(.skipSelectedItem))
    guard case .skipReason(let form) = next.todayScreen.modal else {
      Issue.record("no skip form")
      return
    }
    #expect(form.itemId == ids[0] && effects.isEmpty)
    // An empty reason is refused with a hint; the form stays open.
    (next, effects) = update(next, .today(.submit))
    guard case .skipReason(let refused) = next.todayScreen.modal else {
      Issue.record("the form closed")
      return
    }
    #expect(refused.problem != nil && effects.isEmpty)
    for character in "  too sore " {
      (next, _) = update(next, .today(.editText(.character(character))))
    }
    (next, effects) = update(next, .today(.editText(.enter)))
    #expect(next.todayScreen.modal == nil)
    #expect(
      effects == [
        .setStatus(.skipped, itemId: ids[0], day: Days.today, reason: "too sore", expected: nil)
      ])
    #expect(next.todayScreen.selectedEntry?.record?.reason == "too sore")
    // Skipping again starts from the stored reason.
    (next, _) = update(next, .today(.skipSelectedItem))
    guard case .skipReason(let again) = next.todayScreen.modal else {
      Issue.record("no skip form")
      return
    }
    #expect(again.field.value == "too sore")
  }

  @Test func cancellingAFormChangesNothing() {
    for open in [AppAction.today(.skipSelectedItem), .today(.logPain), .today(.addNote)] {
      var (next, _) = update(state, open)
      #expect(next.todayScreen.modal != nil)
      let effects: [AppEffect]
      (next, effects) = update(next, .today(.cancel))
      #expect(next.todayScreen.modal == nil && effects.isEmpty)
      #expect(next.todayScreen.checklist == state.todayScreen.checklist)
    }
    // Esc inside the text field cancels too.
    var (next, _) = update(state, .today(.skipSelectedItem))
    (next, _) = update(next, .today(.editText(.escape)))
    #expect(next.todayScreen.modal == nil)
  }

  @Test func painFormSetsLevelTimingAndItem() {
    var (next, effects) = update(state, .today(.moveDown))
    (next, effects) = update(next, .today(.logPain))
    // The form asks the query layer for the day's pain context.
    #expect(effects == [.loadPainContext(Days.today)])
    (next, _) = update(
      next,
      .today(.painContextLoaded(PainContext(programme: programme, day: Days.today, earlier: []))))
    (next, _) = update(next, .today(.setPainLevel(9)))
    (next, _) = update(next, .today(.changePainLevel(5)))
    guard case .pain(let capped) = next.todayScreen.modal else {
      Issue.record("no pain form")
      return
    }
    #expect(capped.level == 10)
    (next, _) = update(next, .today(.setPainLevel(0)))
    (next, _) = update(next, .today(.changePainLevel(-1)))
    (next, _) = update(next, .today(.changePainLevel(1)))
    (next, _) = update(next, .today(.changePainLevel(1)))
    // During exercise, `i` offers the selected item first.
    (next, _) = update(next, .today(.toggleAboutItem))
    (next, effects) = update(next, .today(.submit))
    #expect(next.todayScreen.modal == nil)
    #expect(
      effects == [
        .addPain(PainRecord(day: Days.today, level: 2, timing: .during, itemId: ids[1], at: ""))
      ])
    #expect(next.message?.text.contains("Pain 2/10") == true)
  }

  @Test func painAboutTheWholeSessionHasNoItem() {
    var next = state
    Fixtures.openPainForm(&next)
    (next, _) = update(next, .today(.setPainLevel(6)))
    let (_, effects) = update(next, .today(.submit))
    #expect(effects == [.addPain(PainRecord(day: Days.today, level: 6, timing: .during, at: ""))])
  }

  @Test func painFormWaitsForItsContextBeforeSaving() {
    var (next, _) = update(state, .today(.logPain))
    (next, _) = update(next, .today(.setPainLevel(6)))
    var effects: [AppEffect]
    (next, effects) = update(next, .today(.submit))
    #expect(effects.isEmpty)
    guard case .pain(let form) = next.todayScreen.modal else {
      Issue.record("the form closed without saving")
      return
    }
    #expect(form.problem?.contains("Still reading") == true)
    // A context for another day (the user moved on) is not taken.
    (next, _) = update(
      next,
      .today(.painContextLoaded(PainContext(programme: programme, day: Days.start, earlier: []))))
    (next, effects) = update(next, .today(.submit))
    #expect(effects.isEmpty)
  }

  @Test func noteIsAboutTheDayOrTheItem() {
    var (next, _) = update(state, .today(.addNote))
    for character in "felt stiff" {
      (next, _) = update(next, .today(.editText(.character(character))))
    }
    var (about, effects) = update(next, .today(.submit))
    #expect(effects == [.addNote(NoteRecord(day: Days.today, text: "felt stiff", at: ""))])
    #expect(about.todayScreen.modal == nil)
    (about, _) = update(next, .today(.toggleAboutItem))
    (_, effects) = update(about, .today(.submit))
    #expect(
      effects == [.addNote(NoteRecord(day: Days.today, itemId: ids[0], text: "felt stiff", at: ""))]
    )
    // A blank note is not stored.
    (next, _) = update(state, .today(.addNote))
    (_, effects) = update(next, .today(.submit))
    #expect(effects.isEmpty)
  }

  @Test func previousAndNextDayStayWithinTheProgrammeAndToday() {
    var (next, effects) = update(state, .today(.nextDay))
    #expect(effects.isEmpty && next.todayScreen.day == Days.today)
    #expect(next.message?.text.contains("No days after today") == true)
    (next, effects) = update(state, .today(.previousDay))
    #expect(effects == [.loadDay(Days.day("2026-12-01"))])
    #expect(next.todayScreen.day == Days.day("2026-12-01") && next.todayScreen.checklist == nil)
    (next, effects) = update(next, .today(.previousDay))
    #expect(effects == [.loadDay(Days.start)])
    (next, effects) = update(next, .today(.previousDay))
    #expect(effects.isEmpty && next.todayScreen.day == Days.start)
    #expect(next.message?.text.contains("started on Mon 2026-11-30") == true)
    (next, effects) = update(next, .today(.nextDay))
    #expect(effects == [.loadDay(Days.day("2026-12-01"))])
    (next, effects) = update(next, .today(.goToToday))
    #expect(effects == [.loadDay(Days.today)] && next.todayScreen.day == Days.today)
  }

  @Test func previousDayAfterTheProgrammeJumpsToItsLastDay() {
    var late = state
    late.today = Days.day("2027-03-01")
    late.todayScreen.day = late.today
    let (next, effects) = update(late, .today(.previousDay))
    #expect(effects == [.loadDay(programme.end)] && next.todayScreen.day == programme.end)
  }

  @Test func undoRestoresTheRecordExactlyAsItWas() {
    var before = state
    let earlier = ItemRecord(status: .skipped, at: "2026-12-02T07:00:00Z", reason: "no time")
    before.todayScreen.checklist?.entries[0].record = earlier
    var (next, ticked) = update(before, .today(.toggleSelectedItem))
    let stored = ItemRecord(status: .done, at: "2026-12-02T12:00:00Z")
    (next, _) = update(next, .itemSaved(ticked[0], stored))
    let effects: [AppEffect]
    (next, effects) = update(next, .today(.undo))
    // Made against the record this app stored.
    #expect(effects == [.restore(earlier, itemId: ids[0], day: Days.today, expected: stored)])
    #expect(next.todayScreen.selectedEntry?.record == earlier)
    #expect(next.todayScreen.undoStack.isEmpty)
    #expect(next.message?.text == "Undone: Calf stretch against a wall (left) is skipped again.")
    let (nothing, none) = update(next, .today(.undo))
    #expect(none.isEmpty && nothing.message?.text == "Nothing to undo.")
  }

  @Test func undoOfAnotherDayShowsThatDay() {
    var (next, ticked) = update(state, .today(.toggleSelectedItem))
    let stored = ItemRecord(status: .done, at: "2026-12-02T12:00:00Z")
    (next, _) = update(next, .itemSaved(ticked[0], stored))
    (next, _) = update(next, .today(.previousDay))
    let effects: [AppEffect]
    (next, effects) = update(next, .today(.undo))
    #expect(
      effects == [
        .restore(nil, itemId: ids[0], day: Days.today, expected: stored), .loadDay(Days.today),
      ])
    #expect(next.todayScreen.day == Days.today)
  }

  @Test func helpOpensScrollsWithinItsTextAndCloses() {
    var (next, _) = update(state, .help(.open))
    #expect(next.help == HelpOverlay())
    (next, _) = update(next, .help(.scroll(-3)))
    #expect(next.help?.scrollOffset == 0)
    (next, _) = update(next, .help(.scroll(1000)))
    // The render stops the text at its end: the last screenful shows, nothing more below.
    let shown = HelpScreen.visibleOffset(for: next, size: Fixtures.size, unicode: true)
    #expect(shown > 0 && shown < 1000)
    #expect(!render(next, size: Fixtures.size, capabilities: .full).text.contains("↓ more"))
    (next, _) = update(next, .help(.close))
    #expect(next.help == nil)
  }

  @Test func quitFinishesAtOnceWhenEverythingIsSaved() {
    let (next, effects) = update(state, .quit)
    #expect(next.isFinished && effects == [.quit])
  }

  @Test func quitWithUnsavedChangesRetriesAndAsksAgain() {
    var (next, _) = update(state, .today(.toggleSelectedItem))
    let write = AppEffect.setStatus(
      .done, itemId: ids[0], day: Days.today, reason: nil, expected: nil)
    (next, _) = update(next, .saveFailed(write, "disk full"))
    var effects: [AppEffect]
    (next, effects) = update(next, .quit)
    #expect(!next.isFinished && next.quitArmed && effects == [write])
    #expect(next.message?.kind == .error)
    // The retry fails again: still open, the change is kept.
    (next, effects) = update(next, .saveFailed(write, "disk full"))
    #expect(!next.isFinished && next.unsaved == [write])
    (next, effects) = update(next, .quit)
    #expect(next.isFinished && effects == [.quit])
  }

  @Test func aRetrySucceedingAfterQuitFinishes() {
    var (next, _) = update(state, .today(.toggleSelectedItem))
    let write = AppEffect.setStatus(
      .done, itemId: ids[0], day: Days.today, reason: nil, expected: nil)
    (next, _) = update(next, .saveFailed(write, "locked"))
    (next, _) = update(next, .quit)
    let effects: [AppEffect]
    (next, effects) = update(next, .saved(write))
    #expect(next.isFinished && effects == [.quit])
  }

  @Test func aFailedSaveStaysOnScreenAndIsRetriedFirst() throws {
    var (next, _) = update(state, .today(.toggleSelectedItem))
    let write = AppEffect.setStatus(
      .done, itemId: ids[0], day: Days.today, reason: nil, expected: nil)
    (next, _) = update(next, .saveFailed(write, "progress/2026-W49.json: damaged"))
    #expect(next.unsaved == [write])
    #expect(
      next.todayScreen.selectedEntry?.isUnsaved == true
        && next.todayScreen.selectedEntry?.status == .done)
    #expect(next.message?.kind == .error)
    #expect(next.message?.text.contains("damaged") == true)
    // A reload from disk (without the change) still shows it, marked unsaved.
    (next, _) = update(next, .dayLoaded(Fixtures.loadedDay(programme)))
    #expect(
      next.todayScreen.selectedEntry?.status == .done
        && next.todayScreen.selectedEntry?.isUnsaved == true)
    // The next change sends the failed write first.
    (next, _) = update(next, .today(.moveDown))
    var effects: [AppEffect]
    (next, effects) = update(next, .today(.toggleSelectedItem))
    #expect(
      effects == [
        write, .setStatus(.done, itemId: ids[1], day: Days.today, reason: nil, expected: nil),
      ])
    #expect(next.unsaved.isEmpty)
    // A tick retries too.
    (next, _) = update(next, .saveFailed(write, "again"))
    (next, effects) = update(next, .tick)
    #expect(effects == [write] && next.unsaved.isEmpty)
    (_, effects) = update(next, .tick)
    #expect(effects.isEmpty)
  }

  @Test func aSuccessfulSaveReloadsTheDay() {
    let write = AppEffect.setStatus(
      .done, itemId: ids[0], day: Days.today, reason: nil, expected: nil)
    #expect(update(state, .saved(write)).1 == [.loadDay(Days.today)])
  }

  @Test func loadedDaysReplaceTheListButStaleOnesAreIgnored() {
    var (next, _) = update(state, .today(.moveToLast))
    var loaded = Fixtures.loadedDay(programme)
    loaded.entries[3].record = ItemRecord(status: .done, at: "2026-12-02T13:00:00Z")
    (next, _) = update(next, .dayLoaded(loaded))
    #expect(next.todayScreen.selection == 3 && next.todayScreen.selectedEntry?.status == .done)
    let other = Fixtures.loadedDay(programme, day: Days.day("2026-12-01"))
    let (ignored, _) = update(next, .dayLoaded(other))
    #expect(ignored.todayScreen.checklist == next.todayScreen.checklist)
  }

  @Test func aLoadFailureIsShown() {
    let (next, _) = update(state, .loadFailed(Days.today, "damaged file"))
    #expect(next.message == .error("Cannot read 2026-12-02: damaged file"))
    let (other, _) = update(state, .loadFailed(Days.start, "damaged file"))
    #expect(other.message == nil)
  }

  @Test func midnightMovesTodayForwardButNotAPastDayBeingFilledIn() {
    let tomorrow = Days.day("2026-12-03")
    var (next, effects) = update(state, .dayChanged(tomorrow))
    #expect(
      next.today == tomorrow && next.todayScreen.day == tomorrow && effects == [.loadDay(tomorrow)])
    (next, _) = update(state, .today(.previousDay))
    (next, effects) = update(next, .dayChanged(tomorrow))
    #expect(
      next.todayScreen.day == Days.day("2026-12-01")
        && effects == [.loadDay(Days.day("2026-12-01"))])
  }

  @Test func resizeKeepsTheSelectionInView() {
    var (next, _) = update(state, .today(.moveToLast))
    (next, _) = update(next, .resize(Size(width: 60, height: 8)))
    #expect(next.size == Size(width: 60, height: 8))
    #expect(next.isTooSmall)
    // Three list rows: the selected item, the last of the list (a heading per kind, then its
    // items), is the last row shown.
    let entries = state.todayScreen.checklist?.entries ?? []
    let rows = entries.count + Set(entries.map(\.item.kind)).count
    #expect(next.todayScreen.scrollOffset == rows - 3)
  }
}

@Suite("update: setup wizard")
struct SetupUpdateTests {
  @Test func theWizardWalksThroughEveryStepToSaveTheProgramme() throws {
    var state = try Fixtures.wizardState()
    let templates = try Fixtures.templates()
    var effects: [AppEffect]
    (state, _) = update(state, .setup(.moveDown))
    guard case .setup(let wizard) = state.screen else {
      Issue.record("no wizard")
      return
    }
    #expect(wizard.templateIndex == 1)
    #expect(wizard.weeksField.value == "\(templates[1].plan.weeks)")
    (state, _) = update(state, .setup(.submit))
    // Start day: replace today with the day before.
    for _ in 0..<10 { (state, _) = update(state, .setup(.editText(.backspace))) }
    (state, _) = update(state, .setup(.submit))
    #expect(wizardStep(state)?.problem != nil)
    #expect(wizardStep(state)?.step == .startDay)
    for character in "2026-12-01" {
      (state, _) = update(state, .setup(.editText(.character(character))))
    }
    (state, _) = update(state, .setup(.editText(.enter)))
    #expect(wizardStep(state)?.step == .weeks)
    (state, _) = update(state, .setup(.editText(.backspace)))
    (state, _) = update(state, .setup(.editText(.backspace)))
    for character in "99" { (state, _) = update(state, .setup(.editText(.character(character)))) }
    (state, _) = update(state, .setup(.submit))
    #expect(wizardStep(state)?.problem?.contains("1 to 52") == true)
    (state, _) = update(state, .setup(.editText(.backspace)))
    (state, _) = update(state, .setup(.editText(.backspace)))
    (state, _) = update(state, .setup(.editText(.character("6"))))
    (state, _) = update(state, .setup(.submit))
    #expect(wizardStep(state)?.step == .side)
    (state, _) = update(state, .setup(.moveDown))
    (state, _) = update(state, .setup(.submit))
    #expect(wizardStep(state)?.step == .preview)
    (state, _) = update(state, .setup(.cancel))
    #expect(wizardStep(state)?.step == .side)
    (state, _) = update(state, .setup(.submit))
    (state, _) = update(state, .setup(.submit))
    #expect(wizardStep(state)?.step == .confirm)
    (state, effects) = update(state, .setup(.submit))
    let expected = Programme(
      plan: templates[1].plan, start: Days.day("2026-12-01"), weeks: 6, affectedSide: .right)
    #expect(effects == [.saveProgramme(expected)])
    #expect(wizardStep(state)?.isSaving == true)
    // A second Enter while saving does nothing.
    #expect(update(state, .setup(.submit)).1.isEmpty)
    (state, effects) = update(state, .saved(.saveProgramme(expected)))
    #expect(state.screen == .today && state.programme == expected)
    #expect(effects == [.loadDay(Days.today)])
  }

  @Test func aFailedSaveStaysOnTheConfirmStep() throws {
    var state = try Fixtures.wizardState()
    for _ in 0..<5 { (state, _) = update(state, .setup(.submit)) }
    let (saving, effects) = update(state, .setup(.submit))
    let write = try #require(effects.first)
    let (failed, _) = update(saving, .saveFailed(write, "a programme already exists"))
    #expect(wizardStep(failed)?.step == .confirm)
    #expect(wizardStep(failed)?.isSaving == false)
    #expect(wizardStep(failed)?.problem?.contains("already exists") == true)
  }

  @Test func cancelOnTheFirstStepStaysThere() throws {
    let state = try Fixtures.wizardState()
    let (next, effects) = update(state, .setup(.cancel))
    #expect(wizardStep(next)?.step == .template && effects.isEmpty)
  }

  @Test func midnightMovesAnUntouchedStartDay() throws {
    let state = try Fixtures.wizardState()
    let (next, effects) = update(state, .dayChanged(Days.day("2026-12-03")))
    #expect(effects.isEmpty)
    #expect(wizardStep(next)?.startField.value == "2026-12-03")
  }

  private func wizardStep(_ state: AppState) -> SetupWizard? {
    if case .setup(let wizard) = state.screen { return wizard }
    return nil
  }
}
