/// Adherence as of one day (R-ADH): per day, per treatment, per programme week, over the review
/// window (the last `reviewWindowWeeks` completed weeks) and cumulative; labelled self-reported.
///
/// Scheduled items come from `Scheduler.checklist(for:guidance:)`, statuses from the progress
/// weeks. Days outside the programme and days after `asOf` (upcoming) do not count; skipped
/// items count as not done. The whole programme is laid out once, so judging the same data as
/// of another day (`judged(asOf:)`) costs no rescheduling.
public struct AdherenceLedger: Sendable {
  public static let label = "self-reported"

  public let programme: Programme
  public let asOf: CalendarDay
  /// Every programme day's items with their stored status, indexed by days since the start.
  private let days: [[DayAdherence.Entry]]
  /// Each programme day's tally as if judged on or after it (the day counted in full).
  private let dayTallies: [AdherenceTally]

  public init(history: ProgressHistory, asOf: CalendarDay) {
    let programme = history.programme
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance(history.painEntries(through: asOf))
    var days: [[DayAdherence.Entry]] = []
    var tallies: [AdherenceTally] = []
    for offset in 0..<(programme.weeks * 7) {
      let day = programme.start.adding(days: offset)
      var tally = AdherenceTally.empty
      // The day's records looked up once (as `history.status` and `history.skipReason` would).
      let records = history.weeks[ISOWeek(containing: day)]?.items ?? [:]
      let entries = scheduler.checklist(for: day, guidance: guidance).map { item in
        let record = records[item.id]
        let status = record?.status ?? .pending
        tally.count(status)
        return DayAdherence.Entry(
          item: item, status: status, skipReason: record?.reason,
          outcome: ItemOutcome(status: status, day: day, asOf: asOf))
      }
      days.append(entries)
      tallies.append(tally)
    }
    self.init(programme: programme, asOf: asOf, days: days, dayTallies: tallies)
  }

  /// The tallies alone, for judging flags as of `asOf` at a status line's cost: each programme
  /// day through `asOf` counted from its item ids (`Scheduler.itemIds(for:)`, no doses, no pain
  /// guidance), no day's entries kept. Its tallies, weeks and spans equal the full ledger's;
  /// `day(_:)` and `treatments(on:)` see no items, and it must not be `judged` as of a later day.
  public init(countingOnly history: ProgressHistory, asOf: CalendarDay) {
    let programme = history.programme
    let scheduler = Scheduler(programme: programme)
    let length = programme.weeks * 7
    let counted = max(0, min(length, programme.start.days(until: asOf) + 1))
    var tallies = [AdherenceTally](repeating: .empty, count: length)
    for offset in 0..<counted {
      let day = programme.start.adding(days: offset)
      let records = history.weeks[ISOWeek(containing: day)]?.items ?? [:]
      var tally = AdherenceTally.empty
      for id in scheduler.itemIds(for: day) { tally.count(records[id]?.status ?? .pending) }
      tallies[offset] = tally
    }
    self.init(
      programme: programme, asOf: asOf, days: Array(repeating: [], count: length),
      dayTallies: tallies)
  }

  private init(
    programme: Programme, asOf: CalendarDay, days: [[DayAdherence.Entry]],
    dayTallies: [AdherenceTally]
  ) {
    self.programme = programme
    self.asOf = asOf
    self.days = days
    self.dayTallies = dayTallies
  }

  /// The same records judged as of another day (for finding since when a flag holds).
  public func judged(asOf day: CalendarDay) -> AdherenceLedger {
    AdherenceLedger(programme: programme, asOf: day, days: days, dayTallies: dayTallies)
  }

  // MARK: Days

  public func day(_ day: CalendarDay) -> DayAdherence {
    guard let index = index(of: day) else {
      return DayAdherence(day: day, programmeWeek: nil, standing: .outside, entries: [])
    }
    let standing: DayAdherence.Standing =
      day < asOf ? .past : day == asOf ? .today : .upcoming
    let entries = days[index].map { entry in
      var entry = entry
      entry.outcome = ItemOutcome(status: entry.status, day: day, asOf: asOf)
      return entry
    }
    return DayAdherence(
      day: day, programmeWeek: programme.programmeWeek(of: day), standing: standing,
      entries: entries)
  }

