/// One cell of a `Table`; a style of nil uses the row's style.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var style: Style?

  public init(_ text: String, style: Style? = nil) {
    self.text = text
    self.style = style
  }

  public init(stringLiteral value: String) {
    self.init(value)
  }
}
