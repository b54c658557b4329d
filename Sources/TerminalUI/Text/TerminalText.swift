/// Makes arbitrary text (user notes, file contents, template names) safe to put on a terminal.
///
/// A terminal interprets C0/C1 control characters and escape sequences, and bidi overrides can
/// make text display in a misleading order; none of them may reach the screen from data.
public enum TerminalText {
  /// Shown in place of a removed control character, so the user can see something was there.
  public static let placeholder: Unicode.Scalar = "\u{FFFD}"

  /// `text` as one line: tabs, line and paragraph breaks become spaces, every other control
  /// character (C0 incl. ESC, DEL, C1, bidi embeddings/overrides/isolates) becomes `placeholder`.
  public static func sanitized(_ text: String) -> String {
    var needsWork = false
    for scalar in text.unicodeScalars where isControl(scalar) || isLineBreak(scalar) {
      needsWork = true
      break
    }
    guard needsWork else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isLineBreak(scalar) || scalar == "\t" {
        result.append(" ")
      } else if isControl(scalar) {
        result.append(placeholder)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Scalars that a terminal could act upon or that reorder text.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }

  private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
      || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\u{85}"
  }

  /// True when `character` is something a person typed as text (not a control key), so a text
  /// field may insert it.
  public static func isPrintable(_ character: Character) -> Bool {
    !character.unicodeScalars.contains { isControl($0) || isLineBreak($0) }
  }
}
