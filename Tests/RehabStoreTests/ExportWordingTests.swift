import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// The shared wording as the exports use it.
@Suite("Export wording")
struct ExportWordingTests {
  @Test("the Markdown and HTML summaries never show a 69.6 % week as 70 % beside insufficient dose")
  func exportWeekKeepsItsSideOfTheThreshold() throws {
    var summary = try ExportFixture.summary()
    let threshold = summary.adherence.lowThreshold
    #expect(threshold == 0.7)
    summary.adherence.weeks[0].figure = AdherenceTally(scheduled: 250, done: 174, skipped: 10)
    summary.adherence.weeks[0].isInsufficient = true
    let markdown = MarkdownExport.render(summary)
    let row = try #require(
      markdown.split(separator: "\n").first {
        $0.hasPrefix("| \(summary.adherence.weeks[0].programmeWeek) |")
      })
    #expect(row.contains("69.6 %"))
    #expect(row.contains("insufficient dose"))
    #expect(!row.contains("| 70 %"))
    let html = HTMLExport.render(summary)
    #expect(html.contains("69.6 %"))
  }

  @Test("exports list a flag's evidence with the same lines as the CLI and the screens")
  func evidenceLinesAreShared() throws {
    let summary = try ExportFixture.summary(to: Fixtures.day("2026-12-16"))
    let history = ExportFixture.history
    let flags = FlagEngine(history: history, asOf: ExportFixture.asOf).flags
    for flag in flags {
      let exported = ExportFlag(flag)
      #expect(
        exported.evidence.map { "\($0.name): \($0.value)" } == flag.evidence.lines.map(\.text))
      #expect(!exported.message.contains("`"))
    }
    #expect(summary.flags.count == flags.count)
  }

}
