/// The summary as one self-contained HTML file: no external assets, no scripts (a Content
/// Security Policy forbids them too), print-friendly CSS, and inline SVG charts of weekly
/// adherence and of each measure with its MCID band, left against right. Every user text is
/// HTML-escaped; the markup is well formed (every element closed, void elements self-closed).
public enum HTMLExport {
  public static func render(_ summary: ExportSummary) -> String {
    let programme = summary.programme
    let title = "Rehab progress summary: \(programme.plan.title)"
    var html = HTMLBuilder()
    head(title: title, into: &html)

    html.raw("<header>\n")
    html.element("h1", text: title)
    html.element("p", text: SafetyText.disclaimer, attributes: ["class": "disclaimer"])
    facts(summary, into: &html)
    html.raw("</header>\n")

    sections(summary, into: &html)
    redFlags(into: &html)

    footer(into: &html)
    return html.text
  }

  /// What the abbreviations mean and the disclaimer, then the end of the document.
  static func footer(into html: inout HTMLBuilder) {
    html.raw("<footer>\n")
    html.element(
      "p",
      text:
        "Adherence is self-reported. MDC: smallest real change; MCID: smallest change that matters; the shaded band is the baseline ± MCID. LSI: affected ÷ unaffected × 100."
    )
    html.element("p", text: SafetyText.disclaimer, attributes: ["class": "disclaimer"])
    html.raw("</footer>\n</body>\n</html>\n")
  }

  /// The document up to `<body>`: the policy that forbids scripts, the title, the stylesheet
  /// (one page for one programme or several).
  static func head(title: String, into html: inout HTMLBuilder) {
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
    html.raw(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n"
    )
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
    html.element("title", text: title)
    html.raw("\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n")
  }

  /// The programme, its dates and side, and what the summary covers, as a definition list.
  static func facts(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    let programme = summary.programme
    html.raw("<dl>\n")
    html.term(
      "Programme", "\(programme.plan.title) (\(programme.plan.id)), \(programme.weeks) weeks")
    html.term("Dates", "\(programme.start) to \(programme.end)")
    html.term("Affected side", programme.affectedSide.rawValue)
    html.term("This summary covers", ExportFormatting.range(summary.from, summary.to))
    html.term("Exported for", summary.asOf.description)
    html.raw("</dl>\n")
  }

  /// The sections of one programme's summary, in reading order.
  static func sections(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    prescribed(summary, into: &html)
    adherence(summary, into: &html)
    measures(summary, into: &html)
    painLog(summary, into: &html)
    doseHistory(summary, into: &html)
    flags(summary, into: &html)
    diary(summary, into: &html)
    painAppendix(summary, into: &html)
  }

  static let stylesheet = """
    body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; max-width: 52em; margin: 1.5em auto; padding: 0 1em; }
    h1 { font-size: 1.5em; margin: 0 0 .3em; }
    h2 { font-size: 1.15em; border-bottom: 1px solid #999; margin-top: 1.4em; }
    h3 { font-size: 1em; margin: 1em 0 .2em; }
    dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    table { border-collapse: collapse; margin: .5em 0; }
    th, td { border: 1px solid #bbb; padding: .15em .5em; text-align: left; vertical-align: top; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    .disclaimer { font-style: italic; }
    .low { color: #a40; font-weight: 600; }
    figure { margin: .8em 0; }
    figcaption { font-size: .9em; color: #333; }
    svg.chart { display: block; max-width: 100%; height: auto; margin: .4em 0; background: #fff; }
    svg text { font: 11px system-ui, sans-serif; fill: #222; }
    svg text.axis-label { font-weight: 600; }
    svg .halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    .bar { fill: #3b7d4f; }
    .bar.low { fill: #d9822b; stroke: #6b3000; stroke-width: 1.5; stroke-dasharray: 3 2; }
    .threshold { stroke: #a40; stroke-width: 1.5; stroke-dasharray: 4 3; fill: none; }
    svg text.threshold-label { fill: #a40; font-weight: 600; }
    .axis { stroke: #555; fill: none; }
    .grid { stroke: #ddd; stroke-width: 1; fill: none; }
    .band { fill: #cfe3f7; stroke: none; }
    svg text.band-label { fill: #1d4e80; }
    .line { fill: none; stroke-width: 2; stroke-linejoin: round; }
    .line.left { stroke: #1f5fa8; }
    .line.right { stroke: #b03a2e; stroke-dasharray: 6 4; }
    .line.single { stroke: #333; }
    .point.left { fill: #1f5fa8; stroke: #fff; stroke-width: 1; }
    .point.right { fill: #fff; stroke: #b03a2e; stroke-width: 2; }
    .point.single { fill: #333; stroke: #fff; stroke-width: 1; }
    ul.diary li { margin: .2em 0; }
    @page { margin: 15mm 15mm 15mm 15mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      figure, table, svg { break-inside: avoid; page-break-inside: avoid; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      figure, svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      svg.chart { width: 100%; max-width: 640px; }
      a { color: inherit; text-decoration: none; }
    }

    """

