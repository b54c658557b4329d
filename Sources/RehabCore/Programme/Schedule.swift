/// On which days, and how many times a day, a treatment is done.
public struct Schedule: Hashable, Sendable {
  public enum Pattern: Hashable, Sendable {
    case daily
    /// N days in each programme week, spread out.
    case daysPerWeek(Int)
    case weekdays([Weekday])
    /// The days on which any of these treatments is done: ice after every loading session
    /// (R-DOSE-ICE), drills that share the balance days. A day counts only when one of them
    /// is really scheduled on it, so their `weeks` apply too.
    case sameDaysAs([String])
  }

  public enum Limits {
    public static let daysPerWeek = 1...7
    public static let timesPerDay = 1...3
    /// R-DOSE-STRENGTH: a 7-day week fits at most 3 days with none two in a row.
    public static let strengtheningDaysWithRest = 3
  }

  public var pattern: Pattern
  public var timesPerDay: Int
  /// Tendon-loading programmes (Alfredson) load every day; others must rest between.
  public var allowConsecutiveDays: Bool

  public init(_ pattern: Pattern, timesPerDay: Int = 1, allowConsecutiveDays: Bool = false) {
    self.pattern = pattern
    self.timesPerDay = timesPerDay
    self.allowConsecutiveDays = allowConsecutiveDays
  }
}

extension Schedule: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case daily, daysPerWeek, weekdays, sameDaysAs, timesPerDay, allowConsecutiveDays
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let patternKeys: [CodingKeys] = [.daily, .daysPerWeek, .weekdays, .sameDaysAs].filter {
      container.contains($0)
    }
    guard patternKeys.count == 1, let key = patternKeys.first else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription:
            "a schedule needs exactly one of \"daily\", \"daysPerWeek\", \"weekdays\" or \"sameDaysAs\"; found \(patternKeys.count)"
        ))
    }
    let pattern: Pattern
    switch key {
    case .daily:
      guard try container.decode(Bool.self, forKey: .daily) else {
        throw DecodingError.dataCorruptedError(
          forKey: .daily, in: container,
          debugDescription: "\"daily\" can only be true; use \"daysPerWeek\" for fewer days")
      }
      pattern = .daily
    case .daysPerWeek: pattern = .daysPerWeek(try container.decode(Int.self, forKey: .daysPerWeek))
    case .weekdays: pattern = .weekdays(try container.decode([Weekday].self, forKey: .weekdays))
    default:
      // One id or a list of ids: files written before lists existed name a single treatment.
      if let single = try? container.decode(String.self, forKey: .sameDaysAs) {
        pattern = .sameDaysAs([single])
      } else if let ids = try? container.decode([String].self, forKey: .sameDaysAs) {
        pattern = .sameDaysAs(ids)
      } else {
        throw DecodingError.dataCorruptedError(
          forKey: .sameDaysAs, in: container,
          debugDescription:
            "\"sameDaysAs\" is a treatment id or a list of them, e.g. [\"band-eversion\", \"heel-raises\"]"
        )
      }
    }
    self.init(
      pattern,
      timesPerDay: try container.decodeIfPresent(Int.self, forKey: .timesPerDay) ?? 1,
      allowConsecutiveDays: try container.decodeIfPresent(Bool.self, forKey: .allowConsecutiveDays)
        ?? false)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch pattern {
    case .daily: try container.encode(true, forKey: .daily)
    case .daysPerWeek(let count): try container.encode(count, forKey: .daysPerWeek)
    case .weekdays(let days): try container.encode(days, forKey: .weekdays)
    case .sameDaysAs(let ids):
      // A single id stays a string, so programme files written earlier read back unchanged.
      if ids.count == 1, let id = ids.first {
        try container.encode(id, forKey: .sameDaysAs)
      } else {
        try container.encode(ids, forKey: .sameDaysAs)
      }
    }
    if timesPerDay != 1 { try container.encode(timesPerDay, forKey: .timesPerDay) }
    if allowConsecutiveDays { try container.encode(true, forKey: .allowConsecutiveDays) }
  }
}
