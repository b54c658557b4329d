import RehabCore

/// `today --json`, in the shape docs/PRODUCT.md promises scripts.
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
    let instructions: String
    /// The load of the day's dose (a stage of a staged progression may name its own); null
    /// when the programme gives none.
    @Nullable var load: String?
  }

  let date: CalendarDay
  /// Always present, null outside the programme, so scripts can rely on the key.
  @Nullable var programmeWeek: Int?
  let programme: String
  let items: [Item]

  init(_ checklist: DayChecklist, programme: Programme) {
    date = checklist.day
    programmeWeek = checklist.programmeWeek
    self.programme = programme.plan.id
    items = checklist.entries.map { entry in
      Item(
        number: entry.number, id: entry.item.id, treatment: entry.item.name,
        treatmentId: entry.item.treatmentId, kind: entry.item.kind, side: entry.item.side,
        dose: entry.item.dose.text, status: entry.status, reason: entry.skipReason,
        occurrence: entry.item.occurrence, occurrencesPerDay: entry.item.occurrencesPerDay,
        painAdjustments: entry.item.painAdjustments, instructions: entry.item.instructions,
        load: entry.item.dose.dose.load
          ?? programme.treatment(id: entry.item.treatmentId, on: entry.item.day)?.dose.load)
    }
  }

}
