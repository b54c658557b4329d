import RehabCore

/// One day of the programme as the Today screen holds it: the query layer's `DaySummary`, with
/// each item's record as shown (changes made on screen appear at once, and stay marked while a
/// save is retried).
public struct LoadedDay: Equatable, Sendable {
  public var day: CalendarDay
  /// The programme week of `day`, nil outside the programme.
  public var programmeWeek: Int?
  public var entries: [TodayEntry]
  /// R-ADH for the ISO week containing `day`, counting days up to today (self-reported).
  public var weekTally: AdherenceTally
  /// The flags active as of today.
  public var flags: [ProgressFlag.Kind]
  /// The check-in stored for the ISO week of `day`, if any (the check-in form starts from it).
  public var checkin: Checkin?
  /// Damaged earlier week files left out of the day's guidance and flags (their paths), for
  /// the warning on the message line.
  public var damagedFiles: [String] = []

  public init(
    day: CalendarDay, programmeWeek: Int?, entries: [TodayEntry],
    weekTally: AdherenceTally = .empty, flags: [ProgressFlag.Kind] = [], checkin: Checkin? = nil
  ) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.entries = entries
    self.weekTally = weekTally
    self.flags = flags
    self.checkin = checkin
  }

  /// What the Today screen shows of the query layer's day.
  public init(_ summary: DaySummary) {
    self.init(
      day: summary.day, programmeWeek: summary.checklist.programmeWeek,
      entries: summary.checklist.entries.map { TodayEntry(item: $0.item, record: $0.record) },
      weekTally: summary.weekTally, flags: summary.flags.map(\.kind), checkin: summary.checkin)
  }
}

/// One checklist item with its stored record.
public struct TodayEntry: Equatable, Sendable {
  public var item: ChecklistItem
  /// The record in the week file; nil when nothing was logged (pending).
  public var record: ItemRecord?
  /// Changed on screen but not yet written (a save failed; it is retried).
  public var isUnsaved: Bool

  public init(item: ChecklistItem, record: ItemRecord? = nil, isUnsaved: Bool = false) {
    self.item = item
    self.record = record
    self.isUnsaved = isUnsaved
  }

  public var status: ItemStatus { record?.status ?? .pending }

  /// "Calf stretch (left)", or "… (left, 2 of 2)" for a second daily session.
  public var label: String {
    var detail = item.side.rawValue
    if item.occurrencesPerDay > 1 { detail += ", \(item.occurrence) of \(item.occurrencesPerDay)" }
    return "\(item.name) (\(detail))"
  }
}
