import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// Fixed days for every test: the programme starts on Monday 2026-11-30; "today" is Wednesday.
enum Days {
  static let start = day("2026-11-30")
  static let today = day("2026-12-02")

  static func day(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(text) else { fatalError("bad test date \(text)") }
    return day
  }
}

enum Fixtures {
  static let size = Size(width: 80, height: 24)

  static func templates() throws -> [ProgrammeTemplate] { try TemplateLibrary.builtIn() }

  /// `lateral-ankle-sprain`, left side, from Monday 2026-11-30: four items on 2026-12-02.
  static func programme(_ id: String = "lateral-ankle-sprain", start: CalendarDay = Days.start)
    throws -> Programme
  {
    Programme(
      plan: try TemplateLibrary.template(id: id).plan, start: start, affectedSide: .left)
  }

  /// The day's items, all pending.
  static func loadedDay(
    _ programme: Programme, day: CalendarDay = Days.today, tally: AdherenceTally = .empty,
    flags: [ProgressFlag.Kind] = []
  ) -> LoadedDay {
    let items = Scheduler(programme: programme).checklist(for: day)
    return LoadedDay(
      day: day, programmeWeek: programme.programmeWeek(of: day),
      entries: items.map { TodayEntry(item: $0) }, weekTally: tally, flags: flags)
  }

  /// The Today screen on 2026-12-02 with its four items loaded.
  static func todayState(size: Size = size) throws -> AppState {
    let programme = try programme()
    var state = AppState(today: Days.today, size: size, programme: programme)
    _ = state.apply(.dayLoaded(loadedDay(programme)))
    return state
  }

  /// Opens the pain form on the day shown and hands it the day's pain context, as the runner
  /// does after `.loadPainContext` (no pain logged before unless given).
  static func openPainForm(_ state: inout AppState, earlier: [PainEntry] = []) {
    _ = state.apply(.today(.logPain))
    guard let programme = state.programme else { return }
    _ = state.apply(
      .today(
        .painContextLoaded(
          PainContext(programme: programme, day: state.todayScreen.day, earlier: earlier))))
  }

  static func wizardState() throws -> AppState {
    AppState(today: Days.today, size: size, programme: nil, templates: try templates())
  }
}

/// Text snapshots beside the tests: `Snapshots/NAME.txt` holds `buffer.lines`, one per line.
/// Run with `REHABIT_RECORD_SNAPSHOTS=1` to (re)write them after a deliberate change.
enum Snapshot {
  static func directory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  }

  static func expect(
    _ buffer: ScreenBuffer, matches name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let file = directory().appendingPathComponent("\(name).txt")
    let actual = buffer.lines.joined(separator: "\n") + "\n"
    let record = ProcessInfo.processInfo.environment["REHABIT_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
      try? FileManager.default.createDirectory(
        at: directory(), withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      if !record {
        Issue.record("no snapshot \(name).txt yet; recorded it", sourceLocation: sourceLocation)
      }
      return
    }
    #expect(
      actual == expected, "screen differs from Snapshots/\(name).txt:\n\(actual)",
      sourceLocation: sourceLocation)
  }
}

/// A data directory under /tmp for one test.
struct TemporaryDataDirectory {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "rehabit-tui-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  var store: ProgressStore { ProgressStore(directory: path) }

  func remove() { try? FileManager.default.removeItem(atPath: path) }

  /// The JSON object of a progress week file.
  func week(_ week: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(path)/progress/\(week).json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }
}

/// A clock the test can move, for midnight roll-over.
final class MovableClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: CalendarDay

  init(_ day: CalendarDay) { current = day }

  var day: CalendarDay {
    get { lock.withLock { current } }
    set { lock.withLock { current = newValue } }
  }

  var clock: AppClock {
    AppClock(today: { self.day }, timestamp: { "\(self.day)T09:00:00Z" })
  }
}

extension ScreenBuffer {
  var text: String { lines.joined(separator: "\n") }
}
