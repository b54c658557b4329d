/// One row of a `Table`.
public struct TableRow: Hashable, Sendable {
  public var cells: [TableCell]
  public var style: Style

  public init(_ cells: [TableCell], style: Style = .plain) {
    self.cells = cells
    self.style = style
  }
}
