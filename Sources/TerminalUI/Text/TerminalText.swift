import TextSafety

/// Makes arbitrary text (user notes, file contents, template names) safe to put on a terminal.
///
/// A terminal interprets C0/C1 control characters and escape sequences, and bidi overrides can
/// make text display in a misleading order; none of them may reach the screen from data.
public enum TerminalText {
  /// Shown in place of a removed control character, so the user can see something was there.
  public static let placeholder: Unicode.Scalar = TextSanitizer.placeholder

  /// `text` as one line: tabs, line and paragraph breaks become spaces, every other control
  /// character (C0 incl. ESC, DEL, C1, bidi embeddings/overrides/isolates) becomes `placeholder`
  /// — `TextSanitizer`'s rule, the one every output of rehabit follows.
  public static func sanitized(_ text: String) -> String { TextSanitizer.terminalLine(text) }

  /// Scalars that a terminal could act upon or that reorder text.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    TextSanitizer.isControl(scalar)
  }

  /// True when `character` is something a person typed as text (not a control key), so a text
  /// field may insert it.
  public static func isPrintable(_ character: Character) -> Bool {
    !character.unicodeScalars.contains {
      TextSanitizer.isControl($0) || TextSanitizer.isLineBreak($0)
    }
  }
}
