/// The facts of one prescribed treatment as the Markdown and HTML summaries list them, in
/// prose; each renderer escapes and marks them up its own way.
enum ExportProgrammeText {
  /// (name, value) pairs: kind, side, schedule, weeks, load, starting dose, progression and
  /// the dose as of the export day with why it differs.
  static func facts(_ entry: ExportTreatment, summary: ExportSummary) -> [(String, String)] {
    let treatment = entry.treatment
    let programme = summary.programme
    var facts: [(String, String)] = [
      ("Kind", treatment.kind.title),
      ("Side", entry.sides.map(\.rawValue).joined(separator: " and ")),
      ("Schedule", ItemCardText.scheduleWords(treatment.schedule, plan: programme.plan)),
    ]
    if let weeks = treatment.weeks {
      facts.append(("Weeks", "\(weeks.from)–\(weeks.to) of \(programme.weeks)"))
    }
    facts.append(("Load", treatment.dose.load ?? "none given"))
    // A revised treatment shows what it started at and what was changed, from which day.
    let original = programme.allTreatments.first { $0.id == treatment.id } ?? treatment
    facts.append(("Starting dose", original.dose.text))
    let day = min(max(summary.asOf, programme.start), programme.end)
    if let current = programme.inForce(on: day).treatment(id: treatment.id) {
      if let id = current.doseRevisionId,
        let revision = programme.revisions.first(where: { $0.id == id })
      {
        facts.append(("Revised dose", "\(treatment.dose.text) from \(revision.effective)"))
      }
      if let status = RevisionText.status(current.status) {
        facts.append(("Status", "\(status) as of \(day)"))
      }
    }
    if let progression = treatment.progression {
      facts.append(("Progression", ItemCardText.progressionWords(progression)))
    }
    let current: String
    if let dose = entry.currentDose {
      var text = "\(dose.dose.text) (programme week \(dose.programmeWeek))"
      if dose.painAdjustments.contains(.held) {
        text += ", progression held after pain (R-PAIN-HOLD)"
      }
      if dose.painAdjustments.contains(.steppedDown) {
        text += ", one step lighter after a painful session (R-PAIN-STEP)"
      }
      current = text
    } else {
      current = "not scheduled in programme week \(entry.programmeWeek)"
    }
    facts.append(("Dose as of \(summary.asOf)", current))
    return facts
  }

  /// The programme's revisions as the summaries list them, in recorded order: (the day it
  /// takes effect, the change in words, the note or nil).
  static func revisions(_ summary: ExportSummary) -> [(CalendarDay, String, String?)] {
    summary.programme.revisions.map { revision in
      (
        revision.effective, RevisionText.change(revision, programme: summary.programme),
        revision.note
      )
    }
  }
}
