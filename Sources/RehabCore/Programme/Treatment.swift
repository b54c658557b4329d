/// One prescribed treatment of a programme: what, how much, how often, on which side.
public struct Treatment: Hashable, Sendable {
  public var id: String
  public var name: String
  public var kind: TreatmentKind
  public var instructions: String
  public var side: SideRule
  public var dose: Dose
  public var schedule: Schedule
  public var weeks: WeekRange?
  public var progression: Progression?
  /// The clinical rule id behind the dose, e.g. `R-DOSE-STRENGTH`.
  public var rule: String?
  /// The guided session's pauses for this treatment, where they differ from
  /// `SessionTiming.defaults` (R-SESSION-TIMING).
  public var session: SessionTimingOverride?

  public init(
    id: String, name: String, kind: TreatmentKind, instructions: String, side: SideRule,
    dose: Dose, schedule: Schedule, weeks: WeekRange? = nil, progression: Progression? = nil,
    rule: String? = nil, session: SessionTimingOverride? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.instructions = instructions
    self.side = side
    self.dose = dose
    self.schedule = schedule
    self.weeks = weeks
    self.progression = progression
    self.rule = rule
    self.session = session
  }

  /// The pauses of a guided session of this treatment.
  public var sessionTiming: SessionTiming { session?.timing ?? .defaults }

  /// The first programme week the treatment runs in.
  public var firstWeek: Int { weeks?.from ?? 1 }

  public func runs(inWeek week: Int) -> Bool {
    guard let weeks else { return true }
    return week >= weeks.from && week <= weeks.to
  }
}

extension Treatment: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case id, name, kind, instructions, side, dose, schedule, weeks, progression, rule, session
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      kind: try container.decode(TreatmentKind.self, forKey: .kind),
      instructions: try container.decode(String.self, forKey: .instructions),
      side: try container.decode(SideRule.self, forKey: .side),
      dose: try container.decode(Dose.self, forKey: .dose),
      schedule: try container.decode(Schedule.self, forKey: .schedule),
      weeks: try container.decodeIfPresent(WeekRange.self, forKey: .weeks),
      progression: try container.decodeIfPresent(Progression.self, forKey: .progression),
      rule: try container.decodeIfPresent(String.self, forKey: .rule),
      session: try container.decodeIfPresent(SessionTimingOverride.self, forKey: .session))
  }
}

/// Programme weeks `from` … `to`, 1-based and inclusive.
public struct WeekRange: Hashable, Sendable {
  public var from: Int
  public var to: Int

  public init(from: Int, to: Int) {
    self.from = from
    self.to = to
  }
}

extension WeekRange: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case from, to }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      from: try container.decode(Int.self, forKey: .from),
      to: try container.decode(Int.self, forKey: .to))
  }
}
