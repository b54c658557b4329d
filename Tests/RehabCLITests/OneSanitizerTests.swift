import RehabCore
import TerminalUI
import Testing

/// `TerminalUI` (which knows no rehab module) keeps its own copy of the rule for the app's
/// cells; it must be `TextSanitizer`'s exactly, so every output follows one rule.
@Suite("One sanitiser")
struct OneSanitizerTests {
  @Test("TerminalText and TextSanitizer agree on every scalar and every line")
  func terminalTextIsTheSameRule() {
    var scalars = String.UnicodeScalarView()
    for value in UInt32(0)...0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(TerminalText.isControl(scalar) == TextSanitizer.isControl(scalar))
      scalars.append(scalar)
    }
    let everything = String(scalars)
    #expect(TerminalText.sanitized(everything) == TextSanitizer.terminalLine(everything))
    #expect(TerminalText.placeholder == TextSanitizer.placeholder)
  }
}
