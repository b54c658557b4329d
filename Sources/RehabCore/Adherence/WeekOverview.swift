/// One ISO week as of a day (the `week` command and the Week screen): each day's items and
/// adherence, each treatment's adherence, and the week's (R-ADH, self-reported).
public struct WeekOverview: Hashable, Sendable {
  public var week: ISOWeek
  public var asOf: CalendarDay
  /// The programme week of `asOf`, nil outside the programme.
  public var programmeWeek: Int?
  /// Monday to Sunday.
  public var days: [DayAdherence]
  /// Treatments with items this week, in the programme's order.
  public var treatments: [TreatmentAdherence]
  /// What counts so far: past days and `asOf` within the programme.
  public var tally: AdherenceTally

  public init(ledger: AdherenceLedger, week: ISOWeek) {
    self.week = week
    asOf = ledger.asOf
    programmeWeek = ledger.programme.programmeWeek(of: ledger.asOf)
    days = week.days.map { ledger.day($0) }
    treatments = ledger.treatments(on: week.days)
    tally = ledger.tally(week.days)
  }

  /// `treatment`'s items on each day of the week (empty where it has none).
  public func entries(of treatmentId: String) -> [[DayAdherence.Entry]] {
    days.map { day in day.entries.filter { $0.item.treatmentId == treatmentId } }
  }
}
