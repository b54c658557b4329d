import RehabTestSupport

@testable import RehabCore

/// A programme with 10 home items a week (a daily stretch and heel raises 3 days a week, on the
/// affected side) and its progress, built week by week for the flag and adherence tests.
/// Programme weeks start on the start day; check-ins go on a week's first day unless told.
struct FlagsScenario: Sendable {
  static let start = Fixtures.day("2026-11-30")  // a Monday
  static let itemsPerWeek = 10

  var programme: Programme
  var weeks: [ISOWeek: ProgressWeek] = [:]

  init(
    weeks: Int = 14, start: CalendarDay = FlagsScenario.start, affected: Side = .left,
    primary: Measure = .heelRaises, thresholds: FlagThresholds = .defaults
  ) {
    let plan = ProgrammePlan(
      id: "flags-test", title: "Flags test", description: "For flag tests.", weeks: weeks,
      checkin: CheckinPlan(measures: [primary], primary: primary),
      treatments: [Fixtures.stretch(), Fixtures.strengthening(daysPerWeek: 3)],
      thresholds: thresholds)
    programme = Programme(plan: plan, start: start, weeks: weeks, affectedSide: affected)
    // The stretch fixture is `both`; make it follow the affected side like the templates.
    programme.plan.treatments[0].side = .affected
  }

  var history: ProgressHistory { ProgressHistory(programme: programme, weeks: weeks) }

  /// Day `offset` of programme week `week` (offset 0 = its first day).
  func day(week: Int, _ offset: Int = 0) -> CalendarDay {
    programme.firstDay(ofWeek: week).adding(days: offset)
  }

  /// The items of programme week `week`, in day order.
  func items(ofWeek week: Int) -> [ChecklistItem] {
    let scheduler = Scheduler(programme: programme)
    return (0..<7).flatMap { scheduler.checklist(for: day(week: week, $0)) }
  }

  private mutating func update(_ day: CalendarDay, _ change: (inout ProgressWeek) -> Void) {
    let key = ISOWeek(containing: day)
    var week = weeks[key] ?? ProgressWeek(week: key)
    change(&week)
    weeks[key] = week
  }

  mutating func set(_ status: ItemStatus, _ item: ChecklistItem) {
    update(item.day) { week in
      if status == .pending {
        week.items[item.id] = nil
      } else {
        week.items[item.id] = ItemRecord(
          status: status, at: "\(item.day)T18:00:00Z", reason: status == .skipped ? "tired" : nil)
      }
    }
  }

  /// Marks the first `done` items of each listed week done, and the rest pending.
  func adherence(_ doneByWeek: [Int: Int]) -> FlagsScenario {
    var copy = self
    for (week, done) in doneByWeek {
      for (index, item) in items(ofWeek: week).enumerated() {
        copy.set(index < done ? .done : .pending, item)
      }
    }
    return copy
  }

  /// Every item of weeks `weeks` done.
  func fullyDone(_ weeks: ClosedRange<Int>) -> FlagsScenario {
    adherence(Dictionary(uniqueKeysWithValues: weeks.map { ($0, FlagsScenario.itemsPerWeek) }))
  }

  /// A check-in in programme week `week` (on day `offset` of it).
  func checkin(
    week: Int, offset: Int = 0, pain: Double = 4, sane: Double = 50,
    primary: CheckinValue? = .sided(left: 20, right: 20)
  ) -> FlagsScenario {
    var copy = self
    let when = day(week: week, offset)
    var values: [Measure: CheckinValue] = [.pain: .single(pain), .sane: .single(sane)]
    if let primary { values[programme.plan.checkin.primary] = primary }
    // One check-in per programme week: a second one in the same week replaces the first.
    let start = programme.start
    let period = CheckinResolution.period(of: when, start: start)
    copy.update(when) { week in
      week.checkins.removeAll { CheckinResolution.period(of: $0.day, start: start) == period }
      week.checkins.append(Checkin(day: when, values: values, at: "\(when)T20:00:00Z"))
    }
    return copy
  }

  /// The same check-in in each week of `weeks`.
  func flatCheckins(
    _ weeks: ClosedRange<Int>, pain: Double = 4, sane: Double = 50,
    primary: CheckinValue? = .sided(left: 20, right: 20)
  ) -> FlagsScenario {
    weeks.reduce(self) { $0.checkin(week: $1, pain: pain, sane: sane, primary: primary) }
  }

  func flags(asOf day: CalendarDay) -> [ProgressFlag] {
    FlagEngine(history: history, asOf: day).flags
  }

  func kinds(asOf day: CalendarDay) -> Set<ProgressFlag.Kind> {
    Set(flags(asOf: day).map(\.kind))
  }

  func flag(_ kind: ProgressFlag.Kind, asOf day: CalendarDay) -> ProgressFlag? {
    flags(asOf: day).first { $0.kind == kind }
  }
}
