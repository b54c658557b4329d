import RehabCore
import RehabQueries
import RehabStore
import RehabTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `week`, `flags`, `status` and the Today screen's day read the week they show and the other
/// weeks' digests (pain, check-ins and the programme's day tallies from `cache/week-digests`).
/// Each must equal the same answer judged from every week file, on random histories, cold and
/// warm, after earlier weeks change and after the programme is revised; a cache made by another
/// build or for another programme is never used.
@Suite("Week digests with day tallies")
struct TalliedDigestTests {
  typealias Fixture = ProgressQueriesTests.Fixture

  // MARK: Full readings, the reference

  static func fullWeek(_ queries: ProgressQueries, _ week: ISOWeek, asOf: CalendarDay) throws
    -> WeekSummary
  {
    var summary = WeekSummary(
      history: try queries.history(asOf: asOf, required: [week]), week: week, asOf: asOf)
    summary.previousProgramme = try queries.previousProgrammeCheckin()
    return summary
  }

  static func fullFlags(_ queries: ProgressQueries, asOf: CalendarDay) throws -> FlagsSummary {
    var summary = FlagsSummary(history: try queries.history(asOf: asOf), asOf: asOf)
    summary.previousProgramme = try queries.previousProgrammeCheckin()
    return summary
  }

  static func fullStatus(_ queries: ProgressQueries, on day: CalendarDay) throws -> DayStatus {
    DayStatus(
      history: try queries.history(asOf: day, required: [ISOWeek(containing: day)]), day: day)
  }

  static func fullDay(_ queries: ProgressQueries, _ day: CalendarDay, today: CalendarDay) throws
    -> DaySummary
  {
    DaySummary(
      history: try queries.history(
        asOf: today, including: day, required: [ISOWeek(containing: day)]),
      day: day, today: today)
  }

  /// Random ticks, skips, unchecks and pain (`WeekDigestTests.fill`), and a check-in in most
  /// programme weeks.
  static func fill(_ fixture: Fixture, random: inout SeededRandom, entries: Int) throws {
    try WeekDigestTests.fill(fixture, random: &random, entries: entries)
    let programme = fixture.queries.programme
    for index in 0..<entries {
      let day = programme.start.adding(days: random.int(0...(programme.weeks * 7 - 1)))
      let items = fixture.queries.items(on: day)
      guard !items.isEmpty else { continue }
      let item = random.pick(items)
      let status: ItemStatus = random.pick([.done, .skipped, .pending])
      try fixture.store.updateWeek(ISOWeek(containing: day)) { week in
        week.items[item.id] = ItemRecord(
          status: status, at: Fixtures.stamp(500 + index),
          reason: status == .skipped ? "sore" : nil)
      }
    }
    for week in 0..<programme.weeks where random.chance(70) {
      let day = programme.start.adding(days: week * 7 + random.int(0...6))
      var values: [Measure: CheckinValue] = [:]
      for measure in programme.plan.checkin.askedMeasures {
        let range = measure.range
        let low = Int(range.lowerBound)
        let high = Int(min(range.upperBound, range.lowerBound + 40))
        values[measure] =
          measure.isSided
          ? .sided(left: Double(random.int(low...high)), right: Double(random.int(low...high)))
          : .single(Double(random.int(low...high)))
      }
      _ = try fixture.store.saveCheckin(
        Checkin(day: day, values: values, at: Fixtures.stamp(900 + week)),
        programmeStart: programme.start)
    }
  }

