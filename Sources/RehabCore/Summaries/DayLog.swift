/// Everything recorded on one day, each record with the id that corrects it: the ticks and
/// skips (item ids; undone by setting the item back to pending), then the pain entries, the
/// notes and the check-in (record ids; removable). What `rehabit log` lists and the app's
/// Today screen can show. A plain value built from the day's week file and the programme.
public struct DayLog: Hashable, Sendable {
  public enum Entry: Hashable, Sendable {
    /// A tick or a skip, with the treatment's name and side from the plan (nil when the
    /// programme no longer has the treatment).
    case item(id: String, record: ItemRecord, treatment: String?, side: Side?)
    /// A pain entry, with the name of the treatment it is about (nil: the whole session).
    case pain(PainRecord, treatment: String?)
    case note(NoteRecord)
    /// A check-in dated on the day, with its programme week (nil outside the programme).
    case checkin(Checkin, programmeWeek: Int?)

    public var id: String {
      switch self {
      case .item(let id, _, _, _): id
      case .pain(let record, _): record.id
      case .note(let record): record.id
      case .checkin(let checkin, _): checkin.id
      }
    }

    /// `item`, `pain`, `note` or `checkin`.
    public var kind: String {
      switch self {
      case .item: "item"
      case .pain: "pain"
      case .note: "note"
      case .checkin: "checkin"
      }
    }

    /// Only pain entries, notes and check-ins are removed by id; ticks and skips are undone.
    public var isRemovable: Bool {
      if case .item = self { return false }
      return true
    }

    /// The pain entry, note or check-in as the store removes and reinstates it; nil for a tick
    /// or a skip.
    public var loggedRecord: LoggedRecord? {
      switch self {
      case .item: nil
      case .pain(let record, _): .pain(record)
      case .note(let record): .note(record)
      case .checkin(let checkin, _): .checkin(checkin)
      }
    }
  }

  public var day: CalendarDay
  public var programmeWeek: Int?
  public var entries: [Entry]

  public init(day: CalendarDay, programmeWeek: Int?, entries: [Entry]) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.entries = entries
  }

  /// The records of `day` in `week` (the ISO week file holding the day), in the order ticks
  /// and skips (by item id), pain, notes, check-ins (each by time stamp). Check-ins are those
  /// dated on the day that count (`CheckinResolution`); `others` are the check-ins of the
  /// neighbouring file, needed to tell which of them counts when a programme week spans two.
  /// `dayBefore` is the programme of the day before when it is another one (the first day of a
  /// next programme): pain on waking is about its sessions, so its treatments name the entry.
  public init(
    programme: Programme, day: CalendarDay, week: ProgressWeek?, otherCheckins: [Checkin] = [],
    dayBefore: Programme? = nil
  ) {
    var entries: [Entry] = []
    let plan = programme.plan
    for id in (week?.items.keys.sorted() ?? []) {
      guard let parsed = ChecklistItem.parseID(id), parsed.day == day,
        let record = week?.items[id], record.status != .pending
      else { continue }
      let parts = id.split(separator: ".", omittingEmptySubsequences: false)
      let side = parts.count > 2 ? Side(rawValue: String(parts[2])) : nil
      entries.append(
        .item(
          id: id, record: record, treatment: plan.treatment(id: parsed.treatmentId)?.name,
          side: side))
    }
    func byTime<T>(_ records: [T], _ at: (T) -> String) -> [T] {
      records.enumerated().sorted { (at($0.element), $0.offset) < (at($1.element), $1.offset) }
        .map(\.element)
    }
    for record in byTime((week?.pain ?? []).filter { $0.day == day }, \.at) {
      let session = record.timing == .nextMorning ? (dayBefore?.plan ?? plan) : plan
      entries.append(
        .pain(record, treatment: record.treatmentId.flatMap { session.treatment(id: $0)?.name }))
    }
    for note in byTime((week?.notes ?? []).filter { $0.day == day }, \.at) {
      entries.append(.note(note))
    }
    let counted = CheckinResolution.latestPerWeek(
      (week?.checkins ?? []) + otherCheckins, start: programme.start)
    for checkin in counted where checkin.day == day {
      entries.append(.checkin(checkin, programmeWeek: programme.programmeWeek(of: day)))
    }
    self.init(day: day, programmeWeek: programme.programmeWeek(of: day), entries: entries)
  }

  public var isEmpty: Bool { entries.isEmpty }
}
