import RehabTestSupport
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
