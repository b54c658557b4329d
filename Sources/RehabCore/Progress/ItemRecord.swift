/// Where an item of a day's checklist stands.
public enum ItemStatus: String, CaseIterable, Sendable {
  case pending
  case done
  case skipped
}

extension ItemStatus: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let status = ItemStatus(rawValue: text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription:
          "'\(text)' is not a status; use \(ItemStatus.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    self = status
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// The latest change to one checklist item, keyed by the item's id in `ProgressWeek.items`.
public struct ItemRecord: Hashable, Sendable {
  public var status: ItemStatus
  /// When the change was made, as the caller's time stamp (e.g. `2026-12-02T18:04:05Z`).
  public var at: String
  /// Why the item was skipped; only kept for `skipped`.
  public var reason: String?
  /// The data folder (machine) that wrote it (`MachineID`); empty when unknown (older files).
  public var by: String

  public init(status: ItemStatus, at: String, reason: String? = nil, by: String = "") {
    self.status = status
    self.at = at
    self.by = by
    self.reason = status == .skipped ? reason : nil
  }
}

extension ItemRecord: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case status, at, reason, by }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    status = try container.decode(ItemStatus.self, forKey: .status)
    at = try container.decode(String.self, forKey: .at)
    reason = try container.decodeIfPresent(String.self, forKey: .reason)
    by = try container.decodeIfPresent(String.self, forKey: .by) ?? ""
    if reason != nil, status != .skipped {
      throw DecodingError.dataCorruptedError(
        forKey: .reason, in: container,
        debugDescription: "only a skipped item has a reason; remove it or set status to skipped")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(status, forKey: .status)
    try container.encode(at, forKey: .at)
    try container.encodeIfPresent(reason, forKey: .reason)
    if !by.isEmpty { try container.encode(by, forKey: .by) }
  }
}
