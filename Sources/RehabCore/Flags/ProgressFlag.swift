/// A flag the engine raises as of a day (clinical-rules.md, "Flags"): recomputed from the data
/// every time, so it clears by itself when the data no longer supports it.
public struct ProgressFlag: Hashable, Sendable {
  public enum Kind: String, Codable, CaseIterable, Sendable {
    case worsening
    case seeSpecialist = "see-specialist"
    case plateau
    case lowAdherence = "low-adherence"
    case imbalance
    case missedCheckin = "missed-checkin"

    /// The clinical rule behind the flag.
    public var rule: String {
      switch self {
      case .worsening: "R-FLAG-WORSE"
      case .seeSpecialist: "R-FLAG-REFER"
      case .plateau: "R-FLAG-PLATEAU"
      case .lowAdherence: "R-ADH-LOW"
      case .imbalance: "R-FLAG-LSI"
      case .missedCheckin: "R-FLAG-CHECKIN"
      }
    }

    /// A short heading for lists and status lines.
    public var title: String {
      switch self {
      case .worsening: "Worse than at the start"
      case .seeSpecialist: "Time to see a specialist"
      case .plateau: "No real change yet"
      case .lowAdherence: "Insufficient dose"
      case .imbalance: "Left/right imbalance"
      case .missedCheckin: "Missing check-in"
      }
    }
  }

  public var kind: Kind
  /// The first day from which, judged day by day, the flag has held without a break.
  public var since: CalendarDay
  /// Plain words with the numbers; ends with `SafetyText.disclaimer` when it suggests a clinician.
  public var message: String
  public var evidence: FlagEvidence
  public var suggestsClinician: Bool

  public init(
    kind: Kind, since: CalendarDay, message: String, evidence: FlagEvidence,
    suggestsClinician: Bool
  ) {
    self.kind = kind
    self.since = since
    self.message = message
    self.evidence = evidence
    self.suggestsClinician = suggestsClinician
  }

  public var id: String { kind.rawValue }
  public var rule: String { kind.rule }
}

extension ProgressFlag: Encodable {
  private enum CodingKeys: String, CodingKey {
    case id, rule, since, message, evidence, suggestsClinician
  }

  /// `{"id": "plateau", "rule": "R-FLAG-PLATEAU", "since": "…", "message": "…", "evidence": {…}}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(rule, forKey: .rule)
    try container.encode(since, forKey: .since)
    try container.encode(message, forKey: .message)
    try container.encode(evidence, forKey: .evidence)
    try container.encode(suggestsClinician, forKey: .suggestsClinician)
  }
}
