/// The flag thresholds of docs/clinical-rules.md as named defaults a programme file may override.
public struct FlagThresholds: Hashable, Sendable {
  /// R-ADH-LOW: weekly adherence below this is "insufficient dose".
  public var lowAdherence: Double = 0.7
  /// R-FLAG-PLATEAU: completed weeks judged together.
  public var reviewWindowWeeks: Int = 3
  /// R-FLAG-PLATEAU: no plateau is judged before this programme week.
  public var plateauFromWeek: Int = 4
  /// R-FLAG-LSI: no imbalance is judged before this programme week.
  public var imbalanceFromWeek: Int = 4
  /// R-LSI-OK: limb symmetry index (%) counted as resolved (ACL return-to-sport convention).
  public var symmetryIndexOK: Double = 90
  /// R-FLAG-REFER: weeks of adherent care without improvement before suggesting a specialist.
  public var referralAfterWeeks: Int = 12

  public init() {}

  public static let defaults = FlagThresholds()
}

extension FlagThresholds: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case lowAdherence, reviewWindowWeeks, plateauFromWeek, imbalanceFromWeek, symmetryIndexOK
    case referralAfterWeeks
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = FlagThresholds.defaults
    lowAdherence =
      try container.decodeIfPresent(Double.self, forKey: .lowAdherence) ?? defaults.lowAdherence
    reviewWindowWeeks =
      try container.decodeIfPresent(Int.self, forKey: .reviewWindowWeeks)
      ?? defaults.reviewWindowWeeks
    plateauFromWeek =
      try container.decodeIfPresent(Int.self, forKey: .plateauFromWeek) ?? defaults.plateauFromWeek
    imbalanceFromWeek =
      try container.decodeIfPresent(Int.self, forKey: .imbalanceFromWeek)
      ?? defaults.imbalanceFromWeek
    symmetryIndexOK =
      try container.decodeIfPresent(Double.self, forKey: .symmetryIndexOK)
      ?? defaults.symmetryIndexOK
    referralAfterWeeks =
      try container.decodeIfPresent(Int.self, forKey: .referralAfterWeeks)
      ?? defaults.referralAfterWeeks
  }
}
