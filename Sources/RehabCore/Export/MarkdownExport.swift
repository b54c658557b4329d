/// The one-page summary for a clinician, in Markdown (CommonMark with GFM tables). Every user
/// text is escaped so a renderer shows it as text, never as markup or HTML.
public enum MarkdownExport {
  public static func render(_ summary: ExportSummary) -> String {
    var lines: [String] = []
    let programme = summary.programme
    let cell = ExportEscaping.markdownCell

    lines.append("# Rehab progress summary: \(cell(programme.plan.title))")
    lines.append("")
    lines.append("*\(SafetyText.disclaimer)*")
    lines.append("")
    lines += facts(summary)
    lines += sections(summary)
    lines += redFlags()

    lines.append("---")
    lines.append("")
    lines.append(
      "Adherence is self-reported. MDC: smallest real change; MCID: smallest change that matters. LSI: affected ÷ unaffected side × 100 (≥ \(ExportFormatting.number(summary.programme.plan.thresholds.symmetryIndexOK)) % is the ACL return-to-sport convention)."
    )
    lines.append("")
    lines.append(SafetyText.disclaimer)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The programme, its dates and side, and what the summary covers, then a blank line.
  static func facts(_ summary: ExportSummary) -> [String] {
    let programme = summary.programme
    let md = ExportEscaping.markdown
    return [
      "- **Programme:** \(md(programme.plan.title, "  ")) (`\(programme.plan.id)`), \(programme.weeks) weeks, \(programme.start) to \(programme.end)",
      "- **Affected side:** \(programme.affectedSide.rawValue)",
      "- **Covers:** \(ExportFormatting.range(summary.from, summary.to)); exported for \(summary.asOf)",
      "",
    ]
  }

  /// The sections of one programme's summary, in reading order.
  static func sections(_ summary: ExportSummary) -> [String] {
    prescribed(summary) + adherence(summary) + measures(summary) + symmetry(summary)
      + painLog(summary) + doseHistory(summary) + flags(summary) + diary(summary)
      + painAppendix(summary)
  }

  static func adherence(_ summary: ExportSummary) -> [String] {
    let adherence = summary.adherence
    var lines = ["## Adherence (self-reported)", ""]
    guard !adherence.weeks.isEmpty || adherence.overall.scheduled > 0 else {
      return lines + ["No scheduled items in this range.", ""]
    }
    let overall = adherence.overall
    lines.append(
      "Overall: **\(ExportFormatting.percent(overall.ratio, threshold: adherence.lowThreshold))** (\(overall.done) of \(overall.scheduled) items done). Below \(ExportFormatting.percent(adherence.lowThreshold)) a week is an insufficient dose, not a failed treatment (R-ADH-LOW)."
    )
    lines.append("")
    lines.append("| Week | Days | Done | Scheduled | Adherence | |")
    lines.append("|---:|---|---:|---:|---:|---|")
    for week in adherence.weeks {
      let note = week.isInsufficient ? "insufficient dose" : ""
      lines.append(
        "| \(week.programmeWeek) | \(week.firstDay) to \(week.lastDay) | \(week.figure.done) | \(week.figure.scheduled) | \(ExportFormatting.percent(week.figure.ratio, threshold: adherence.lowThreshold)) | \(note) |"
      )
    }
    lines.append("")
    if !adherence.treatments.isEmpty {
      lines.append("| Treatment | Kind | Done | Scheduled | Adherence |")
      lines.append("|---|---|---:|---:|---:|")
      for treatment in adherence.treatments {
        lines.append(
          "| \(ExportEscaping.markdownCell(treatment.name)) | \(treatment.kind.rawValue) | \(treatment.figure.done) | \(treatment.figure.scheduled) | \(ExportFormatting.percent(treatment.figure.ratio)) |"
        )
      }
      lines.append("")
    }
    return lines
  }

  static func measures(_ summary: ExportSummary) -> [String] {
    var lines = ["## Measures", ""]
    let recorded = summary.measures.filter { !$0.points.isEmpty }
    guard !recorded.isEmpty else {
      return lines + ["No check-ins in this range.", ""]
    }
    lines.append("| Measure | Baseline | Latest | Change | MDC | MCID | Judged |")
    lines.append("|---|---|---|---|---:|---:|---|")
    for measure in recorded {
      let sides: [Side?] = measure.measure.isSided ? [.left, .right] : [nil]
      for side in sides {
        let name = measure.measure.title + (side.map { " (\($0.rawValue))" } ?? "")
        let baseline = measure.baseline.flatMap { MeasureSummary.number($0.value, side: side) }
        let latest = measure.latest.flatMap { MeasureSummary.number($0.value, side: side) }
        let baselineText = baseline.map {
          "\(ExportFormatting.number($0)) (\(ExportFormatting.day(measure.baseline?.day)))"
        }
        var latestText = latest.map {
          "\(ExportFormatting.number($0)) (\(ExportFormatting.day(measure.latest?.day)))"
        }
        if side == nil, let mean = measure.latestJudged(), let raw = latest, mean != raw {
          latestText =
            "\(ExportFormatting.number(mean)), 2-week mean (last check-in \(ExportFormatting.number(raw)), \(ExportFormatting.day(measure.latest?.day)))"
        }
        lines.append(
          "| \(name) | \(baselineText ?? "–") | \(latestText ?? "–") | \(measure.change(side: side).map(ExportFormatting.signed) ?? "–") | \(FlagText.number(measure.measure.mdc, decimals: 2)) | \(FlagText.number(measure.mcid(side: side), decimals: 2)) | \(measure.verdict(side: side)?.rawValue ?? "one check-in so far") |"
        )
      }
    }
    lines.append("")
    if recorded.contains(where: { $0.measure == .pain }) {
      lines.append("Pain is judged on its 2-week rolling mean (R-M-PAIN), as the flags judge it.")
      lines.append("")
    }
    return lines
  }

  static func painLog(_ summary: ExportSummary) -> [String] {
    var lines = ["## Pain log", ""]
    guard !summary.painLog.isEmpty else { return lines + ["No pain logged in this range.", ""] }
    let cell = ExportEscaping.markdownCell
    func table(_ headers: [String], _ rows: [[String]]) -> [String] {
      [
        "| " + headers.joined(separator: " | ") + " |",
        "|" + String(repeating: "---|", count: headers.count),
      ]
        + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
    }
    if summary.painLog.count > ExportClinicalText.painLogLimit {
      lines.append(
        "\(summary.painLog.count) entries, by programme week (every entry is listed at the end):")
      lines.append("")
      lines += table(
        ExportClinicalText.weekHeaders,
        ExportClinicalText.weekRows(summary.painLog, programme: summary.programme))
    } else {
      lines += table(
        ExportClinicalText.painHeaders, summary.painLog.map(ExportClinicalText.painRow))
    }
    lines.append("")
    return lines
  }

  static func painAppendix(_ summary: ExportSummary) -> [String] {
    guard summary.painLog.count > ExportClinicalText.painLogLimit else { return [] }
    let cell = ExportEscaping.markdownCell
    var lines = ["## Appendix: every pain entry", ""]
    lines.append("| " + ExportClinicalText.painHeaders.joined(separator: " | ") + " |")
    lines.append("|" + String(repeating: "---|", count: ExportClinicalText.painHeaders.count))
    lines += summary.painLog.map {
      "| " + ExportClinicalText.painRow($0).map(cell).joined(separator: " | ") + " |"
    }
    lines.append("")
    return lines
  }

  static func doseHistory(_ summary: ExportSummary) -> [String] {
    var lines = ["## Dose history", ""]
    guard !summary.doseHistory.isEmpty else { return lines + ["No home treatments.", ""] }
    for history in summary.doseHistory {
      lines.append("- **\(ExportEscaping.markdown(history.name))**")
      for line in ExportClinicalText.doseLines(history) {
        lines.append("  - \(ExportEscaping.markdown(line))")
      }
    }
    lines.append("")
    return lines
  }

  static func symmetry(_ summary: ExportSummary) -> [String] {
    let sided = summary.measures.filter { $0.measure.isSided && !$0.points.isEmpty }
    guard !sided.isEmpty else { return [] }
    var lines = [
      "## Left and right (limb symmetry, R-LSI)", "",
      "| Measure | Left | Right | LSI baseline | LSI latest |",
      "|---|---|---|---:|---:|",
    ]
    for measure in sided {
      func sideText(_ side: Side) -> String {
        let values = [measure.baseline, measure.latest].compactMap { point in
          point.flatMap { MeasureSummary.number($0.value, side: side) }
        }
        return values.map(ExportFormatting.number).joined(separator: " → ")
      }
      let lsi = [measure.baseline, measure.latest].map { point -> String in
        guard let point, let index = measure.symmetryIndex(at: point) else { return "–" }
        return ExportFormatting.number(index) + " %"
      }
      lines.append(
        "| \(measure.measure.title) | \(sideText(.left)) | \(sideText(.right)) | \(lsi[0]) | \(lsi[1]) |"
      )
    }
    lines.append("")
    lines.append(
      "\(LimbSymmetry.convention). Absolute values matter too: the unaffected side can weaken as well."
    )
    lines.append("")
    return lines
  }

  /// The programme as prescribed: each treatment with what the patient was told.
  static func prescribed(_ summary: ExportSummary) -> [String] {
    let md = ExportEscaping.markdown
    var lines = ["## Programme", ""]
    for entry in summary.prescribed {
      let treatment = entry.treatment
      lines.append("### \(md(treatment.name, "  "))")
      lines.append("")
      lines += ExportProgrammeText.facts(entry, summary: summary).map { name, value in
        "- **\(name):** \(md(value, "  "))"
      }
      lines.append("")
      lines.append(md(treatment.instructions, ""))
      lines.append("")
    }
    let revisions = ExportProgrammeText.revisions(summary)
    if !revisions.isEmpty {
      lines += ["### Revisions", ""]
      for (day, change, note) in revisions {
        lines.append("- \(day): \(md(change, "  "))\(note.map { " — \(md($0, "  "))" } ?? "")")
      }
      lines.append("")
    }
    return lines
  }

  static func flags(_ summary: ExportSummary) -> [String] {
    var lines = ["## Flags as of \(summary.asOf)", ""]
    guard !summary.flags.isEmpty else {
      return lines + ["No flags.", ""]
    }
    for flag in summary.flags {
      var line = "- **\(ExportEscaping.markdown(flag.title))** (`\(flag.id)`, \(flag.rule)"
      if let since = flag.since { line += ", since \(since)" }
      line += "): \(ExportEscaping.markdown(flag.message))"
      lines.append(line)
      if !flag.evidence.isEmpty {
        let evidence = flag.evidence.map {
          "\(ExportEscaping.markdown($0.name)) = \(ExportEscaping.markdown($0.value))"
        }
        lines.append("  Evidence: " + evidence.joined(separator: "; ") + ".")
      }
    }
    lines.append("")
    return lines
  }

  /// The red flags the patient is shown, complete (`SafetyText`).
  static func redFlags() -> [String] {
    let md = ExportEscaping.markdown
    var lines = [
      "## Red flags (as shown to the patient)", "", md(SafetyText.redFlagsHeading, "  "), "",
    ]
    lines += SafetyText.redFlags.map { "- " + md($0, "  ") }
    lines.append("")
    for caution in SafetyText.redFlagCautions { lines += [md(caution, "  "), ""] }
    return lines
  }

  static func diary(_ summary: ExportSummary) -> [String] {
    var lines = ["## Skipped items and notes", ""]
    var entries: [(CalendarDay, String, String)] = []
    for item in summary.skipped {
      let reason = item.reason.map { ": " + ExportEscaping.markdown($0, continuationIndent: "  ") }
      entries.append(
        (
          item.day, "0" + item.id,
          "- \(item.day) skipped \(ExportEscaping.markdown(item.title))\(reason ?? "")"
        ))
    }
    for note in summary.notes {
      let about = note.itemId.map { " on " + ExportEscaping.markdown($0) } ?? ""
      entries.append(
        (
          note.day, "1" + note.at,
          "- \(note.day) note\(about): \(ExportEscaping.markdown(note.text, continuationIndent: "  "))"
        ))
    }
    guard !entries.isEmpty else { return lines + ["None in this range.", ""] }
    entries.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    lines += entries.map(\.2)
    lines.append("")
    return lines
  }
}
