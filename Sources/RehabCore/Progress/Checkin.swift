/// One measure's value in a check-in: a single number, or left and right for a sided measure
/// (R-LSI). JSON: `60`, or `{"left": 12, "right": 20}`.
public enum CheckinValue: Hashable, Sendable {
  case single(Double)
  case sided(left: Double, right: Double)

  public var single: Double? {
    if case .single(let value) = self { return value }
    return nil
  }

  public func value(on side: Side) -> Double? {
    switch (self, side) {
    case (.sided(let left, _), .left): left
    case (.sided(_, let right), .right): right
    default: nil
    }
  }
}

extension CheckinValue: Codable {
  private enum SideKeys: String, CodingKey, CaseIterable { case left, right }

  public init(from decoder: any Decoder) throws {
    if let single = try? decoder.singleValueContainer().decode(Double.self) {
      self = .single(single)
      return
    }
    guard (try? decoder.container(keyedBy: SideKeys.self)) != nil else {
      throw DecodingError.typeMismatch(
        Double.self,
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "expected a number, or {\"left\": …, \"right\": …}"))
    }
    try decoder.rejectUnknownKeys(allowed: Set(SideKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: SideKeys.self)
    self = .sided(
      left: try container.decode(Double.self, forKey: .left),
      right: try container.decode(Double.self, forKey: .right))
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .single(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .sided(let left, let right):
      var container = encoder.container(keyedBy: SideKeys.self)
      try container.encode(left, forKey: .left)
      try container.encode(right, forKey: .right)
    }
  }
}

/// A programme week's check-in (docs/clinical-rules.md, "Measures"). JSON:
/// `{"id": "c-20261206-k3m9", "day": "2026-12-06", "at": "…", "values": {"pain": 4, "sane": 60, "heel-raises": {"left": 12, "right": 20}}}`.
public struct Checkin: Hashable, Sendable {
  /// `c-20261206-k3m9` (`RecordID`); empty until the store assigns one when it is saved.
  public var id: String
  public var day: CalendarDay
  public var values: [Measure: CheckinValue]
  /// When it was saved, as the caller's time stamp.
  public var at: String
  /// The data folder (machine) that wrote it (`MachineID`); empty when unknown (older files).
  public var by: String

  public init(
    day: CalendarDay, values: [Measure: CheckinValue], at: String, id: String = "",
    by: String = ""
  ) {
    self.by = by
    self.id = id
    self.day = day
    self.values = values
    self.at = at
  }

  public subscript(measure: Measure) -> CheckinValue? { values[measure] }

  /// Every value checked against its measure; the first problem, or nil when all are valid.
  public var problem: CheckinProblem? {
    for measure in Measure.allCases {
      if let value = values[measure], let problem = CheckinProblem.check(value, for: measure) {
        return problem
      }
    }
    return nil
  }
}

extension Checkin: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case id, day, values, at, by }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let valuesContainer = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .values)
    var values: [Measure: CheckinValue] = [:]
    for key in valuesContainer.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
      guard let measure = Measure(rawValue: key.stringValue) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: valuesContainer,
          debugDescription:
            "'\(key.stringValue)' is not a measure; use \(Measure.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      let value = try valuesContainer.decode(CheckinValue.self, forKey: key)
      if let problem = CheckinProblem.check(value, for: measure) {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: valuesContainer, debugDescription: problem.message)
      }
      values[measure] = value
    }
    self.init(
      day: try container.decode(CalendarDay.self, forKey: .day), values: values,
      at: try container.decode(String.self, forKey: .at),
      id: try container.decode(String.self, forKey: .id),
      by: try container.decodeIfPresent(String.self, forKey: .by) ?? "")
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(day, forKey: .day)
    try container.encode(at, forKey: .at)
    if !by.isEmpty { try container.encode(by, forKey: .by) }
    var valuesContainer = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .values)
    for (measure, value) in values {
      try valuesContainer.encode(value, forKey: AnyCodingKey(measure.rawValue))
    }
  }
}

/// Why a check-in value cannot be kept, and what to enter instead; one line.
public struct CheckinProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var measure: Measure?
  public var message: String
  public var fix: String

  public init(measure: Measure?, message: String, fix: String) {
    self.measure = measure
    self.message = message
    self.fix = fix
  }

  public var description: String { "\(message); \(fix)" }

  /// Measures scored in whole numbers: a rating, a count, questionnaire totals.
  public static let wholeNumberMeasures: Set<Measure> = [.pain, .lefs, .cait, .heelRaises]

  /// Checks one value: the measure's range (`Measure.range`), whole numbers where the scale
  /// has no fractions, and left/right for sided measures only.
  public static func check(_ value: CheckinValue, for measure: Measure) -> CheckinProblem? {
    switch value {
    case .single(let number):
      if measure.isSided {
        return CheckinProblem(
          measure: measure, message: "\(measure.rawValue) is measured on each side",
          fix: "give both sides: \(measure.rawValue):left=N and \(measure.rawValue):right=N")
      }
      return check(number, for: measure, side: nil)
    case .sided(let left, let right):
      if !measure.isSided {
        return CheckinProblem(
          measure: measure, message: "\(measure.rawValue) is not measured per side",
          fix: "give one value: \(measure.rawValue)=N")
      }
      return check(left, for: measure, side: .left) ?? check(right, for: measure, side: .right)
    }
  }

  /// Checks one number of a measure (one side of a sided one).
  public static func check(_ number: Double, for measure: Measure, side: Side?) -> CheckinProblem? {
    let name = side.map { "\(measure.rawValue):\($0.rawValue)" } ?? measure.rawValue
    let range = measure.range
    let limits = "\(format(range.lowerBound)) to \(format(range.upperBound))"
    guard number.isFinite, range.contains(number) else {
      return CheckinProblem(
        measure: measure, message: "\(name) \(format(number)) is out of range",
        fix: "\(measure.title) takes \(limits)")
    }
    if wholeNumberMeasures.contains(measure), number.rounded() != number {
      return CheckinProblem(
        measure: measure, message: "\(name) \(format(number)) is not a whole number",
        fix: "\(measure.title) takes whole numbers from \(limits)")
    }
    return nil
  }

  static func format(_ number: Double) -> String {
    guard number.isFinite, number.rounded() == number, abs(number) < 1e15 else {
      return "\(number)"
    }
    return String(Int(number))
  }
}
