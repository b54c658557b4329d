/// Which stored check-ins count: one per programme week, the latest by time stamp
/// (docs/clinical-rules.md, "Measures"). Programme week n runs from the start day + 7(n − 1)
/// for seven days, whatever ISO week files those days fall in.
///
/// The store replaces a check-in by writing the new one first and removing the old one second
/// (they can sit in two files), so after a crash between the two writes both are on disk;
/// reading "the latest of each programme week" still gives what the user saved last.
public enum CheckinResolution {
  /// The 7-day period of `day` counted from `start`: 1 for the programme's first week, 0 and
  /// below before it, beyond `weeks` after it (so check-ins outside a programme group the same
  /// way).
  public static func period(of day: CalendarDay, start: CalendarDay) -> Int {
    let offset = start.days(until: day)
    return (offset >= 0 ? offset / 7 : (offset - 6) / 7) + 1
  }

  /// The first and last day of period `period` counted from `start`.
  public static func days(ofPeriod period: Int, start: CalendarDay) -> ClosedRange<CalendarDay> {
    let first = start.adding(days: (period - 1) * 7)
    return first...first.adding(days: 6)
  }

  /// The later of two check-ins of one programme week: the later time stamp, then the later
  /// day, then the greater id (so the choice never depends on the order of reading).
  public static func isLater(_ a: Checkin, than b: Checkin) -> Bool {
    (a.at, a.day, a.id) > (b.at, b.day, b.id)
  }

  /// The check-in that counts for each programme week, oldest first.
  public static func latestPerWeek(_ checkins: [Checkin], start: CalendarDay) -> [Checkin] {
    var byPeriod: [Int: Checkin] = [:]
    for checkin in checkins {
      let period = period(of: checkin.day, start: start)
      if let kept = byPeriod[period], !isLater(checkin, than: kept) { continue }
      byPeriod[period] = checkin
    }
    return byPeriod.keys.sorted().compactMap { byPeriod[$0] }
  }
}
