import RehabTestSupport
import Testing

@testable import RehabCore

/// A history that holds some weeks by their digest only (`WeekDigest`, as the query layer
/// builds it from the store's cache) gives the same week, flags, status and day as the history
/// of every week file, on random histories: the digests are derived and lose nothing the
/// engines read (issue 19).
@Suite("a history of digests judges as the whole history")
struct DigestedHistoryTests {
  typealias Random = SeededRandom

  /// `history` with every ISO week of the programme through `last` except `whole` replaced by
  /// its digest (a week without a file by the digest of an empty week, as the store makes it).
  static func digested(_ history: ProgressHistory, through last: CalendarDay, whole: Set<ISOWeek>)
    -> ProgressHistory
  {
    let programme = history.programme
    let scheduler = Scheduler(programme: programme)
    var weeks: [ISOWeek: ProgressWeek] = [:]
    var digests: [ISOWeek: WeekDigest] = [:]
    var week = ISOWeek(containing: programme.start)
    while week <= ISOWeek(containing: last) {
      let stored = history.weeks[week] ?? ProgressWeek(week: week)
      if whole.contains(week) {
        weeks[week] = stored
      } else {
        digests[week] = WeekDigest(stored, scheduler: scheduler)
      }
      week = week.next
    }
    return ProgressHistory(programme: programme, weeks: weeks, digests: digests)
  }

  /// A random scenario with random pain (during and on waking, some above 5) on random days.
  static func scenario(_ random: inout Random) -> (weeks: Int, history: ProgressHistory) {
    let (weeks, scenario) = PerformancePathTests.randomScenario(&random)
    var history = scenario.history
    let programme = history.programme
    for index in 0..<random.int(0...30) {
      let day = programme.start.adding(days: random.int(0...(weeks * 7 - 1)))
      let key = ISOWeek(containing: day)
      var week = history.weeks[key] ?? ProgressWeek(week: key)
      let items = Scheduler(programme: programme).checklist(for: day)
      week.pain.append(
        PainRecord(
          day: day, level: random.int(0...10), timing: random.chance(50) ? .during : .nextMorning,
          treatmentId: items.isEmpty || random.chance(30) ? nil : random.pick(items).treatmentId,
          at: Fixtures.stamp(index)))
      history.weeks[key] = week
    }
    return (weeks, history)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
  func weekFlagsStatusAndDayEqualTheWholeHistorys(seed: UInt64) {
    var random = Random(state: seed)
    var judged = 0
    for _ in 0..<6 {
      let (weeks, full) = Self.scenario(&random)
      let programme = full.programme
      for _ in 0..<4 {
        let asOf = programme.start.adding(days: random.int(0...(weeks * 7 + 10)))
        let shown = ISOWeek(
          containing: programme.start.adding(days: random.int(0...(weeks * 7 - 1))))
        let last = max(programme.start, min(asOf, programme.end))
        // Digested as each query digests: the week shown whole, or none.
        let withShown = Self.digested(full, through: last, whole: [shown])
        let none = Self.digested(full, through: last, whole: [])
        let context = "seed \(seed), \(weeks) weeks as of \(asOf), week \(shown)"
        if shown <= ISOWeek(containing: last) {
          #expect(
            WeekSummary(history: withShown, week: shown, asOf: asOf)
              == WeekSummary(history: full, week: shown, asOf: asOf), "\(context)")
        }
        #expect(
          FlagsSummary(history: none, asOf: asOf) == FlagsSummary(history: full, asOf: asOf),
          "\(context)")
        let today = ISOWeek(containing: asOf)
        let statusHistory = Self.digested(full, through: last, whole: [today])
        #expect(
          DayStatus(history: statusHistory, day: asOf) == DayStatus(history: full, day: asOf),
          "\(context)")
        let day = shown.monday.adding(days: random.int(0...6))
        let dayHistory = Self.digested(full, through: max(last, day), whole: [shown])
        #expect(
          DaySummary(history: dayHistory, day: day, today: asOf)
            == DaySummary(history: full, day: day, today: asOf), "\(context), day \(day)")
        #expect(none.painEntries(through: asOf) == full.painEntries(through: asOf))
        #expect(none.checkins(through: asOf) == full.checkins(through: asOf))
        judged += 1
      }
    }
    #expect(judged == 24)
  }

  @Test func aDigestCountsEachDayAsTheLedgerCountsTheWeek() {
    var random = Random(state: 41)
    for _ in 0..<10 {
      let (weeks, full) = Self.scenario(&random)
      let programme = full.programme
      let scheduler = Scheduler(programme: programme)
      let ledger = AdherenceLedger(history: full, asOf: programme.end, layingOutEveryDay: true)
      var week = ISOWeek(containing: programme.start)
      while week <= ISOWeek(containing: programme.end) {
        let digest = WeekDigest(full.weeks[week] ?? ProgressWeek(week: week), scheduler: scheduler)
        let expected = week.days.map { day in
          programme.contains(day) ? ledger.day(day).tally : .empty
        }
        #expect(digest.dayTallies == expected, "\(weeks) weeks, \(week)")
        week = week.next
      }
    }
  }
}
