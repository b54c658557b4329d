/// The days of a 7-day cycle a treatment falls on, as a bit mask (bit i = day i of the cycle).
/// The scheduler's cycle is the programme week (day 0 = start day); validation uses a cycle
/// starting on Monday, which is enough to judge rest days because adjacency is cyclic either way.
public struct WeeklyPattern: Hashable, Sendable {
  public var mask: UInt8

  public init(mask: UInt8) { self.mask = mask & 0x7F }

  public static let everyDay = WeeklyPattern(mask: 0x7F)

  /// `count` days spread over the week: positions ⌊i·7/count⌋, rotated by `offset`.
  /// For count ≤ 3 no two positions are adjacent, even across the week boundary.
  public static func spread(_ count: Int, offset: Int) -> WeeklyPattern {
    let clamped = min(7, max(1, count))
    var mask: UInt8 = 0
    for index in 0..<clamped {
      mask |= 1 << UInt8(((index * 7) / clamped + offset) % 7)
    }
    return WeeklyPattern(mask: mask)
  }

  /// The given weekdays, in a cycle whose day 0 is `firstWeekday`.
  public static func weekdays(_ days: [Weekday], firstWeekday: Weekday) -> WeeklyPattern {
    var mask: UInt8 = 0
    for day in days {
      mask |= 1 << UInt8((day.isoIndex - firstWeekday.isoIndex + 7) % 7)
    }
    return WeeklyPattern(mask: mask)
  }

  public func contains(position: Int) -> Bool { mask & (1 << UInt8(position % 7)) != 0 }

  public var daysPerWeek: Int { mask.nonzeroBitCount }

  /// True when two days in a row are both set, counting day 6 → day 0 of the next week.
  public var hasConsecutiveDays: Bool {
    let rotated = ((mask << 1) | (mask >> 6)) & 0x7F
    return mask & rotated != 0
  }

  /// The pattern of `treatment` with no rotation and a Monday cycle, following `sameDaysAs`;
  /// nil when references form a cycle or name a missing treatment.
  static func resolve(_ treatment: Treatment, in plan: ProgrammePlan) -> WeeklyPattern? {
    var visited: Set<String> = []
    var current = treatment
    while true {
      guard visited.insert(current.id).inserted else { return nil }
      switch current.schedule.pattern {
      case .daily: return .everyDay
      case .daysPerWeek(let count): return .spread(count, offset: 0)
      case .weekdays(let days): return .weekdays(days, firstWeekday: .monday)
      case .sameDaysAs(let id):
        guard let next = plan.treatment(id: id) else { return nil }
        current = next
      }
    }
  }
}
