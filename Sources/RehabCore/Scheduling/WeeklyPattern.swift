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

  /// The pattern of `treatment` with no rotation and a Monday cycle, following `sameDaysAs`
  /// (the union of its targets' days); nil when references form a cycle or name a missing
  /// treatment.
  static func resolve(_ treatment: Treatment, in plan: ProgrammePlan) -> WeeklyPattern? {
    var known: [String: WeeklyPattern] = [:]
    return resolve(treatment, in: plan, visiting: [], known: &known)
  }

  /// Depth first with memory: a target reached twice is worked out once, so many treatments
  /// naming each other cannot make this exponential.
  private static func resolve(
    _ treatment: Treatment, in plan: ProgrammePlan, visiting: Set<String>,
    known: inout [String: WeeklyPattern]
  ) -> WeeklyPattern? {
    if let pattern = known[treatment.id] { return pattern }
    guard !visiting.contains(treatment.id) else { return nil }
    let pattern: WeeklyPattern
    switch treatment.schedule.pattern {
    case .daily: pattern = .everyDay
    case .daysPerWeek(let count): pattern = .spread(count, offset: 0)
    case .weekdays(let days): pattern = .weekdays(days, firstWeekday: .monday)
    case .sameDaysAs(let ids):
      guard !ids.isEmpty else { return nil }
      var mask: UInt8 = 0
      for id in ids {
        guard let target = plan.treatment(id: id),
          let found = resolve(
            target, in: plan, visiting: visiting.union([treatment.id]), known: &known)
        else { return nil }
        mask |= found.mask
      }
      pattern = WeeklyPattern(mask: mask)
    }
    known[treatment.id] = pattern
    return pattern
  }
}
