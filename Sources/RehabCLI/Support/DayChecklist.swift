import RehabCore
import RehabStore

/// A day's checklist joined with what the progress files say about each item.
struct DayChecklist {
  struct Entry {
    let number: Int
    let item: ChecklistItem
    let status: ItemStatus
    let skipReason: String?
  }

  let day: CalendarDay
  let programme: Programme
  let programmeWeek: Int?
  let entries: [Entry]

  static func load(day: CalendarDay, programme: Programme, store: ProgressStore) throws
    -> DayChecklist
  {
    let scheduler = Scheduler(programme: programme)
    let pain =
      day >= programme.start
      ? try store.painEntries(from: programme.start, through: day) : []
    let items = scheduler.checklist(for: day, pain: pain)
    let week = items.isEmpty ? nil : try store.loadWeek(ISOWeek(containing: day))
    let entries = items.enumerated().map { index, item in
      let record = week?.items[item.id]
      return Entry(
        number: index + 1, item: item, status: record?.status ?? .pending,
        skipReason: record?.reason)
    }
    return DayChecklist(
      day: day, programme: programme, programmeWeek: programme.programmeWeek(of: day),
      entries: entries)
  }
}

/// `today --json`, in the shape PRODUCT.md promises scripts.
struct DayChecklistJSON: Encodable {
  struct Item: Encodable {
    let number: Int
    let id: String
    let treatment: String
    let treatmentId: String
    let kind: TreatmentKind
    let side: Side
    let dose: String
    let status: ItemStatus
    let reason: String?
    let occurrence: Int
    let occurrencesPerDay: Int
    let painAdjustments: [ChecklistItem.PainAdjustment]
  }

  let date: CalendarDay
  let programmeWeek: Int?
  let programme: String
  let items: [Item]

  init(_ checklist: DayChecklist) {
    date = checklist.day
    programmeWeek = checklist.programmeWeek
    programme = checklist.programme.plan.id
    items = checklist.entries.map { entry in
      Item(
        number: entry.number, id: entry.item.id, treatment: entry.item.name,
        treatmentId: entry.item.treatmentId, kind: entry.item.kind, side: entry.item.side,
        dose: entry.item.dose.text, status: entry.status, reason: entry.skipReason,
        occurrence: entry.item.occurrence, occurrencesPerDay: entry.item.occurrencesPerDay,
        painAdjustments: entry.item.painAdjustments)
    }
  }

  private enum CodingKeys: String, CodingKey {
    case date, programmeWeek, programme, items
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(date, forKey: .date)
    // Always present, null outside the programme, so scripts can rely on the key.
    try container.encode(programmeWeek, forKey: .programmeWeek)
    try container.encode(programme, forKey: .programme)
    try container.encode(items, forKey: .items)
  }
}
