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
  /// The check-in that counts for the programme week of `day`, if any (the check-in form
  /// starts from it; the list of the day's records shows it, with its day).
  public var checkin: Checkin?
  /// The day's pain entries and notes, then the programme week's check-in, each with the id
  /// the store gave it: what the Today screen lists under the items, to remove and undo.
  public var records: [TodayRecord]
  /// Damaged earlier week files left out of the day's guidance and flags (their paths), for
  /// the warning on the message line.
  public var damagedFiles: [String] = []

  public init(
    day: CalendarDay, programmeWeek: Int?, entries: [TodayEntry],
    weekTally: AdherenceTally = .empty, flags: [ProgressFlag.Kind] = [], checkin: Checkin? = nil,
    records: [TodayRecord] = []
  ) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.entries = entries
    self.weekTally = weekTally
    self.flags = flags
    self.checkin = checkin
    self.records = records
  }

  /// What the Today screen shows of the query layer's day: the checklist, and of the day's
  /// log (`DayLog`) its pain entries and notes, then the check-in of the day's programme week.
  public init(_ summary: DaySummary, programme: Programme) {
    var records = summary.log.entries.compactMap { entry -> TodayRecord? in
      switch entry {
      case .pain, .note: TodayRecord(entry)
      case .item, .checkin: nil
      }
    }
    if let checkin = summary.checkin {
      records.append(
        TodayRecord(.checkin(checkin, programmeWeek: programme.programmeWeek(of: checkin.day))))
    }
    self.init(
      day: summary.day, programmeWeek: summary.checklist.programmeWeek,
      entries: summary.checklist.entries.map { TodayEntry(item: $0.item, record: $0.record) },
      weekTally: summary.weekTally, flags: summary.flags.map(\.kind), checkin: summary.checkin,
      records: records)
  }

  /// How many rows can be selected: the items, then the records.
  var selectableCount: Int { entries.count + records.count }
}

/// A pain entry, note or check-in listed on the Today screen.
public struct TodayRecord: Equatable, Sendable {
  /// As the query layer's `DayLog` lists it (never `.item`).
  public var entry: DayLog.Entry
  /// Added or removed on screen but not yet written (a save failed; it is retried).
  public var isUnsaved: Bool

  public init(_ entry: DayLog.Entry, isUnsaved: Bool = false) {
    self.entry = entry
    self.isUnsaved = isUnsaved
  }

  /// The record as the store removes and reinstates it.
  public var record: LoggedRecord? { entry.loggedRecord }
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
