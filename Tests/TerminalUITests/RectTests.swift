import Testing

@testable import TerminalUI

@Suite struct RectTests {
  let rect = Rect(x: 2, y: 1, width: 10, height: 6)

  @Test func insetShrinksFromEverySideAndNeverGoesNegative() {
    #expect(rect.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 4))
    #expect(rect.inset(by: 10).isEmpty)
  }

  @Test func splitsCoverTheWholeRect() {
    let (top, rest) = rect.splitTop(2)
    #expect(top == Rect(x: 2, y: 1, width: 10, height: 2))
    #expect(rest == Rect(x: 2, y: 3, width: 10, height: 4))
    let (body, bottom) = rect.splitBottom(1)
    #expect(bottom == Rect(x: 2, y: 6, width: 10, height: 1))
    #expect(body.height == 5)
    let (left, right) = rect.splitLeft(20)
    #expect(left == rect)
    #expect(right.isEmpty)
    #expect(rect.splitRight(3).right == Rect(x: 9, y: 1, width: 3, height: 6))
  }

  @Test func columnsShareTheWidthIncludingRemainder() {
    let parts = rect.columns(3, spacing: 1)
    #expect(parts.map(\.width) == [3, 3, 2])
    #expect(parts.map(\.x) == [2, 6, 10])
  }

  @Test func centeredAndIntersection() {
    #expect(rect.centered(Size(width: 4, height: 2)) == Rect(x: 5, y: 3, width: 4, height: 2))
    #expect(
      rect.intersection(Rect(x: 0, y: 0, width: 4, height: 3))
        == Rect(x: 2, y: 1, width: 2, height: 2))
    #expect(rect.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
    #expect(rect.contains(Point(x: 2, y: 1)))
    #expect(!rect.contains(Point(x: 12, y: 1)))
  }
}
