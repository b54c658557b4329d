/// A running programme: a plan tied to a start day, a length and the affected side.
/// This is what `programme.json` holds, so later template edits never change a running programme.
public struct Programme: Hashable, Sendable {
  public static let schemaVersion = 1

  public var plan: ProgrammePlan
  public var start: CalendarDay
  public var weeks: Int
  public var affectedSide: Side

  public init(plan: ProgrammePlan, start: CalendarDay, weeks: Int? = nil, affectedSide: Side) {
    self.plan = plan
    self.start = start
    self.weeks = weeks ?? plan.weeks
    self.affectedSide = affectedSide
  }

  /// The last day of the programme.
  public var end: CalendarDay { start.adding(days: weeks * 7 - 1) }

  public func contains(_ day: CalendarDay) -> Bool { day >= start && day <= end }

  /// 1-based programme week of `day`, nil outside the programme.
  public func programmeWeek(of day: CalendarDay) -> Int? {
    guard contains(day) else { return nil }
    return start.days(until: day) / 7 + 1
  }

  /// The first day of programme week `week`.
  public func firstDay(ofWeek week: Int) -> CalendarDay {
    start.adding(days: (week - 1) * 7)
  }
}

extension Programme: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case schemaVersion, plan, start, weeks, affectedSide
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try container.requireSchemaVersion(Programme.schemaVersion, forKey: .schemaVersion)
    self.init(
      plan: try container.decode(ProgrammePlan.self, forKey: .plan),
      start: try container.decode(CalendarDay.self, forKey: .start),
      weeks: try container.decode(Int.self, forKey: .weeks),
      affectedSide: try container.decode(Side.self, forKey: .affectedSide))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Programme.schemaVersion, forKey: .schemaVersion)
    try container.encode(plan, forKey: .plan)
    try container.encode(start, forKey: .start)
    try container.encode(weeks, forKey: .weeks)
    try container.encode(affectedSide, forKey: .affectedSide)
  }
}
