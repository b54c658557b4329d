import RehabTestSupport
import Testing

@testable import RehabCore

@Suite("Adherence (R-ADH)")
struct AdherenceLedgerTests {
  let base = FlagsScenario(weeks: 4)

  @Test("the fixture schedules 10 items a week: 7 stretches and 3 heel-raise sessions")
  func fixtureShape() {
    for week in 1...4 {
      let items = base.items(ofWeek: week)
      #expect(items.count == FlagsScenario.itemsPerWeek)
      #expect(items.count { $0.treatmentId == "heel-raises" } == 3)
    }
  }

  @Test("per day: done ÷ scheduled, skipped counts as not done")
  func perDay() {
    var scenario = base
    let day = base.day(week: 1, 0)
    let items = Scheduler(programme: base.programme).checklist(for: day)
    #expect(items.count == 2)  // the start day carries a heel-raise session
    scenario.set(.done, items[0])
    scenario.set(.skipped, items[1])
    let ledger = AdherenceLedger(history: scenario.history, asOf: base.day(week: 2))
    let result = ledger.day(day)
    #expect(result.standing == .past)
    #expect(result.tally == AdherenceTally(scheduled: 2, done: 1, skipped: 1))
    #expect(result.tally.ratio == 0.5)
    #expect(result.entries.map(\.outcome) == [.done, .skipped])
  }

  @Test("days outside the programme and after the day judged do not count")
  func outsideAndUpcoming() {
    let scenario = base.fullyDone(1...4)
    let asOf = base.day(week: 2, 2)
    let ledger = AdherenceLedger(history: scenario.history, asOf: asOf)
    let before = (1...7).map { base.programme.start.adding(days: -$0) }
    #expect(ledger.tally(before) == .empty)
    #expect(ledger.tally(before).ratio == nil)
    #expect(ledger.day(base.programme.start.adding(days: -1)).standing == .outside)
    #expect(ledger.day(base.programme.end.adding(days: 1)).standing == .outside)
    let upcoming = ledger.day(asOf.adding(days: 1))
    #expect(upcoming.standing == .upcoming)
    #expect(upcoming.tally == .empty)
    #expect(upcoming.entries.allSatisfy { $0.outcome == .upcoming })
    // Cumulative: week 1 and days 0…2 of week 2, everything done.
    let counted = (0...9).map { base.programme.start.adding(days: $0) }
    let scheduled = counted.map { Scheduler(programme: base.programme).checklist(for: $0).count }
      .reduce(0, +)
    #expect(ledger.cumulative == AdherenceTally(scheduled: scheduled, done: scheduled))
  }

  @Test("the day judged counts, its open items pending rather than missed")
  func today() {
    let asOf = base.day(week: 1, 2)
    let ledger = AdherenceLedger(history: base.history, asOf: asOf)
    let day = ledger.day(asOf)
    #expect(day.standing == .today)
    #expect(day.entries.allSatisfy { $0.outcome == .pending })
    #expect(day.tally.scheduled == day.entries.count)
    #expect(ledger.day(asOf.adding(days: -1)).entries.allSatisfy { $0.outcome == .missed })
  }

  @Test("per treatment, in the programme's order")
  func perTreatment() {
    var scenario = base
    for item in base.items(ofWeek: 1) where item.treatmentId == "calf-stretch" {
      scenario.set(.done, item)
    }
    let ledger = AdherenceLedger(history: scenario.history, asOf: base.day(week: 2))
    let treatments = ledger.treatments(on: ledger.days(ofWeek: 1))
    #expect(treatments.map(\.treatmentId) == ["calf-stretch", "heel-raises"])
    #expect(treatments[0].tally == AdherenceTally(scheduled: 7, done: 7))
    #expect(treatments[1].tally == AdherenceTally(scheduled: 3, done: 0))
    #expect(treatments[1].tally.ratio == 0)
  }

