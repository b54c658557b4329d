import TerminalUI

/// What the user wants in the help overlay.
public enum HelpAction: Equatable, Sendable {
  case open
  /// Scrolls by this many lines (the render keeps the text within the box).
  case scroll(Int)
  case close
}

/// The help overlay over the current screen: it takes every key while open.
enum HelpScreen {
  static func title(for state: AppState) -> String { state.screen.title(in: state) }

  static var keys: ScreenKeys { ScreenKeys(table, otherKeys: .action { _ in .help(.close) }) }

  /// Arrows scroll, anything else closes it.
  static let table: KeyTable<AppAction> = [
    KeyBinding(keys: [.down, .character("j")], action: .help(.scroll(1)), help: "scroll"),
    KeyBinding(
      keys: [.up, .character("k")], action: .help(.scroll(-1)), help: "scroll up",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.pageDown], action: .help(.scroll(10)), help: "page down", showsInHelpBar: false),
    KeyBinding(
      keys: [.pageUp], action: .help(.scroll(-10)), help: "page up", showsInHelpBar: false),
    KeyBinding(
      keys: [.escape, .character("?"), .character("q"), .enter], action: .help(.close),
      help: "close", label: "any other key"),
  ]

  /// The overlay after `action`; nil is closed.
  static func reduce(_ overlay: HelpOverlay?, _ action: HelpAction) -> HelpOverlay? {
    switch action {
    case .open:
      return HelpOverlay()
    case .scroll(let delta):
      // Only the top is known here; the render stops the text at its end.
      return overlay.map { HelpOverlay(scrollOffset: max(0, $0.scrollOffset + delta)) }
    case .close:
      return nil
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

  /// The first line shown: the scroll offset, stopped where the last line is at the bottom.
  static func visibleOffset(for state: AppState, size: Size, unicode: Bool) -> Int {
    let count = lines(for: state, size: size, unicode: unicode).count
    return min(state.help?.scrollOffset ?? 0, max(0, count - textRect(in: size).height))
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
    HelpBar(items: table.helpBarItems(unicode: theme.unicode)).render(
      into: &buffer, in: Rect(x: area.x, y: area.maxY, width: area.width, height: 1))
  }
}
