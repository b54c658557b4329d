// The exports of several programmes (`--all-programmes`): one section per programme, oldest
// first, each with the sections of the one-programme summary, so a clinician reads each phase
// on its own terms (its own baseline, its own adherence) and nothing is compared across them.

/// "Programme 2 of 2: ACL early phase (acl-early), 2027-01-04 to 2027-02-28".
enum ProgrammeSectionTitle {
  static func text(_ summary: ExportSummary, index: Int, count: Int) -> String {
    let programme = summary.programme
    return
      "Programme \(index + 1) of \(count): \(programme.plan.title) (\(programme.plan.id)), \(programme.start) to \(programme.end)"
  }
}

extension MarkdownExport {
  /// One `##` section per programme; the one-programme sections one level down.
  public static func render(programmes summaries: [ExportSummary]) -> String {
    let md = ExportEscaping.markdown
    var lines: [String] = []
    lines.append("# Rehab progress summary: \(summaries.count) programmes")
    lines.append("")
    lines.append("*\(SafetyText.disclaimer)*")
    lines.append("")
    lines.append(
      "Each programme is summarised on its own: its measures are judged against its own baseline and never compared with another programme's."
    )
    lines.append("")
    for (index, summary) in summaries.enumerated() {
      lines.append(
        "- \(md(ProgrammeSectionTitle.text(summary, index: index, count: summaries.count), "  "))")
    }
    lines.append("")
    for (index, summary) in summaries.enumerated() {
      lines.append(
        "## \(ExportEscaping.markdownCell(ProgrammeSectionTitle.text(summary, index: index, count: summaries.count)))"
      )
      lines.append("")
      lines += facts(summary)
      // The one-programme headings (`## Adherence`) become `### Adherence` inside the section;
      // user text never starts a line with `#` (it is escaped), so only headings move.
      lines += sections(summary).map { $0.hasPrefix("#") ? "#" + $0 : $0 }
    }
    lines += redFlags()
    lines.append("---")
    lines.append("")
    lines.append(
      "Adherence is self-reported. MDC: smallest real change; MCID: smallest change that matters. LSI: affected ÷ unaffected side × 100."
    )
    lines.append("")
    lines.append(SafetyText.disclaimer)
    return lines.joined(separator: "\n") + "\n"
  }
}

extension HTMLExport {
  /// One `<section class="programme">` per programme in one self-contained page.
  public static func render(programmes summaries: [ExportSummary]) -> String {
    let title = "Rehab progress summary: \(summaries.count) programmes"
    var html = HTMLBuilder()
    head(title: title, into: &html)
    html.raw("<header>\n")
    html.element("h1", text: title)
    html.element("p", text: SafetyText.disclaimer, attributes: ["class": "disclaimer"])
    html.element(
      "p",
      text:
        "Each programme is summarised on its own: its measures are judged against its own baseline and never compared with another programme's."
    )
    html.raw("</header>\n")
    for (index, summary) in summaries.enumerated() {
      html.raw("<section class=\"programme\">\n")
      html.element(
        "h2", text: ProgrammeSectionTitle.text(summary, index: index, count: summaries.count))
      facts(summary, into: &html)
      sections(summary, into: &html)
      html.raw("</section>\n")
    }
    redFlags(into: &html)
    footer(into: &html)
    return html.text
  }
}

extension CSVExport {
  /// One table with a first column `programme` (`<start-day>-<template-id>`, as the folder
  /// names the programme's file), the rows of each programme in turn.
  public static func render(programmes summaries: [ExportSummary], table: ExportTable = .items)
    -> String
  {
    var out = ""
    for (index, summary) in summaries.enumerated() {
      let section = CSVSection.programme(
        "\(summary.programme.start)-\(summary.programme.plan.id)", first: index == 0)
      switch table {
      case .items: out += items(summary, section: section)
      case .checkins: out += checkins(summary, section: section)
      case .notes: out += notes(summary, section: section)
      }
    }
    return out
  }
}
