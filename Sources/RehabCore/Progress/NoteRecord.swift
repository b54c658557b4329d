/// A free-text note on a day, or on one item of it.
public struct NoteRecord: Hashable, Sendable {
  /// `n-20261105-k3m9` (`RecordID`); empty until the store assigns one when the note is added.
  public var id: String
  public var day: CalendarDay
  public var itemId: String?
  public var text: String
  public var at: String
  /// The data folder (machine) that wrote it (`MachineID`); empty when unknown (older files).
  public var by: String

  public init(
    day: CalendarDay, itemId: String? = nil, text: String, at: String, id: String = "",
    by: String = ""
  ) {
    self.by = by
    self.id = id
    self.day = day
    self.itemId = itemId
    self.text = text
    self.at = at
  }
}

extension NoteRecord: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case id, day, itemId, text, at, by }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      day: try container.decode(CalendarDay.self, forKey: .day),
      itemId: try container.decodeIfPresent(String.self, forKey: .itemId),
      text: try container.decode(String.self, forKey: .text),
      at: try container.decode(String.self, forKey: .at),
      id: try container.decode(String.self, forKey: .id),
      by: try container.decodeIfPresent(String.self, forKey: .by) ?? "")
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(day, forKey: .day)
    try container.encodeIfPresent(itemId, forKey: .itemId)
    try container.encode(text, forKey: .text)
    try container.encode(at, forKey: .at)
    if !by.isEmpty { try container.encode(by, forKey: .by) }
  }
}
