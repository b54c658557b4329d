import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The app over a folder of two programmes (phases): the Today screen steps back into the
/// earlier one and shows it with its own title and weeks, the Week screen of the later one
/// shows the earlier one's last check-in for reference, and pain on waking on the later one's
/// first day is about the earlier one's last session.
@MainActor
@Suite("App across programmes")
struct PhaseScreensTests {
  static let size = Size(width: 80, height: 24)
  /// lateral-ankle-sprain, 8 weeks: Monday 2026-10-05 to Sunday 2026-11-29.
  static let firstStart = Days.day("2026-10-05")
  static let firstEnd = Days.day("2026-11-29")
  /// chronic-ankle-instability from Monday 2026-11-30, the day after; today is 2026-12-02.
  static let nextStart = Days.day("2026-11-30")

  struct Folder {
    let data: TemporaryDataDirectory
    let first: Programme
    let next: Programme
  }

  /// The first programme with one check-in, then the next one started after it.
  static func twoProgrammes() throws -> Folder {
    let data = try TemporaryDataDirectory()
    let first = try Fixtures.programme(start: firstStart)
    let next = try Fixtures.programme("chronic-ankle-instability", start: nextStart)
    #expect(first.end == firstEnd)
    try data.store.saveProgramme(first, replacing: false)
    try data.store.saveCheckin(
      Checkin(
        day: Days.day("2026-10-06"),
        values: [.pain: .single(3), .sane: .single(70), .heelRaises: .sided(left: 12, right: 20)],
        at: "2026-10-06T09:00:00Z"), programmeStart: first.start)
    try data.store.startNextProgramme(next)
    return Folder(data: data, first: first, next: next)
  }

  /// The app as `rehabit` opens it: with the current programme, on today.
  static func run(_ folder: Folder, keys: [Key]) throws -> (AppRunner, ScriptedTerminal) {
    let terminal = ScriptedTerminal(size: size, keys: keys)
    let runner = AppRunner(
      terminal: terminal, store: folder.data.store, clock: .fixed(Days.today),
      programme: folder.next, templates: [], tickMilliseconds: 1000)
    runner.run()
    return (runner, terminal)
  }

  static func lines(_ buffer: ScreenBuffer?) -> [String] { buffer?.lines ?? [] }

