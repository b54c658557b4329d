/// One ISO week judged as of a day: its 7-day grid and adherence, the cumulative adherence, the
/// measures and the flags. What `rehabit week` reports and the Week screen shows.
public struct WeekSummary: Hashable, Sendable {
  public var programme: Programme
  public var week: ISOWeek
  /// The day judged: items after it are upcoming, check-ins after it do not count.
  public var asOf: CalendarDay
  public var overview: WeekOverview
  /// From the programme's start through `asOf` (R-ADH, self-reported).
  public var cumulative: AdherenceTally
  public var measures: MeasureAnalysis
  public var flags: [ProgressFlag]
  /// The check-in of the programme week a check-in from this week would be filed in
  /// (`checkinDay`), if any: the check-in form starts from it.
  public var checkin: Checkin?
  /// The programme before this one with its last check-in, for reference only (never compared
  /// with this programme's measures); nil for the first programme.
  public var previousProgramme: PreviousProgrammeCheckin?

  public init(
    programme: Programme, week: ISOWeek, asOf: CalendarDay, overview: WeekOverview,
    cumulative: AdherenceTally, measures: MeasureAnalysis, flags: [ProgressFlag],
    checkin: Checkin? = nil
  ) {
    self.programme = programme
    self.week = week
    self.asOf = asOf
    self.overview = overview
    self.cumulative = cumulative
    self.measures = measures
    self.flags = flags
    self.checkin = checkin
  }

  /// `week` of `history` judged as of `asOf`.
  public init(history: ProgressHistory, week: ISOWeek, asOf: CalendarDay) {
    let engine = FlagEngine(history: history, asOf: asOf)
    self.init(
      programme: history.programme, week: week, asOf: asOf,
      overview: WeekOverview(ledger: engine.ledger, week: week),
      cumulative: engine.ledger.cumulative, measures: engine.measures, flags: engine.flags,
      checkin: history.checkin(
        inProgrammeWeekOf: WeekSummary.checkinDay(
          week: week, asOf: asOf, programme: history.programme)))
  }

  /// The day a check-in from this week's screen is filed on: the day judged in the current
  /// week, else the week's last day, kept within the programme.
  public static func checkinDay(week: ISOWeek, asOf: CalendarDay, programme: Programme)
    -> CalendarDay
  {
    max(programme.start, min(asOf, week.monday.adding(days: 6), programme.end))
  }

  /// The day a week is judged as of when shown on `today`: a past week as of its Sunday (as
  /// `week --date SUNDAY` would), the current week as of today.
  public static func asOf(week: ISOWeek, today: CalendarDay) -> CalendarDay {
    min(today, week.monday.adding(days: 6))
  }
}
