/// One day as the Today screen (and a status line) shows it: the checklist, the week's adherence
/// so far, the flags as of today and the week's check-in. A plain value built from a history.
public struct DaySummary: Hashable, Sendable {
  public var checklist: DayChecklist
  /// R-ADH for the ISO week containing the day, counting days up to today (self-reported).
  public var weekTally: AdherenceTally
  /// The flags as of today (not as of the day shown: they are about the programme now).
  public var flags: [ProgressFlag]
  /// The check-in of the day's programme week, if any (the check-in form starts from it, and a
  /// new one on the day replaces it).
  public var checkin: Checkin?
  /// The records dated on the day, each with its id (pain entries, notes, ticks and skips, a
  /// check-in): what the Today screen lists for correcting.
  public var log: DayLog

  public init(
    checklist: DayChecklist, weekTally: AdherenceTally = .empty, flags: [ProgressFlag] = [],
    checkin: Checkin? = nil, log: DayLog? = nil
  ) {
    self.checklist = checklist
    self.weekTally = weekTally
    self.flags = flags
    self.checkin = checkin
    self.log =
      log
      ?? DayLog(day: checklist.day, programmeWeek: checklist.programmeWeek, entries: [])
  }

  /// `day` of `history` (which must hold the weeks from the programme's start through today
  /// and the day's own week), judged as of `today`. `dayBefore`: the programme of the day
  /// before when it is another one (`DayLog`).
  public init(
    history: ProgressHistory, day: CalendarDay, today: CalendarDay, dayBefore: Programme? = nil
  ) {
    let programme = history.programme
    let week = ISOWeek(containing: day)
    let checklist = DayChecklist(
      programme: programme, day: day, pain: history.painEntries(through: day),
      week: history.weeks[week])
    guard today >= programme.start else {
      self.init(
        checklist: checklist, checkin: history.checkin(inProgrammeWeekOf: day),
        log: history.log(on: day, dayBefore: dayBefore))
      return
    }
    let engine = FlagEngine(history: history, asOf: today)
    let countedThrough = min(today, programme.end)
    self.init(
      checklist: checklist,
      weekTally: engine.ledger.tally(week.days.filter { $0 <= countedThrough }),
      flags: engine.flags, checkin: history.checkin(inProgrammeWeekOf: day),
      log: history.log(on: day, dayBefore: dayBefore))
  }

  public var day: CalendarDay { checklist.day }
}
