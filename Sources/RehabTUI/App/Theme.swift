import TerminalUI

/// The app's styles. Everything that must stand out also uses bold or reverse video, so it stays
/// readable without colour (`NO_COLOR`, monochrome terminals).
struct Theme {
  let capabilities: TerminalCapabilities

  init(_ capabilities: TerminalCapabilities) {
    self.capabilities = capabilities
  }

  var unicode: Bool { capabilities.unicode }

  var title: Style { Style(bold: true) }
  var heading: Style { Style(bold: true).withForeground(.cyan) }
  var selected: Style { Style(reverse: true) }
  var done: Style { Style(bold: true).withForeground(.green) }
  var skipped: Style { Style(bold: true).withForeground(.yellow) }
  var note: Style { Style(dim: true) }
  var caution: Style { Style(bold: true).withForeground(.yellow) }
  var error: Style { Style(bold: true).withForeground(.red) }
  var statusBar: Style { Style(reverse: true) }
  var dim: Style { Style(dim: true) }

  /// Our own punctuation with ASCII stand-ins when the terminal cannot show Unicode.
  func text(_ text: String) -> String {
    guard !unicode else { return text }
    var result = ""
    for character in text {
      switch character {
      case "×": result += "x"
      case "–", "—": result += "-"
      case "·": result += "|"
      case "…": result += "..."
      case "‘", "’": result += "'"
      case "“", "”": result += "\""
      case "→": result += "->"
      case "←": result += "<-"
      case "≥": result += ">="
      case "≤": result += "<="
      case "÷": result += "/"
      case "•": result += "*"
      case "⚑": result += "!"
      default: result.append(character)
      }
    }
    return result
  }

  /// `text` cut to `width` columns with an ellipsis the terminal can show.
  func truncated(_ text: String, to width: Int) -> String {
    DisplayWidth.truncated(text, to: width, ellipsis: unicode ? DisplayWidth.ellipsis : "...")
  }

  /// The help bar of a screen's keys: its own, then the global keys when they apply.
  func helpBar(_ keys: ScreenKeys, into buffer: inout ScreenBuffer, row: Int) {
    helpBar(screen: keys.table, global: keys.globalTable, into: &buffer, row: row)
  }

  /// The screen's keys on the left and the global keys (help, quit) on the right, so the
  /// global ones stay visible on a narrow terminal.
  func helpBar(
    screen: KeyTable<AppAction>, global: KeyTable<AppAction>?, into buffer: inout ScreenBuffer,
    row: Int
  ) {
    let line = Rect(x: 0, y: row, width: buffer.size.width, height: 1)
    guard let global else {
      HelpBar(items: screen.helpBarItems(unicode: unicode)).render(into: &buffer, in: line)
      return
    }
    let globalItems = global.helpBarItems(unicode: unicode)
    let globalWidth =
      globalItems.reduce(0) {
        $0 + DisplayWidth.of($1.keys) + 1 + DisplayWidth.of($1.help)
      } + 2 * max(0, globalItems.count - 1)
    let (left, right) = line.splitRight(globalWidth + 1)
    HelpBar(items: screen.helpBarItems(unicode: unicode)).render(into: &buffer, in: left)
    HelpBar(items: globalItems).render(into: &buffer, in: right.inset(left: 1))
  }

  /// " · " between parts of a line.
  var separator: String { unicode ? " · " : " | " }
}
