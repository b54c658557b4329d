/// A vertical list with one selected item and a scroll offset. Headers are shown but never
/// selected; the drawn window always contains the selection.
///
/// The scroll offset is state the caller keeps between frames (store `scrollOffset`, or call
/// `scrollToSelection(height:)` after moving); rendering corrects it for the actual height.
public struct ListView: Hashable, Sendable {
  public var rows: [ListRow] {
    didSet { selection = Self.nearestSelectable(to: selection ?? 0, in: rows) }
  }
  /// Index into `rows` of the selected item; nil only when no row is selectable.
  public private(set) var selection: Int?
  public var scrollOffset: Int
  /// Layered over the selected row's own style; reverse video stays visible without colour.
  public var selectedStyle: Style

  public init(
    rows: [ListRow], selection: Int = 0, scrollOffset: Int = 0,
    selectedStyle: Style = Style(reverse: true)
  ) {
    self.rows = rows
    self.selection = Self.nearestSelectable(to: selection, in: rows)
    self.scrollOffset = max(0, scrollOffset)
    self.selectedStyle = selectedStyle
  }

  /// Selects the row at `index`, or the nearest selectable one (forward first) if it is a header.
  public mutating func select(_ index: Int) {
    selection = Self.nearestSelectable(to: index, in: rows)
  }

  /// Moves by `delta` selectable items (headers do not count), stopping at the ends.
  public mutating func moveSelection(by delta: Int) {
    let items = rows.indices.filter { !rows[$0].isHeader }
    guard let current = selection, let position = items.firstIndex(of: current) else { return }
    let target = min(max(0, position + delta), items.count - 1)
    selection = items[target]
  }

  public mutating func selectFirst() {
    selection = rows.firstIndex { !$0.isHeader }
  }

  public mutating func selectLast() {
    selection = rows.lastIndex { !$0.isHeader }
  }

  /// Moves the selection a page at a time; `height` is the visible row count.
  public mutating func movePage(by pages: Int, height: Int) {
    guard let current = selection else { return }
    let target = min(max(0, current + pages * max(1, height - 1)), rows.count - 1)
    let forward = pages > 0
    selection =
      Self.nearestSelectable(to: target, in: rows, forwardFirst: forward) ?? selection
    scrollToSelection(height: height)
  }

  /// Stores the offset that rendering at `height` rows would use.
  public mutating func scrollToSelection(height: Int) {
    scrollOffset = visibleOffset(height: height)
  }

  /// The first row drawn at `height` rows: the stored offset, moved as little as possible to show
  /// the selection (and the header right above it when the selection is the top row).
  public func visibleOffset(height: Int) -> Int {
    guard height > 0, !rows.isEmpty else { return 0 }
    let maxOffset = max(0, rows.count - height)
    var offset = min(max(0, scrollOffset), maxOffset)
    guard let selected = selection else { return offset }
    if selected < offset {
      offset = selected
    } else if selected >= offset + height {
      offset = selected - height + 1
    }
    if offset == selected, selected > 0, rows[selected - 1].isHeader, height > 1 {
      offset = selected - 1
    }
    return offset
  }

  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    let offset = visibleOffset(height: rect.height)
    for (line, row) in rect.rows.enumerated() {
      let index = offset + line
      guard index < rows.count else { break }
      let item = rows[index]
      let style = index == selection ? item.style.merged(with: selectedStyle) : item.style
      let text = DisplayWidth.padded(TerminalText.sanitized(item.text), to: row.width)
      buffer.put(text, at: row.origin, style: style, maxWidth: row.width)
    }
  }

  private static func nearestSelectable(
    to index: Int, in rows: [ListRow], forwardFirst: Bool = true
  ) -> Int? {
    guard !rows.isEmpty else { return nil }
    let start = min(max(0, index), rows.count - 1)
    let forward = rows[start...].firstIndex { !$0.isHeader }
    let backward = rows[...start].lastIndex { !$0.isHeader }
    return forwardFirst ? forward ?? backward : backward ?? forward
  }
}
