/// One treatment's adherence over some days (R-ADH, per treatment).
public struct TreatmentAdherence: Hashable, Sendable {
  public var treatmentId: String
  public var name: String
  public var kind: TreatmentKind
  public var tally: AdherenceTally

  public init(treatmentId: String, name: String, kind: TreatmentKind, tally: AdherenceTally) {
    self.treatmentId = treatmentId
    self.name = name
    self.kind = kind
    self.tally = tally
  }
}

/// Adherence over a run of whole programme weeks (the last completed week, the review window).
public struct WeekSpanAdherence: Hashable, Sendable {
  public var weeks: ClosedRange<Int>
  public var firstDay: CalendarDay
  public var lastDay: CalendarDay
  public var tally: AdherenceTally

  public init(
    weeks: ClosedRange<Int>, firstDay: CalendarDay, lastDay: CalendarDay, tally: AdherenceTally
  ) {
    self.weeks = weeks
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.tally = tally
  }
}

extension WeekSpanAdherence: Encodable {
  private enum CodingKeys: String, CodingKey {
    case fromWeek, toWeek, from, to, adherence, scheduled, done, skipped
  }

  /// `{"fromWeek": 1, "toWeek": 3, "from": "…", "to": "…", "adherence": 0.6, "done": …}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(weeks.lowerBound, forKey: .fromWeek)
    try container.encode(weeks.upperBound, forKey: .toWeek)
    try container.encode(firstDay, forKey: .from)
    try container.encode(lastDay, forKey: .to)
    try container.encode(tally.ratio, forKey: .adherence)
    try container.encode(tally.scheduled, forKey: .scheduled)
    try container.encode(tally.done, forKey: .done)
    try container.encode(tally.skipped, forKey: .skipped)
  }
}
