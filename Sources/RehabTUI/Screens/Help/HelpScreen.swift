import TerminalUI

/// Draws the help overlay over the current screen.
enum HelpScreen {
  static func title(for state: AppState) -> String {
    switch state.screen {
    case .today: "Today"
    case .setup: "setup"
    case .week: "Week"
    case .checkin: "Check-in"
    case .export: "Export"
    }
  }

  /// The box's inside at `size`, less the footer line.
  static func textRect(in size: Size) -> Rect {
    let box = Rect(size: size).inset(by: 1)
    return Box.contentRect(of: box).inset(top: 0, left: 1, bottom: 1, right: 1)
  }

  static func lines(for state: AppState, size: Size, unicode: Bool) -> [HelpLine] {
    HelpOverlay.lines(
      screenTitle: title(for: state), table: AppKeys.screenTable(for: state),
      width: textRect(in: size).width, unicode: unicode)
  }

  static func maxScroll(for state: AppState, size: Size) -> Int {
    max(0, lines(for: state, size: size, unicode: true).count - textRect(in: size).height)
  }

  static func render(_ state: AppState, into buffer: inout ScreenBuffer, theme: Theme) {
    guard let overlay = state.help else { return }
    let size = buffer.size
    let box = Rect(size: size).inset(by: 1)
    let area = textRect(in: size)
    let all = lines(for: state, size: size, unicode: theme.unicode)
    let offset = min(overlay.scrollOffset, max(0, all.count - area.height))
    let more = offset + area.height < all.count
    let title = "Help" + (more ? (theme.unicode ? " (↓ more)" : " (more below)") : "")
    Box(title: title, style: theme.title, unicode: theme.unicode).render(into: &buffer, in: box)
    for (row, line) in zip(area.rows, all.dropFirst(offset)) {
      let style: Style
      switch line.style {
      case .plain, .key: style = .plain
      case .heading: style = theme.title
      case .warning: style = theme.caution
      case .dim: style = theme.dim
      }
      buffer.put(theme.text(line.text), at: row.origin, style: style, maxWidth: row.width)
    }
    HelpBar(items: AppKeys.help.helpBarItems(unicode: theme.unicode)).render(
      into: &buffer, in: Rect(x: area.x, y: area.maxY, width: area.width, height: 1))
  }
}