  // MARK: Sections

  static func adherence(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    let adherence = summary.adherence
    html.raw("<section id=\"adherence\">\n")
    html.element("h2", text: "Adherence (self-reported)")
    guard !adherence.weeks.isEmpty || adherence.overall.scheduled > 0 else {
      html.element("p", text: "No scheduled items in this range.")
      html.raw("</section>\n")
      return
    }
    let overall = adherence.overall
    html.element(
      "p",
      text:
        "Overall \(ExportFormatting.percent(overall.ratio, threshold: adherence.lowThreshold)) (\(overall.done) of \(overall.scheduled) items done). Below \(ExportFormatting.percent(adherence.lowThreshold)) a week is an insufficient dose, not a failed treatment (R-ADH-LOW)."
    )
    if !adherence.weeks.isEmpty {
      html.raw("<figure>\n")
      html.raw(SVGCharts.weeklyAdherence(adherence))
      html.element(
        "figcaption",
        text:
          "Weekly adherence: orange bars with a dotted outline are weeks below \(ExportFormatting.percent(adherence.lowThreshold)), the dashed line."
      )
      html.raw("</figure>\n")
      html.table(
        headers: ["Week", "Days", "Done", "Scheduled", "Adherence", ""],
        numeric: [0, 2, 3, 4],
        rows: adherence.weeks.map { week in
          [
            String(week.programmeWeek), "\(week.firstDay) to \(week.lastDay)",
            String(week.figure.done), String(week.figure.scheduled),
            ExportFormatting.percent(week.figure.ratio, threshold: adherence.lowThreshold),
            week.isInsufficient ? "insufficient dose" : "",
          ]
        })
    }
    if !adherence.treatments.isEmpty {
      html.element("h3", text: "By treatment")
      html.table(
        headers: ["Treatment", "Kind", "Done", "Scheduled", "Adherence"], numeric: [2, 3, 4],
        rows: adherence.treatments.map { treatment in
          [
            treatment.name, treatment.kind.rawValue, String(treatment.figure.done),
            String(treatment.figure.scheduled), ExportFormatting.percent(treatment.figure.ratio),
          ]
        })
    }
    html.raw("</section>\n")
  }

