/// A pain rating as stored: the scheduler's `PainEntry` plus what it was logged against and when.
public struct PainRecord: Hashable, Sendable {
  /// `p-20261105-k3m9` (`RecordID`); empty until the store assigns one when the entry is added.
  public var id: String
  public var day: CalendarDay
  /// 0–10 (R-M-PAIN).
  public var level: Int
  public var timing: PainEntry.Timing
  /// The checklist item the pain was logged against (`pain --item N`), if any.
  public var itemId: String?
  /// The treatment the pain concerns; nil means the whole session of that day.
  public var treatmentId: String?
  /// When it was logged, as the caller's time stamp.
  public var at: String
  /// The data folder (machine) that wrote it (`MachineID`); empty when unknown (older files).
  public var by: String

  public init(
    day: CalendarDay, level: Int, timing: PainEntry.Timing = .during, itemId: String? = nil,
    treatmentId: String? = nil, at: String, id: String = "", by: String = ""
  ) {
    self.by = by
    self.id = id
    self.day = day
    self.level = level
    self.timing = timing
    self.itemId = itemId
    self.treatmentId = treatmentId ?? itemId.flatMap { ChecklistItem.parseID($0)?.treatmentId }
    self.at = at
  }

  /// What the scheduler's pain guidance (R-PAIN-STEP, R-PAIN-HOLD) reads.
  public var painEntry: PainEntry {
    PainEntry(day: day, level: level, timing: timing, treatmentId: treatmentId)
  }
}

extension PainRecord: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case id, day, level, timing, itemId, treatmentId, at, by
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    // Read as a number and judged here: Foundation's message for 4.5 as an Int has no path.
    let number = try container.decode(Double.self, forKey: .level)
    guard number.rounded() == number, PainEntry.levels.contains(Int(exactly: number) ?? -1) else {
      throw DecodingError.dataCorruptedError(
        forKey: .level, in: container,
        debugDescription: "\(number) is not a pain level; pain is rated in whole numbers 0 to 10")
    }
    let level = Int(number)
    let timingText = try container.decode(String.self, forKey: .timing)
    guard let timing = PainEntry.Timing(rawValue: timingText) else {
      throw DecodingError.dataCorruptedError(
        forKey: .timing, in: container,
        debugDescription:
          "'\(timingText)' is not a timing; use \(PainEntry.Timing.allCases.map(\.rawValue).joined(separator: " or "))"
      )
    }
    self.id = try container.decode(String.self, forKey: .id)
    self.day = try container.decode(CalendarDay.self, forKey: .day)
    self.level = level
    self.timing = timing
    self.itemId = try container.decodeIfPresent(String.self, forKey: .itemId)
    self.treatmentId = try container.decodeIfPresent(String.self, forKey: .treatmentId)
    self.at = try container.decode(String.self, forKey: .at)
    self.by = try container.decodeIfPresent(String.self, forKey: .by) ?? ""
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(day, forKey: .day)
    try container.encode(level, forKey: .level)
    try container.encode(timing, forKey: .timing)
    try container.encodeIfPresent(itemId, forKey: .itemId)
    try container.encodeIfPresent(treatmentId, forKey: .treatmentId)
    try container.encode(at, forKey: .at)
    if !by.isEmpty { try container.encode(by, forKey: .by) }
  }
}
