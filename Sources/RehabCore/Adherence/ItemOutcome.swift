/// How a scheduled item stands on the day judged (the Week screen's grid).
public enum ItemOutcome: String, Codable, CaseIterable, Sendable {
  case done
  case skipped
  /// A past day's item neither done nor skipped.
  case missed
  /// An item of the day judged, not done yet (it still counts as not done, R-ADH).
  case pending
  /// An item after the day judged: not counted.
  case upcoming

  public init(status: ItemStatus, day: CalendarDay, asOf: CalendarDay) {
    if day > asOf {
      self = .upcoming
      return
    }
    switch status {
    case .done: self = .done
    case .skipped: self = .skipped
    case .pending: self = day == asOf ? .pending : .missed
    }
  }
}
