import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The runner with a scripted terminal and a real data directory: keys in, JSON files out.
@MainActor
@Suite("AppRunner")
struct AppRunnerTests {
  static let size = Size(width: 80, height: 24)

  func makeRunner(
    _ data: TemporaryDataDirectory, keys: [Key] = [], events: [TerminalEvent]? = nil,
    programme: Programme?, clock: AppClock = .fixed(Days.today)
  ) throws -> (AppRunner, ScriptedTerminal) {
    let terminal = ScriptedTerminal(size: Self.size, events: events ?? keys.map(TerminalEvent.key))
    let runner = AppRunner(
      terminal: terminal, store: data.store, clock: clock, programme: programme,
      templates: try Fixtures.templates(), tickMilliseconds: 1000)
    return (runner, terminal)
  }

  func startedProgramme(_ data: TemporaryDataDirectory) throws -> Programme {
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    return programme
  }

  @Test func keysBecomeExactlyThoseChangesInTheWeekFile() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try startedProgramme(data)
    let ids = Scheduler(programme: programme).checklist(for: Days.today).map(\.id)
    let keys: [Key] =
      [.character(" "), .down, .character("s")] + "too sore".map { Key.character($0) }
      + [
        .enter, .character("j"), .character("x"), .character("j"), .character("x"),
        .character("u"), .character("q"),
      ]
    let (runner, terminal) = try makeRunner(data, keys: keys, programme: programme)
    runner.run()
    #expect(runner.state.isFinished)
    #expect(terminal.remainingEvents.isEmpty)
    let week = try data.week("2026-W49")
    let items = try #require(week["items"] as? [String: [String: String]])
    #expect(
      items == [
        ids[0]: ["status": "done", "at": "2026-12-02T12:00:00Z"],
        ids[1]: ["status": "skipped", "at": "2026-12-02T12:00:00Z", "reason": "too sore"],
        ids[2]: ["status": "done", "at": "2026-12-02T12:00:00Z"],
      ])
    #expect((week["pain"] as? [Any])?.isEmpty == true)
    let last = try #require(terminal.lastFrame)
    #expect(last.text.contains("Undone: Ice after exercise (left) is not done again."))
    #expect(last.text.contains("2/4 done"))
    // It waits with a timeout, so the day can roll over at midnight.
    #expect(terminal.requestedTimeouts.allSatisfy { $0 == 1000 })
  }

  @Test func painAndNotesAreStampedAndSaved() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try startedProgramme(data)
    let keys: [Key] =
      [.character("p"), .character("6"), .character("i"), .enter, .character("n")]
      + "stiff".map { Key.character($0) } + [.enter, .character("q")]
    let (runner, _) = try makeRunner(data, keys: keys, programme: programme)
    runner.run()
    let stored = try data.store.loadWeek(ISOWeek(containing: Days.today))
    let itemId = Scheduler(programme: programme).checklist(for: Days.today)[0].id
    // The store gives each its id (`p-…`, `n-…`).
    #expect(stored.pain.map(\.id.first) == ["p"] && stored.notes.map(\.id.first) == ["n"])
    #expect(
      stored.pain == [
        PainRecord(
          day: Days.today, level: 6, itemId: itemId, at: "2026-12-02T12:00:00Z",
          id: stored.pain.first?.id ?? "")
      ])
    #expect(
      stored.notes == [
        NoteRecord(
          day: Days.today, text: "stiff", at: "2026-12-02T12:00:00Z",
          id: stored.notes.first?.id ?? "")
      ])
  }

  @Test func backFillingYesterdayWritesYesterday() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try startedProgramme(data)
    let yesterday = Days.day("2026-12-01")
    let (runner, _) = try makeRunner(
      data, keys: [.left, .character(" "), .right, .right, .character("q")], programme: programme)
    runner.run()
    let first = try #require(Scheduler(programme: programme).checklist(for: yesterday).first)
    let stored = try data.store.loadWeek(ISOWeek(containing: yesterday))
    #expect(stored.items.keys.sorted() == [first.id])
    #expect(runner.state.todayScreen.day == Days.today)
  }

  @Test func aSaveErrorIsShownAndNothingIsLost() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try startedProgramme(data)
    // The lock file cannot be opened (a folder in its place), so every write fails; reading
    // still works. (Permissions would not do: tests may run as root.)
    let lock = "\(data.path)/.lock"
    try? FileManager.default.removeItem(atPath: lock)
    try FileManager.default.createDirectory(atPath: lock, withIntermediateDirectories: true)
    let (runner, terminal) = try makeRunner(data, programme: programme)
    runner.start()
    runner.handle(.key(.character(" ")))
    #expect(runner.state.unsaved.count == 1)
    #expect(runner.state.message?.kind == .error)
    terminal.draw(render(runner.state, size: Self.size, capabilities: .full))
    let frame = try #require(terminal.lastFrame)
    #expect(frame.text.contains("Not saved"))
    #expect(frame.text.contains("[x] Calf stretch against a wall"))
    #expect(frame.text.contains("not saved"))
    // Once the lock works again, the next tick saves the change.
    try FileManager.default.removeItem(atPath: lock)
    runner.handle(.tick)
    #expect(runner.state.unsaved.isEmpty)
    #expect(runner.state.todayScreen.selectedEntry?.isUnsaved == false)
    #expect(try data.store.loadWeek(ISOWeek(containing: Days.today)).items.count == 1)
  }

  @Test func theWizardStartsAProgrammeThenShowsToday() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let keys: [Key] = Array(repeating: .enter, count: 6) + [.character(" "), .character("q")]
    let (runner, terminal) = try makeRunner(data, keys: keys, programme: nil)
    runner.run()
    let programme = try #require(try data.store.loadProgramme())
    let first = try #require(try Fixtures.templates().first)
    #expect(programme.plan == first.plan)
    #expect(programme.start == Days.today && programme.affectedSide == .left)
    #expect(terminal.frames.contains { $0.text.contains("Choose a programme") })
    #expect(terminal.frames.contains { $0.text.contains("Programme started") })
    let items = try data.store.loadWeek(ISOWeek(containing: Days.today)).items
    #expect(items.count == 1)
  }

  @Test func resizingToTooSmallAndBackRecovers() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try startedProgramme(data)
    let events: [TerminalEvent] = [
      .resize(Size(width: 50, height: 15)), .key(.character(" ")),
      .resize(Size(width: 80, height: 24)), .key(.character("q")),
    ]
    let (runner, terminal) = try makeRunner(data, events: events, programme: programme)
    runner.run()
    #expect(terminal.frames.contains { $0.text.contains("terminal too small") })
    #expect(terminal.frames.last?.text.contains("Calf stretch") == true)
    // Keys pressed while too small did nothing.
    #expect(try data.store.loadWeek(ISOWeek(containing: Days.today)).items.isEmpty)
  }

  @Test func theDayRollsOverAtMidnight() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try startedProgramme(data)
    let clock = MovableClock(Days.today)
    let (runner, _) = try makeRunner(data, programme: programme, clock: clock.clock)
    runner.handle(.tick)
    #expect(runner.state.todayScreen.day == Days.today)
    clock.day = Days.day("2026-12-03")
    runner.handle(.tick)
    #expect(runner.state.today == Days.day("2026-12-03"))
    #expect(runner.state.todayScreen.day == Days.day("2026-12-03"))
    #expect(runner.state.todayScreen.checklist?.day == Days.day("2026-12-03"))
  }

  @Test func inputClosingEndsTheLoop() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let (runner, terminal) = try makeRunner(data, programme: try startedProgramme(data))
    runner.run()
    #expect(terminal.frames.count == 1)
    #expect(!runner.state.isFinished)
  }
}
