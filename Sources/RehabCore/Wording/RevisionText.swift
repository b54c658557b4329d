/// A revision in words, shared by the CLI, the app and the exports: "Heel raises: dose 3 × 15,
/// daily", "Paused Calf stretch through 2026-12-10". Stored text (names, notes) is returned as
/// stored; each front end makes it safe for where it goes.
public enum RevisionText {
  /// What the revision changes, in one line.
  public static func change(_ revision: ProgrammeRevision, programme: Programme) -> String {
    let plan = programme.inForce(on: revision.effective).plan(from: programme.plan)
    func name(_ id: String) -> String { programme.treatment(id: id)?.name ?? id }
    switch revision.change {
    case .set(let id, let settings):
      var parts: [String] = []
      if let dose = settings.dose { parts.append("dose \(doseWords(dose))") }
      if let schedule = settings.schedule {
        parts.append(ItemCardText.scheduleWords(schedule, plan: plan))
      }
      if let side = settings.side { parts.append("side \(side.rawValue)") }
      return "\(name(id)): \(parts.joined(separator: ", "))"
    case .add(let treatment):
      return
        "Added \(treatment.name) (\(treatment.id)): \(doseWords(treatment.dose)), \(ItemCardText.scheduleWords(treatment.schedule, plan: plan))"
    case .remove(let id): return "Removed \(name(id))"
    case .pause(let id, let until):
      return "Paused \(name(id)) \(until.map { "through \($0)" } ?? "until resumed")"
    case .resume(let id): return "Resumed \(name(id))"
    case .extend(let weeks):
      return "Extended by \(weeks) week\(weeks == 1 ? "" : "s")"
    }
  }

  /// `3 × 15`, `3 × 15 (bodyweight + 5 kg)`, `2 × 30 s`, `15 min`.
  public static func doseWords(_ dose: Dose) -> String {
    if let load = dose.load, !load.isEmpty { return "\(dose.text) (\(load))" }
    return dose.text
  }

  /// "paused through 2026-12-10", "paused", "removed", nil when active.
  public static func status(_ status: TreatmentStatus) -> String? {
    switch status {
    case .active: nil
    case .paused(let until): "paused\(until.map { " through \($0)" } ?? "")"
    case .removed: "removed"
    }
  }
}
