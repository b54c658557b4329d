/// Text word-wrapped to a width by display columns. Line breaks in the text start new lines;
/// a word longer than the width is split. Lines beyond the height are cut, the last shown line
/// ending in "…".
public struct WrappedText: Hashable, Sendable {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }

  /// The wrapped lines at `width` columns, each already sanitized.
  public static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    let paragraphs = text.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }
    return paragraphs.flatMap { wrap(TerminalText.sanitized(String($0)), width: width) }
  }

  public func lines(width: Int) -> [String] {
    Self.lines(text, width: width)
  }

  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    let all = lines(width: rect.width)
    for (index, (row, line)) in zip(rect.rows, all).enumerated() {
      let isCut = index == rect.height - 1 && all.count > rect.height
      let shown =
        isCut
        ? DisplayWidth.prefix(of: line, fitting: rect.width - 1).text + DisplayWidth.ellipsis
        : line
      buffer.put(shown, at: row.origin, style: style, maxWidth: rect.width)
    }
  }

  /// The paragraph's words, with the spaces that must not break kept inside them: a unit
  /// ("70 %") and a dose ("3 × 12") stay on one line, as a reader expects.
  static func unbreakableWords(_ paragraph: String) -> [String] {
    var words: [String] = []
    var joinsNext = false
    for piece in paragraph.split(separator: " ") {
      let word = String(piece)
      if let last = words.last, joinsNext || word.hasPrefix("%") || word == "×" {
        words[words.count - 1] = last + " " + word
      } else {
        words.append(word)
      }
      joinsNext = word == "×"
    }
    return words
  }

  private static func wrap(_ paragraph: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in unbreakableWords(paragraph) {
      var word = word
      var wordWidth = DisplayWidth.of(word)
      if currentWidth > 0, currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
        continue
      }
      if currentWidth > 0 {
        lines.append(current)
        current = ""
        currentWidth = 0
      }
      while wordWidth > width {
        let piece = DisplayWidth.prefix(of: word, fitting: width)
        // A grapheme wider than the whole width can never fit; drop it rather than loop.
        guard !piece.text.isEmpty else {
          word = String(word.dropFirst())
          wordWidth = DisplayWidth.of(word)
          continue
        }
        lines.append(piece.text)
        word = String(word.dropFirst(piece.text.count))
        wordWidth -= piece.width
      }
      current = word
      currentWidth = wordWidth
    }
    if currentWidth > 0 || lines.isEmpty { lines.append(current) }
    return lines
  }
}
