import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The day's pain entries, notes and check-in on the Today screen: removing them, and undo of
/// every kind of change that is not a tick (pain, notes, check-ins, removals), as data.
@Suite("update: records and their undo")
struct RecordUndoTests {
  let programme: Programme
  let state: AppState

  static let pain = PainRecord(
    day: Days.today, level: 7, timing: .during, itemId: nil, at: "2026-12-02T08:00:00Z",
    id: "p-20261202-4k2m")
  static let note = NoteRecord(
    day: Days.today, text: "stiff in the morning", at: "2026-12-02T08:05:00Z",
    id: "n-20261202-8fq1")
  static let checkin = Checkin(
    day: Days.start, values: [.pain: .single(3), .sane: .single(70)],
    at: "2026-11-30T19:00:00Z", id: "c-20261130-x0ta")

  init() throws {
    programme = try Fixtures.programme()
    var state = AppState(today: Days.today, size: Fixtures.size, programme: programme)
    _ = state.apply(.dayLoaded(Self.loadedDay(programme)))
    self.state = state
  }

  /// The day's four items, a pain entry, a note and the programme week's check-in.
  static func loadedDay(_ programme: Programme, checkin: Checkin? = checkin) -> LoadedDay {
    var loaded = Fixtures.loadedDay(programme)
    loaded.records = [TodayRecord(.pain(pain, treatment: nil)), TodayRecord(.note(note))]
    if let checkin {
      loaded.checkin = checkin
      loaded.records.append(TodayRecord(.checkin(checkin, programmeWeek: 1)))
    }
    return loaded
  }

  /// The state with the row of `record` selected (the items come first).
  func selecting(_ index: Int) -> AppState {
    var next = state
    next.todayScreen.selection = 4 + index
    return next
  }

  // MARK: Selecting and removing

  @Test func theRecordsFollowTheItemsInTheSelection() {
    var (next, _) = update(state, .today(.moveToLast))
    #expect(next.todayScreen.selection == 6)
    #expect(next.todayScreen.selectedRecord?.record == .checkin(Self.checkin))
    #expect(next.todayScreen.selectedEntry == nil)
    (next, _) = update(next, .today(.moveUp))
    #expect(next.todayScreen.selectedRecord?.record == .note(Self.note))
    // Ticking a record says what to do instead, and writes nothing.
    let (ticked, effects) = update(next, .today(.toggleSelectedItem))
    #expect(effects.isEmpty)
    #expect(ticked.message?.text.contains("d/Del removes it") == true)
    // With a record selected the help bar offers removing it, not ticking.
    #expect(TodayScreen.helpKeys(for: next.todayScreen).table == TodayScreen.recordKeys)
    #expect(TodayScreen.helpKeys(for: state.todayScreen).table == TodayScreen.keys)
  }

