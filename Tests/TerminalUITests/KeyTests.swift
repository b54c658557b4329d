import Testing

@testable import TerminalUI

@Suite struct KeyTests {
  @Test(arguments: [
    (Key.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"), (.character(" "), "space"),
    (.character("q"), "q"), (.enter, "Enter"), (.escape, "Esc"), (.control("c"), "Ctrl-C"),
    (.function(2), "F2"), (.pageDown, "PgDn"), (.backTab, "Shift-Tab"),
  ])
  func labelsReadAsHelpText(key: Key, label: String) {
    #expect(key.label == label)
  }

  @Test func asciiLabelsSpellOutArrows() {
    #expect(Key.up.label(unicode: false) == "Up")
    #expect(Key.character("x").label(unicode: false) == "x")
  }

  @Test func labelOfAControlCharacterIsSanitized() {
    #expect(Key.character("\u{1B}").label == "\u{FFFD}")
  }
}
