/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
  public var title: String
  /// Fixed width in cells; nil shares the space left by fixed columns equally.
  public var width: Int?
  public var alignment: TextAlignment

  public init(_ title: String, width: Int? = nil, alignment: TextAlignment = .left) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}
