extension Weekday {
  /// "Mon", "Tue" …: the one short name every front end and export uses.
  public var shortName: String {
    switch self {
    case .monday: "Mon"
    case .tuesday: "Tue"
    case .wednesday: "Wed"
    case .thursday: "Thu"
    case .friday: "Fri"
    case .saturday: "Sat"
    case .sunday: "Sun"
    }
  }
}

extension CalendarDay {
  /// "Mon 2026-11-30".
  public var labelWithWeekday: String { "\(weekday.shortName) \(self)" }
}
