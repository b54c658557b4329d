import RehabCore
import RehabStore

/// Reads one day for the Today screen: the progress weeks from the programme's start, joined
/// with the scheduler's items by the adherence ledger (the same join `week` and `flags` use),
/// the week's adherence so far, the flags as of today and the week's check-in.
public enum DayLoader {
  public static func load(
    _ day: CalendarDay, today: CalendarDay, programme: Programme, store: ProgressStore
  ) throws -> LoadedDay {
    // Everything up to today counts (R-ADH); nothing after the programme's end does.
    let last = max(day, min(today, programme.end))
    let weeks = try store.weeks(from: programme.start, through: last)
    let history = ProgressHistory(programme: programme, weeks: weeks)
    let asOf = min(today, programme.end)
    let entries: [TodayEntry]
    let tally: AdherenceTally
    var flags: [String] = []
    if today >= programme.start {
      let engine = FlagEngine(history: history, asOf: today)
      let ledger = engine.ledger
      entries = ledger.day(day).entries.map { entry in
        TodayEntry(
          item: entry.item,
          record: history.weeks[ISOWeek(containing: day)]?.items[entry.item.id])
      }
      tally = ledger.tally(ISOWeek(containing: day).days.filter { $0 <= asOf })
      flags = engine.flags.map(\.kind.title)
    } else {
      entries = []
      tally = .empty
    }
    return LoadedDay(
      day: day, programmeWeek: programme.programmeWeek(of: day), entries: entries,
      weekTally: tally, flags: flags, checkin: history.weeks[ISOWeek(containing: day)]?.checkin)
  }
}
