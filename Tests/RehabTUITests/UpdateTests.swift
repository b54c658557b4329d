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
    ids = state.checklist?.entries.map(\.item.id) ?? []
  }

  @Test func launchLoadsTodayOrOpensTheWizard() throws {
    let (withProgramme, effects) = AppState.launch(
      today: Days.today, size: Fixtures.size, programme: programme, templates: [])
    #expect(effects == [.loadDay(Days.today)])
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
    var (next, effects) = update(state, .moveUp)
    #expect(next.selection == 0 && effects.isEmpty)
    (next, _) = update(next, .moveDown)
    #expect(next.selection == 1)
    (next, _) = update(next, .moveToLast)
    #expect(next.selection == 3)
    (next, _) = update(next, .moveDown)
    #expect(next.selection == 3)
    (next, _) = update(next, .moveToFirst)
    #expect(next.selection == 0)
  }

  @Test func toggleMarksDoneAtOnceAndAsksForTheWrite() {
    let (next, effects) = update(state, .toggleSelectedItem)
    #expect(effects == [.setStatus(.done, itemId: ids[0], day: Days.today, reason: nil)])
    #expect(next.selectedEntry?.status == .done)
    #expect(
      next.undoStack == [
        UndoEntry(
          itemId: ids[0], day: Days.today, previous: nil,
          label: "Calf stretch against a wall (left)")
      ])
    let (back, undoneEffects) = update(next, .toggleSelectedItem)
    #expect(undoneEffects == [.setStatus(.pending, itemId: ids[0], day: Days.today, reason: nil)])
    #expect(back.selectedEntry?.status == .pending)
    #expect(back.undoStack.last?.previous?.status == .done)
  }

  @Test func toggleTurnsASkippedItemDone() {
    var skipped = state
    skipped.checklist?.entries[0].record = ItemRecord(status: .skipped, at: "t", reason: "r")
    let (_, effects) = update(skipped, .toggleSelectedItem)
    #expect(effects == [.setStatus(.done, itemId: ids[0], day: Days.today, reason: nil)])
  }

  @Test func nothingToTickOnAnEmptyDay() {
    var empty = state
    empty.checklist?.entries = []
    let (next, effects) = update(empty, .toggleSelectedItem)
    #expect(effects.isEmpty)
    #expect(next.message?.text.contains("Nothing to tick") == true)
    #expect(update(empty, .skipSelectedItem).1.isEmpty)
  }

  @Test func skipAsksAReasonAndSavesIt() {
    var (next, effects) = update(state, .skipSelectedItem)
    guard case .skipReason(let form) = next.modal else {
      Issue.record("no skip form")
      return
    }
    #expect(form.itemId == ids[0] && effects.isEmpty)
    // An empty reason is refused with a hint; the form stays open.
    (next, effects) = update(next, .submit)
    guard case .skipReason(let refused) = next.modal else {
      Issue.record("the form closed")
      return
    }
    #expect(refused.problem != nil && effects.isEmpty)
    for character in "  too sore " { (next, _) = update(next, .editText(.character(character))) }
    (next, effects) = update(next, .editText(.enter))
    #expect(next.modal == nil)
    #expect(effects == [.setStatus(.skipped, itemId: ids[0], day: Days.today, reason: "too sore")])
    #expect(next.selectedEntry?.record?.reason == "too sore")
    // Skipping again starts from the stored reason.
    (next, _) = update(next, .skipSelectedItem)
    guard case .skipReason(let again) = next.modal else {
      Issue.record("no skip form")
      return
    }
    #expect(again.field.value == "too sore")
  }

  @Test func cancellingAFormChangesNothing() {
    for open in [AppAction.skipSelectedItem, .logPain, .addNote] {
      var (next, _) = update(state, open)
      #expect(next.modal != nil)
      let effects: [AppEffect]
      (next, effects) = update(next, .cancel)
      #expect(next.modal == nil && effects.isEmpty)
      #expect(next.checklist == state.checklist)
    }
    // Esc inside the text field cancels too.
    var (next, _) = update(state, .skipSelectedItem)
    (next, _) = update(next, .editText(.escape))
    #expect(next.modal == nil)
  }

  @Test func painFormSetsLevelTimingAndItem() {
    var (next, _) = update(state, .moveDown)
    (next, _) = update(next, .logPain)
    (next, _) = update(next, .setPainLevel(9))
    (next, _) = update(next, .changePainLevel(5))
    guard case .pain(let capped) = next.modal else {
      Issue.record("no pain form")
      return
    }
    #expect(capped.level == 10)
    (next, _) = update(next, .setPainLevel(0))
    (next, _) = update(next, .changePainLevel(-1))
    (next, _) = update(next, .changePainLevel(1))
    (next, _) = update(next, .changePainLevel(1))
    (next, _) = update(next, .togglePainTiming)
    (next, _) = update(next, .toggleAboutItem)
    let effects: [AppEffect]
    (next, effects) = update(next, .submit)
    #expect(next.modal == nil)
    #expect(
      effects == [
        .addPain(
          PainRecord(day: Days.today, level: 2, timing: .nextMorning, itemId: ids[1], at: ""))
      ])
    #expect(next.message?.text.contains("Pain 2/10") == true)
  }

  @Test func painAboutTheWholeSessionHasNoItem() {
    var (next, _) = update(state, .logPain)
    (next, _) = update(next, .setPainLevel(6))
    let (_, effects) = update(next, .submit)
    #expect(effects == [.addPain(PainRecord(day: Days.today, level: 6, timing: .during, at: ""))])
  }

  @Test func noteIsAboutTheDayOrTheItem() {
    var (next, _) = update(state, .addNote)
    for character in "felt stiff" { (next, _) = update(next, .editText(.character(character))) }
    var (about, effects) = update(next, .submit)
    #expect(effects == [.addNote(NoteRecord(day: Days.today, text: "felt stiff", at: ""))])
    #expect(about.modal == nil)
    (about, _) = update(next, .toggleAboutItem)
    (_, effects) = update(about, .submit)
    #expect(
      effects == [.addNote(NoteRecord(day: Days.today, itemId: ids[0], text: "felt stiff", at: ""))]
    )
    // A blank note is not stored.
    (next, _) = update(state, .addNote)
    (_, effects) = update(next, .submit)
    #expect(effects.isEmpty)
  }

  @Test func previousAndNextDayStayWithinTheProgrammeAndToday() {
    var (next, effects) = update(state, .nextDay)
    #expect(effects.isEmpty && next.day == Days.today)
    #expect(next.message?.text.contains("No days after today") == true)
    (next, effects) = update(state, .previousDay)
    #expect(effects == [.loadDay(Days.day("2026-12-01"))])
    #expect(next.day == Days.day("2026-12-01") && next.checklist == nil)
    (next, effects) = update(next, .previousDay)
    #expect(effects == [.loadDay(Days.start)])
    (next, effects) = update(next, .previousDay)
    #expect(effects.isEmpty && next.day == Days.start)
    #expect(next.message?.text.contains("started on Mon 2026-11-30") == true)
    (next, effects) = update(next, .nextDay)
    #expect(effects == [.loadDay(Days.day("2026-12-01"))])
    (next, effects) = update(next, .goToToday)
    #expect(effects == [.loadDay(Days.today)] && next.day == Days.today)
  }

  @Test func previousDayAfterTheProgrammeJumpsToItsLastDay() {
    var late = state
    late.today = Days.day("2027-03-01")
    late.day = late.today
    let (next, effects) = update(late, .previousDay)
    #expect(effects == [.loadDay(programme.end)] && next.day == programme.end)
  }

  @Test func undoRestoresTheRecordExactlyAsItWas() {
    var before = state
    let earlier = ItemRecord(status: .skipped, at: "2026-12-02T07:00:00Z", reason: "no time")
    before.checklist?.entries[0].record = earlier
    var (next, _) = update(before, .toggleSelectedItem)
    let effects: [AppEffect]
    (next, effects) = update(next, .undo)
    #expect(effects == [.restore(earlier, itemId: ids[0], day: Days.today)])
    #expect(next.selectedEntry?.record == earlier)
    #expect(next.undoStack.isEmpty)
    #expect(next.message?.text == "Undone: Calf stretch against a wall (left) is skipped again.")
    let (nothing, none) = update(next, .undo)
    #expect(none.isEmpty && nothing.message?.text == "Nothing to undo.")
  }

  @Test func undoOfAnotherDayShowsThatDay() {
    var (next, _) = update(state, .toggleSelectedItem)
    (next, _) = update(next, .previousDay)
    let effects: [AppEffect]
    (next, effects) = update(next, .undo)
    #expect(
      effects == [.restore(nil, itemId: ids[0], day: Days.today), .loadDay(Days.today)])
    #expect(next.day == Days.today)
  }

  @Test func helpOpensScrollsWithinItsTextAndCloses() {
    var (next, _) = update(state, .showHelp)
    #expect(next.help == HelpOverlay())
    (next, _) = update(next, .scrollHelp(-3))
    #expect(next.help?.scrollOffset == 0)
    (next, _) = update(next, .scrollHelp(1000))
    let maximum = HelpScreen.maxScroll(for: next, size: Fixtures.size)
    #expect(maximum > 0 && next.help?.scrollOffset == maximum)
    (next, _) = update(next, .closeHelp)
    #expect(next.help == nil)
  }

  @Test func quitFinishesAtOnceWhenEverythingIsSaved() {
    let (next, effects) = update(state, .quit)
    #expect(next.isFinished && effects == [.quit])
  }

  @Test func quitWithUnsavedChangesRetriesAndAsksAgain() {
    var (next, _) = update(state, .toggleSelectedItem)
    let write = AppEffect.setStatus(.done, itemId: ids[0], day: Days.today, reason: nil)
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
    var (next, _) = update(state, .toggleSelectedItem)
    let write = AppEffect.setStatus(.done, itemId: ids[0], day: Days.today, reason: nil)
    (next, _) = update(next, .saveFailed(write, "locked"))
    (next, _) = update(next, .quit)
    let effects: [AppEffect]
    (next, effects) = update(next, .saved(write))
    #expect(next.isFinished && effects == [.quit])
  }

  @Test func aFailedSaveStaysOnScreenAndIsRetriedFirst() throws {
    var (next, _) = update(state, .toggleSelectedItem)
    let write = AppEffect.setStatus(.done, itemId: ids[0], day: Days.today, reason: nil)
    (next, _) = update(next, .saveFailed(write, "progress/2026-W49.json: damaged"))
    #expect(next.unsaved == [write])
    #expect(next.selectedEntry?.isUnsaved == true && next.selectedEntry?.status == .done)
    #expect(next.message?.kind == .error)
    #expect(next.message?.text.contains("damaged") == true)
    // A reload from disk (without the change) still shows it, marked unsaved.
    (next, _) = update(next, .dayLoaded(Fixtures.loadedDay(programme)))
    #expect(next.selectedEntry?.status == .done && next.selectedEntry?.isUnsaved == true)
    // The next change sends the failed write first.
    (next, _) = update(next, .moveDown)
    var effects: [AppEffect]
    (next, effects) = update(next, .toggleSelectedItem)
    #expect(effects == [write, .setStatus(.done, itemId: ids[1], day: Days.today, reason: nil)])
    #expect(next.unsaved.isEmpty)
    // A tick retries too.
    (next, _) = update(next, .saveFailed(write, "again"))
    (next, effects) = update(next, .tick)
    #expect(effects == [write] && next.unsaved.isEmpty)
    (_, effects) = update(next, .tick)
    #expect(effects.isEmpty)
  }

  @Test func aSuccessfulSaveReloadsTheDay() {
    let write = AppEffect.setStatus(.done, itemId: ids[0], day: Days.today, reason: nil)
    #expect(update(state, .saved(write)).1 == [.loadDay(Days.today)])
  }

  @Test func loadedDaysReplaceTheListButStaleOnesAreIgnored() {
    var (next, _) = update(state, .moveToLast)
    var loaded = Fixtures.loadedDay(programme)
    loaded.entries[3].record = ItemRecord(status: .done, at: "x")
    (next, _) = update(next, .dayLoaded(loaded))
    #expect(next.selection == 3 && next.selectedEntry?.status == .done)
    let other = Fixtures.loadedDay(programme, day: Days.day("2026-12-01"))
    let (ignored, _) = update(next, .dayLoaded(other))
    #expect(ignored.checklist == next.checklist)
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
    #expect(next.today == tomorrow && next.day == tomorrow && effects == [.loadDay(tomorrow)])
    (next, _) = update(state, .previousDay)
    (next, effects) = update(next, .dayChanged(tomorrow))
    #expect(next.day == Days.day("2026-12-01") && effects == [.loadDay(Days.day("2026-12-01"))])
  }

  @Test func resizeKeepsTheSelectionInView() {
    var (next, _) = update(state, .moveToLast)
    (next, _) = update(next, .resize(Size(width: 60, height: 8)))
    #expect(next.size == Size(width: 60, height: 8))
    #expect(next.isTooSmall)
    // Three list rows: the selected item is the last row shown.
    #expect(next.scrollOffset == 5)
  }
}

