import Testing

@testable import TerminalUI

@Suite struct TerminalTextTests {
  @Test func escapeSequencesLoseTheirEscape() {
    let clean = TerminalText.sanitized("red \u{1B}[31mtext\u{1B}]0;title\u{07}")
    #expect(!clean.unicodeScalars.contains("\u{1B}"))
    #expect(!clean.unicodeScalars.contains("\u{07}"))
    #expect(clean == "red \u{FFFD}[31mtext\u{FFFD}]0;title\u{FFFD}")
  }

  @Test func c1ControlsAndDeleteAreReplaced() {
    let clean = TerminalText.sanitized("a\u{9B}2Jb\u{7F}c\u{90}")
    #expect(clean == "a\u{FFFD}2Jb\u{FFFD}c\u{FFFD}")
  }

  @Test func bidiOverridesAndIsolatesAreReplaced() {
    let all = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}"
    let clean = TerminalText.sanitized("x" + all + "y")
    #expect(clean == "x" + String(repeating: "\u{FFFD}", count: 9) + "y")
  }

  @Test func tabsAndLineBreaksBecomeSpaces() {
    #expect(TerminalText.sanitized("a\tb\nc\r\nd") == "a b c  d")
  }

  @Test func ordinaryTextIsUnchanged() {
    let text = "Genou 膝 💪 e\u{301} ok"
    #expect(TerminalText.sanitized(text) == text)
  }

  @Test func everySanitizedScalarIsSafe() {
    let hostile = String(String.UnicodeScalarView((0..<0xA0).compactMap(Unicode.Scalar.init)))
    let clean = TerminalText.sanitized(hostile)
    #expect(!clean.unicodeScalars.contains { TerminalText.isControl($0) })
  }

  @Test func printableMeansNoControlScalars() {
    #expect(TerminalText.isPrintable("é"))
    #expect(TerminalText.isPrintable("💪"))
    #expect(!TerminalText.isPrintable("\u{1B}"))
    #expect(!TerminalText.isPrintable("\n"))
  }
}
