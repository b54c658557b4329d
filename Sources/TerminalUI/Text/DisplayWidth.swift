/// Columns a piece of text occupies on a terminal, computed per grapheme in pure Swift so layout
/// is deterministic and independent of the locale (unlike `wcwidth`).
///
/// A grapheme is 0 columns when it has no visible base (a lone combining mark, a zero-width
/// joiner, a control character), 2 when its base is East Asian Wide/Fullwidth or an emoji shown
/// as a picture, and 1 otherwise.
public enum DisplayWidth {
  public static let ellipsis = "…"

  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first, !TerminalText.isControl(first) else { return 0 }
    guard let base = scalars.first(where: { !isZeroWidth($0) }) else { return 0 }
    if isWide(base) || base.properties.isEmojiPresentation { return 2 }
    // VS16 asks for the picture form of a text-default emoji such as ❤.
    if base.properties.isEmoji && scalars.contains(variationSelector16) { return 2 }
    return 1
  }

  public static func of(_ text: String) -> Int {
    // Printable ASCII is a column a byte, without asking Unicode's tables (most text is).
    let utf8 = text.utf8
    if utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return utf8.count }
    return text.reduce(0) { $0 + of($1) }
  }

  /// The longest prefix of `text` that fits in `width` columns, without any ellipsis, and its
  /// width. A wide grapheme that would straddle the limit is left out.
  public static func prefix(of text: String, fitting width: Int) -> (text: String, width: Int) {
    var used = 0
    var result = ""
    for character in text {
      let columns = of(character)
      if used + columns > width { break }
      used += columns
      result.append(character)
    }
    return (result, used)
  }

  /// `text` unchanged when it fits in `width` columns, otherwise cut and ended with `ellipsis`
  /// so the result is at most `width` columns.
  public static func truncated(_ text: String, to width: Int, ellipsis: String = ellipsis)
    -> String
  {
    guard width > 0 else { return "" }
    if of(text) <= width { return text }
    let ellipsisWidth = of(ellipsis)
    guard ellipsisWidth <= width else { return prefix(of: ellipsis, fitting: width).text }
    var kept = prefix(of: text, fitting: width - ellipsisWidth).text
    // "Straight…" reads better than "Straight …".
    while kept.last?.isWhitespace == true { kept.removeLast() }
    return kept + ellipsis
  }

  /// `text` truncated (with an ellipsis) or padded with spaces to exactly `width` columns.
  public static func padded(
    _ text: String, to width: Int, alignment: TextAlignment = .left, ellipsis: String = ellipsis
  ) -> String {
    let fitted = truncated(text, to: width, ellipsis: ellipsis)
    let gap = max(0, width - of(fitted))
    switch alignment {
    case .left:
      return fitted + String(repeating: " ", count: gap)
    case .right:
      return String(repeating: " ", count: gap) + fitted
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + fitted
        + String(repeating: " ", count: gap - left)
    }
  }

  private static let variationSelector16: Unicode.Scalar = "\u{FE0F}"

  /// Scalars that never take a column of their own: combining and enclosing marks, format
  /// characters (ZWJ, ZWSP, soft hyphen), variation selectors and Hangul medial/final jamo,
  /// which join the preceding syllable.
  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format:
      return true
    default:
      break
    }
    let value = scalar.value
    return (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
      || (0x1160...0x11FF).contains(value)
  }

  /// East Asian Wide and Fullwidth ranges (Unicode 15, EastAsianWidth.txt, folded into blocks).
  /// Emoji are handled by their Emoji_Presentation property instead.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
    0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
    0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    guard value >= 0x1100 else { return false }
    return wideRanges.contains { $0.contains(value) }
  }
}

/// Columns `text` occupies on a terminal; see `DisplayWidth`.
public func displayWidth(of text: String) -> Int {
  DisplayWidth.of(text)
}

/// Columns `character` occupies on a terminal; see `DisplayWidth`.
public func displayWidth(of character: Character) -> Int {
  DisplayWidth.of(character)
}
