/// Adherence as of one day (R-ADH): per day, per treatment, per programme week, over the review
/// window (the last `reviewWindowWeeks` completed weeks) and cumulative; labelled self-reported.
///
/// Each counted day (the programme's days through `asOf`) is tallied once, from the day's item
/// ids and the stored statuses (`AdherenceTally.ofDay`), or taken from the digest of its week
/// when the history holds only that (issue 19: judging a week or the flags then reads no other
/// week file). A day's items with their doses (`Scheduler.checklist(for:guidance:)`) are laid
/// out only when asked for (`day(_:)`, `treatments(on:)`), or for every day at once with
/// `layingOutEveryDay` (an export, which lists them all). Days outside the programme and days
/// after `asOf` (upcoming) do not count; skipped items count as not done. Judging the same data
/// as of an earlier day (`judged(asOf:)`) costs no recounting.
public struct AdherenceLedger: Sendable {
  public static let label = "self-reported"

  public let programme: Programme
  public let asOf: CalendarDay
  private let scheduler: Scheduler
  private let guidance: PainGuidance
  /// The stored records of the weeks held whole, by ISO week.
  private let records: [ISOWeek: [String: ItemRecord]]
  /// Every programme day's items with their stored status, by days since the start, when laid
  /// out at once; nil when each is laid out on asking.
  private let laidOut: [[DayAdherence.Entry]]?
  /// Each programme day's tally as if judged on or after it (the day counted in full), for the
  /// days through `asOf`; `.empty` after it.
  private let dayTallies: [AdherenceTally]

  public init(history: ProgressHistory, asOf: CalendarDay, layingOutEveryDay: Bool = false) {
    let programme = history.programme
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance(history.painEntries(through: asOf))
    let records = history.weeks.mapValues(\.items)
    let length = programme.weeks * 7
    let counted = max(0, min(length, programme.start.days(until: asOf) + 1))
    var tallies = [AdherenceTally](repeating: .empty, count: length)
    var offset = 0
    while offset < counted {
      let day = programme.start.adding(days: offset)
      let week = ISOWeek(containing: day)
      if history.weeks[week] == nil, let digested = history.digests[week]?.dayTallies {
        // The rest of the ISO week at once, from its digest (Monday first).
        var weekday = week.monday.days(until: day)
        while weekday < 7, offset < counted {
          tallies[offset] = digested[weekday]
          weekday += 1
          offset += 1
        }
        continue
      }
      tallies[offset] = AdherenceTally.ofDay(
        day, scheduler: scheduler, records: records[week] ?? [:])
      offset += 1
    }
    var laidOut: [[DayAdherence.Entry]]?
    if layingOutEveryDay {
      laidOut = (0..<length).map { offset in
        AdherenceLedger.entries(
          on: programme.start.adding(days: offset), asOf: asOf, scheduler: scheduler,
          guidance: guidance, records: records)
      }
    }
    self.init(
      programme: programme, asOf: asOf, scheduler: scheduler, guidance: guidance,
      records: records, laidOut: laidOut, dayTallies: tallies)
  }

  private init(
    programme: Programme, asOf: CalendarDay, scheduler: Scheduler, guidance: PainGuidance,
    records: [ISOWeek: [String: ItemRecord]], laidOut: [[DayAdherence.Entry]]?,
    dayTallies: [AdherenceTally]
  ) {
    self.programme = programme
    self.asOf = asOf
    self.scheduler = scheduler
    self.guidance = guidance
    self.records = records
    self.laidOut = laidOut
    self.dayTallies = dayTallies
  }

  /// `day`'s items dosed by `guidance`, each with its stored status and its outcome as of
  /// `asOf`.
  private static func entries(
    on day: CalendarDay, asOf: CalendarDay, scheduler: Scheduler, guidance: PainGuidance,
    records: [ISOWeek: [String: ItemRecord]]
  ) -> [DayAdherence.Entry] {
    let stored = records[ISOWeek(containing: day)] ?? [:]
    return scheduler.checklist(for: day, guidance: guidance).map { item in
      let record = stored[item.id]
      let status = record?.status ?? .pending
      return DayAdherence.Entry(
        item: item, status: status, skipReason: record?.reason,
        outcome: ItemOutcome(status: status, day: day, asOf: asOf))
    }
  }

  /// The entries of the programme day at `index`, laid out now unless they were at the start.
  private func entries(at index: Int) -> [DayAdherence.Entry] {
    if let laidOut { return laidOut[index] }
    return AdherenceLedger.entries(
      on: programme.start.adding(days: index), asOf: asOf, scheduler: scheduler,
      guidance: guidance, records: records)
  }

  /// The same records judged as of an earlier day (for finding since when a flag holds): days
  /// after `asOf` were never counted.
  public func judged(asOf day: CalendarDay) -> AdherenceLedger {
    let day = min(day, asOf)
    return AdherenceLedger(
      programme: programme, asOf: day, scheduler: scheduler, guidance: guidance,
      records: records, laidOut: laidOut, dayTallies: dayTallies)
  }

  // MARK: Days

  public func day(_ day: CalendarDay) -> DayAdherence {
    guard let index = index(of: day) else {
      return DayAdherence(day: day, programmeWeek: nil, standing: .outside, entries: [])
    }
    let standing: DayAdherence.Standing =
      day < asOf ? .past : day == asOf ? .today : .upcoming
    let entries = entries(at: index).map { entry in
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
      for entry in entries(at: index) {
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
    return offset >= 0 && offset < dayTallies.count ? offset : nil
  }
}