@Suite("update: setup wizard")
struct SetupUpdateTests {
  @Test func theWizardWalksThroughEveryStepToSaveTheProgramme() throws {
    var state = try Fixtures.wizardState()
    let templates = try Fixtures.templates()
    var effects: [AppEffect]
    (state, _) = update(state, .moveDown)
    guard case .setup(let wizard) = state.screen else {
      Issue.record("no wizard")
      return
    }
    #expect(wizard.templateIndex == 1)
    #expect(wizard.weeksField.value == "\(templates[1].plan.weeks)")
    (state, _) = update(state, .submit)
    // Start day: replace today with the day before.
    for _ in 0..<10 { (state, _) = update(state, .editText(.backspace)) }
    (state, _) = update(state, .submit)
    #expect(wizardStep(state)?.problem != nil)
    #expect(wizardStep(state)?.step == .startDay)
    for character in "2026-12-01" { (state, _) = update(state, .editText(.character(character))) }
    (state, _) = update(state, .editText(.enter))
    #expect(wizardStep(state)?.step == .weeks)
    (state, _) = update(state, .editText(.backspace))
    (state, _) = update(state, .editText(.backspace))
    for character in "99" { (state, _) = update(state, .editText(.character(character))) }
    (state, _) = update(state, .submit)
    #expect(wizardStep(state)?.problem?.contains("1 to 52") == true)
    (state, _) = update(state, .editText(.backspace))
    (state, _) = update(state, .editText(.backspace))
    (state, _) = update(state, .editText(.character("6")))
    (state, _) = update(state, .submit)
    #expect(wizardStep(state)?.step == .side)
    (state, _) = update(state, .moveDown)
    (state, _) = update(state, .submit)
    #expect(wizardStep(state)?.step == .preview)
    (state, _) = update(state, .cancel)
    #expect(wizardStep(state)?.step == .side)
    (state, _) = update(state, .submit)
    (state, _) = update(state, .submit)
    #expect(wizardStep(state)?.step == .confirm)
    (state, effects) = update(state, .submit)
    let expected = Programme(
      plan: templates[1].plan, start: Days.day("2026-12-01"), weeks: 6, affectedSide: .right)
    #expect(effects == [.saveProgramme(expected)])
    #expect(wizardStep(state)?.isSaving == true)
    // A second Enter while saving does nothing.
    #expect(update(state, .submit).1.isEmpty)
    (state, effects) = update(state, .saved(.saveProgramme(expected)))
    #expect(state.screen == .today && state.programme == expected)
    #expect(effects == [.loadDay(Days.today)])
  }

  @Test func aFailedSaveStaysOnTheConfirmStep() throws {
    var state = try Fixtures.wizardState()
    for _ in 0..<5 { (state, _) = update(state, .submit) }
    let (saving, effects) = update(state, .submit)
    let write = try #require(effects.first)
    let (failed, _) = update(saving, .saveFailed(write, "a programme already exists"))
    #expect(wizardStep(failed)?.step == .confirm)
    #expect(wizardStep(failed)?.isSaving == false)
    #expect(wizardStep(failed)?.problem?.contains("already exists") == true)
  }

  @Test func cancelOnTheFirstStepStaysThere() throws {
    let state = try Fixtures.wizardState()
    let (next, effects) = update(state, .cancel)
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
