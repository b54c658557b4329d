/// A one-row trend of values as block heights (▁▂▃▄▅▆▇█), with a gap for each missing value.
public struct Sparkline: Hashable, Sendable {
  public var values: [Double?]
  /// The values mapped to the lowest and highest block; nil uses the values' own minimum and
  /// maximum.
  public var range: ClosedRange<Double>?
  public var unicode: Bool
  public var style: Style

  public init(
    values: [Double?], range: ClosedRange<Double>? = nil, unicode: Bool = true,
    style: Style = .plain
  ) {
    self.values = values
    self.range = range
    self.unicode = unicode
    self.style = style
  }

  private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  private static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

  /// One character per value; when there are more values than `width`, the most recent ones.
  public func text(width: Int? = nil) -> String {
    let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
    let present = shown.compactMap { $0 }.filter(\.isFinite)
    guard let low = range?.lowerBound ?? present.min(),
      let high = range?.upperBound ?? present.max()
    else { return String(repeating: " ", count: shown.count) }
    let levels = unicode ? Self.blocks : Self.asciiLevels
    return String(
      shown.map { value -> Character in
        guard let value, value.isFinite else { return " " }
        guard high > low else { return levels[levels.count / 2 - 1] }
        let fraction = (min(max(value, low), high) - low) / (high - low)
        return levels[Int((fraction * Double(levels.count - 1)).rounded())]
      })
  }

  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    guard rect.width > 0, rect.height > 0 else { return }
    buffer.put(text(width: rect.width), at: rect.origin, style: style, maxWidth: rect.width)
  }
}
