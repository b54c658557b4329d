/// One day's scheduled items, how each stands, and the day's adherence (R-ADH).
public struct DayAdherence: Hashable, Sendable {
  /// Where the day lies relative to the programme and the day judged.
  public enum Standing: String, Codable, CaseIterable, Sendable {
    /// Before the start or after the end: nothing counts.
    case outside
    case past
    /// The day judged itself: counted, with open items still pending.
    case today
    /// After the day judged: shown, not counted.
    case upcoming
  }

  public struct Entry: Hashable, Sendable {
    public var item: ChecklistItem
    public var status: ItemStatus
    public var skipReason: String?
    public var outcome: ItemOutcome

    public init(item: ChecklistItem, status: ItemStatus, skipReason: String?, outcome: ItemOutcome)
    {
      self.item = item
      self.status = status
      self.skipReason = skipReason
      self.outcome = outcome
    }
  }

  public var day: CalendarDay
  public var programmeWeek: Int?
  public var standing: Standing
  public var entries: [Entry]

  public init(day: CalendarDay, programmeWeek: Int?, standing: Standing, entries: [Entry]) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.standing = standing
    self.entries = entries
  }

  /// What counts towards adherence: nothing for upcoming or outside days.
  public var tally: AdherenceTally {
    guard standing == .past || standing == .today else { return .empty }
    var tally = AdherenceTally.empty
    for entry in entries { tally.count(entry.status) }
    return tally
  }
}