  @Test func removingAsksFirstAndYesWritesARecordedRemoval() {
    var (next, effects) = update(selecting(0), .today(.removeSelected))
    #expect(effects.isEmpty)
    guard case .confirmRemoval(let confirm) = next.todayScreen.modal else {
      Issue.record("no confirmation")
      return
    }
    #expect(confirm.record == .pain(Self.pain))
    // Keys other than y and n/Esc do nothing while it asks.
    #expect(AppKeys.action(for: .character("x"), in: next) == nil)
    #expect(AppKeys.action(for: .character("y"), in: next) == .today(.confirmRemoval))
    (next, effects) = update(next, .today(.confirmRemoval))
    #expect(effects == [.removeRecord(.pain(Self.pain))])
    #expect(next.todayScreen.modal == nil)
    #expect(
      next.todayScreen.checklist?.records.map(\.record) == [
        .note(Self.note), .checkin(Self.checkin),
      ])
    #expect(next.message?.text == "Removed: pain 7/10 (u puts it back).")
    // The removal landed: the day is read again (flags and pain guidance recompute).
    let tombstone = RemovedRecord(id: Self.pain.id, at: "2026-12-02T09:00:00Z")
    (next, effects) = update(next, .recordRemoved(.removeRecord(.pain(Self.pain)), tombstone))
    #expect(effects == [.loadDay(Days.today)])
    guard case .recordRemoved(let change) = next.todayScreen.undoStack.last?.change else {
      Issue.record("no undo entry")
      return
    }
    #expect(change.tombstone == tombstone)
    // Undo puts it back, only while the tombstone is this app's.
    (next, effects) = update(next, .today(.undo))
    #expect(
      effects == [.undoRecords(remove: [], reinstate: [.pain(Self.pain)], tombstones: [tombstone])])
    #expect(next.message?.text == "Undone: pain 7/10 is back.")
    #expect(next.todayScreen.undoStack.isEmpty)
  }

  @Test func noOrEscKeepsTheRecord() {
    var (next, _) = update(selecting(1), .today(.removeSelected))
    #expect(AppKeys.action(for: .character("n"), in: next) == .today(.cancel))
    let effects: [AppEffect]
    (next, effects) = update(next, .today(.cancel))
    #expect(effects.isEmpty && next.todayScreen.modal == nil)
    #expect(next.todayScreen.checklist?.records.count == 3)
    #expect(next.todayScreen.undoStack.isEmpty)
  }

  @Test func anItemIsNotRemovedByD() {
    let (next, effects) = update(state, .today(.removeSelected))
    #expect(effects.isEmpty && next.todayScreen.modal == nil)
    #expect(next.message?.text.contains("Ticks and skips are not removed") == true)
  }

  @Test func theCheckinCanBeRemovedToo() {
    var (next, _) = update(selecting(2), .today(.removeSelected))
    let effects: [AppEffect]
    (next, effects) = update(next, .today(.confirmRemoval))
    #expect(effects == [.removeRecord(.checkin(Self.checkin))])
    #expect(next.message?.text == "Removed: check-in of Mon 2026-11-30 (u puts it back).")
  }

  @Test func aRemovalRefusedBecauseTheRecordChangedLeavesNothingToUndo() {
    var (next, _) = update(selecting(1), .today(.removeSelected))
    (next, _) = update(next, .today(.confirmRemoval))
    let effects: [AppEffect]
    (next, effects) = update(
      next,
      .recordChangedElsewhere(
        .removeRecord(.note(Self.note)),
        found: .removed(RemovedRecord(id: Self.note.id, at: "2026-12-02T12:30:00Z"))))
    #expect(
      next.message
        == .error("Not removed: note “stiff in the morning” was removed elsewhere already."))
    #expect(next.todayScreen.undoStack.isEmpty)
    #expect(effects.contains(.loadDay(Days.today)))
  }

  // MARK: Undo of pain and notes added

  @Test func undoOfAPainEntryRemovesTheIdTheStoreGaveIt() {
    var next = state
    Fixtures.openPainForm(&next)
    _ = next.apply(.today(.setPainLevel(6)))
    var effects = next.apply(.today(.submit))
    guard case .addPain(let requested) = effects.first, effects.count == 1 else {
      Issue.record("expected one addPain, got \(effects)")
      return
    }
    #expect(requested.id.isEmpty)
    // The store gives it an id; the app keeps that, not its own copy.
    var stored = requested
    stored.id = "p-20261202-abcd"
    stored.at = "2026-12-02T10:00:00Z"
    effects = next.apply(.recordAdded(.addPain(requested), .pain(stored)))
    #expect(effects == [.loadDay(Days.today)])
    guard case .recordAdded(let change) = next.todayScreen.undoStack.last?.change else {
      Issue.record("no undo entry")
      return
    }
    #expect(change.stored == .pain(stored))
    effects = next.apply(.today(.undo))
    #expect(effects == [.undoRecords(remove: [.pain(stored)], reinstate: [], tombstones: [])])
    #expect(next.message?.text == "Undone: pain 6/10 removed.")
  }

  @Test func undoOfANoteRemovesIt() {
    var next = state
    _ = next.apply(.today(.addNote))
    for character in "sore" { _ = next.apply(.today(.editText(.character(character)))) }
    let effects = next.apply(.today(.submit))
    let requested = NoteRecord(day: Days.today, text: "sore", at: "")
    #expect(effects == [.addNote(requested)])
    var stored = requested
    stored.id = "n-20261202-wxyz"
    stored.at = "2026-12-02T10:00:00Z"
    _ = next.apply(.recordAdded(.addNote(requested), .note(stored)))
    #expect(
      next.apply(.today(.undo)) == [
        .undoRecords(remove: [.note(stored)], reinstate: [], tombstones: [])
      ])
    #expect(next.message?.text == "Undone: note “sore” removed.")
  }

  @Test func undoOfANoteThatWasNeverSavedDropsItsQueuedWrite() {
    var next = state
    _ = next.apply(.today(.addNote))
    _ = next.apply(.today(.editText(.character("x"))))
    let write = AppEffect.addNote(NoteRecord(day: Days.today, text: "x", at: ""))
    #expect(next.apply(.today(.submit)) == [write])
    _ = next.apply(.saveFailed(write, "disk full"))
    #expect(next.unsaved == [write])
    // Shown, marked as not saved.
    #expect(
      next.todayScreen.checklist?.records.last
        == TodayRecord(.note(NoteRecord(day: Days.today, text: "x", at: "")), isUnsaved: true))
    #expect(next.apply(.today(.undo)) == [])
    #expect(next.unsaved.isEmpty)
    #expect(next.todayScreen.checklist?.records.count == 3)
  }

  @Test func undoRefusedBecauseAnotherWriterRemovedItSaysSo() throws {
    var next = state
    _ = next.apply(.today(.addNote))
    _ = next.apply(.today(.editText(.character("x"))))
    let requested = NoteRecord(day: Days.today, text: "x", at: "")
    _ = next.apply(.today(.submit))
    var stored = requested
    stored.id = "n-20261202-wxyz"
    _ = next.apply(.recordAdded(.addNote(requested), .note(stored)))
    let undo = next.apply(.today(.undo))
    let effects = next.apply(
      .recordChangedElsewhere(
        try #require(undo.first),
        found: .removed(RemovedRecord(id: stored.id, at: "2026-12-02T12:30:00Z"))))
    #expect(next.message == .error("Not undone: note “x” was changed elsewhere."))
    #expect(effects.contains(.loadDay(Days.today)))
  }

  // MARK: Undo of a check-in

  @Test func undoOfACheckinRemovesItAndReinstatesTheOneItReplaced() {
    var next = state
    let saved = Checkin(
      day: Days.start, values: [.pain: .single(5), .sane: .single(80)],
      at: "2026-12-02T11:00:00Z", id: "c-20261130-n3w0")
    let request = AppEffect.saveCheckin(
      Checkin(day: Days.start, values: saved.values, at: ""))
    let save = CheckinSave(
      checkin: saved, programmeWeek: 1, weekDays: Days.start...Days.start.adding(days: 6),
      replaced: [Self.checkin])
    _ = next.apply(.checkinSaved(request, save))
    let effects = next.apply(.today(.undo))
    #expect(
      effects == [
        .undoRecords(
          remove: [.checkin(saved)], reinstate: [.checkin(Self.checkin)],
          tombstones: [RemovedRecord(id: Self.checkin.id, at: saved.at)])
      ])
    #expect(
      next.message?.text == "Undone: check-in of Mon 2026-11-30 removed; the one before is back.")
  }

  @Test func undoOfAFirstCheckinOnlyRemovesIt() {
    var next = state
    let saved = Checkin(
      day: Days.today, values: [.pain: .single(2)], at: "2026-12-02T11:00:00Z",
      id: "c-20261202-n3w0")
    let save = CheckinSave(
      checkin: saved, programmeWeek: 1, weekDays: Days.start...Days.start.adding(days: 6),
      replaced: [])
    _ = next.apply(.checkinSaved(.saveCheckin(saved), save))
    #expect(
      next.apply(.today(.undo)) == [
        .undoRecords(remove: [.checkin(saved)], reinstate: [], tombstones: [])
      ])
    #expect(next.message?.text == "Undone: check-in of Wed 2026-12-02 removed.")
  }

  @Test func undoTakesChangesBackNewestFirstAcrossKinds() {
    var next = state
    _ = next.apply(.today(.toggleSelectedItem))
    _ = next.apply(.today(.addNote))
    _ = next.apply(.today(.editText(.character("x"))))
    _ = next.apply(.today(.submit))
    let kinds = next.todayScreen.undoStack.map { entry -> String in
      switch entry.change {
      case .itemStatus: "item"
      case .recordAdded: "added"
      case .recordRemoved: "removed"
      case .checkinSaved: "checkin"
      case .programmeRevised: "revision"
      }
    }
    #expect(kinds == ["item", "added"])
  }
}