  static func measures(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    html.raw("<section id=\"measures\">\n")
    html.element("h2", text: "Measures")
    let recorded = summary.measures.filter { !$0.points.isEmpty }
    guard !recorded.isEmpty else {
      html.element("p", text: "No check-ins in this range.")
      html.raw("</section>\n")
      return
    }
    var rows: [[String]] = []
    for measure in recorded {
      let sides: [Side?] = measure.measure.isSided ? [.left, .right] : [nil]
      for side in sides {
        let baseline = measure.baseline.flatMap { MeasureSummary.number($0.value, side: side) }
        let latest = measure.latest.flatMap { MeasureSummary.number($0.value, side: side) }
        var latestText = latest.map(ExportFormatting.number) ?? "–"
        if side == nil, let mean = measure.latestJudged(), let raw = latest, mean != raw {
          latestText =
            "\(ExportFormatting.number(mean)) (2-week mean; last check-in \(ExportFormatting.number(raw)))"
        }
        rows.append([
          measure.measure.title + (side.map { " (\($0.rawValue))" } ?? ""),
          baseline.map(ExportFormatting.number) ?? "–",
          latestText,
          measure.change(side: side).map(ExportFormatting.signed) ?? "–",
          FlagText.number(measure.measure.mdc, decimals: 2),
          FlagText.number(measure.mcid(side: side), decimals: 2),
          measure.verdict(side: side)?.rawValue ?? "one check-in so far",
        ])
      }
    }
    html.table(
      headers: ["Measure", "Baseline", "Latest", "Change", "MDC", "MCID", "Judged"],
      numeric: [1, 2, 3, 4, 5], rows: rows)
    if recorded.contains(where: { $0.measure == .pain }) {
      html.element(
        "p", text: "Pain is judged on its 2-week rolling mean (R-M-PAIN), as the flags judge it.")
    }

    let sided = recorded.filter { $0.measure.isSided }
    if !sided.isEmpty {
      html.element("h3", text: "Left and right (limb symmetry, R-LSI)")
      html.table(
        headers: ["Measure", "Left", "Right", "LSI baseline", "LSI latest"], numeric: [3, 4],
        rows: sided.map { measure in
          func sideText(_ side: Side) -> String {
            [measure.baseline, measure.latest].compactMap { point in
              point.flatMap { MeasureSummary.number($0.value, side: side) }
            }.map(ExportFormatting.number).joined(separator: " → ")
          }
          let lsi = [measure.baseline, measure.latest].map { point -> String in
            guard let point, let index = measure.symmetryIndex(at: point) else { return "–" }
            return ExportFormatting.number(index) + " %"
          }
          return [measure.measure.title, sideText(.left), sideText(.right), lsi[0], lsi[1]]
        })
      html.element(
        "p",
        text:
          "\(LimbSymmetry.convention). Absolute values matter too: the unaffected side can weaken as well."
      )
    }
    for measure in recorded {
      html.raw("<figure>\n")
      html.raw(SVGCharts.measure(measure))
      html.element(
        "figcaption",
        text:
          "\(measure.measure.title): shaded band = baseline ± MCID (\(ExportFormatting.number(measure.mcid(side: measure.measure.isSided ? bandSide(measure) : nil))))\(measure.measure.isSided ? "; solid line and dots = left, dashed line and squares = right" : "")"
      )
      html.raw("</figure>\n")
    }
    html.raw("</section>\n")
  }

  /// The side whose baseline the MCID band surrounds: the affected one (left when both).
  static func painLog(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    html.raw("<section id=\"pain\">\n")
    html.element("h2", text: "Pain log")
    if summary.painLog.isEmpty {
      html.element("p", text: "No pain logged in this range.")
    } else if summary.painLog.count > ExportClinicalText.painLogLimit {
      html.element(
        "p",
        text:
          "\(summary.painLog.count) entries, by programme week (every entry is listed at the end):")
      html.table(
        headers: ExportClinicalText.weekHeaders, numeric: [1, 2, 3, 4],
        rows: ExportClinicalText.weekRows(summary.painLog, programme: summary.programme))
    } else {
      html.table(
        headers: ExportClinicalText.painHeaders, numeric: [1],
        rows: summary.painLog.map(ExportClinicalText.painRow))
    }
    html.raw("</section>\n")
  }

  static func painAppendix(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    guard summary.painLog.count > ExportClinicalText.painLogLimit else { return }
    html.raw("<section id=\"pain-appendix\">\n")
    html.element("h2", text: "Appendix: every pain entry")
    html.table(
      headers: ExportClinicalText.painHeaders, numeric: [1],
      rows: summary.painLog.map(ExportClinicalText.painRow))
    html.raw("</section>\n")
  }

  static func doseHistory(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    html.raw("<section id=\"doses\">\n")
    html.element("h2", text: "Dose history")
    for history in summary.doseHistory {
      html.element("h3", text: history.name)
      html.raw("<ul>\n")
      for line in ExportClinicalText.doseLines(history) { html.element("li", text: line) }
      html.raw("</ul>\n")
    }
    html.raw("</section>\n")
  }

  static func bandSide(_ measure: MeasureSummary) -> Side {
    measure.affectedSide == .right ? .right : .left
  }

  /// The programme as prescribed: each treatment with what the patient was told.
  static func prescribed(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    html.raw("<section id=\"programme\">\n")
    html.element("h2", text: "Programme")
    for entry in summary.prescribed {
      html.element("h3", text: entry.treatment.name)
      html.raw("<dl>\n")
      for (name, value) in ExportProgrammeText.facts(entry, summary: summary) {
        html.term(name, value)
      }
      html.raw("</dl>\n")
      html.element("p", text: entry.treatment.instructions)
    }
    let revisions = ExportProgrammeText.revisions(summary)
    if !revisions.isEmpty {
      html.element("h3", text: "Revisions")
      html.raw("<ul class=\"revisions\">\n")
      for (day, change, note) in revisions {
        html.element("li", text: "\(day): \(change)\(note.map { " — \($0)" } ?? "")")
      }
      html.raw("</ul>\n")
    }
    html.raw("</section>\n")
  }

