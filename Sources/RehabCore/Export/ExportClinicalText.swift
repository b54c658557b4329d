/// The pain log and dose history in words, shared by the Markdown and HTML summaries (prose:
/// no command or key). A long history is summarised by week, with the full log after it.
public enum ExportClinicalText {
  /// Beyond this many entries the pain log is summarised by week and listed in full at the end.
  public static let painLogLimit = 20

  public static func when(_ record: PainRecord) -> String {
    record.timing == .during ? "during exercise" : "next morning"
  }

  public static func effects(_ entry: ExportPainEntry) -> String {
    guard !entry.effects.isEmpty else {
      return entry.record.level > PainZones.acceptableMax
        ? "above \(PainZones.acceptableMax) but changed no dose (no progression to step back from)"
        : "no change"
    }
    return entry.effects.map { effect in
      switch effect {
      case .lighterSession(let treatment, let day):
        "next \(treatment) session (\(day)) a step lighter (R-PAIN-STEP)"
      case .heldWeek(let treatment, let week):
        "\(treatment) progression held in week \(week) (R-PAIN-HOLD)"
      }
    }.joined(separator: "; ")
  }

  /// `Day | Pain | When | Exercise | What it changed`.
  public static let painHeaders = ["Day", "Pain", "When", "Exercise", "What it changed"]

  public static func painRow(_ entry: ExportPainEntry) -> [String] {
    [
      entry.record.day.description, "\(entry.record.level)/10", when(entry.record),
      entry.exercise ?? "the whole session", effects(entry),
    ]
  }

  /// Per programme week: entries, the highest, how many were above 5, doses they changed.
  public static let weekHeaders = ["Week", "Entries", "Highest", "Above 5", "Doses changed"]

  public static func weekRows(_ entries: [ExportPainEntry], programme: Programme) -> [[String]] {
    let byWeek = Dictionary(grouping: entries) { programme.programmeWeek(of: $0.record.day) ?? 0 }
    return byWeek.keys.sorted().map { week in
      let group = byWeek[week] ?? []
      return [
        week == 0 ? "outside" : "\(week)", "\(group.count)",
        "\(group.map(\.record.level).max() ?? 0)/10",
        "\(group.count { $0.record.level > PainZones.acceptableMax })",
        "\(group.reduce(0) { $0 + $1.effects.count })",
      ]
    }
  }

  /// The notable weeks of a dose history: the start, each change and each lighter session.
  public static func doseLines(_ history: ExportDoseHistory) -> [String] {
    let lighter = { (week: ExportDoseWeek) -> String in
      guard !week.lighterSessions.isEmpty else { return "" }
      let sessions = week.lighterSessions.map { "\($0.dose) on \($0.day)" }
      return "; a step lighter after a painful session (R-PAIN-STEP): "
        + sessions.joined(separator: ", ")
    }
    guard history.progresses else {
      let dose = history.weeks.first?.dose ?? "–"
      let stepped = history.weeks.filter { !$0.lighterSessions.isEmpty }.map {
        "week \($0.programmeWeek): \($0.dose)\(lighter($0))"
      }
      return ["the same dose every week: \(dose)"] + stepped
    }
    let notable = history.weeks.filter(\.isNotable)
    return notable.map { week in
      var line = "week \(week.programmeWeek): \(week.dose)"
      switch week.change {
      case .start: line += " (start)"
      case .progressed: line += " (progressed)"
      case .held: line += " (held: two painful sessions the week before, R-PAIN-HOLD)"
      case .unchanged: break
      }
      line += lighter(week)
      return line
    }
  }
}
