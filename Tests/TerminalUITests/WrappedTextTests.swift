import Testing

@testable import TerminalUI

@Suite struct WrappedTextTests {
  @Test func wrapsAtWordBoundaries() {
    #expect(
      WrappedText.lines("Stop if pain rises above five out of ten", width: 12)
        == ["Stop if pain", "rises above", "five out of", "ten"])
  }

  @Test func neverBreaksBeforeAPercentSignOrInsideADose() {
    #expect(
      WrappedText.lines("needs at least 70 % of it", width: 16)
        == ["needs at least", "70 % of it"])
    #expect(WrappedText.lines("done 3 × 12 today", width: 8) == ["done", "3 × 12", "today"])
  }

  @Test func keepsParagraphBreaks() {
    #expect(WrappedText.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
  }

  @Test func splitsWordsLongerThanTheWidth() {
    #expect(WrappedText.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
  }

  @Test func measuresWideCharactersByColumns() {
    #expect(WrappedText.lines("膝膝膝 痛み", width: 6) == ["膝膝膝", "痛み"])
    #expect(WrappedText.lines("膝膝膝", width: 5) == ["膝膝", "膝"])
  }

  @Test func renderCutsTheLastLineWithAnEllipsis() {
    let text = WrappedText("one two three four five six")
    let buffer = rendered(width: 9, height: 2) { text.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["one two", "three…"])
  }

  @Test func controlCharactersAreSanitized() {
    #expect(WrappedText.lines("a\u{1B}[1m b", width: 10) == ["a\u{FFFD}[1m b"])
  }
}
