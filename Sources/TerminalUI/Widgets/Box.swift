/// A border around a region, with an optional title in the top edge. Uses ─│┌┐└┘ or, without
/// Unicode, + - |.
public struct Box: Hashable, Sendable {
  public var title: String
  public var style: Style
  public var titleStyle: Style
  public var unicode: Bool
  /// Blanks the inside first, so a box drawn over a screen works as a dialog.
  public var clearsInterior: Bool

  public init(
    title: String = "", style: Style = .plain, titleStyle: Style = Style(bold: true),
    unicode: Bool = true, clearsInterior: Bool = true
  ) {
    self.title = title
    self.style = style
    self.titleStyle = titleStyle
    self.unicode = unicode
    self.clearsInterior = clearsInterior
  }

  /// The region inside the border, where content goes.
  public static func contentRect(of rect: Rect) -> Rect {
    rect.inset(by: 1)
  }

  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let (horizontal, vertical) = unicode ? ("─", "│") : ("-", "|")
    let corners = unicode ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
    if clearsInterior { buffer.fill(Self.contentRect(of: rect), with: .plain) }
    let inner = String(repeating: horizontal, count: rect.width - 2)
    buffer.put(corners[0] + inner + corners[1], at: rect.origin, style: style)
    buffer.put(
      corners[2] + inner + corners[3], at: Point(x: rect.x, y: rect.maxY - 1), style: style)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      buffer.put(vertical, at: Point(x: rect.x, y: y), style: style)
      buffer.put(vertical, at: Point(x: rect.maxX - 1, y: y), style: style)
    }
    // "┌─ Title ─┐": one line character, a space either side of the title.
    let room = rect.width - 4
    let cleanTitle = TerminalText.sanitized(title)
    guard !cleanTitle.isEmpty, room >= 3 else { return }
    let shown = " " + DisplayWidth.truncated(cleanTitle, to: room - 2) + " "
    buffer.put(shown, at: Point(x: rect.x + 2, y: rect.y), style: titleStyle, maxWidth: room)
  }
}
