/// One day's checklist joined with what the progress files say about each item: what `today`
/// lists and what the Today screen shows. Built by the query layer from the day's week file and
/// the pain entries up to the day; a plain value.
public struct DayChecklist: Hashable, Sendable {
  /// One scheduled item with its stored record.
  public struct Entry: Hashable, Sendable {
    /// The 1-based position in the day's list, as `today` numbers it.
    public var number: Int
    public var item: ChecklistItem
    /// The record in the week file; nil when nothing was logged (pending).
    public var record: ItemRecord?

    public init(number: Int, item: ChecklistItem, record: ItemRecord? = nil) {
      self.number = number
      self.item = item
      self.record = record
    }

    public var status: ItemStatus { record?.status ?? .pending }
    public var skipReason: String? { record?.reason }
  }

  public var day: CalendarDay
  /// The programme week of `day`, nil outside the programme.
  public var programmeWeek: Int?
  public var entries: [Entry]

  public init(day: CalendarDay, programmeWeek: Int?, entries: [Entry]) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.entries = entries
  }

  /// The scheduler's items for `day`, dosed by the pain guidance of `pain` (entries up to the
  /// day), joined with the records of `week` (the ISO week containing the day).
  public init(programme: Programme, day: CalendarDay, pain: [PainEntry], week: ProgressWeek?) {
    self.init(
      programme: programme, day: day,
      items: Scheduler(programme: programme).checklist(for: day, pain: pain), week: week)
  }

  /// Items already scheduled for `day`, numbered in list order and joined with `week`'s records.
  public init(programme: Programme, day: CalendarDay, items: [ChecklistItem], week: ProgressWeek?) {
    self.init(
      day: day, programmeWeek: programme.programmeWeek(of: day),
      entries: items.enumerated().map { index, item in
        Entry(number: index + 1, item: item, record: week?.items[item.id])
      })
  }
}
