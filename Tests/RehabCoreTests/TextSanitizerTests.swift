import Foundation
import RehabCore
import Testing
import TextSafety

/// The one rule for text leaving rehabit (`TextSanitizer`).
@Suite("Text sanitiser")
struct TextSanitizerTests {
  static let hostile =
    "a\u{1B}[2J\u{1B}]52;c;aGk=\u{07} b\u{9B}31m c\u{202E}d\u{2066}e\u{7F}f\u{2028}g"

  @Test("a terminal line keeps text, shows every control as the placeholder, breaks as spaces")
  func terminalLine() {
    #expect(
      TextSanitizer.terminalLine(Self.hostile)
        == "a\u{FFFD}[2J\u{FFFD}]52;c;aGk=\u{FFFD} b\u{FFFD}31m c\u{FFFD}d\u{FFFD}e\u{FFFD}f g")
    #expect(TextSanitizer.terminalLine("plain 🦶🏽 text") == "plain 🦶🏽 text")
    #expect(TextSanitizer.terminalLine("one\r\ntwo\tthree") == "one  two three")
  }

  @Test("every scalar a terminal acts on or that reorders text counts as a control")
  func classification() {
    for value in UInt32(0)...0x2100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected =
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value)
      #expect(TextSanitizer.isControl(scalar) == expected, "U+\(String(value, radix: 16))")
    }
  }

  @Test("JSON: DEL, C1, bidi and line separators become \\u escapes and read back the same")
  func jsonEscapes() throws {
    let encoded = try JSONCoding.encode(["text": Self.hostile])
    let text = String(decoding: encoded, as: UTF8.self)
    for escape in ["\\u001b", "\\u009b", "\\u202e", "\\u2066", "\\u007f", "\\u2028", "\\u0007"] {
      #expect(text.contains(escape), "\(escape) in \(text)")
    }
    for scalar in text.unicodeScalars where scalar != "\n" {
      #expect(!TextSanitizer.isControl(scalar))
    }
    let decoded = try JSONDecoder().decode([String: String].self, from: Data(encoded))
    #expect(decoded["text"] == Self.hostile)
  }

  @Test("JSON escaping leaves text without controls byte-identical, emoji and accents included")
  func jsonUntouched() {
    let bytes = Array("{\"a\": \"Zürich 🦶🏽 — ok\"}".utf8)
    #expect(TextSanitizer.escapingJSONControls(bytes) == bytes)
  }

  @Test("CSV: controls replaced, formula neutralised, a lone CR written as LF")
  func csv() {
    let field = ExportEscaping.csvText("=\u{1B}[31mred\rline")
    #expect(field == "\"'=\u{FFFD}[31mred\nline\"")
    #expect(ExportEscaping.csvQuoted("x\u{9B}y") == "x\u{FFFD}y")
  }

  @Test("Markdown, HTML and iCalendar text replace every control visibly")
  func otherFormats() {
    for rendered in [
      ExportEscaping.markdown(Self.hostile), ExportEscaping.markdownCell(Self.hostile),
      ExportEscaping.html(Self.hostile), ExportEscaping.icsText(Self.hostile),
    ] {
      #expect(rendered.unicodeScalars.allSatisfy { !TextSanitizer.isControl($0) || $0 == "\n" })
      #expect(rendered.contains("\u{FFFD}"))
    }
  }
}
