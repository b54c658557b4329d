/// Rows of text in aligned columns, with a header line. Text too long for its column is cut
/// with "…"; rows that do not fit the height are not drawn.
public struct Table: Hashable, Sendable {
  public var columns: [TableColumn]
  public var rows: [TableRow]
  public var showsHeader: Bool
  public var headerStyle: Style
  /// Blank cells between columns.
  public var spacing: Int

  public init(
    columns: [TableColumn], rows: [TableRow], showsHeader: Bool = true,
    headerStyle: Style = Style(bold: true), spacing: Int = 1
  ) {
    self.columns = columns
    self.rows = rows
    self.showsHeader = showsHeader
    self.headerStyle = headerStyle
    self.spacing = spacing
  }

  /// The width of each column in `totalWidth` cells: fixed widths as given (cut at the right
  /// edge), flexible columns sharing what is left.
  public func columnWidths(totalWidth: Int) -> [Int] {
    let gaps = spacing * max(0, columns.count - 1)
    let fixed = columns.compactMap(\.width).reduce(0, +)
    let flexibleCount = columns.filter { $0.width == nil }.count
    let spare = max(0, totalWidth - gaps - fixed)
    var flexibleIndex = 0
    var remaining = totalWidth
    return columns.map { column in
      var width: Int
      if let fixedWidth = column.width {
        width = max(0, fixedWidth)
      } else {
        width = spare / flexibleCount + (flexibleIndex < spare % flexibleCount ? 1 : 0)
        flexibleIndex += 1
      }
      width = min(width, max(0, remaining))
      remaining -= width + spacing
      return width
    }
  }

  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    let widths = columnWidths(totalWidth: rect.width)
    var lines = rect.rows[...]
    if showsHeader, let headerLine = lines.popFirst() {
      let titles = columns.map { TableCell($0.title) }
      draw(TableRow(titles, style: headerStyle), widths: widths, in: headerLine, into: &buffer)
    }
    for (line, row) in zip(lines, rows) {
      draw(row, widths: widths, in: line, into: &buffer)
    }
  }

  private func draw(
    _ row: TableRow, widths: [Int], in line: Rect, into buffer: inout ScreenBuffer
  ) {
    buffer.fill(line, with: row.style)
    var x = line.x
    for (index, column) in columns.enumerated() {
      let width = widths[index]
      if width > 0 {
        let cell = index < row.cells.count ? row.cells[index] : TableCell("")
        let text = DisplayWidth.padded(
          TerminalText.sanitized(cell.text), to: width, alignment: column.alignment)
        buffer.put(
          text, at: Point(x: x, y: line.y), style: cell.style ?? row.style, maxWidth: width)
      }
      x += width + spacing
    }
  }
}
