import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
  @Test func asciiIsOneColumnPerCharacter() {
    #expect(displayWidth(of: "hello") == 5)
    #expect(displayWidth(of: "") == 0)
  }

  @Test func accentsAreOneColumnPrecomposedOrCombining() {
    #expect(displayWidth(of: "é") == 1)
    #expect(displayWidth(of: "e\u{301}") == 1)
    #expect(displayWidth(of: "Genou gauche : flexion") == 22)
    #expect(displayWidth(of: "Übungen für Knöchel") == 19)
  }

  @Test func eastAsianWideCharactersAreTwoColumns() {
    #expect(displayWidth(of: "膝") == 2)
    #expect(displayWidth(of: "リハビリ") == 8)
    #expect(displayWidth(of: "재활") == 4)
    #expect(displayWidth(of: "ＡＢ") == 4)
  }

  @Test func emojiWithPicturePresentationAreTwoColumns() {
    #expect(displayWidth(of: "💪") == 2)
    #expect(displayWidth(of: "✅") == 2)
    #expect(displayWidth(of: "❤\u{FE0F}") == 2)
    #expect(displayWidth(of: "👍🏽") == 2)
  }

  @Test func textPresentationSymbolsStayOneColumn() {
    #expect(displayWidth(of: "❤") == 1)
    #expect(displayWidth(of: "✓") == 1)
    #expect(displayWidth(of: "█▏…─") == 4)
  }

  @Test func invisibleScalarsTakeNoColumn() {
    #expect(displayWidth(of: "\u{200D}") == 0)
    #expect(displayWidth(of: "\u{301}") == 0)
    #expect(displayWidth(of: "\u{1B}") == 0)
    #expect(displayWidth(of: "a\u{200B}b") == 2)
  }

  @Test func truncationEndsWithEllipsisWithinTheWidth() {
    #expect(DisplayWidth.truncated("Quadriceps sets", to: 8) == "Quadric…")
    #expect(DisplayWidth.truncated("short", to: 8) == "short")
    #expect(DisplayWidth.truncated("exactly8", to: 8) == "exactly8")
    #expect(DisplayWidth.truncated("abc", to: 1) == "…")
    #expect(DisplayWidth.truncated("abc", to: 0) == "")
  }

  @Test func truncationNeverSplitsAWideCharacter() {
    // 膝膝膝 is 6 columns; at 4, one 膝 (2) + … (1) fits, a second 膝 would need 5.
    let cut = DisplayWidth.truncated("膝膝膝", to: 4)
    #expect(cut == "膝…")
    #expect(displayWidth(of: cut) <= 4)
  }

  @Test func paddingReachesTheExactWidthForEveryAlignment() {
    #expect(DisplayWidth.padded("ab", to: 5) == "ab   ")
    #expect(DisplayWidth.padded("ab", to: 5, alignment: .right) == "   ab")
    #expect(DisplayWidth.padded("ab", to: 5, alignment: .center) == " ab  ")
    #expect(DisplayWidth.padded("膝", to: 3) == "膝 ")
    #expect(DisplayWidth.padded("toolong", to: 4) == "too…")
  }
}

/// The width of a text is the sum of its characters' widths, whether or not it takes the
/// printable-ASCII shortcut: every ASCII byte, alone and among wide and combining text.
@Suite("text width")
struct TextWidthTests {
  @Test func aTextIsAsWideAsItsCharacters() {
    let pieces =
      (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + [
        "é", "e\u{301}", "界", "💪🏽", "❤\u{FE0F}", "\u{200B}", "\r\n", "\u{1B}[31m", "3 × 12",
      ]
    for first in pieces {
      for second in ["", "a", "界", "\u{0}", " x"] {
        let text = first + second
        #expect(
          DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) },
          "\(text.debugDescription)")
      }
    }
    #expect(DisplayWidth.of("Heel raises 3 × 12") == 18)
    #expect(DisplayWidth.of("plain ASCII, 70 %") == 17)
  }
}
