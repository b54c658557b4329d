/// One line of "key help" pairs, such as "space done  s skip  ? help". Items that do not fit
/// whole are left out rather than cut in half.
public struct HelpBar: Hashable, Sendable {
  public var items: [HelpRow]
  public var keyStyle: Style
  public var helpStyle: Style
  /// Paints the whole line first (a status-bar background).
  public var barStyle: Style

  public init(
    items: [HelpRow], keyStyle: Style = Style(bold: true), helpStyle: Style = .plain,
    barStyle: Style = .plain
  ) {
    self.items = items
    self.keyStyle = keyStyle
    self.helpStyle = helpStyle
    self.barStyle = barStyle
  }

  private static let separator = "  "

  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    guard rect.width > 0, rect.height > 0 else { return }
    buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: barStyle)
    var x = rect.x
    for (index, item) in items.enumerated() {
      let key = TerminalText.sanitized(item.keys)
      let help = TerminalText.sanitized(item.help)
      let lead = index == 0 ? 0 : DisplayWidth.of(Self.separator)
      let needed = lead + DisplayWidth.of(key) + 1 + DisplayWidth.of(help)
      guard x + needed <= rect.maxX else { break }
      x += lead
      x += buffer.put(key, at: Point(x: x, y: rect.y), style: barStyle.merged(with: keyStyle))
      x += 1
      x += buffer.put(help, at: Point(x: x, y: rect.y), style: barStyle.merged(with: helpStyle))
    }
  }
}
