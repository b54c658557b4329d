import Foundation
import RehabCore
import RehabQueries
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// Pain entries and notes made, removed and undone in the app, through `AppRunner` with a real
/// data folder: the ids the store gives, the tombstones left, and what the query layer (the
/// log, the pain guidance, the flags) then sees.
@MainActor
@Suite("AppRunner: pain, notes and undo on disk")
struct RecordRunnerTests {
  let data: TemporaryDataDirectory
  let programme: Programme
  let queries: ProgressQueries
  /// Another process: its own store on the same folder.
  let cli: ProgressStore

  init() throws {
    data = try TemporaryDataDirectory()
    programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    queries = ProgressQueries(store: data.store, programme: programme)
    cli = ProgressStore(directory: data.path)
  }

  func runner(_ terminal: SteppedTerminal) throws -> AppRunner {
    AppRunner(
      terminal: terminal, store: data.store, clock: .fixed(Days.today), programme: programme,
      templates: try Fixtures.templates())
  }

  func keys(_ text: String) -> [SteppedTerminal.Step] {
    text.map { .event(.key(.character($0))) }
  }

  var week: ProgressWeek {
    get throws { try data.store.loadWeek(ISOWeek(containing: Days.today)) }
  }

  /// The next session of the band eversion (Friday) and whether pain made it lighter.
  func nextBandSessionIsLighter() throws -> Bool {
    let friday = Days.today.adding(days: 2)
    let item = try #require(
      try queries.checklist(on: friday).entries.first { $0.item.treatmentId == "band-eversion" })
    return item.item.painAdjustments.contains(.steppedDown)
  }

  @Test func painAddedInTheAppIsLoggedWithItsIdAndUndoLeavesATombstone() throws {
    defer { data.remove() }
    let flagsBefore = try queries.flags(asOf: Days.today).flags.map(\.kind)
    var logged: [DayLog.Entry] = []
    var lighterWithPain = false
    // Pain 8 about the band eversion: j to it, p, 8, i (the selected item), Enter.
    let band = try #require(
      try queries.checklist(on: Days.today).entries.firstIndex {
        $0.item.treatmentId == "band-eversion"
      })
    let terminal = SteppedTerminal(
      steps: keys(String(repeating: "j", count: band) + "p8i") + [.event(.key(.enter))]
        + [
          .run {
            logged = try queries.log(on: Days.today).entries
            lighterWithPain = try nextBandSessionIsLighter()
          }
        ] + keys("u"))
    let app = try runner(terminal)
    app.run()

    // The log lists it with the id the store gave it, and the app kept that id for undo.
    guard case .pain(let pain, let treatment)? = logged.first, logged.count == 1 else {
      Issue.record("expected one pain entry in the log, got \(logged)")
      return
    }
    #expect(pain.level == 8 && treatment == "Elastic band eversion")
    #expect(pain.id.hasPrefix("p-20261202-"))
    #expect(lighterWithPain)
    // Undone: the file holds its tombstone, and nothing reads it any more.
    let stored = try week
    #expect(stored.pain.isEmpty)
    #expect(stored.removed.map(\.id) == [pain.id])
    #expect(try data.store.removal(id: pain.id) != nil)
    #expect(try queries.log(on: Days.today).entries.isEmpty)
    #expect(try !nextBandSessionIsLighter())
    #expect(try queries.flags(asOf: Days.today).flags.map(\.kind) == flagsBefore)
    #expect(terminal.lastFrame?.text.contains("Undone: pain 8/10 removed.") == true)
    #expect(terminal.lastFrame?.text.contains("None logged") == true)
  }

  @Test func aNoteRemovedInTheAppComesBackWithUndo() throws {
    defer { data.remove() }
    let note = try cli.addNote(
      NoteRecord(day: Days.today, text: "mistyped", at: "2026-12-02T12:30:00Z"))
    var afterRemoval: ProgressWeek?
    var shownAfterRemoval = ""
    // G selects the last row: the note (no check-in yet). d asks, y removes, u puts it back.
    let terminal = SteppedTerminal(
      steps: keys("Gdy")
        + [.run { afterRemoval = try week }] + keys("u"))
    let app = try runner(terminal)
    app.run()
    shownAfterRemoval = terminal.frames[terminal.frames.count - 2].text
    let removed = try #require(afterRemoval)
    #expect(removed.notes.isEmpty)
    #expect(removed.removed.map(\.id) == [note.id])
    #expect(shownAfterRemoval.contains("Removed: note “mistyped”"))
    // Back exactly as it was, the tombstone gone.
    let back = try week
    #expect(back.notes == [note])
    #expect(back.removed.isEmpty)
    #expect(terminal.lastFrame?.text.contains("Undone: note “mistyped” is back.") == true)
    #expect(terminal.lastFrame?.text.contains("Note        mistyped") == true)
  }

  @Test func undoOfANoteAnotherWriterRemovedLeavesItsRemoval() throws {
    defer { data.remove() }
    var id = ""
    let terminal = SteppedTerminal(
      steps: keys("n") + keys("sore") + [.event(.key(.enter))]
        + [
          .run {
            id = try week.notes.first?.id ?? ""
            try cli.remove([id], at: "2026-12-02T12:30:00Z")
          },
          .event(.filesChanged),
        ] + keys("u"))
    let app = try runner(terminal)
    app.run()
    #expect(try week.removed == [RemovedRecord(id: id, at: "2026-12-02T12:30:00Z")])
    #expect(
      terminal.lastFrame?.text.contains("Not undone: note “sore” was changed elsewhere.") == true)
  }

  @Test func aCheckinSavedInTheAppIsUndoneAndTheOneItReplacedComesBack() throws {
    defer { data.remove() }
    let earlier = try cli.saveCheckin(
      Checkin(
        day: Days.start, values: [.pain: .single(3), .sane: .single(70)], at: "2026-12-02T12:30:00Z"
      ),
      programmeStart: programme.start
    ).checkin
    // c opens the form on the stored check-in; typing replaces each value; F2 saves.
    let terminal = SteppedTerminal(
      steps: keys("c5") + [.event(.key(.tab))] + keys("80") + [.event(.key(.function(2)))]
        + [
          .run {
            let now = try week.checkins
            #expect(now.count == 1 && now.first?.values[.pain] == .single(5))
            #expect(try week.removed.map(\.id) == [earlier.id])
          }
        ] + keys("u"))
    let app = try runner(terminal)
    app.run()
    let stored = try week
    #expect(stored.checkins == [earlier])
    #expect(stored.removed.count == 1 && stored.removed.first?.id != earlier.id)
    #expect(terminal.lastFrame?.text.contains("Undone: check-in of Mon 2026-11-30 removed") == true)
  }
}
