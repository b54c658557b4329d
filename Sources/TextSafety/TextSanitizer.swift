/// The one rule for text that leaves rehabit (terminal output, `--json`, every export format):
/// a person's text is kept faithfully, but never as a raw control character a terminal or a
/// viewer could act upon. The characters in question are C0 controls (ESC, BEL …), DEL, C1
/// controls (the 8-bit CSI U+009B …) and the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which can make text read in a misleading order.
///
/// Each output says what it does with them: a terminal line shows `placeholder`, an export's
/// text replaces them the same way, JSON writes them as `\uXXXX` (so the value reads back
/// exactly). Pure: no I/O.
public enum TextSanitizer {
  /// Shown in place of a removed control character, so the reader can see something was there.
  public static let placeholder: Unicode.Scalar = "\u{FFFD}"

  /// True for a scalar a terminal could act upon or that reorders text.
  @inline(__always)
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }

  /// Line and paragraph breaks in any convention (LF, CR, VT, FF, NEL, U+2028, U+2029).
  public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
      || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\u{85}"
  }

  /// `text` as one terminal line: tabs and line breaks become spaces, every other control
  /// becomes `placeholder`.
  public static func terminalLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) || isLineBreak($0) }) else {
      return text
    }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isLineBreak(scalar) || scalar == "\t" {
        result.append(" ")
      } else if isControl(scalar) {
        result.append(placeholder)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// `text` with every control replaced by `placeholder`; with `keepLineBreaks`, LF, CR and
  /// tab stay (the caller's format carries them), and so do U+2028/U+2029.
  public static func replacingControls(_ text: String, keepLineBreaks: Bool = true) -> String {
    func unsafe(_ scalar: Unicode.Scalar) -> Bool {
      if keepLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
      return isControl(scalar)
    }
    guard text.unicodeScalars.contains(where: unsafe) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(unsafe(scalar) ? placeholder : scalar) }
    return String(result)
  }

  /// How a JSON string writes `scalar` when it must be escaped (`\u001b`, `\u009b`, `\u202e`;
  /// U+2028/U+2029 too, which JavaScript reads as line ends); nil when it is written as it is.
  /// `"` and `\` are the JSON writer's own business.
  public static func jsonEscape(_ scalar: Unicode.Scalar) -> String? {
    guard isControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}" else { return nil }
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: return unicodeEscape(scalar.value)
    }
  }

  /// JSON text (as `JSONEncoder` writes it, which escapes C0 but leaves DEL, C1 and the bidi
  /// controls raw) with those written as `\uXXXX` as well. Their UTF-8 bytes can only occur
  /// inside strings (JSON's own syntax is ASCII), so this changes no structure, and a reader
  /// gets the very same strings back.
  public static func escapingJSONControls(_ json: [UInt8]) -> [UInt8] {
    func escapedLength(at index: Int) -> (length: Int, value: UInt32)? {
      let byte = json[index]
      if byte == 0x7F { return (1, 0x7F) }
      if byte == 0xC2, index + 1 < json.count, (0x80...0x9F).contains(json[index + 1]) {
        return (2, UInt32(json[index + 1]))
      }
      if byte == 0xE2, index + 2 < json.count {
        let second = json[index + 1]
        let third = json[index + 2]
        // U+2028–U+202E is E2 80 A8–AE; U+2066–U+2069 is E2 81 A6–A9.
        if second == 0x80, (0xA8...0xAE).contains(third) {
          return (3, 0x2000 + UInt32(third) - 0x80)
        }
        if second == 0x81, (0xA6...0xA9).contains(third) {
          return (3, 0x2040 + UInt32(third) - 0x80)
        }
      }
      return nil
    }
    var index = 0
    var first: Int?
    while index < json.count {
      if escapedLength(at: index) != nil {
        first = index
        break
      }
      index += 1
    }
    guard let start = first else { return json }
    var out = Array(json[..<start])
    out.reserveCapacity(json.count + 16)
    index = start
    while index < json.count {
      if let (length, value) = escapedLength(at: index) {
        out += Array(unicodeEscape(value).utf8)
        index += length
      } else {
        out.append(json[index])
        index += 1
      }
    }
    return out
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
