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
