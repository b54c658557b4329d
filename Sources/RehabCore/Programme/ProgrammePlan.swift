/// A programme as a template describes it: treatments and doses, not yet tied to dates.
public struct ProgrammePlan: Hashable, Sendable {
  public static let schemaVersion = 1
  public static let weekLimits = 1...52
  public static let treatmentLimits = 1...30

  public var id: String
  public var title: String
  public var description: String
  public var weeks: Int
  public var checkin: CheckinPlan
  public var treatments: [Treatment]
  public var thresholds: FlagThresholds

  public init(
    id: String, title: String, description: String, weeks: Int, checkin: CheckinPlan,
    treatments: [Treatment], thresholds: FlagThresholds = .defaults
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.weeks = weeks
    self.checkin = checkin
    self.treatments = treatments
    self.thresholds = thresholds
  }

  public func treatment(id: String) -> Treatment? {
    treatments.first { $0.id == id }
  }
}

extension ProgrammePlan: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case schemaVersion, id, title, description, weeks, checkin, treatments, thresholds
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try container.requireSchemaVersion(ProgrammePlan.schemaVersion, forKey: .schemaVersion)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      title: try container.decode(String.self, forKey: .title),
      description: try container.decode(String.self, forKey: .description),
      weeks: try container.decode(Int.self, forKey: .weeks),
      checkin: try container.decode(CheckinPlan.self, forKey: .checkin),
      treatments: try container.decode([Treatment].self, forKey: .treatments),
      thresholds: try container.decodeIfPresent(FlagThresholds.self, forKey: .thresholds)
        ?? .defaults)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ProgrammePlan.schemaVersion, forKey: .schemaVersion)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(description, forKey: .description)
    try container.encode(weeks, forKey: .weeks)
    try container.encode(checkin, forKey: .checkin)
    try container.encode(treatments, forKey: .treatments)
    if thresholds != .defaults { try container.encode(thresholds, forKey: .thresholds) }
  }
}

/// What the weekly check-in asks.
public struct CheckinPlan: Hashable, Sendable {
  public var measures: [Measure]
  public var primary: Measure

  public init(measures: [Measure], primary: Measure) {
    self.measures = measures
    self.primary = primary
  }

  /// Pain and SANE first, then the template's own, without repeats.
  public var askedMeasures: [Measure] {
    var seen = Set<Measure>()
    return (Measure.alwaysAsked + measures).filter { seen.insert($0).inserted }
  }

  /// The measures judged for plateau and referral: pain, SANE and the primary one.
  public var mainMeasures: [Measure] {
    var seen = Set<Measure>()
    return (Measure.alwaysAsked + [primary]).filter { seen.insert($0).inserted }
  }
}

extension CheckinPlan: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case measures, primary }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      measures: try container.decode([Measure].self, forKey: .measures),
      primary: try container.decode(Measure.self, forKey: .primary))
  }
}
