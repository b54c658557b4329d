import Foundation
import RehabCore
import RehabQueries
import RehabStore
import Testing

@testable import RehabTUI

/// `rehabit demo`'s seeded history: believable, and the same every time.
@Suite("Demo history")
struct DemoHistoryTests {
  static let today = Days.day("2026-12-23")

  func seeded(seed: UInt64 = DemoHistory.defaultSeed) throws -> (TemporaryDataDirectory, Programme)
  {
    let data = try TemporaryDataDirectory()
    let programme = Programme(
      plan: try TemplateLibrary.template(id: "chronic-ankle-instability").plan,
      start: Self.today.adding(days: -21), affectedSide: .left)
    try data.store.saveProgramme(programme, replacing: false)
    try DemoHistory.seed(data.store, programme: programme, today: Self.today, seed: seed)
    return (data, programme)
  }

  func files(_ data: TemporaryDataDirectory) throws -> [String: Data] {
    let folder = data.store.progressDirectory
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
    }
    return files
  }

  @Test func theSameSeedWritesTheSameFiles() throws {
    let (first, _) = try seeded()
    let (second, _) = try seeded()
    let (other, _) = try seeded(seed: 7)
    defer { for directory in [first, second, other] { directory.remove() } }
    #expect(try files(first) == files(second))
    #expect(try files(first) != files(other))
  }

  @Test func threeWeeksOfMostlyDoneItemsWithSkipsPainAndCheckins() throws {
    let (data, programme) = try seeded()
    defer { data.remove() }
    let weeks = try data.store.weeks(from: programme.start, through: Self.today)
    let items = weeks.flatMap(\.items.values)
    let scheduler = Scheduler(programme: programme)
    let scheduled = (0..<21).reduce(0) {
      $0 + scheduler.checklist(for: programme.start.adding(days: $1)).count
    }
    let done = items.count { $0.status == .done }
    let share = Double(done) / Double(scheduled)
    #expect(share > 0.75 && share < 0.95, "done share \(share)")
    let skipped = items.filter { $0.status == .skipped }
    #expect(!skipped.isEmpty)
    #expect(skipped.allSatisfy { DemoHistory.skipReasons.contains($0.reason ?? "") })
    #expect(weeks.flatMap(\.pain).count == 2)
    let checkins = weeks.flatMap(\.checkins)
    #expect(checkins.count == 3)
    #expect(checkins.allSatisfy { $0.problem == nil })
    // Nothing is recorded for today or later.
    #expect(items.count <= scheduled)
    #expect(weeks.flatMap(\.items.keys).allSatisfy { !$0.hasPrefix("\(Self.today)") })
  }

  @Test func todayShowsALighterDoseAfterThePainfulSession() throws {
    let (data, programme) = try seeded()
    defer { data.remove() }
    let loaded = LoadedDay(
      try ProgressQueries(store: data.store, programme: programme).day(
        Self.today, today: Self.today), programme: programme)
    #expect(!loaded.entries.isEmpty)
    #expect(loaded.entries.contains { $0.item.painAdjustments.contains(.steppedDown) })
    #expect(loaded.programmeWeek == 4)
    #expect(loaded.weekTally.scheduled > 0)
  }
}
