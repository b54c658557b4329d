import RehabCore

/// Pretty-printed JSON written straight into bytes, in the layout of rehabit's files: two-space
/// indent, `"key" : value`, one member or element a line. The caller writes object members in
/// sorted key order (as `JSONEncoder`'s `.sortedKeys` and `ExportJSON` do); this keeps the
/// commas, line breaks and indentation.
///
/// Two layouts, differing only in how an empty list or object prints:
/// - `export`: `[]` and `{}`, as `ExportJSON.pretty` prints them (the exports);
/// - `file`: a blank line between the brackets, as Foundation's `JSONEncoder` prints them (the
///   progress files, `JSONCoding.encode`).
struct PrettyJSONBytes {
  enum Layout { case export, file }

  let layout: Layout
  private(set) var bytes: [UInt8] = []
  /// The nesting level of the container being written.
  private(set) var depth: Int
  /// True from an opening bracket to the container's first member or element.
  private var empty = false

  init(layout: Layout, depth: Int = 0, capacity: Int = 0) {
    self.layout = layout
    self.depth = depth
    bytes.reserveCapacity(capacity)
  }

  var count: Int { bytes.count }

  /// Drops what was written after `count` bytes (a writer that gave up part way), at the
  /// nesting level `depth` it was written from.
  mutating func truncate(to count: Int, depth: Int) {
    bytes.removeSubrange(count...)
    self.depth = depth
    empty = false
  }

