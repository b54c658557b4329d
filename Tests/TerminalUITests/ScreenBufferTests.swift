import Testing

@testable import TerminalUI

@Suite struct ScreenBufferTests {
  @Test func putWritesTextAndReportsColumns() {
    var buffer = ScreenBuffer(size: Size(width: 10, height: 2))
    let written = buffer.put("hello", at: Point(x: 2, y: 1), style: Style(bold: true))
    #expect(written == 5)
    #expect(buffer.lines == ["", "  hello"])
    #expect(buffer[2, 1].style.bold)
    #expect(!buffer[1, 1].style.bold)
  }

  @Test func putClipsAtTheRightEdgeAndAtMaxWidth() {
    var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
    #expect(buffer.put("abcdefgh", at: Point(x: 2, y: 0)) == 4)
    #expect(buffer.put("abcdefgh", at: Point(x: 0, y: 1), maxWidth: 3) == 3)
    #expect(buffer.lines == ["  abcd", "abc"])
  }

  @Test func putOutsideTheGridWritesNothing() {
    var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
    #expect(buffer.put("x", at: Point(x: 0, y: 3)) == 0)
    #expect(buffer.put("x", at: Point(x: 9, y: 0)) == 0)
    #expect(buffer.put("abc", at: Point(x: -1, y: 0)) == 2)
    #expect(buffer.lines == ["bc"])
  }

  @Test func wideCharacterTakesTwoCellsWithAContinuation() {
    var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
    #expect(buffer.put("膝a", at: .zero) == 3)
    #expect(buffer[0, 0].grapheme == "膝")
    #expect(buffer[1, 0].isContinuation)
    #expect(buffer[2, 0].grapheme == "a")
    #expect(buffer.lines == ["膝a"])
  }

  @Test func wideCharacterNeverStraddlesTheRightEdge() {
    var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
    #expect(buffer.put("ab膝膝", at: .zero) == 4)
    #expect(buffer.lines == ["ab膝"])
    #expect(!buffer[4, 0].isContinuation)
    #expect(buffer[4, 0].grapheme == " ")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
    buffer.put("膝膝", at: .zero)
    buffer.put("x", at: Point(x: 1, y: 0))
    #expect(buffer.lines == [" x膝"])
    #expect(!buffer[1, 0].isContinuation)
    buffer.put("y", at: Point(x: 2, y: 0))
    #expect(buffer.lines == [" xy"])
    #expect(!buffer[3, 0].isContinuation)
  }

  @Test func putSanitizesControlCharacters() {
    var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
    buffer.put("a\u{1B}[2Jb\tc", at: .zero)
    #expect(buffer.lines == ["a\u{FFFD}[2Jb c"])
  }

  @Test func combiningAccentStaysInOneCell() {
    var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
    #expect(buffer.put("e\u{301}t", at: .zero) == 2)
    #expect(buffer[0, 0].grapheme == "e\u{301}")
    #expect(buffer.lines == ["e\u{301}t"])
  }

  @Test func fillPaintsStyleAndClearResets() {
    var buffer = ScreenBuffer(size: Size(width: 4, height: 3))
    buffer.put("abcd", at: Point(x: 0, y: 1))
    buffer.fill(Rect(x: 1, y: 1, width: 2, height: 5), with: Style(background: .blue))
    #expect(buffer.lines == ["", "a  d", ""])
    #expect(buffer[1, 2].style.background == .blue)
    #expect(buffer[0, 1].style.background == .default)
    buffer.clear()
    #expect(buffer == ScreenBuffer(size: Size(width: 4, height: 3)))
  }

  @Test func restyleKeepsText() {
    var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
    buffer.put("ab", at: .zero)
    buffer.restyle(Rect(x: 0, y: 0, width: 4, height: 1)) { $0.reversed() }
    #expect(buffer.lines == ["ab"])
    #expect(buffer[3, 0].style.reverse)
  }

  @Test func outOfRangeSubscriptReadsBlank() {
    let buffer = ScreenBuffer(size: Size(width: 2, height: 2))
    #expect(buffer[5, 5] == .blank)
    #expect(buffer[-1, 0] == .blank)
  }
}
