/// A rectangle of cells. Layout helpers never produce negative sizes, so a region that is too
/// small simply becomes empty and widgets draw nothing into it.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public init(origin: Point = .zero, size: Size) {
    self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
  }

  public var origin: Point { Point(x: x, y: y) }
  public var size: Size { Size(width: width, height: height) }
  /// One past the last column.
  public var maxX: Int { x + width }
  /// One past the last row.
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }

  public func contains(_ point: Point) -> Bool {
    point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
  }

  /// The rows of the rectangle, top to bottom, each one cell high.
  public var rows: [Rect] {
    (0..<height).map { Rect(x: x, y: y + $0, width: width, height: 1) }
  }

  public func inset(by amount: Int) -> Rect {
    inset(top: amount, left: amount, bottom: amount, right: amount)
  }

  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    let newWidth = max(0, width - left - right)
    let newHeight = max(0, height - top - bottom)
    return Rect(
      x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
  }

  /// Splits off the top `rows` rows (clamped to the height).
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let taken = min(max(0, rows), height)
    return (
      Rect(x: x, y: y, width: width, height: taken),
      Rect(x: x, y: y + taken, width: width, height: height - taken)
    )
  }

  /// Splits off the bottom `rows` rows (clamped to the height).
  public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let taken = min(max(0, rows), height)
    return (
      Rect(x: x, y: y, width: width, height: height - taken),
      Rect(x: x, y: maxY - taken, width: width, height: taken)
    )
  }

  /// Splits off the left `columns` columns (clamped to the width).
  public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let taken = min(max(0, columns), width)
    return (
      Rect(x: x, y: y, width: taken, height: height),
      Rect(x: x + taken, y: y, width: width - taken, height: height)
    )
  }

  /// Splits off the right `columns` columns (clamped to the width).
  public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
    let taken = min(max(0, columns), width)
    return (
      Rect(x: x, y: y, width: width - taken, height: height),
      Rect(x: maxX - taken, y: y, width: taken, height: height)
    )
  }

  /// Divides the width into `count` columns separated by `spacing`; the leftover columns go to
  /// the first ones, so the pieces always add up to the whole.
  public func columns(_ count: Int, spacing: Int = 0) -> [Rect] {
    guard count > 0 else { return [] }
    let usable = max(0, width - spacing * (count - 1))
    let base = usable / count
    let extra = usable % count
    var result: [Rect] = []
    var cursor = x
    for index in 0..<count {
      let columnWidth = base + (index < extra ? 1 : 0)
      result.append(Rect(x: cursor, y: y, width: columnWidth, height: height))
      cursor += columnWidth + spacing
    }
    return result
  }

  /// A rectangle of `size` centred in this one (clamped to fit), for dialogs and overlays.
  public func centered(_ size: Size) -> Rect {
    let newWidth = min(size.width, width)
    let newHeight = min(size.height, height)
    return Rect(
      x: x + (width - newWidth) / 2, y: y + (height - newHeight) / 2,
      width: newWidth, height: newHeight)
  }

  /// The overlap of two rectangles, empty when they do not meet.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }
}