  @Test(
    "completed weeks, last completed week and the review window",
    arguments: [
      // (as of: week, day offset) → completed weeks, window weeks
      (1, 6, 0, nil),
      (2, 0, 1, 1...1),
      (3, 3, 2, 1...2),
      (4, 0, 3, 1...3),
      (5, 0, 4, 2...4),
    ] as [(Int, Int, Int, ClosedRange<Int>?)])
  func windows(week: Int, offset: Int, completed: Int, window: ClosedRange<Int>?) {
    let scenario = FlagsScenario(weeks: 6).adherence([1: 10, 2: 5, 3: 7, 4: 0])
    let ledger = AdherenceLedger(history: scenario.history, asOf: scenario.day(week: week, offset))
    #expect(ledger.completedWeeks == completed)
    #expect(ledger.reviewWindow?.weeks == window)
    #expect(ledger.lastCompletedWeek?.weeks == (completed > 0 ? completed...completed : nil))
    #expect(ledger.currentWeek == week)
  }

  @Test("a window's adherence is items over items, not a mean of weekly ratios")
  func windowRatio() {
    let scenario = FlagsScenario(weeks: 6).adherence([1: 10, 2: 5, 3: 6, 4: 0])
    let ledger = AdherenceLedger(history: scenario.history, asOf: scenario.day(week: 5))
    #expect(ledger.reviewWindow?.tally == AdherenceTally(scheduled: 30, done: 11))
    #expect(ledger.lastCompletedWeek?.tally.ratio == 0)
    #expect(ledger.completedSpan?.tally == AdherenceTally(scheduled: 40, done: 21))
  }

  @Test("after the end, weeks stop at the programme's last and later days are outside")
  func afterTheEnd() {
    let scenario = FlagsScenario(weeks: 2).fullyDone(1...2)
    let ledger = AdherenceLedger(
      history: scenario.history, asOf: scenario.programme.end.adding(days: 30))
    #expect(ledger.completedWeeks == 2)
    #expect(ledger.currentWeek == 7)
    #expect(ledger.cumulative == AdherenceTally(scheduled: 20, done: 20))
  }

  @Test("a programme starting mid-week reads statuses from both ISO week files")
  func midWeekStart() {
    let wednesday = Fixtures.day("2026-12-02")
    let scenario = FlagsScenario(weeks: 3, start: wednesday).fullyDone(1...1)
    #expect(scenario.weeks.count == 2)  // W49 (Wed–Sun) and W50 (Mon–Tue)
    let ledger = AdherenceLedger(history: scenario.history, asOf: scenario.day(week: 2))
    #expect(ledger.week(1).tally == AdherenceTally(scheduled: 10, done: 10))
  }

  @Test("before the start nothing is counted or completed")
  func beforeStart() {
    let ledger = AdherenceLedger(
      history: base.fullyDone(1...1).history, asOf: base.programme.start.adding(days: -3))
    #expect(ledger.completedWeeks == 0)
    #expect(ledger.currentWeek == 0)
    #expect(ledger.cumulative == .empty)
    #expect(ledger.reviewWindow == nil)
  }

  @Test("a week overview: Monday to Sunday, days before a mid-week start outside, later upcoming")
  func weekOverview() {
    let wednesday = Fixtures.day("2026-12-02")
    let scenario = FlagsScenario(weeks: 3, start: wednesday).fullyDone(1...1)
    let asOf = Fixtures.day("2026-12-04")  // Friday
    let ledger = AdherenceLedger(history: scenario.history, asOf: asOf)
    let overview = WeekOverview(ledger: ledger, week: ISOWeek(containing: asOf))
    #expect(overview.days.map(\.day.weekday) == Weekday.allCases)
    #expect(
      overview.days.map(\.standing) == [
        .outside, .outside, .past, .past, .today, .upcoming, .upcoming,
      ])
    #expect(overview.programmeWeek == 1)
    let counted = overview.days.prefix(5).flatMap(\.entries).count
    #expect(overview.tally == AdherenceTally(scheduled: counted, done: counted))
    #expect(overview.treatments.map(\.treatmentId) == ["calf-stretch", "heel-raises"])
    #expect(overview.entries(of: "calf-stretch").map(\.count) == [0, 0, 1, 1, 1, 1, 1])
    #expect(overview.days[5].entries.allSatisfy { $0.outcome == .upcoming })
  }
}
