import RehabCore

#if canImport(Glibc)
  import Glibc
#endif

/// The only place that reads the clock: the core is handed days and time stamps from here.
enum LocalClock {
  /// Today in the local time zone; `$REHABIT_TODAY` (YYYY-MM-DD) stands in for the clock, so
  /// tests and replays can fix the day that "after today" is judged against.
  static func today() -> CalendarDay {
    if let text = getenv("REHABIT_TODAY").map({ String(cString: $0) }), let day = CalendarDay(text)
    {
      return day
    }
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return CalendarDay(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? CalendarDay(daysSinceEpoch: Int(now) / 86_400)
  }

  /// Now as an ISO 8601 UTC time stamp, e.g. `2026-12-02T18:04:05Z`.
  static func timestamp() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let day = CalendarDay(daysSinceEpoch: Int(now) / 86_400)
    return "\(day)T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
