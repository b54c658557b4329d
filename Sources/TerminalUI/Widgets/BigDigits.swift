/// Digits five rows tall, for a timer readable from across the room: `0`–`9`, `:`, `/` and a
/// space. Unicode blocks, or `#` on a terminal without UTF-8; other characters are left out.
public struct BigDigits: Hashable, Sendable {
  public static let height = 5

  public var text: String
  public var unicode: Bool

  public init(_ text: String, unicode: Bool) {
    self.text = text
    self.unicode = unicode
  }

  /// Each glyph as five rows of three columns; `#` marks a filled cell.
  private static let glyphs: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"],
    "1": ["  #", "  #", "  #", "  #", "  #"],
    "2": ["###", "  #", "###", "#  ", "###"],
    "3": ["###", "  #", "###", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"],
    "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"],
    "7": ["###", "  #", "  #", "  #", "  #"],
    "8": ["###", "# #", "###", "# #", "###"],
    "9": ["###", "# #", "###", "  #", "###"],
    ":": [" ", "#", " ", "#", " "],
    "/": ["  #", "  #", " # ", "#  ", "#  "],
    " ": ["  ", "  ", "  ", "  ", "  "],
  ]

  /// The five rows, glyphs one column apart.
  public var lines: [String] {
    let fill = unicode ? "█" : "#"
    let shown = text.compactMap { BigDigits.glyphs[$0] }
    return (0..<BigDigits.height).map { row in
      shown.map { $0[row] }.joined(separator: " ").replacingEvery("#", with: fill)
    }
  }

  /// Columns the rows take.
  public var width: Int { lines.first.map(DisplayWidth.of) ?? 0 }

  /// Draws the rows centred in `rect` (cut where it is too small).
  public func render(into buffer: inout ScreenBuffer, in rect: Rect, style: Style = .plain) {
    let rows = lines
    let top = rect.y + max(0, (rect.height - rows.count) / 2)
    let left = rect.x + max(0, (rect.width - width) / 2)
    for (index, row) in rows.enumerated() where top + index < rect.maxY {
      buffer.put(row, at: Point(x: left, y: top + index), style: style, maxWidth: rect.maxX - left)
    }
  }
}

extension String {
  fileprivate func replacingEvery(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self { out += character == target ? replacement : String(character) }
    return out
  }
}
