import RehabCore

#if canImport(Glibc)
  import Glibc
#endif

/// The runner's only view of time: today's date (the day rolls over while the app is open),
/// time stamps for records, and a monotonic clock in seconds for the guided session's
/// countdowns (never the wall clock, which can jump). Injected, so tests can fix or move it.
public struct AppClock: Sendable {
  public var today: @Sendable () -> CalendarDay
  public var timestamp: @Sendable () -> String
  public var monotonic: @Sendable () -> Double

  public init(
    today: @escaping @Sendable () -> CalendarDay, timestamp: @escaping @Sendable () -> String,
    monotonic: @escaping @Sendable () -> Double = AppClock.systemMonotonic
  ) {
    self.today = today
    self.timestamp = timestamp
    self.monotonic = monotonic
  }

  /// A clock stopped at `day`, stamping records `dayT12:00:00Z`; `monotonic` as given.
  public static func fixed(
    _ day: CalendarDay, monotonic: @escaping @Sendable () -> Double = AppClock.systemMonotonic
  ) -> AppClock {
    AppClock(today: { day }, timestamp: { "\(day)T12:00:00Z" }, monotonic: monotonic)
  }

  /// `CLOCK_MONOTONIC` in seconds: it never jumps with the wall clock.
  public static let systemMonotonic: @Sendable () -> Double = {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
  }
}
