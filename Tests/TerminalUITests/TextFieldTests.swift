import Testing

@testable import TerminalUI

@Suite struct TextFieldTests {
  @Test func typingInsertsCharactersIncludingAccentsAndEmoji() {
    var field = TextField()
    for character in "Genou é 💪" {
      #expect(field.handle(.character(character)) == .edited)
    }
    #expect(field.value == "Genou é 💪")
    #expect(field.cursor == 9)
  }

  @Test func combiningMarkJoinsThePreviousCharacter() {
    var field = TextField(value: "e")
    #expect(field.handle(.character("\u{301}")) == .edited)
    #expect(field.value == "e\u{301}")
    #expect(field.value.count == 1)
    #expect(field.cursor == 1)
  }

  @Test func cursorMovementAndEditingInTheMiddle() {
    var field = TextField(value: "knee")
    #expect(field.handle(.home) == .moved)
    #expect(field.handle(.right) == .moved)
    #expect(field.handle(.character("X")) == .edited)
    #expect(field.value == "kXnee")
    #expect(field.handle(.backspace) == .edited)
    #expect(field.value == "knee")
    #expect(field.handle(.delete) == .edited)
    #expect(field.value == "kee")
    #expect(field.handle(.end) == .moved)
    #expect(field.cursor == 3)
    #expect(field.handle(.right) == .ignored)
    #expect(field.handle(.delete) == .ignored)
    #expect(field.handle(.left) == .moved)
    #expect(field.cursor == 2)
  }

  @Test func backspaceAtTheStartDoesNothing() {
    var field = TextField(value: "ab")
    _ = field.handle(.home)
    #expect(field.handle(.backspace) == .ignored)
    #expect(field.value == "ab")
  }

  @Test func backspaceRemovesAWholeEmoji() {
    var field = TextField(value: "ok👍🏽")
    #expect(field.handle(.backspace) == .edited)
    #expect(field.value == "ok")
  }

  @Test func maxLengthRefusesFurtherCharacters() {
    var field = TextField(value: "", maxLength: 3)
    for character in "abcd" { _ = field.handle(.character(character)) }
    #expect(field.value == "abc")
    #expect(field.handle(.character("z")) == .ignored)
    #expect(TextField(value: "toolong", maxLength: 3).value == "too")
  }

  @Test func enterSubmitsEscapeCancelsControlKeysAreNotText() {
    var field = TextField(value: "x")
    #expect(field.handle(.enter) == .submitted)
    #expect(field.handle(.escape) == .cancelled)
    #expect(field.handle(.character("\u{1B}")) == .ignored)
    #expect(field.handle(.up) == .ignored)
    #expect(field.handle(.control("u")) == .edited)
    #expect(field.value == "")
  }

  @Test func initialValueIsSanitized() {
    #expect(TextField(value: "a\u{1B}b\nc").value == "a\u{FFFD}b c")
  }

  @Test func renderShowsTheCursorCell() {
    var field = TextField(value: "abc")
    _ = field.handle(.left)
    let buffer = rendered(width: 6, height: 1) { field.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["abc"])
    #expect(buffer[2, 0].style.reverse)
    #expect(!buffer[1, 0].style.reverse)
  }

  @Test func renderScrollsToKeepTheCursorVisible() {
    let field = TextField(value: "abcdefghij")
    let buffer = rendered(width: 5, height: 1) { field.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["ghij"])
    #expect(buffer[4, 0].style.reverse)
  }

  @Test func emptyFieldShowsPlaceholderDimmed() {
    let field = TextField(placeholder: "note")
    let buffer = rendered(width: 8, height: 1) { field.render(into: &$0, in: $1) }
    #expect(buffer.lines == [" note"])
    #expect(buffer[0, 0].style.reverse)
    #expect(buffer[1, 0].style.dim)
  }
}
