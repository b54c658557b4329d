import RehabCore
import RehabStore

/// The programme's and its revisions' lines as the CLI prints them (made terminal-safe by the
/// caller).
enum ProgrammeText {
  static func overview(_ overview: ProgrammeOverview, programme: Programme) -> [String] {
    let week =
      overview.programmeWeek.map { "programme week \($0) of \(overview.weeks)" }
      ?? "outside the programme (\(overview.start) to \(overview.end))"
    var lines = ["\(overview.title) on \(overview.day): \(week)"]
    for line in overview.treatments {
      let treatment = line.treatment
      var parts = [line.dose.map { $0.text } ?? "not in its weeks"]
      parts.append(ItemCardText.scheduleWords(treatment.schedule, plan: programme.plan))
      parts.append("side \(treatment.side.rawValue)")
      if let weeks = treatment.weeks { parts.append("weeks \(weeks.from)–\(weeks.to)") }
      if let progression = line.progression {
        parts.append(progressionWords(progression, from: line.progressionFromWeek))
      }
      let status = RevisionText.status(line.status).map { " [\($0)]" } ?? ""
      lines.append(
        "  \(treatment.id)\(status): \(treatment.name), \(parts.joined(separator: ", "))")
      for revision in line.revisions {
        lines.append(
          "    \(revision.effective): \(RevisionText.change(revision, programme: programme)) (\(revision.id))"
        )
      }
    }
    let later = overview.revisions.filter { $0.effective > overview.day }
    if !later.isEmpty {
      lines.append(
        "Later revisions: \(later.map { "\($0.effective) \($0.id)" }.joined(separator: ", ")) (see `rehabit programme history`)"
      )
    }
    return lines
  }

  static func progressionWords(_ progression: Progression, from week: Int) -> String {
    // The card's words (never a JSON field name), counted from the week it starts in.
    "\(ItemCardText.progressionWords(progression)), counted from week \(week)"
  }

  static func historyLine(_ revision: ProgrammeRevision, programme: Programme) -> String {
    let note = revision.note.map { " — \($0)" } ?? ""
    return
      "\(revision.id)  from \(revision.effective): \(RevisionText.change(revision, programme: programme))\(note) (recorded \(revision.at))"
  }

  /// A revision problem as one line: the option it is about, what is wrong and the fix.
  static func problem(_ problem: ProgrammeProblem) -> String {
    let options = [
      "effective": "--from", "until": "--until", "weeks": "--weeks", "note": "--note",
      "treatment": "TREATMENT", "treatment.id": "the treatment's id",
    ]
    // A problem of the change as a whole needs no place.
    let place = problem.path == "change" ? "" : "\(options[problem.path] ?? problem.path): "
    return "\(place)\(problem.message); \(problem.fix); nothing was changed"
  }

  static func undoRefusal(_ reason: RevisionUndo, programme: Programme) -> String {
    switch reason {
    case .nothingToUndo, .allowed:
      return "no revision to take back; the programme is as it started on \(programme.start)"
    case .logged(let revision, let day):
      return
        "cannot take back \(revision.id) (from \(revision.effective)): \(day) is already logged under it; make a new revision from today instead (e.g. `rehabit programme set …`), nothing was changed"
    }
  }

  static func changedElsewhere(_ changed: ProgrammeChanged) -> String {
    "\(changed.file): the programme changed while this command ran (another rehabit wrote it); look at `rehabit programme` and try again, nothing was changed"
  }
}