  @Test func stepsBackIntoTheEarlierProgrammeAndShowsItsListTitleAndWeek() throws {
    let folder = try Self.twoProgrammes()
    defer { folder.data.remove() }
    // Today (Wednesday) back to Monday, the next programme's first day, then one more.
    let left = Key.character("h")
    let (atStart, startFrame) = try Self.run(folder, keys: [left, left])
    #expect(atStart.state.todayScreen.day == Self.nextStart)
    let startLines = Self.lines(startFrame.lastFrame)
    #expect(startLines.first?.contains("Chronic ankle instability") == true)
    #expect(startLines[Self.size.height - 2].contains("week 1 of 8"))

    let (runner, terminal) = try Self.run(folder, keys: [left, left, left])
    #expect(runner.state.todayScreen.day == Self.firstEnd)
    let shown = try #require(runner.state.todayScreen.checklist)
    #expect(shown.day == Self.firstEnd)
    #expect(
      shown.entries.map(\.item.id)
        == Scheduler(programme: folder.first).checklist(for: Self.firstEnd).map(\.id))
    #expect(!shown.entries.isEmpty)
    let lines = Self.lines(terminal.lastFrame)
    #expect(lines.first?.contains("Lateral ankle sprain") == true)
    #expect(lines.first?.contains("Chronic") == false)
    #expect(lines.first?.contains("Sun 2026-11-29") == true)
    let status = lines[Self.size.height - 2]
    #expect(status.contains("week 8 of 8"), "\(status)")
    // The earlier programme's items are listed under its kinds, by name.
    let names = Set(shown.entries.map(\.item.name))
    #expect(names.allSatisfy { name in lines.contains { $0.contains(name) } })
  }

  @Test func goingBackStopsAtTheFirstProgrammesStart() throws {
    let first = try Fixtures.programme(start: Self.firstStart)
    let next = try Fixtures.programme("chronic-ankle-instability", start: Self.nextStart)
    var state = AppState(today: Days.today, size: Self.size, programme: next)
    // Without the earlier programme the next one's start is as far back as it goes.
    _ = state.apply(.today(.goToToday))
    for _ in 0..<5 { _ = state.apply(.today(.previousDay)) }
    #expect(state.todayScreen.day == Self.nextStart)

    state.earlierProgrammes = [first]
    #expect(state.programme(on: Self.firstEnd) == first)
    #expect(state.programme(on: Self.nextStart) == next)
    let effects = state.apply(.today(.previousDay))
    #expect(state.todayScreen.day == Self.firstEnd)
    #expect(effects == [.loadDay(Self.firstEnd)])
    state.todayScreen.day = Self.firstStart
    #expect(state.apply(.today(.previousDay)).isEmpty)
    #expect(state.todayScreen.day == Self.firstStart)
    #expect(
      state.message?.text
        == "The programme started on Mon 2026-10-05; there is nothing earlier to fill in.")
  }

  @Test func aNextProgrammeStartedElsewhereKeepsTheEarlierOneForItsDays() throws {
    let first = try Fixtures.programme(start: Self.firstStart)
    let next = try Fixtures.programme("chronic-ankle-instability", start: Self.nextStart)
    var state = AppState(today: Days.today, size: Self.size, programme: first)
    #expect(
      state.apply(.programmeLoaded(ProgrammeTimeline(current: next, earlier: [first]))).isEmpty)
    #expect(state.programme == next)
    #expect(state.earlierProgrammes == [first])
    #expect(state.message?.text == "A next programme was started elsewhere; showing it.")
  }

  @Test func theWeekOfTheLaterProgrammeShowsThePreviousLastCheckinNotCompared() throws {
    let folder = try Self.twoProgrammes()
    defer { folder.data.remove() }
    let (runner, terminal) = try Self.run(folder, keys: [.character("w")])
    guard case .week(let view) = runner.state.screen else {
      Issue.record("the Week screen did not open")
      return
    }
    let loaded = try #require(view.loaded)
    #expect(loaded.programme == folder.next)
    let previous = try #require(loaded.previousProgramme)
    #expect(previous.programme == folder.first)
    #expect(previous.checkin?.day == Days.day("2026-10-06"))
    // In the words the CLI uses (PreviousProgrammeText), wrapped into the body.
    let frame = try #require(terminal.lastFrame)
    let text = frame.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(text.contains(PreviousProgrammeText.line(previous)), "\(frame.text)")
    #expect(text.contains("for reference only (not compared)"))
    // Its own measures have no baseline yet: nothing of the earlier check-in counts for them.
    #expect(loaded.measures.trends.allSatisfy { $0.points.isEmpty })
    #expect(frame.lines[0].contains("programme week 1 of 8"))
    Snapshot.expect(frame, matches: "week-previous-programme-80x24")
  }

  @Test func theWeekBeforeIsTheEarlierProgrammesOwnWithoutAPreviousOne() throws {
    let folder = try Self.twoProgrammes()
    defer { folder.data.remove() }
    let (runner, terminal) = try Self.run(folder, keys: [.character("w"), .character("h")])
    guard case .week(let view) = runner.state.screen else {
      Issue.record("the Week screen did not open")
      return
    }
    #expect(view.week == ISOWeek(containing: Self.firstEnd))
    let loaded = try #require(view.loaded)
    #expect(loaded.programme == folder.first)
    #expect(loaded.previousProgramme == nil)
    let frame = try #require(terminal.lastFrame)
    #expect(frame.lines[0].contains("programme week 8 of 8"))
    #expect(!frame.text.contains("Previous programme"))
  }

  @Test func painOnWakingOnTheFirstDayIsAboutTheEarlierProgrammesLastSession() throws {
    let folder = try Self.twoProgrammes()
    defer { folder.data.remove() }
    let left = Key.character("h")
    // Back to Monday, pain 6, on waking, about the first item of Sunday's list, save.
    let keys: [Key] = [
      left, left, .character("p"), .character("6"), .tab, .character("i"), .enter,
    ]
    let (runner, terminal) = try Self.run(folder, keys: keys)
    #expect(runner.state.todayScreen.modal == nil)
    let sunday = Scheduler(programme: folder.first).checklist(for: Self.firstEnd)
    let item = try #require(sunday.first)
    let week = try folder.data.store.loadWeek(ISOWeek(containing: Self.nextStart))
    let pain = try #require(week.pain.first)
    #expect(week.pain.count == 1)
    #expect(pain.day == Self.nextStart)
    #expect(pain.timing == .nextMorning)
    #expect(pain.itemId == item.id)
    #expect(pain.treatmentId == item.treatmentId)
    // The list of the day names the earlier programme's exercise it was about.
    let frame = try #require(terminal.lastFrame)
    #expect(frame.text.contains("on waking, \(item.name)"), "\(frame.text)")
    #expect(frame.text.contains("about Sun 2026-11-29"))
  }
}
