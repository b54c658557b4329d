/// Turns what a curses-style `get_wch` reports (a status and a code) into a `Key`.
///
/// It is pure and takes the library's constants as data, so it can be tested and fuzzed here
/// without a terminal; `CursesTerminal` supplies the real ncurses values.
public struct KeyDecoder: Sendable {
  public enum Decoded: Hashable, Sendable {
    case key(Key)
    /// The terminal was resized; the caller reads the new size.
    case resize
    /// Nothing usable: no input, or a code this program does not bind (mouse, unknown keys).
    case nothing
  }

  /// The library's status values and key codes.
  public struct Codes: Sendable {
    /// Status meaning `code` is a character (ncurses `OK`).
    public var characterStatus: Int32
    /// Status meaning `code` is a function-key code (ncurses `KEY_CODE_YES`).
    public var functionKeyStatus: Int32
    /// Function-key code reporting a resize (ncurses `KEY_RESIZE`).
    public var resizeCode: Int32
    /// Function-key codes and their keys (`KEY_UP` → `.up`, `KEY_F(1)` → `.function(1)` …).
    public var functionKeys: [Int32: Key]

    public init(
      characterStatus: Int32, functionKeyStatus: Int32, resizeCode: Int32,
      functionKeys: [Int32: Key]
    ) {
      self.characterStatus = characterStatus
      self.functionKeyStatus = functionKeyStatus
      self.resizeCode = resizeCode
      self.functionKeys = functionKeys
    }
  }

  public var codes: Codes

  public init(codes: Codes) {
    self.codes = codes
  }

  public func decode(status: Int32, code: UInt32) -> Decoded {
    if status == codes.characterStatus {
      return Self.character(code).map(Decoded.key) ?? .nothing
    }
    guard status == codes.functionKeyStatus, let keyCode = Int32(exactly: code) else {
      return .nothing
    }
    if keyCode == codes.resizeCode { return .resize }
    return codes.functionKeys[keyCode].map(Decoded.key) ?? .nothing
  }

  /// The key for a character code as a terminal sends it: Enter is CR or LF, Backspace is DEL or
  /// BS, ESC is 27, Ctrl plus a letter is 1…26, anything printable is itself.
  public static func character(_ code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 8, 127: return .backspace
    case 27: return .escape
    case 1...26:
      guard let letter = Unicode.Scalar(code + 96) else { return nil }
      return .control(Character(letter))
    default:
      // Not a control character nor a line break (U+2028 and U+2029 are no keys to type).
      guard let scalar = Unicode.Scalar(code), TerminalText.isPrintable(Character(scalar)) else {
        return nil
      }
      return .character(Character(scalar))
    }
  }
}
