import RehabCore

/// The Programme screen's words for revisions, statuses and the preview's day lines.
enum ProgrammeText {
  /// "Heel raises: dose 3 × 14 (body weight), schedule mon, wed, fri", "Ice paused through
  /// Wed 2026-12-09", "2 more weeks".
  static func describe(_ revision: ProgrammeRevision, programme: Programme?) -> String {
    describe(revision, programme: programme, short: false)
  }

  /// "Elastic band eversion 3 × 14 from Wed 12-09": for the message line.
  static func short(_ revision: ProgrammeRevision, programme: Programme?) -> String {
    let day = revision.effective
    return describe(revision, programme: programme, short: true)
      + " from \(day.weekday.shortName) \(day.description.dropFirst(5))"
  }

  private static func describe(_ revision: ProgrammeRevision, programme: Programme?, short: Bool)
    -> String
  {
    let name = revision.treatmentId.map { id in programme?.treatment(id: id)?.name ?? id } ?? ""
    switch revision.change {
    case .set(_, let settings):
      var parts: [String] = []
      if let dose = settings.dose {
        parts.append(
          short ? dose.text : "dose \(dose.text)" + (dose.load.map { " (\($0))" } ?? ""))
      }
      if let schedule = settings.schedule, let plan = programme?.plan {
        parts.append("schedule \(ItemCardText.scheduleWords(schedule, plan: plan))")
      }
      if let side = settings.side { parts.append("side \(side.rawValue)") }
      return "\(name)\(short ? "" : ":") \(parts.joined(separator: ", "))"
    case .add: return "\(name) added"
    case .remove: return "\(name) removed"
    case .pause(_, let until):
      return "\(name) paused" + (until.map { " through \($0.labelWithWeekday)" } ?? "")
    case .resume: return "\(name) resumed"
    case .extend(let weeks): return "\(weeks) more week\(weeks == 1 ? "" : "s")"
    }
  }

  /// What the list's dose column says of a treatment on the day.
  static func dose(_ line: ProgrammeOverview.TreatmentLine, week: Int?) -> String {
    switch line.status {
    case .removed: return "removed"
    case .paused: return "paused"
    case .active: break
    }
    if let dose = line.dose { return dose.text }
    guard let week, let weeks = line.treatment.weeks else { return "–" }
    return week < weeks.from ? "from week \(weeks.from)" : "ended"
  }

  /// "to Wed 12-09", "until resumed" for a paused treatment (the list's schedule column);
  /// nil otherwise.
  static func pauseEnd(_ status: TreatmentStatus) -> String? {
    guard case .paused(let until) = status else { return nil }
    return until.map { "to \($0.weekday.shortName) \($0.description.dropFirst(5))" }
      ?? "until resumed"
  }

  /// "left", "each", "both": the sides done (an `affected` rule shows the affected side).
  static func side(_ rule: SideRule, affected: Side) -> String {
    rule == .affected ? affected.rawValue : rule.rawValue
  }

  /// The side choice in the form: "affected (left)", "each (left and right)".
  static func sideChoice(_ rule: SideRule, affected: Side) -> String {
    switch rule {
    case .affected: "affected (\(affected.rawValue))"
    case .each: "each (left and right)"
    case .both: "both at once"
    case .left, .right: rule.rawValue
    }
  }

  /// "weeks 1–8", "weeks 5–8" (the whole programme when the treatment has no range).
  static func weeks(_ treatment: Treatment, programmeWeeks: Int) -> String {
    let range = treatment.weeks ?? WeekRange(from: 1, to: programmeWeeks)
    return "\(range.from)–\(range.to)"
  }

  /// What changes on one day of the preview: "Heel raises 3 × 12 → 3 × 14" for each treatment
  /// whose dose changes, appears or goes; the sides too when they change ("right 3 × 15 →
  /// left 3 × 15"). A treatment done twice a day with the same change is named once.
  static func changes(current: DayChecklist, revised: DayChecklist) -> [String] {
    struct Session: Hashable {
      var treatmentId: String
      var occurrence: Int
    }
    func sessions(_ list: DayChecklist) -> [Session: [ChecklistItem]] {
      Dictionary(grouping: list.entries.map(\.item)) {
        Session(treatmentId: $0.treatmentId, occurrence: $0.occurrence)
      }
    }
    let before = sessions(current)
    let after = sessions(revised)
    var order: [Session] = []
    for item in revised.entries.map(\.item) + current.entries.map(\.item) {
      let session = Session(treatmentId: item.treatmentId, occurrence: item.occurrence)
      if !order.contains(session) { order.append(session) }
    }
    // The load is named only when it is what changes, so "3 × 14 → 3 × 14" never reads as a
    // change of nothing.
    func text(_ items: [ChecklistItem]?, sides: Bool, loads: Bool) -> String {
      guard let items, !items.isEmpty else { return "not scheduled" }
      var doses: [String] = []
      for item in items {
        let load = loads ? item.dose.dose.load.map { " (\($0))" } ?? " (no load)" : ""
        let dose = item.dose.text + load
        if !doses.contains(dose) { doses.append(dose) }
      }
      let dose = doses.joined(separator: "/")
      return sides ? items.map(\.side.rawValue).joined(separator: "+") + " " + dose : dose
    }
    var lines: [String] = []
    for session in order {
      let old = before[session]
      let new = after[session]
      guard let name = (new ?? old)?.first?.name,
        old?.map(\.dose) != new?.map(\.dose) || old?.map(\.side) != new?.map(\.side)
      else { continue }
      let sides = old != nil && new != nil && old?.map(\.side) != new?.map(\.side)
      let loads =
        old?.map(\.dose.text) == new?.map(\.dose.text)
        && old?.map(\.dose.dose.load) != new?.map(\.dose.dose.load)
      let line =
        "\(name) \(text(old, sides: sides, loads: loads)) → \(text(new, sides: sides, loads: loads))"
      if !lines.contains(line) { lines.append(line) }
    }
    return lines
  }
}
