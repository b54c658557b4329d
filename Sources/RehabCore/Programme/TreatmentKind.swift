/// The four families of conservative care, with heat, ice and ultrasound kept apart because
/// their doses and rules differ (docs/clinical-rules.md, "Default dosage per kind").
public enum TreatmentKind: String, Codable, CaseIterable, Sendable {
  case strengthening
  case stretching
  case activation
  case heat
  case ice
  case ultrasound

  /// Heading used when a checklist is grouped by kind.
  public var title: String {
    switch self {
    case .strengthening: "Strengthening"
    case .stretching: "Stretching"
    case .activation: "Activation & balance"
    case .heat: "Heat"
    case .ice: "Ice"
    case .ultrasound: "Ultrasound (clinic)"
    }
  }

  /// R-DOSE-ULTRASOUND: clinic-delivered only, never a home task.
  public var isHomeTask: Bool { self != .ultrasound }

  /// Heat and ice are dosed in minutes and capped (R-DOSE-HEAT, R-DOSE-ICE).
  public var isThermal: Bool { self == .heat || self == .ice }
}

/// Which side an item is done on.
public enum Side: String, Codable, CaseIterable, Sendable {
  case left
  case right
  case both
}

/// Which side a treatment is prescribed for; `affected` resolves at `init` time and `each`
/// makes one item per side.
public enum SideRule: String, Codable, CaseIterable, Sendable {
  case left
  case right
  case both
  case each
  case affected

  public func sides(affected: Side) -> [Side] {
    switch self {
    case .left: [.left]
    case .right: [.right]
    case .both: [.both]
    case .each: [.left, .right]
    case .affected: [affected]
    }
  }
}
