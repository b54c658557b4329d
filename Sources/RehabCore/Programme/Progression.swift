/// The dose field that grows week by week.
public enum ProgressionField: String, Codable, CaseIterable, Sendable {
  case reps, sets, holdSeconds, repetitions, minutes
}

/// How a treatment's dose grows from its starting dose, one step per programme week it runs
/// (a week held by R-PAIN-HOLD adds no step). Two kinds:
/// - `weekly`: one field grows by a fixed step up to a cap (R-DOSE-STRENGTH, R-DOSE-ACTIVATION);
/// - `stages`: whole doses that take over from given weeks, so reps can go down while sets and
///   load go up (R-DOSE-HIGH-LOAD: 12RM × 3, then 10RM × 4, then 8RM × 5).
public enum Progression: Hashable, Sendable {
  case weekly(WeeklyProgression)
  case stages([ProgressionStage])

  /// A weekly progression (the common case; keeps call sites short).
  public init(
    field: ProgressionField, step: Int, max: Int,
    afterMax: WeeklyProgression.AfterMax = .hold,
    maxSets: Int = WeeklyProgression.Defaults.maxSets,
    loadStepPercent: Int = WeeklyProgression.Defaults.loadStepPercent
  ) {
    self = .weekly(
      WeeklyProgression(
        field: field, step: step, max: max, afterMax: afterMax, maxSets: maxSets,
        loadStepPercent: loadStepPercent))
  }

  /// The weekly progression, nil for stages.
  public var weekly: WeeklyProgression? {
    if case .weekly(let weekly) = self { return weekly }
    return nil
  }

  /// The dose after `steps` progression steps from `base`. Pure and total: steps below zero
  /// give the base dose.
  public func apply(steps: Int, to base: Dose) -> PrescribedDose {
    switch self {
    case .weekly(let weekly): return weekly.apply(steps: steps, to: base)
    case .stages(let stages):
      // Step s is the treatment's week s + 1; the latest stage begun by then applies.
      let week = Swift.max(0, steps) + 1
      let stage = stages.last { $0.fromWeek <= week }
      return PrescribedDose(dose: stage?.dose ?? base)
    }
  }
}

/// Weekly progression of one dose field, capped (R-DOSE-STRENGTH, R-DOSE-ACTIVATION).
public struct WeeklyProgression: Hashable, Sendable {
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
  private enum CodingKeys: String, CodingKey { case stages }

  public init(from decoder: any Decoder) throws {
    let weeklyKeys = Set(WeeklyProgression.CodingKeys.allCases.map(\.rawValue))
    try decoder.rejectUnknownKeys(allowed: weeklyKeys.union([CodingKeys.stages.rawValue]))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    guard container.contains(.stages) else {
      self = .weekly(try WeeklyProgression(from: decoder))
      return
    }
    let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
    guard keys == [CodingKeys.stages.rawValue] else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription:
            "a progression is either {\"field\", \"step\", \"max\", …} or {\"stages\"}, not both"))
    }
    self = .stages(try container.decode([ProgressionStage].self, forKey: .stages))
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .weekly(let weekly): try weekly.encode(to: encoder)
    case .stages(let stages):
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(stages, forKey: .stages)
    }
  }
}

/// One stage of a staged progression: from the treatment's week `fromWeek` (1 = the first week
/// it runs; a week held by pain delays it), the treatment is done at `dose`.
public struct ProgressionStage: Hashable, Sendable {
  public var fromWeek: Int
  public var dose: Dose

  public init(fromWeek: Int, dose: Dose) {
    self.fromWeek = fromWeek
    self.dose = dose
  }
}

extension ProgressionStage: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case fromWeek, dose }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      fromWeek: try container.decode(Int.self, forKey: .fromWeek),
      dose: try container.decode(Dose.self, forKey: .dose))
  }
}

extension WeeklyProgression: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
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
