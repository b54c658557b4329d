/// Horizontal bars, one per row: label, bar, value text. With Unicode the bar end is drawn to an
/// eighth of a cell (▏▎▍▌▋▊▉█); without it, whole cells of `#`.
public struct BarChart: Hashable, Sendable {
  public var bars: [Bar]
  public var unicode: Bool
  /// Label column width; nil sizes it to the longest label, capped at a third of the width.
  public var labelWidth: Int?
  public var labelStyle: Style

  public init(
    bars: [Bar], unicode: Bool = true, labelWidth: Int? = nil, labelStyle: Style = .plain
  ) {
    self.bars = bars
    self.unicode = unicode
    self.labelWidth = labelWidth
    self.labelStyle = labelStyle
  }

  private static let eighths: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The bar for `value` in `width` cells, not padded.
  public static func barText(value: Double, width: Int, unicode: Bool) -> String {
    guard width > 0, value.isFinite else { return "" }
    let fraction = min(max(value, 0), 1)
    guard unicode else {
      return String(repeating: "#", count: Int((fraction * Double(width)).rounded()))
    }
    let totalEighths = Int((fraction * Double(width * 8)).rounded())
    return String(repeating: "█", count: totalEighths / 8) + eighths[totalEighths % 8]
  }

  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    guard rect.width > 0 else { return }
    let longestLabel = bars.map { DisplayWidth.of(TerminalText.sanitized($0.label)) }.max() ?? 0
    let labelColumns = labelWidth ?? min(longestLabel, rect.width / 3)
    let valueColumns = bars.map { DisplayWidth.of(TerminalText.sanitized($0.valueText)) }.max() ?? 0
    for (row, bar) in zip(rect.rows, bars) {
      var rest = row
      if labelColumns > 0 {
        let parts = rest.splitLeft(labelColumns + 1)
        buffer.put(
          DisplayWidth.padded(TerminalText.sanitized(bar.label), to: labelColumns),
          at: parts.left.origin, style: labelStyle, maxWidth: labelColumns)
        rest = parts.rest
      }
      if valueColumns > 0 {
        let parts = rest.splitRight(valueColumns + 1)
        buffer.put(
          DisplayWidth.padded(
            TerminalText.sanitized(bar.valueText), to: valueColumns,
            alignment: .right),
          at: Point(x: parts.right.x + 1, y: row.y), style: labelStyle, maxWidth: valueColumns)
        rest = parts.rest
      }
      let text = Self.barText(value: bar.value, width: rest.width, unicode: unicode)
      buffer.put(text, at: rest.origin, style: bar.style, maxWidth: rest.width)
    }
  }
}
