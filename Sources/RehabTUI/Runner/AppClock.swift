import RehabCore

/// The runner's only view of time: today's date (the day rolls over while the app is open) and
/// time stamps for records. Injected, so tests can fix or move it.
public struct AppClock: Sendable {
  public var today: @Sendable () -> CalendarDay
  public var timestamp: @Sendable () -> String

  public init(
    today: @escaping @Sendable () -> CalendarDay, timestamp: @escaping @Sendable () -> String
  ) {
    self.today = today
    self.timestamp = timestamp
  }

  /// A clock stopped at `day`, stamping records `dayT12:00:00Z`.
  public static func fixed(_ day: CalendarDay) -> AppClock {
    AppClock(today: { day }, timestamp: { "\(day)T12:00:00Z" })
  }
}
