import RehabCore

/// One day of the programme as the Today screen shows it: the scheduler's items joined with
/// their stored records, the week's adherence so far and the active flags. Built by
/// `DayLoader` from the progress files; a plain value so screens render without a store.
public struct LoadedDay: Equatable, Sendable {
  public var day: CalendarDay
  /// The programme week of `day`, nil outside the programme.
  public var programmeWeek: Int?
  public var entries: [TodayEntry]
  /// R-ADH for the ISO week containing `day`, counting days up to today (self-reported).
  public var weekTally: AdherenceTally
  /// Titles of the flags active as of today ("Low adherence").
  public var flags: [String]
  /// The check-in stored for the ISO week of `day`, if any (the check-in form starts from it).
  public var checkin: Checkin?

  public init(
    day: CalendarDay, programmeWeek: Int?, entries: [TodayEntry],
    weekTally: AdherenceTally = .empty, flags: [String] = [], checkin: Checkin? = nil
  ) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.entries = entries
    self.weekTally = weekTally
    self.flags = flags
    self.checkin = checkin
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