/// The Today screen with the day's records, rendered into the cell grid.
@Suite("Today screen rendering: the day's records")
struct TodayRecordsRenderTests {
  /// A tick, a pain entry about an item, one on waking, a note with control characters, and
  /// the programme week's check-in; the note selected.
  static func state(size: Size) throws -> AppState {
    let programme = try Fixtures.programme()
    var state = AppState(today: Days.today, size: size, programme: programme)
    var loaded = RecordUndoTests.loadedDay(programme)
    loaded.entries[0].record = ItemRecord(status: .done, at: "2026-12-02T08:00:00Z")
    let item = loaded.entries[2].item
    loaded.records.insert(
      TodayRecord(
        .pain(
          PainRecord(
            day: Days.today, level: 3, timing: .nextMorning, itemId: nil,
            at: "2026-12-02T07:00:00Z",
            id: "p-20261202-mrng"), treatment: nil)), at: 0)
    loaded.records[1] = TodayRecord(
      .pain(
        PainRecord(
          day: Days.today, level: 7, timing: .during, itemId: item.id,
          treatmentId: item.treatmentId,
          at: "2026-12-02T08:00:00Z", id: "p-20261202-4k2m"), treatment: item.name))
    loaded.records[2] = TodayRecord(
      .note(
        NoteRecord(
          day: Days.today, text: "stiff\u{1b}[2J in the\nmorning", at: "2026-12-02T08:05:00Z",
          id: "n-20261202-8fq1")))
    _ = state.apply(.dayLoaded(loaded))
    _ = state.apply(.today(.moveToLast))
    _ = state.apply(.today(.moveUp))
    state.message = StatusMessage("Removed: pain 8/10 (u puts it back).")
    return state
  }