  /// Hands the bytes written so far to `sink` and starts again, keeping the capacity.
  mutating func drain(into sink: ([UInt8]) throws -> Void) rethrows {
    try sink(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  // MARK: Structure

  mutating func openObject() { open(UInt8(ascii: "{")) }
  mutating func closeObject() { close(UInt8(ascii: "}")) }
  mutating func openArray() { open(UInt8(ascii: "[")) }
  mutating func closeArray() { close(UInt8(ascii: "]")) }

  /// Starts the next element of a list (its value follows).
  mutating func element() {
    if !empty { bytes.append(UInt8(ascii: ",")) }
    newLine()
    empty = false
  }

  /// Starts the next member of an object: its name (plain ASCII: a name the caller spells);
  /// its value follows.
  mutating func key(_ name: StaticString) {
    element()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    bytes.append(contentsOf: [
      UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " "),
    ])
  }

  /// Starts the next member of an object named by data (an item id, a measure). False, with
  /// nothing written, when the `file` layout cannot vouch for printing it as `JSONEncoder`
  /// does (anything but plain ASCII).
  @discardableResult
  mutating func key(_ name: String) -> Bool {
    guard layout == .export || PrettyJSONBytes.isPlain(name) else { return false }
    element()
    string(name)
    bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    return true
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if empty {
      if layout == .file {
        bytes.append(UInt8(ascii: "\n"))
        newLine()
      }
    } else {
      newLine()
    }
    bytes.append(bracket)
    empty = false
  }

  private mutating func newLine() {
    bytes.append(UInt8(ascii: "\n"))
    let width = 2 * depth
    if width <= PrettyJSONBytes.spaces.count {
      bytes.append(contentsOf: PrettyJSONBytes.spaces[..<width])
    } else {
      bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
    }
  }

  /// Indentation copied at once rather than a space at a time (every line has some).
  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

  // MARK: Values

  /// Printable ASCII without a quote or a backslash: printed as it is by every JSON printer
  /// rehabit uses (`StoredJSON.quote`, and `JSONEncoder` without escaped slashes).
  static func isPlain(_ text: String) -> Bool {
    let utf8 = text.utf8
    return utf8.withContiguousStorageIfAvailable(isPlain) ?? utf8.allSatisfy(isPlainByte)
  }

  static func isPlainByte(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
  }

  /// `isPlainByte` of every byte, eight at a time (every string of an export is asked).
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    /// A byte of `word` is zero (exact for "any", as used here).
    func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    var index = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // Beyond ASCII, below 0x20 (all bytes < 0x80 here), DEL, a quote or a backslash.
        if word & highs != 0 || (word &- 0x20 &* ones) & ~word & highs != 0
          || hasZero(word ^ (0x7F &* ones)) || hasZero(word ^ (0x22 &* ones))
          || hasZero(word ^ (0x5C &* ones))
        {
          return false
        }
        index += 8
      }
    }
    while index < bytes.count {
      guard isPlainByte(bytes[index]) else { return false }
      index += 1
    }
    return true
  }

  /// `text` as a JSON string: plain text as it is, anything else escaped as `StoredJSON.quote`
  /// does. The `file` layout's data goes through `text` instead (`JSONEncoder` escapes
  /// differently).
  mutating func string(_ text: String) {
    if PrettyJSONBytes.isPlain(text) {
      quoted(text)
    } else {
      bytes.append(contentsOf: StoredJSON.quote(text).utf8)
    }
  }

  /// A string value of data (a note, a reason, an id) in the layout's escaping: the `export`
  /// layout's as `string` escapes it, the `file` layout's as `JSONEncoder` does (`escaped`).
  mutating func text(_ text: String) {
    if layout == .export {
      string(text)
    } else if PrettyJSONBytes.isPlain(text) {
      quoted(text)
    } else {
      escaped(text)
    }
  }

  /// Plain text (`isPlain`) between quotes, as every printer prints it.
  private mutating func quoted(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: text.utf8)
    bytes.append(UInt8(ascii: "\""))
  }

  /// `text` as Foundation's `JSONEncoder` prints a string value (without escaped slashes): a
  /// backslash before `"` and `\`, `\b \f \n \r \t` for those controls, `\u00xx` (lower-case
  /// hex) for the other controls below U+0020, every other byte as it is (UTF-8, DEL included).
  mutating func escaped(_ text: String) {
    let hex = Array("0123456789abcdef".utf8)
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
      case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// A string rehabit spells (a raw value, a day, a week), plain ASCII by construction.
  mutating func literalString(_ text: String) { string(text) }

  mutating func literal(_ text: StaticString) {
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func null() { literal("null") }

  mutating func bool(_ value: Bool) { value ? literal("true") : literal("false") }

  /// A whole number in decimal.
  mutating func int(_ value: Int) {
    if value >= 0, value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
    } else {
      // A short string: no allocation.
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  /// A number as `StoredJSON.text` prints it: whole numbers (below 10¹⁵) without a fraction,
  /// others as Swift prints a `Double`, and `null` when it is not finite. The `export` layout.
  mutating func number(_ value: Double) {
    if let whole = StoredJSON.number(value).intValue {
      int(whole)
    } else if value.isFinite {
      bytes.append(contentsOf: "\(value)".utf8)
    } else {
      null()
    }
  }

  /// A `Double` as `JSONEncoder` prints it, for the `file` layout: false, with nothing written,
  /// for the numbers this does not vouch for (very large or small, negative zero, not finite).
  /// Whole numbers print without a fraction; others as Swift prints a `Double`.
  mutating func encoderNumber(_ value: Double) -> Bool {
    guard value.isFinite, value.magnitude < 1e9, !(value == 0 && value.sign == .minus) else {
      return false
    }
    if value.rounded() == value {
      int(Int(value))
      return true
    }
    let text = "\(value)"
    guard value.magnitude >= 1e-4, !text.utf8.contains(UInt8(ascii: "e")) else { return false }
    bytes.append(contentsOf: text.utf8)
    return true
  }

  /// `value` as `ExportJSON.pretty` prints it, members in sorted order.
  mutating func value(_ value: StoredJSON) {
    switch value {
    case .array(let elements):
      openArray()
      for element in elements {
        self.element()
        self.value(element)
      }
      closeArray()
    case .object(let members):
      openObject()
      for key in members.keys.sorted() {
        self.key(key)
        self.value(members[key] ?? .null)
      }
      closeObject()
    case .string(let text): string(text)
    case .number(let number): self.number(number)
    case .bool(let flag): bool(flag)
    case .null: null()
    }
  }
}
