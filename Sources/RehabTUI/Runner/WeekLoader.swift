import RehabCore
import RehabStore

/// Reads one ISO week for the Week screen: the progress weeks from the programme's start
/// through the day judged, then the adherence ledger, the measures and the flags as of that
/// day (the same engine as `week` and `flags`).
public enum WeekLoader {
  public static func load(
    _ week: ISOWeek, today: CalendarDay, programme: Programme, store: ProgressStore
  ) throws -> LoadedWeek {
    let asOf = LoadedWeek.asOf(week: week, today: today)
    // Nothing after the day judged or the programme's end counts.
    let last = max(programme.start, min(asOf, programme.end))
    let weeks = try store.weeks(from: programme.start, through: last)
    let history = ProgressHistory(programme: programme, weeks: weeks)
    return LoadedWeek(history: history, week: week, today: today)
  }
}
