/// The pauses of a guided session (R-SESSION-TIMING, product defaults): a get-ready countdown
/// before each timed hold, a rest between hold repetitions, a rest between sets. A programme
/// file may override them per treatment (`"session": {"getReadySeconds": 3}`).
public struct SessionTiming: Hashable, Sendable {
  public static let defaults = SessionTiming(
    getReadySeconds: 5, restSeconds: 10, setRestSeconds: 60)
  /// What a programme file may set each to.
  public static let limits = 0...600

  public var getReadySeconds: Int
  /// Between the repetitions of a hold.
  public var restSeconds: Int
  /// Between sets of sets × reps (ACSM 2009: 1–2 min for moderate loads; 30–60 s for light rehab).
  public var setRestSeconds: Int

  public init(getReadySeconds: Int, restSeconds: Int, setRestSeconds: Int) {
    self.getReadySeconds = getReadySeconds
    self.restSeconds = restSeconds
    self.setRestSeconds = setRestSeconds
  }
}

/// A treatment's overrides of `SessionTiming.defaults`; each field is optional.
public struct SessionTimingOverride: Hashable, Sendable {
  public var getReadySeconds: Int?
  public var restSeconds: Int?
  public var setRestSeconds: Int?

  public init(getReadySeconds: Int? = nil, restSeconds: Int? = nil, setRestSeconds: Int? = nil) {
    self.getReadySeconds = getReadySeconds
    self.restSeconds = restSeconds
    self.setRestSeconds = setRestSeconds
  }

  /// The defaults with these overrides applied.
  public var timing: SessionTiming {
    let defaults = SessionTiming.defaults
    return SessionTiming(
      getReadySeconds: getReadySeconds ?? defaults.getReadySeconds,
      restSeconds: restSeconds ?? defaults.restSeconds,
      setRestSeconds: setRestSeconds ?? defaults.setRestSeconds)
  }

  /// (name, value) of each field that is set, for validation.
  public var fields: [(name: String, value: Int)] {
    [
      ("getReadySeconds", getReadySeconds), ("restSeconds", restSeconds),
      ("setRestSeconds", setRestSeconds),
    ].compactMap { field in field.1.map { (field.0, $0) } }
  }
}

extension SessionTimingOverride: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case getReadySeconds, restSeconds, setRestSeconds
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      getReadySeconds: try container.decodeIfPresent(Int.self, forKey: .getReadySeconds),
      restSeconds: try container.decodeIfPresent(Int.self, forKey: .restSeconds),
      setRestSeconds: try container.decodeIfPresent(Int.self, forKey: .setRestSeconds))
  }
}
