/// The day in counts, for a prompt or a status bar: how many items are scheduled, done, skipped
/// and pending, where the day sits in the programme, and which flags hold. No names and no
/// notes, so it is safe to show on a shared screen or in a notification.
public struct DayStatus: Hashable, Sendable {
  public var day: CalendarDay
  public var scheduled: Int
  public var done: Int
  public var skipped: Int
  /// The programme week of `day`; nil outside the programme.
  public var programmeWeek: Int?
  public var programmeWeeks: Int
  /// The flags as of `day`, most pressing first (the kinds only: no since-days).
  public var flags: [ProgressFlag.Kind]

  public init(
    day: CalendarDay, scheduled: Int, done: Int, skipped: Int, programmeWeek: Int?,
    programmeWeeks: Int, flags: [ProgressFlag.Kind]
  ) {
    self.day = day
    self.scheduled = scheduled
    self.done = done
    self.skipped = skipped
    self.programmeWeek = programmeWeek
    self.programmeWeeks = programmeWeeks
    self.flags = flags
  }

  /// `day` of `history` (the weeks from the programme's start through the day), with the flags
  /// judged as of the day from tallies alone. Pain changes doses, never which items there are,
  /// so no dose is worked out: laying out a year of doses cost more than `today` itself.
  public init(history: ProgressHistory, day: CalendarDay) {
    let programme = history.programme
    let checklist = DayChecklist(
      programme: programme, day: day, pain: [], week: history.weeks[ISOWeek(containing: day)])
    let flags =
      day >= programme.start
      ? FlagEngine(history: history, asOf: day).currentKinds : []
    self.init(
      day: day, scheduled: checklist.entries.count,
      done: checklist.entries.count { $0.status == .done },
      skipped: checklist.entries.count { $0.status == .skipped },
      programmeWeek: checklist.programmeWeek, programmeWeeks: programme.weeks, flags: flags)
  }

  /// Items neither done nor skipped.
  public var pending: Int { max(0, scheduled - done - skipped) }
}
