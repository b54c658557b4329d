/// A flag the engine raises as of a day (docs/clinical-rules.md, "Flags"): recomputed from the data
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
  /// Plain words with the numbers, the same for every front end: no command, key or
  /// disclaimer (those are `remedy` and `disclaimer`, worded where they are shown).
  public var message: String
  public var evidence: FlagEvidence
  public var suggestsClinician: Bool
  /// What the person can do about it, when there is one thing to do.
  public var remedy: FlagRemedy?

  public init(
    kind: Kind, since: CalendarDay, message: String, evidence: FlagEvidence,
    suggestsClinician: Bool, remedy: FlagRemedy? = nil
  ) {
    self.kind = kind
    self.since = since
    self.message = message
    self.evidence = evidence
    self.suggestsClinician = suggestsClinician
    self.remedy = remedy
  }

  /// The one-line disclaimer to show beside the flag when it suggests seeing a clinician.
  public var disclaimer: String? { suggestsClinician ? SafetyText.disclaimer : nil }

  public var id: String { kind.rawValue }
  public var rule: String { kind.rule }
}

/// Something to do about a flag, as a value: the CLI words it as a command, the app as a key,
/// an export as prose.
public enum FlagRemedy: Hashable, Sendable {
  /// Add the check-in of a programme week that has none (the latest such week).
  case addCheckin(MissedWeek)
}
