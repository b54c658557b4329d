/// A one-line text input. Editing works on whole characters (graphemes), so an accent or an
/// emoji is inserted and deleted as one unit.
public struct TextField: Hashable, Sendable {
  public private(set) var value: String
  /// Insertion point, in characters from the start of `value` (0…value.count).
  public private(set) var cursor: Int
  /// Maximum number of characters, nil for no limit.
  public var maxLength: Int?
  /// Shown dimmed while the value is empty.
  public var placeholder: String
  public var style: Style
  /// The cursor is drawn as a cell in this style, since the hardware cursor is hidden.
  public var cursorStyle: Style

  public init(
    value: String = "", maxLength: Int? = nil, placeholder: String = "", style: Style = .plain,
    cursorStyle: Style = Style(reverse: true)
  ) {
    var clean = String(TerminalText.sanitized(value))
    if let maxLength, clean.count > maxLength { clean = String(clean.prefix(max(0, maxLength))) }
    self.value = clean
    self.cursor = clean.count
    self.maxLength = maxLength
    self.placeholder = placeholder
    self.style = style
    self.cursorStyle = cursorStyle
  }

  public mutating func handle(_ key: Key) -> TextFieldOutcome {
    switch key {
    case .character(let character):
      return insert(character)
    case .backspace:
      guard cursor > 0 else { return .ignored }
      remove(at: cursor - 1)
      cursor -= 1
      return .edited
    case .delete, .control("d"):
      guard cursor < value.count else { return .ignored }
      remove(at: cursor)
      return .edited
    case .control("u"):
      guard cursor > 0 else { return .ignored }
      value = String(value.dropFirst(cursor))
      cursor = 0
      return .edited
    case .left, .control("b"):
      return moveCursor(to: cursor - 1)
    case .right, .control("f"):
      return moveCursor(to: cursor + 1)
    case .home, .control("a"):
      return moveCursor(to: 0)
    case .end, .control("e"):
      return moveCursor(to: value.count)
    case .enter:
      return .submitted
    case .escape:
      return .cancelled
    default:
      return .ignored
    }
  }

  /// Replaces the whole value and puts the cursor at its end.
  public mutating func setValue(_ newValue: String) {
    self = TextField(
      value: newValue, maxLength: maxLength, placeholder: placeholder, style: style,
      cursorStyle: cursorStyle)
  }

  /// Draws the value on the first row of `rect`, scrolled horizontally to keep the cursor shown.
  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    guard rect.width > 0, rect.height > 0 else { return }
    buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: style)
    let origin = rect.origin
    if value.isEmpty {
      buffer.put(" ", at: origin, style: style.merged(with: cursorStyle))
      buffer.put(
        placeholder, at: Point(x: origin.x + 1, y: origin.y), style: style.dimmed(),
        maxWidth: rect.width - 1)
      return
    }
    let characters = Array(value)
    let first = firstVisibleCharacter(characters, width: rect.width)
    var x = origin.x
    for index in first...characters.count {
      let isCursor = index == cursor
      let text = index < characters.count ? String(characters[index]) : " "
      let cellStyle = isCursor ? style.merged(with: cursorStyle) : style
      let written = buffer.put(
        text, at: Point(x: x, y: origin.y), style: cellStyle, maxWidth: rect.maxX - x)
      if written == 0 { break }
      x += written
    }
  }

  /// The first character drawn so the cursor cell (plus the character under it) fits.
  private func firstVisibleCharacter(_ characters: [Character], width: Int) -> Int {
    let cursorWidth = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
    var used = cursorWidth
    var first = cursor
    while first > 0 {
      let previous = DisplayWidth.of(characters[first - 1])
      if used + previous > width { break }
      used += previous
      first -= 1
    }
    return first
  }

  private mutating func insert(_ character: Character) -> TextFieldOutcome {
    guard TerminalText.isPrintable(character) else { return .ignored }
    if let maxLength, value.count >= maxLength { return .ignored }
    let index = value.index(value.startIndex, offsetBy: cursor)
    let before = value.count
    value.insert(character, at: index)
    // A combining mark merges with the previous character instead of adding one.
    cursor += value.count - before
    return .edited
  }

  private mutating func remove(at offset: Int) {
    let index = value.index(value.startIndex, offsetBy: offset)
    value.remove(at: index)
  }

  private mutating func moveCursor(to position: Int) -> TextFieldOutcome {
    let clamped = min(max(0, position), value.count)
    guard clamped != cursor else { return .ignored }
    cursor = clamped
    return .moved
  }
}
