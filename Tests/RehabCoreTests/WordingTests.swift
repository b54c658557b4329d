import Testing

@testable import RehabCore

/// The one presentation vocabulary every front end and export shares.
@Suite("Wording")
struct WordingTests {
  @Test("a percentage keeps its side of the threshold and is never 100 while something is undone")
  func percent() {
    #expect(FlagText.percent(0.696, threshold: 0.7) == "69.6 %")
    #expect(FlagText.percent(0.7, threshold: 0.7) == "70 %")
    #expect(FlagText.percent(0.696) == "70 %")
    #expect(FlagText.percent(0.996) == "99.6 %")
    #expect(FlagText.percent(0.9999) == "99.99 %")
    #expect(FlagText.percent(1) == "100 %")
    #expect(FlagText.percent(0.6, compact: true) == "60%")
    #expect(FlagText.percent(0, threshold: 0.7) == "0 %")
  }

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

  @Test("every outcome has its own glyph, and the legend names each")
  func outcomeGlyphs() {
    for unicode in [true, false] {
      let glyphs = ItemOutcome.allCases.map { OutcomeGlyphs.glyph($0, unicode: unicode) }
      #expect(Set(glyphs).count == ItemOutcome.allCases.count)
      let legend = OutcomeGlyphs.legend(unicode: unicode)
      for outcome in ItemOutcome.allCases {
        #expect(legend.contains(OutcomeGlyphs.glyph(outcome, unicode: unicode) + " "))
      }
      if !unicode { #expect(legend.unicodeScalars.allSatisfy { $0.isASCII }) }
    }
    #expect(OutcomeGlyphs.legend(unicode: true).hasPrefix("✓ done  – skipped  ✗ missed"))
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

  @Test("the weekday names are the same three letters everywhere")
  func weekdayNames() {
    let monday = Fixtures.day("2026-11-30")
    #expect(
      (0..<7).map { monday.adding(days: $0).weekday.shortName } == [
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
      ])
    #expect(monday.labelWithWeekday == "Mon 2026-11-30")
  }

  @Test("measure footnotes explain only what the table shows")
  func measureNotes() {
    #expect(MeasureNotes.lines(for: [], affectedSide: .left) == [MeasureNotes.improved])
    #expect(MeasureNotes.symmetry(affectedSide: .both).contains("weaker ÷ stronger"))
    #expect(MeasureNotes.symmetry(affectedSide: .left).contains("affected (left)"))
  }
}
