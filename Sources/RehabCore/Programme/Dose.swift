/// How much of a treatment one session is: sets × reps, timed holds, or minutes.
public enum Dose: Hashable, Sendable {
  case setsReps(sets: Int, reps: Int, load: String?)
  case holds(seconds: Int, repetitions: Int)
  case time(minutes: Int)

  /// Allowed ranges; a programme file outside them is rejected with the range in the message.
  public enum Limits {
    public static let sets = 1...10
    public static let reps = 1...100
    public static let holdSeconds = 1...600
    public static let repetitions = 1...20
    public static let minutes = 1...120
    /// R-DOSE-HEAT, R-DOSE-ICE: 10–20 minutes; never longer.
    public static let thermalMinutes = 1...20
  }

  /// The short text shown in the checklist, e.g. `3 × 12`, `3 × 30 s`, `15 min`.
  public var text: String {
    switch self {
    case .setsReps(let sets, let reps, _): "\(sets) × \(reps)"
    case .holds(let seconds, let repetitions): "\(repetitions) × \(seconds) s"
    case .time(let minutes): "\(minutes) min"
    }
  }

  /// Both sets × reps, both holds, or both minutes (a staged progression keeps the shape).
  public func hasSameShape(as other: Dose) -> Bool {
    switch (self, other) {
    case (.setsReps, .setsReps), (.holds, .holds), (.time, .time): true
    default: false
    }
  }

  public var load: String? {
    if case .setsReps(_, _, let load) = self { return load }
    return nil
  }

  /// The value of one progressable field, nil when the dose has no such field.
  public func value(of field: ProgressionField) -> Int? {
    switch (self, field) {
    case (.setsReps(let sets, _, _), .sets): sets
    case (.setsReps(_, let reps, _), .reps): reps
    case (.holds(let seconds, _), .holdSeconds): seconds
    case (.holds(_, let repetitions), .repetitions): repetitions
    case (.time(let minutes), .minutes): minutes
    default: nil
    }
  }

  /// The same dose with one field replaced; unchanged when the dose has no such field.
  public func setting(_ field: ProgressionField, to value: Int) -> Dose {
    switch (self, field) {
    case (.setsReps(_, let reps, let load), .sets): .setsReps(sets: value, reps: reps, load: load)
    case (.setsReps(let sets, _, let load), .reps): .setsReps(sets: sets, reps: value, load: load)
    case (.holds(_, let repetitions), .holdSeconds):
      .holds(seconds: value, repetitions: repetitions)
    case (.holds(let seconds, _), .repetitions): .holds(seconds: seconds, repetitions: value)
    case (.time, .minutes): .time(minutes: value)
    default: self
    }
  }
}

extension Dose: Codable {
  private enum Field: String, CodingKey, CaseIterable {
    case sets, reps, load, holdSeconds, repetitions, minutes
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(Field.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: Field.self)
    let present = Field.allCases.filter { container.contains($0) }
    switch Set(present) {
    case [.sets, .reps], [.sets, .reps, .load]:
      self = .setsReps(
        sets: try container.decode(Int.self, forKey: .sets),
        reps: try container.decode(Int.self, forKey: .reps),
        load: try container.decodeIfPresent(String.self, forKey: .load))
    case [.holdSeconds, .repetitions]:
      self = .holds(
        seconds: try container.decode(Int.self, forKey: .holdSeconds),
        repetitions: try container.decode(Int.self, forKey: .repetitions))
    case [.minutes]:
      self = .time(minutes: try container.decode(Int.self, forKey: .minutes))
    default:
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription:
            "a dose is one of {\"sets\", \"reps\"[, \"load\"]}, {\"holdSeconds\", \"repetitions\"} or {\"minutes\"}; found {\(present.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))}"
        ))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Field.self)
    switch self {
    case .setsReps(let sets, let reps, let load):
      try container.encode(sets, forKey: .sets)
      try container.encode(reps, forKey: .reps)
      try container.encodeIfPresent(load, forKey: .load)
    case .holds(let seconds, let repetitions):
      try container.encode(seconds, forKey: .holdSeconds)
      try container.encode(repetitions, forKey: .repetitions)
    case .time(let minutes):
      try container.encode(minutes, forKey: .minutes)
    }
  }
}
