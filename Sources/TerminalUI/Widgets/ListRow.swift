/// A row of a `ListView`: a selectable item, or a section header that selection skips over.
public struct ListRow: Hashable, Sendable {
  public var text: String
  public var style: Style
  public var isHeader: Bool

  public init(text: String, style: Style = .plain, isHeader: Bool = false) {
    self.text = text
    self.style = style
    self.isHeader = isHeader
  }

  public static func item(_ text: String, style: Style = .plain) -> ListRow {
    ListRow(text: text, style: style)
  }

  public static func header(_ text: String, style: Style = Style(bold: true)) -> ListRow {
    ListRow(text: text, style: style, isHeader: true)
  }
}
