import RehabCore
import TextSafety

/// A parsed JSON document, used to check a file's syntax (with the line and column of a
/// mistake), to read its `schemaVersion` before anything else, and to migrate older versions
/// as plain data. Foundation's `JSONDecoder` still does the decoding into types, and its
/// errors' coding paths name the field; this parser is only for what it cannot do. Checked on
/// Swift 6.3.1's swift-foundation (FoundationEssentials): a syntax error is
/// `DecodingError.dataCorrupted` with an empty coding path, "The given data was not valid
/// JSON." and no underlying error, so no line or column; a type mismatch has the coding path
/// but no position either; `1.5` for an `Int` is reported as invalid JSON, not as a mismatch;
/// and a duplicate key is accepted silently, the last value winning.
public indirect enum StoredJSON: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([StoredJSON])
  case object([String: StoredJSON])

  public var objectValue: [String: StoredJSON]? {
    if case .object(let members) = self { return members }
    return nil
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// A whole number, or nil (also for 1.5 or a string).
  public var intValue: Int? {
    guard case .number(let number) = self, number.rounded() == number, abs(number) < 1e15 else {
      return nil
    }
    return Int(number)
  }

  /// Compact JSON text; whole numbers print without a fraction, object keys sorted.
  public var text: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .number(let number):
      if let whole = intValue { return String(whole) }
      return number.isFinite ? "\(number)" : "null"
    case .string(let text): return StoredJSON.quote(text)
    case .array(let elements): return "[" + elements.map(\.text).joined(separator: ",") + "]"
    case .object(let members):
      let body = members.keys.sorted().map { key in
        "\(StoredJSON.quote(key)):\(members[key]?.text ?? "null")"
      }
      return "{" + body.joined(separator: ",") + "}"
    }
  }

  static func quote(_ text: String) -> String {
    // Most text (ids, days, time stamps) is printable ASCII with nothing to escape: copied whole
    // rather than scalar by scalar (exports write tens of thousands of them).
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
      return "\"" + text + "\""
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default:
        // Controls (C0, DEL, C1, bidi) as `\uXXXX`: the one rule of `TextSanitizer`.
        if let escaped = TextSanitizer.jsonEscape(scalar) {
          out += escaped
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// A JSON syntax error with its place in the text, 1-based.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var message: String

  public var description: String { "line \(line), column \(column): \(message)" }
}

extension StoredJSON {
  /// Parses RFC 8259 JSON (UTF-8). Rejects duplicate keys, which a hand edit can introduce and
  /// which would otherwise silently drop one of the values.
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> StoredJSON {
    var parser = Parser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    if parser.index < bytes.count {
      throw parser.error("unexpected text after the end of the JSON")
    }
    return value
  }

  private struct Parser {
    let bytes: [UInt8]
    var index = 0
    static let maximumDepth = 256

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
      let end = min(position ?? index, bytes.count)
      var line = 1
      var column = 1
      for byte in bytes[0..<end] {
        if byte == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      return JSONSyntaxError(line: line, column: column, message: message)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
      while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
        index += 1
      }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> StoredJSON {
      guard depth < Parser.maximumDepth else { throw error("nested too deeply") }
      guard let byte = current else { throw error("unexpected end of file; the JSON is cut short") }
      switch byte {
      case UInt8(ascii: "{"): return try object(depth: depth)
      case UInt8(ascii: "["): return try array(depth: depth)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
      default:
        throw error("unexpected '\(Parser.show(byte))'; expected a value")
      }
    }

    static func show(_ byte: UInt8) -> String {
      (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "byte \(byte)"
    }

    mutating func literal(_ word: String, _ value: StoredJSON) throws(JSONSyntaxError) -> StoredJSON
    {
      let expected = Array(word.utf8)
      guard index + expected.count <= bytes.count,
        Array(bytes[index..<index + expected.count]) == expected
      else { throw error("unexpected text; expected a value (a string needs double quotes)") }
      index += expected.count
      return value
    }

    mutating func number() throws(JSONSyntaxError) -> StoredJSON {
      let start = index
      func digits(_ parser: inout Parser) -> Int {
        var count = 0
        while let byte = parser.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
          parser.index += 1
          count += 1
        }
        return count
      }
      if current == UInt8(ascii: "-") { index += 1 }
      let integerStart = index
      let integerDigits = digits(&self)
      if integerDigits == 0 { throw error("a number needs digits") }
      if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
        throw error("a number cannot start with 0", at: integerStart)
      }
      if current == UInt8(ascii: ".") {
        index += 1
        if digits(&self) == 0 { throw error("a number needs digits after the decimal point") }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        index += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
        if digits(&self) == 0 { throw error("a number needs digits in its exponent") }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      guard let number = Double(text), number.isFinite else {
        throw error("'\(text)' is not a number JSON can hold", at: start)
      }
      return .number(number)
    }

    mutating func string() throws(JSONSyntaxError) -> String {
      let start = index
      index += 1
      var scalars = String.UnicodeScalarView()
      var runStart = index
      func flush(_ parser: Parser, upTo end: Int) throws(JSONSyntaxError) {
        guard runStart < end else { return }
        let run = parser.bytes[runStart..<end]
        guard let text = String(validating: run, as: UTF8.self) else {
          throw parser.error("text that is not valid UTF-8", at: runStart)
        }
        scalars.append(contentsOf: text.unicodeScalars)
      }
      while true {
        guard let byte = current else {
          throw error("a string is not closed; add the missing \"", at: start)
        }
        switch byte {
        case UInt8(ascii: "\""):
          try flush(self, upTo: index)
          index += 1
          return String(scalars)
        case UInt8(ascii: "\\"):
          try flush(self, upTo: index)
          index += 1
          scalars.append(try escape())
          runStart = index
        case 0..<0x20:
          throw error("a line break or control character inside a string; write it as \\n")
        default:
          index += 1
        }
      }
    }

    mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
      guard let byte = current else { throw error("unexpected end of file in an escape") }
      index += 1
      if let scalar = JSONEscape.single(byte) { return scalar }
      switch byte {
      case UInt8(ascii: "u"):
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
          guard current == UInt8(ascii: "\\"), index + 1 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "u")
          else { throw error("a lone surrogate in a \\u escape") }
          index += 2
          let low = try hex4()
          guard (0xDC00...0xDFFF).contains(low),
            let scalar = JSONEscape.combine(high: high, low: low)
          else { throw error("an invalid surrogate pair in a \\u escape") }
          return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
          throw error("a lone surrogate in a \\u escape")
        }
        return scalar
      default:
        throw error(
          "'\\\(Parser.show(byte))' is not an escape; write a backslash as \\\\", at: index - 2)
      }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let byte = current, let digit = JSONEscape.hexDigit(byte) else {
          throw error("a \\u escape needs 4 hex digits")
        }
        value = value * 16 + digit
        index += 1
      }
      return value
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> StoredJSON {
      index += 1
      var elements: [StoredJSON] = []
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      while true {
        skipWhitespace()
        elements.append(try value(depth: depth + 1))
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "]"):
          index += 1
          return .array(elements)
        case nil: throw error("unexpected end of file; a list [ is not closed")
        default: throw error("expected ',' or ']' after a list element (a missing comma?)")
        }
      }
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> StoredJSON {
      index += 1
      var members: [String: StoredJSON] = [:]
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else {
          if current == UInt8(ascii: "}") { throw error("a trailing comma before '}'") }
          throw error("expected a field name in double quotes")
        }
        let keyStart = index
        let key = try string()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\"") }
        index += 1
        skipWhitespace()
        let element = try value(depth: depth + 1)
        if members.updateValue(element, forKey: key) != nil {
          throw error("the field \"\(key)\" appears twice; keep one", at: keyStart)
        }
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "}"):
          index += 1
          return .object(members)
        case nil: throw error("unexpected end of file; an object { is not closed")
        default: throw error("expected ',' or '}' after a field (a missing comma?)")
        }
      }
    }
  }
}

/// The parts of JSON string escapes that the strict parser and the fast week reader share.
enum JSONEscape {
  /// What a one-letter escape stands for (`\n` → line feed); nil for `u` and non-escapes.
  static func single(_ byte: UInt8) -> Unicode.Scalar? {
    switch byte {
    case UInt8(ascii: "\""): "\""
    case UInt8(ascii: "\\"): "\\"
    case UInt8(ascii: "/"): "/"
    case UInt8(ascii: "b"): "\u{08}"
    case UInt8(ascii: "f"): "\u{0C}"
    case UInt8(ascii: "n"): "\n"
    case UInt8(ascii: "r"): "\r"
    case UInt8(ascii: "t"): "\t"
    default: nil
    }
  }

  static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// The scalar of a UTF-16 surrogate pair given as two `\u` escapes.
  static func combine(high: UInt32, low: UInt32) -> Unicode.Scalar? {
    Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
  }
}
