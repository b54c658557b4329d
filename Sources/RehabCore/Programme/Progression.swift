/// The dose field that grows week by week.
public enum ProgressionField: String, Codable, CaseIterable, Sendable {
  case reps, sets, holdSeconds, repetitions, minutes
}

/// Weekly progression of one dose field, capped (R-DOSE-STRENGTH, R-DOSE-ACTIVATION).
public struct Progression: Hashable, Sendable {
  /// What happens once `field` reaches `max` (only meaningful for reps).
  public enum AfterMax: String, Codable, CaseIterable, Sendable {
    /// Stay at the cap.
    case hold
    /// Back to the starting reps with one more set, up to `maxSets`.
    case addSet
    /// Back to the starting reps with `loadStepPercent` more load.
    case addLoad
  }

  public enum Defaults {
    public static let maxSets = 5
    public static let loadStepPercent = 5
    /// R-DOSE-STRENGTH: added load 2–10 %.
    public static let loadStepPercentRange = 2...10
  }

  public var field: ProgressionField
  public var step: Int
  public var max: Int
  public var afterMax: AfterMax
  public var maxSets: Int
  public var loadStepPercent: Int

  public init(
    field: ProgressionField, step: Int, max: Int, afterMax: AfterMax = .hold,
    maxSets: Int = Defaults.maxSets, loadStepPercent: Int = Defaults.loadStepPercent
  ) {
    self.field = field
    self.step = step
    self.max = max
    self.afterMax = afterMax
    self.maxSets = maxSets
    self.loadStepPercent = loadStepPercent
  }

  /// The dose after `steps` progression steps from `base`, with any load added by `addLoad`
  /// cycles. Pure and total: steps below zero give the base dose.
  public func apply(steps: Int, to base: Dose) -> PrescribedDose {
    guard let start = base.value(of: field) else { return PrescribedDose(dose: base) }
    var dose = base
    var value = start
    var addedLoad = 0
    for _ in 0..<Swift.max(0, steps) {
      if value < max {
        value = Swift.min(max, value + step)
        dose = dose.setting(field, to: value)
        continue
      }
      switch afterMax {
      case .hold:
        break
      case .addSet:
        guard let sets = dose.value(of: .sets), sets < maxSets else { break }
        value = start
        dose = dose.setting(field, to: start).setting(.sets, to: sets + 1)
      case .addLoad:
        value = start
        addedLoad += loadStepPercent
        dose = dose.setting(field, to: start)
      }
    }
    return PrescribedDose(dose: dose, addedLoadPercent: addedLoad)
  }
}

extension Progression: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case field, step, max, afterMax, maxSets, loadStepPercent
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      field: try container.decode(ProgressionField.self, forKey: .field),
      step: try container.decode(Int.self, forKey: .step),
      max: try container.decode(Int.self, forKey: .max),
      afterMax: try container.decodeIfPresent(AfterMax.self, forKey: .afterMax) ?? .hold,
      maxSets: try container.decodeIfPresent(Int.self, forKey: .maxSets) ?? Defaults.maxSets,
      loadStepPercent: try container.decodeIfPresent(Int.self, forKey: .loadStepPercent)
        ?? Defaults.loadStepPercent)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(field, forKey: .field)
    try container.encode(step, forKey: .step)
    try container.encode(max, forKey: .max)
    if afterMax != .hold { try container.encode(afterMax, forKey: .afterMax) }
    if afterMax == .addSet { try container.encode(maxSets, forKey: .maxSets) }
    if afterMax == .addLoad { try container.encode(loadStepPercent, forKey: .loadStepPercent) }
  }
}

/// The dose for one session after progression and pain guidance.
public struct PrescribedDose: Hashable, Sendable {
  public var dose: Dose
  /// Load added by `addLoad` cycles, in percent of the starting load.
  public var addedLoadPercent: Int

  public init(dose: Dose, addedLoadPercent: Int = 0) {
    self.dose = dose
    self.addedLoadPercent = addedLoadPercent
  }

  /// `3 × 12`, `3 × 10 +5 % load`, `3 × 30 s`, `15 min`.
  public var text: String {
    addedLoadPercent > 0 ? "\(dose.text) +\(addedLoadPercent) % load" : dose.text
  }
}