  /// Every query that reads digests against its full reading, on `days`.
  static func expectAllEqual(
    _ queries: ProgressQueries, on days: [CalendarDay], _ context: String
  ) throws {
    let programme = queries.programme
    for day in days {
      let week = ISOWeek(containing: day)
      #expect(
        try queries.week(week, asOf: day) == fullWeek(queries, week, asOf: day),
        "week \(week) as of \(day), \(context)")
      #expect(
        try queries.flags(asOf: day) == fullFlags(queries, asOf: day),
        "flags as of \(day), \(context)")
      #expect(
        try queries.status(on: day) == fullStatus(queries, on: day),
        "status on \(day), \(context)")
      // An earlier week of the programme shown on the day (the Week and Today screens' ←).
      let shown = max(programme.start, day.adding(days: -17))
      #expect(
        try queries.day(shown, today: day) == fullDay(queries, shown, today: day),
        "day \(shown) on \(day), \(context)")
      let earlierWeek = ISOWeek(containing: shown)
      #expect(
        try queries.week(earlierWeek, asOf: day) == fullWeek(queries, earlierWeek, asOf: day),
        "week \(earlierWeek) as of \(day), \(context)")
    }
  }

  @Test(arguments: [UInt64(1), 2, 3, 4])
  func queriesThroughDigestsEqualFullReadings(seed: UInt64) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: seed)
    try Self.fill(fixture, random: &random, entries: random.int(10...50))
    let programme = fixture.queries.programme
    var days = (0..<5).map { _ in
      programme.start.adding(days: random.int(0...(programme.weeks * 7 + 5)))
    }
    days.append(programme.end)
    // Cold, then warm (the cache made by the first round).
    try Self.expectAllEqual(fixture.queries, on: days, "seed \(seed), cold")
    try Self.expectAllEqual(fixture.queries, on: days, "seed \(seed), warm")

    // Earlier weeks change after the cache was made: their digests are stale and read again.
    try Self.fill(fixture, random: &random, entries: 15)
    try Self.expectAllEqual(fixture.queries, on: days, "seed \(seed), changed")

    // The programme is revised (a treatment paused from a middle day): other days have other
    // items, so the tallies kept for the old programme must not be used for the new one.
    let treatment = try #require(programme.plan.treatments.first { $0.kind.isHomeTask })
    let from = programme.start.adding(days: random.int(3...(programme.weeks * 7 / 2)))
    let revised = try fixture.store.addRevision(
      ProgrammeRevision(
        id: RevisionID.make(effective: from, suffix: UInt32(seed)), effective: from,
        change: .pause(treatmentId: treatment.id, until: nil), at: Fixtures.stamp(990)),
      expected: programme)
    let after = fixture.queries.about(revised)
    try Self.expectAllEqual(after, on: days, "seed \(seed), revised")
    // And the old programme's tallies are still kept beside the new one's.
    try Self.expectAllEqual(fixture.queries, on: days, "seed \(seed), before the revision")
  }

  @Test func aCacheMadeByAnotherBuildIsIgnoredAndRebuilt() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: 77)
    try Self.fill(fixture, random: &random, entries: 40)
    let day = Fixture.start.adding(days: 40)
    let expected = try Self.fullFlags(fixture.queries, asOf: day)
    _ = try fixture.queries.flags(asOf: day)
    let path = fixture.store.cacheDirectory + "/week-digests"
    let good = try #require(readBytes(path))
    let text = String(decoding: good, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.contains { $0.hasPrefix("tally ") })
    #expect(lines.contains { $0.hasPrefix("checkin ") })

    // Another build's header, with tallies that claim every item was done.
    let forged = Self.sealed(
      ["rehabit-week-digests 2 1-2-3"]
        + lines.dropFirst().filter { !$0.isEmpty && !$0.hasPrefix("end ") }.map { line in
          line.hasPrefix("tally ")
            ? Substring(
              line.split(separator: " ").enumerated().map { index, field in
                guard index > 1 else { return String(field) }
                let scheduled = field.split(separator: ",")[0]
                return "\(scheduled),\(scheduled),0"
              }.joined(separator: " "))
            : line
        })
    try #require(writeBytes(forged, to: path))
    #expect(try fixture.queries.flags(asOf: day) == expected)
    #expect(readBytes(path) == good, "rebuilt by this build")
  }

  @Test func aDigestMadeWithoutTalliesGetsThemWhenAWeekIsJudged() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: 5)
    try Self.fill(fixture, random: &random, entries: 30)
    let day = Fixture.start.adding(days: 33)
    // `today` digests earlier weeks for their pain only.
    _ = try fixture.queries.checklist(on: day)
    let path = fixture.store.cacheDirectory + "/week-digests"
    let before = String(decoding: try #require(readBytes(path)), as: UTF8.self)
    #expect(!before.contains("\ntally "))
    #expect(
      try fixture.queries.week(ISOWeek(containing: day), asOf: day)
        == Self.fullWeek(fixture.queries, ISOWeek(containing: day), asOf: day))
    let after = String(decoding: try #require(readBytes(path)), as: UTF8.self)
    #expect(after.contains("\ntally "))
    // And the list of the day still reads the same pain.
    #expect(
      try fixture.queries.checklist(on: day) == WeekDigestTests.recomputed(fixture.queries, on: day)
    )
  }

  /// A cache file of `lines` (its `end` line left out) closed with the checksum the store
  /// checks (FNV-1a of every byte before `end`), so a forged cache fails only on what it forges.
  static func sealed(_ lines: [Substring]) -> [UInt8] {
    let body = Array((lines.joined(separator: "\n") + "\n").utf8)
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in body {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return body + Array("end \(String(repeating: "0", count: 16 - digits.count) + digits)\n".utf8)
  }

}
