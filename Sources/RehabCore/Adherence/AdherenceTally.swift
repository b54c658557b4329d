/// R-ADH: items done ÷ items scheduled, as the patient reported them. Skipped items count as not
/// done; only days of the programme up to the day judged are counted.
public struct AdherenceTally: Hashable, Sendable {
  public var scheduled: Int
  public var done: Int
  public var skipped: Int

  public init(scheduled: Int = 0, done: Int = 0, skipped: Int = 0) {
    self.scheduled = scheduled
    self.done = done
    self.skipped = skipped
  }

  /// Scheduled items neither done nor skipped.
  public var notDone: Int { scheduled - done - skipped }

  /// Done ÷ scheduled, 0…1; nil when nothing was scheduled (no dose to judge).
  public var ratio: Double? {
    scheduled > 0 ? Double(done) / Double(scheduled) : nil
  }

  public static let empty = AdherenceTally()

  public static func + (lhs: AdherenceTally, rhs: AdherenceTally) -> AdherenceTally {
    AdherenceTally(
      scheduled: lhs.scheduled + rhs.scheduled, done: lhs.done + rhs.done,
      skipped: lhs.skipped + rhs.skipped)
  }

  public static func += (lhs: inout AdherenceTally, rhs: AdherenceTally) { lhs = lhs + rhs }

  /// Counts one scheduled item with its stored status.
  public mutating func count(_ status: ItemStatus) {
    scheduled += 1
    switch status {
    case .done: done += 1
    case .skipped: skipped += 1
    case .pending: break
    }
  }
}

extension AdherenceTally: Codable {
  private enum CodingKeys: String, CodingKey { case adherence, scheduled, done, skipped }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      scheduled: try container.decode(Int.self, forKey: .scheduled),
      done: try container.decode(Int.self, forKey: .done),
      skipped: try container.decode(Int.self, forKey: .skipped))
  }

  /// `{"adherence": 0.86, "done": 12, "scheduled": 14, "skipped": 1}`; adherence is null when
  /// nothing was scheduled.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ratio, forKey: .adherence)
    try container.encode(scheduled, forKey: .scheduled)
    try container.encode(done, forKey: .done)
    try container.encode(skipped, forKey: .skipped)
  }
}