  @Test func recordsAt80x24MatchTheSnapshot() throws {
    let buffer = render(
      try Self.state(size: Fixtures.size), size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "today-records-80x24")
    #expect(buffer.text.contains("Pain, notes, check-in"))
    let item = try Self.state(size: Fixtures.size).todayScreen.checklist?.entries[2].item.name
    #expect(buffer.text.contains("Pain 7/10   during exercise, \(try #require(item))"))
    #expect(buffer.text.contains("Pain 3/10   on waking, whole session"))
    #expect(buffer.text.contains("Check-in    Mon 2026-11-30, programme week 1: pain 3, SANE 70"))
    #expect(!buffer.text.contains("\u{1b}"))
    // The note is selected: its row is reversed, and the help bar offers removing it.
    let row = try #require(buffer.lines.firstIndex { $0.contains("Note ") })
    #expect((0..<80).allSatisfy { buffer[$0, row].style.reverse })
    #expect(buffer.line(23).contains("d/Del remove record"))
    #expect(!buffer.line(23).contains("space/x"))
  }

  @Test func recordsAt60x16ScrollWithTheListAndMatchTheSnapshot() throws {
    let size = AppState.minimumSize
    let buffer = render(try Self.state(size: size), size: size, capabilities: .full)
    Snapshot.expect(buffer, matches: "today-records-60x16")
    #expect(buffer.text.contains("Note        stiff"))
    #expect(buffer.line(size.height - 1).contains("d/Del remove record"))
    #expect(buffer.line(size.height - 1).contains("q quit"))
  }

  @Test func theRemovalDialogNamesTheRecordAndItsKeys() throws {
    var state = try Self.state(size: Fixtures.size)
    _ = state.apply(.today(.removeSelected))
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "today-remove-80x24")
    #expect(buffer.text.contains("Remove this record?"))
    #expect(buffer.text.contains("y remove it"))
  }

  @Test func anEmptyDayInvitesPainNotesAndTheCheckin() throws {
    let buffer = render(try Fixtures.todayState(), size: Fixtures.size, capabilities: .full)
    #expect(buffer.text.contains("None logged (p pain, n note)."))
    #expect(buffer.text.contains("No check-in for programme week 1 yet (c adds it)."))
  }

  @Test func aRestDayStillListsItsRecords() throws {
    let programme = try Fixtures.programme()
    var state = AppState(today: Days.today, size: Fixtures.size, programme: programme)
    _ = state.apply(
      .dayLoaded(
        LoadedDay(
          day: Days.today, programmeWeek: 1, entries: [],
          records: [TodayRecord(.note(RecordUndoTests.note))])))
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    #expect(buffer.text.contains("a rest day"))
    #expect(buffer.text.contains("Note        stiff in the morning"))
    #expect(state.todayScreen.selectedRecord?.record == .note(RecordUndoTests.note))
  }
}
