import Foundation
import Testing

@testable import RehabCore
@testable import RehabStore

/// The Markdown and HTML summaries open with the programme as prescribed, so the clinician sees
/// what the patient was told.
@Suite("Export: the programme as prescribed")
struct ExportProgrammeTests {
  /// The fixture's summary with the heel raises' instructions and load replaced by hostile text.
  static func hostileSummary() throws -> ExportSummary {
    var summary = try ExportFixture.summary()
    guard
      let index = summary.programme.plan.treatments.firstIndex(where: { $0.id == "heel-raises" })
    else { return summary }
    summary.programme.plan.treatments[index].instructions = ExportFixture.hostileNote
    summary.programme.plan.treatments[index].dose = .setsReps(
      sets: 3, reps: 10, load: ExportFixture.hostileReason)
    summary.prescribed[index].treatment = summary.programme.plan.treatments[index]
    return summary
  }

  @Test func everyTreatmentIsListedWithItsInstructionsScheduleAndDose() throws {
    let summary = try ExportFixture.summary()
    #expect(summary.prescribed.map(\.treatment.id) == summary.programme.plan.treatments.map(\.id))
    let markdown = MarkdownExport.render(summary)
    let html = HTMLExport.render(summary)
    #expect(markdown.contains("## Programme"))
    #expect(html.contains("<h2>Programme</h2>"))
    for treatment in summary.programme.plan.treatments {
      #expect(markdown.contains("### \(ExportEscaping.markdown(treatment.name))"))
      #expect(markdown.contains(ExportEscaping.markdown(treatment.instructions)))
      #expect(html.contains("<h3>\(ExportEscaping.html(treatment.name))</h3>"))
      #expect(html.contains("<p>\(ExportEscaping.htmlLines(treatment.instructions))</p>"))
    }
    #expect(markdown.contains("- **Schedule:** daily"))
    #expect(markdown.contains("- **Schedule:** 3 days a week"))
    #expect(markdown.contains("- **Side:** left and right"))
    // The export day (2026-12-16) is in programme week 3: two steps above 3 × 10.
    #expect(markdown.contains("- **Dose as of 2026-12-16:** 3 × 14 (programme week 3)"))
    #expect(html.contains("<dt>Dose as of 2026-12-16</dt>"))
    _ = try HTMLShape.check(html)
  }

  @Test func programmeTextStaysEscaped() throws {
    let summary = try Self.hostileSummary()
    let markdown = MarkdownExport.render(summary)
    #expect(
      markdown.contains(ExportEscaping.markdown(ExportFixture.hostileNote, continuationIndent: "")))
    #expect(!markdown.contains("<script>"))
    #expect(!markdown.contains("<b>tired</b>"))
    let html = HTMLExport.render(summary)
    #expect(html.contains("<p>\(ExportEscaping.htmlLines(ExportFixture.hostileNote))</p>"))
    #expect(html.contains("<dd>\(ExportEscaping.htmlLines(ExportFixture.hostileReason))</dd>"))
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>tired</b>"))
    _ = try HTMLShape.check(html)
  }
}