  /// The counted items of `days` (outside and upcoming days add nothing).
  public func tally(_ days: some Sequence<CalendarDay>) -> AdherenceTally {
    var total = AdherenceTally.empty
    for day in days where day <= asOf {
      if let index = index(of: day) { total += dayTallies[index] }
    }
    return total
  }

  /// Per treatment over `days`, in the programme's order; treatments with nothing scheduled
  /// on those days (counted or upcoming) are left out.
  public func treatments(on days: some Sequence<CalendarDay>) -> [TreatmentAdherence] {
    var tallies: [String: AdherenceTally] = [:]
    var seen: Set<String> = []
    for day in days {
      guard let index = index(of: day) else { continue }
      for entry in self.days[index] {
        seen.insert(entry.item.treatmentId)
        if day <= asOf { tallies[entry.item.treatmentId, default: .empty].count(entry.status) }
      }
    }
    return programme.allTreatments.filter { seen.contains($0.id) }.map { treatment in
      TreatmentAdherence(
        treatmentId: treatment.id, name: treatment.name, kind: treatment.kind,
        tally: tallies[treatment.id] ?? .empty)
    }
  }

  // MARK: Programme weeks

  /// The days of programme week `week` (1-based).
  public func days(ofWeek week: Int) -> [CalendarDay] {
    let first = programme.firstDay(ofWeek: week)
    return (0..<7).map { first.adding(days: $0) }
  }

  /// Programme week `week`, counting its days up to `asOf`.
  public func week(_ week: Int) -> WeekSpanAdherence { span(weeks: week...week) }

  public func span(weeks: ClosedRange<Int>) -> WeekSpanAdherence {
    let first = programme.firstDay(ofWeek: weeks.lowerBound)
    let last = programme.firstDay(ofWeek: weeks.upperBound).adding(days: 6)
    let count = first.days(until: last) + 1
    return WeekSpanAdherence(
      weeks: weeks, firstDay: first, lastDay: last,
      tally: tally((0..<max(0, count)).map { first.adding(days: $0) }))
  }

  /// Programme weeks whose last day is before `asOf` (a week is judged once it is over).
  public var completedWeeks: Int {
    min(programme.weeks, max(0, programme.start.days(until: asOf) / 7))
  }

  /// The programme week `asOf` falls in, counting on past the end (week 13 of a 12-week
  /// programme is the week after it); 0 or less before the start.
  public var currentWeek: Int {
    let offset = programme.start.days(until: asOf)
    return (offset >= 0 ? offset / 7 : (offset - 6) / 7) + 1
  }

  /// R-ADH-LOW: the last completed programme week; nil before the first one ends.
  public var lastCompletedWeek: WeekSpanAdherence? {
    completedWeeks > 0 ? week(completedWeeks) : nil
  }

  /// R-ADH-LOW, R-FLAG-PLATEAU: the last `reviewWindowWeeks` completed weeks (fewer at the
  /// start); nil before the first one ends.
  public var reviewWindow: WeekSpanAdherence? {
    let last = completedWeeks
    guard last > 0 else { return nil }
    let size = max(1, programme.plan.thresholds.reviewWindowWeeks)
    return span(weeks: max(1, last - size + 1)...last)
  }

  /// Every completed week together (R-FLAG-REFER); nil before the first one ends.
  public var completedSpan: WeekSpanAdherence? {
    completedWeeks > 0 ? span(weeks: 1...completedWeeks) : nil
  }

  /// From the start through `asOf` (or the end), today's open items included.
  public var cumulative: AdherenceTally {
    guard asOf >= programme.start else { return .empty }
    let last = min(asOf, programme.end)
    return tally((0...programme.start.days(until: last)).map { programme.start.adding(days: $0) })
  }

  private func index(of day: CalendarDay) -> Int? {
    let offset = programme.start.days(until: day)
    return offset >= 0 && offset < days.count ? offset : nil
  }
}
