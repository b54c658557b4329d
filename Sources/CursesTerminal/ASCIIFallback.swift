/// Stand-ins for the non-ASCII characters the widgets draw, used when the terminal's locale is
/// not UTF-8: a `?` per cell is readable, mangled multibyte output is not.
enum ASCIIFallback {
  private static let replacements: [String: String] = [
    "…": ".", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
    "┬": "+", "┴": "+", "┼": "+", "↑": "^", "↓": "v", "←": "<", "→": ">", "·": ".",
    "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "#",
    "▁": "_", "▂": ".", "▃": "-", "▄": "~", "▅": "=", "▆": "+", "▇": "*",
    "✓": "x", "✔": "x", "✗": "x", "✘": "x", "•": "*", "\u{FFFD}": "?",
  ]

  static func ascii(_ grapheme: String) -> String {
    if grapheme.unicodeScalars.allSatisfy(\.isASCII) { return grapheme }
    return replacements[grapheme] ?? "?"
  }
}
