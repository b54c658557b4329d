import RehabCore

/// The Week screen's state: which ISO week, what was loaded for it, and how far it is scrolled.
public struct WeekView: Equatable, Sendable {
  public var week: ISOWeek
  /// nil while loading.
  public var loaded: LoadedWeek?
  /// First body row shown (the body scrolls when it does not fit).
  public var scrollOffset: Int
  /// Why the week could not be read, when it could not.
  public var problem: String?

  public init(week: ISOWeek, loaded: LoadedWeek? = nil, scrollOffset: Int = 0) {
    self.week = week
    self.loaded = loaded
    self.scrollOffset = scrollOffset
    self.problem = nil
  }
}

/// One ISO week judged as of a day (today, or the week's Sunday for a past week), as plain
/// values: what `rehabit week --date DAY` reports, for the Week screen. Built by `WeekLoader`.
public struct LoadedWeek: Equatable, Sendable {
  public var week: ISOWeek
  /// The day judged: items after it are upcoming, check-ins after it do not count.
  public var asOf: CalendarDay
  public var overview: WeekOverview
  /// From the programme's start through `asOf` (R-ADH, self-reported).
  public var cumulative: AdherenceTally
  public var measures: MeasureAnalysis
  public var flags: [ProgressFlag]
  /// The check-in stored for this week, if any (the check-in form starts from it).
  public var checkin: Checkin?

  public init(
    week: ISOWeek, asOf: CalendarDay, overview: WeekOverview, cumulative: AdherenceTally,
    measures: MeasureAnalysis, flags: [ProgressFlag], checkin: Checkin? = nil
  ) {
    self.week = week
    self.asOf = asOf
    self.overview = overview
    self.cumulative = cumulative
    self.measures = measures
    self.flags = flags
    self.checkin = checkin
  }

  /// The judged data of `history` for `week`, as of `today` or the week's Sunday if earlier.
  public init(history: ProgressHistory, week: ISOWeek, today: CalendarDay) {
    let asOf = LoadedWeek.asOf(week: week, today: today)
    let engine = FlagEngine(history: history, asOf: asOf)
    self.init(
      week: week, asOf: asOf, overview: WeekOverview(ledger: engine.ledger, week: week),
      cumulative: engine.ledger.cumulative, measures: engine.measures, flags: engine.flags,
      checkin: history.weeks[week]?.checkin)
  }

  /// A past week is judged as of its Sunday (as `rehabit week --date SUNDAY` would); the
  /// current week as of today.
  public static func asOf(week: ISOWeek, today: CalendarDay) -> CalendarDay {
    min(today, week.monday.adding(days: 6))
  }
}
