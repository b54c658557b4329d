import Testing

@testable import TerminalUI

@Suite struct BoxTests {
  @Test func drawsUnicodeBorderWithTitle() {
    let box = Box(title: "Skip")
    let buffer = rendered(width: 12, height: 4) { box.render(into: &$0, in: $1) }
    #expect(
      buffer.lines == [
        "┌─ Skip ───┐",
        "│          │",
        "│          │",
        "└──────────┘",
      ])
    #expect(buffer[3, 0].style.bold)
    #expect(Box.contentRect(of: buffer.bounds) == Rect(x: 1, y: 1, width: 10, height: 2))
  }

  @Test func asciiFallbackAndLongTitle() {
    let box = Box(title: "A very long title", unicode: false)
    let buffer = rendered(width: 10, height: 3) { box.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["+- A v… -+", "|        |", "+--------+"])
  }

  @Test func clearsItsInteriorOverExistingContent() {
    var buffer = ScreenBuffer(size: Size(width: 6, height: 3))
    for y in 0..<3 { buffer.put("xxxxxx", at: Point(x: 0, y: y)) }
    Box().render(into: &buffer, in: buffer.bounds)
    #expect(buffer.lines == ["┌────┐", "│    │", "└────┘"])
  }

  @Test func tooSmallDrawsNothing() {
    let buffer = rendered(width: 1, height: 1) { Box().render(into: &$0, in: $1) }
    #expect(buffer.lines == [""])
  }
}
