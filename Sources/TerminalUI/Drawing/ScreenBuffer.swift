/// A width × height grid of cells: what one frame should look like. Screens draw into it as a
/// plain value, so they can be tested by comparing `lines` without any terminal.
public struct ScreenBuffer: Equatable, Sendable {
  public let size: Size
  private var cells: [Cell]

  public init(size: Size) {
    let clamped = Size(width: max(0, size.width), height: max(0, size.height))
    self.size = clamped
    self.cells = Array(repeating: .blank, count: clamped.width * clamped.height)
  }

  public var bounds: Rect { Rect(size: size) }

  /// The cell at a position; outside the grid reads as a blank cell, so asserts never crash.
  public subscript(x: Int, y: Int) -> Cell {
    guard let index = index(x, y) else { return .blank }
    return cells[index]
  }

  public subscript(point: Point) -> Cell {
    self[point.x, point.y]
  }

  /// Writes `text` on one row from `point`, sanitized for the terminal, clipped at `maxWidth`
  /// columns and at the right edge. A wide grapheme that would straddle the limit is not drawn.
  /// Returns the number of columns written.
  @discardableResult
  public mutating func put(
    _ text: String, at point: Point, style: Style = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard point.y >= 0, point.y < size.height else { return 0 }
    let limit = min(size.width, maxWidth.map { point.x + max(0, $0) } ?? size.width)
    var x = point.x
    for character in TerminalText.sanitized(text) {
      let columns = DisplayWidth.of(character)
      // Zero-width leftovers (a combining mark with no base) have no cell to live in.
      guard columns > 0 else { continue }
      if x + columns > limit { break }
      if x >= 0 {
        setCell(Cell(String(character), style: style), x: x, y: point.y)
        if columns == 2 {
          setCell(Cell("", style: style, isContinuation: true), x: x + 1, y: point.y)
        }
      }
      x += columns
    }
    return max(0, x - max(0, point.x))
  }

  /// Paints `rect` with spaces in `style` (backgrounds, clearing a dialog's area).
  public mutating func fill(_ rect: Rect, with style: Style = .plain) {
    let area = rect.intersection(bounds)
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX {
        setCell(Cell(" ", style: style), x: x, y: y)
      }
    }
  }

  /// Changes the style of the cells in `rect` and keeps their text (highlighting a row).
  public mutating func restyle(_ rect: Rect, _ change: (Style) -> Style) {
    let area = rect.intersection(bounds)
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX {
        if let index = index(x, y) { cells[index].style = change(cells[index].style) }
      }
    }
  }

  public mutating func clear() {
    cells = Array(repeating: .blank, count: cells.count)
  }

  /// The text of each row with trailing spaces trimmed; wide graphemes appear once.
  public var lines: [String] {
    (0..<size.height).map(line)
  }

  public func line(_ y: Int) -> String {
    guard y >= 0, y < size.height else { return "" }
    var text = ""
    for x in 0..<size.width {
      let cell = cells[y * size.width + x]
      if !cell.isContinuation { text += cell.grapheme }
    }
    while text.last == " " { text.removeLast() }
    return text
  }

  private func index(_ x: Int, _ y: Int) -> Int? {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
    return y * size.width + x
  }

  /// Sets one cell and repairs any wide grapheme it cuts in half, so the grid never holds an
  /// orphaned half that a terminal would render as garbage.
  private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
    guard let index = index(x, y) else { return }
    let old = cells[index]
    if old.isContinuation, !cell.isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    }
    // A new wide grapheme writes its own continuation next, so only narrower cells orphan it.
    let replacesWithWide = !cell.isContinuation && DisplayWidth.of(cell.grapheme) == 2
    if !old.isContinuation, !replacesWithWide, x + 1 < size.width,
      cells[index + 1].isContinuation
    {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
    cells[index] = cell
  }
}