  static func flags(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    html.raw("<section id=\"flags\">\n")
    html.element("h2", text: "Flags as of \(summary.asOf)")
    guard !summary.flags.isEmpty else {
      html.element("p", text: "No flags.")
      html.raw("</section>\n")
      return
    }
    html.raw("<ul>\n")
    for flag in summary.flags {
      html.raw("<li><strong>")
      html.text(flag.title)
      html.raw("</strong> (")
      html.text("\(flag.id), \(flag.rule)" + (flag.since.map { ", since \($0)" } ?? ""))
      html.raw("): ")
      html.text(flag.message)
      if !flag.evidence.isEmpty {
        html.raw("<br/><small>Evidence: ")
        html.text(flag.evidence.map { "\($0.name) = \($0.value)" }.joined(separator: "; "))
        html.raw("</small>")
      }
      html.raw("</li>\n")
    }
    html.raw("</ul>\n")
    html.raw("</section>\n")
  }

  /// The red flags the patient is shown, complete (`SafetyText`).
  static func redFlags(into html: inout HTMLBuilder) {
    html.raw("<section id=\"red-flags\">\n")
    html.element("h2", text: "Red flags (as shown to the patient)")
    html.element("p", text: SafetyText.redFlagsHeading)
    html.raw("<ul>\n")
    for flag in SafetyText.redFlags { html.element("li", text: flag) }
    html.raw("</ul>\n")
    for caution in SafetyText.redFlagCautions { html.element("p", text: caution) }
    html.raw("</section>\n")
  }

  static func diary(_ summary: ExportSummary, into html: inout HTMLBuilder) {
    html.raw("<section id=\"diary\">\n")
    html.element("h2", text: "Skipped items and notes")
    var entries: [(CalendarDay, String, String)] = []
    for item in summary.skipped {
      var line = "<li>\(item.day) skipped <strong>\(ExportEscaping.html(item.title))</strong>"
      if let reason = item.reason { line += ": " + ExportEscaping.htmlLines(reason) }
      entries.append((item.day, "0" + item.id, line + "</li>\n"))
    }
    for note in summary.notes {
      var line = "<li>\(note.day) note"
      if let itemId = note.itemId { line += " on <code>\(ExportEscaping.html(itemId))</code>" }
      line += ": <q>\(ExportEscaping.htmlLines(note.text))</q></li>\n"
      entries.append((note.day, "1" + note.at, line))
    }
    if entries.isEmpty {
      html.element("p", text: "None in this range.")
    } else {
      entries.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      html.raw("<ul class=\"diary\">\n")
      for entry in entries { html.raw(entry.2) }
      html.raw("</ul>\n")
    }
    html.raw("</section>\n")
  }
}

/// Appends escaped text and well-formed elements.
struct HTMLBuilder {
  var text = ""

  mutating func raw(_ markup: String) { text += markup }

  mutating func text(_ content: String) { text += ExportEscaping.html(content) }

  mutating func element(_ name: String, text content: String, attributes: [String: String] = [:]) {
    text += "<\(name)"
    for key in attributes.keys.sorted() {
      text += " \(key)=\"\(ExportEscaping.html(attributes[key] ?? ""))\""
    }
    text += ">\(ExportEscaping.htmlLines(content))</\(name)>\n"
  }

  mutating func term(_ name: String, _ value: String) {
    text += "<dt>\(ExportEscaping.html(name))</dt><dd>\(ExportEscaping.htmlLines(value))</dd>\n"
  }

  mutating func table(headers: [String], numeric: Set<Int>, rows: [[String]]) {
    text += "<table>\n<thead><tr>"
    for header in headers { text += "<th>\(ExportEscaping.html(header))</th>" }
    text += "</tr></thead>\n<tbody>\n"
    for row in rows {
      text += "<tr>"
      for (index, cell) in row.enumerated() {
        let open = numeric.contains(index) ? "<td class=\"n\">" : "<td>"
        text += "\(open)\(ExportEscaping.htmlLines(cell))</td>"
      }
      text += "</tr>\n"
    }
    text += "</tbody>\n</table>\n"
  }
}
