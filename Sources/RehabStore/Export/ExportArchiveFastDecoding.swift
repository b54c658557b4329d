import RehabCore
import Synchronization

/// One pass over an export archive as rehabit writes it, for `rehabit import`: the whole
/// document is checked for syntax without building a tree, each week is handed as borrowed
/// bytes to the one-pass week reader (`ProgressFastDecoding`), and only the small members (the
/// format, the version, the programmes) are parsed into `StoredJSON` for the careful path's own
/// checks (`ExportArchive.programmes(of:)`). The summaries are checked for syntax and skipped:
/// an import never reads them.
///
/// It returns nil whenever it is not sure to agree with `ExportArchive.carefulDecode`: any
/// syntax error, escaped or non-ASCII field names (Swift compares those as Unicode text), deep
/// nesting, a week the fast reader declines or with a problem, a week twice, any failed check.
/// The caller then takes the careful path, which gives the error, so this only makes the
/// common case cheap (the careful tree of a 10-year archive took about 60 MB and a second).
enum ExportArchiveFastDecoding {
  /// A week the one-pass reader would not vouch for, met while the weeks were being read one
  /// at a time (`streamed`): the caller starts again on the careful path.
  struct Declined: Error {}

  /// `decode`'s checks, but with the weeks parsed from `bytes` by a second thread a few weeks
  /// ahead of the one `StreamedArchive.week` asks for (in order, once each), so the weeks of an
  /// import are never all in memory. Nil when the top level is not sure; a week that is not
  /// sure, or twice, throws `Declined` where it is asked for.
  static func streamed(_ bytes: [UInt8]) -> StreamedArchive? {
    guard let (programme, earlier, ranges) = top(bytes) else { return nil }
    // Each week parsed and checked by a second thread while the one before is used.
    let seen = Mutex<Set<ISOWeek>>([])
    let readAhead = WeekReadAhead(count: ranges.count) { index in
      let week = bytes.withUnsafeBufferPointer { buffer in
        ProgressFastDecoding.week(from: UnsafeBufferPointer(rebasing: buffer[ranges[index]]))
      }
      guard let week, week.problems.isEmpty,
        seen.withLock({ $0.insert(week.week).inserted })
      else {
        throw Declined()
      }
      return week
    }
    var archive = StreamedArchive(
      programme: programme, earlierProgrammes: earlier.sorted { $0.start < $1.start },
      weekCount: ranges.count
    ) { index in try readAhead.week(index) }
    archive.weeksAreChecked = true
    return archive
  }

  /// The programmes, checked as the careful path checks them, and the byte ranges of the
  /// weeks; nil when the document or any of those is not sure.
  private static func top(_ bytes: [UInt8]) -> (Programme, [Programme], [Range<Int>])? {
    bytes.withUnsafeBufferPointer { buffer -> (Programme, [Programme], [Range<Int>])? in
      var scanner = Scanner(bytes: buffer)
      guard let top = scanner.topLevel() else { return nil }
      var object: [String: StoredJSON] = [:]
      for (key, range) in top.members {
        switch key {
        case "weeks": object[key] = .array([])
        // Never read by an import: syntax checked, not parsed.
        case "summary", "summaries": object[key] = .null
        default:
          guard let value = try? StoredJSON.parse(Array(buffer[range])) else { return nil }
          object[key] = value
        }
      }
      guard let weekRanges = top.weeks,
        let (programme, earlier) = try? ExportArchive.programmes(of: object)
      else { return nil }
      return (programme, earlier, weekRanges)
    }
  }

  static func decode(_ bytes: [UInt8]) -> ExportArchive? {
    guard let streamed = streamed(bytes) else { return nil }
    var weeks: [ProgressWeek] = []
    weeks.reserveCapacity(streamed.weekCount)
    for index in 0..<streamed.weekCount {
      guard let week = try? streamed.week(index) else { return nil }
      weeks.append(week)
    }
    return ExportArchive(
      programme: streamed.programme, earlierProgrammes: streamed.earlierProgrammes, weeks: weeks)
  }

  /// The top-level members' value ranges, and the ranges of the `weeks` list's elements.
  struct TopLevel {
    var members: [(String, Range<Int>)] = []
    var weeks: [Range<Int>]?
  }

  /// A strict RFC 8259 syntax check that accepts no more than `StoredJSON.parse` does (and
  /// declines, with nil, what it cannot judge as cheaply), recording only positions.
  struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Below `StoredJSON`'s limit, so anything near it goes the careful way.
    static let maximumDepth = 200

    /// The field names of the objects being read, innermost last, with a hash of each: one
    /// stack for the whole document rather than a set per object (an export has tens of
    /// thousands of small objects).
    private var names: [(hash: UInt64, range: Range<Int>)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
      names.reserveCapacity(64)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Adds a field name of the object whose names start at `base`; false when it has it
    /// already (a duplicate, which `StoredJSON` refuses). Compared byte for byte (the names
    /// are plain ASCII), through a cheap hash first.
    mutating func insertName(_ range: Range<Int>, above base: Int) -> Bool {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for index in range {
        hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
      }
      for entry in names[base...] where entry.hash == hash && entry.range.count == range.count {
        if bytes[entry.range].elementsEqual(bytes[range]) { return false }
      }
      names.append((hash, range))
      return true
    }

    mutating func topLevel() -> TopLevel? {
      var top = TopLevel()
      skipWhitespace()
      let complete = object(depth: 0) { scanner, name in
        let key = String(
          decoding: UnsafeBufferPointer(rebasing: scanner.bytes[name]), as: UTF8.self)
        let start = scanner.index
        if key == "weeks", scanner.current == UInt8(ascii: "[") {
          var ranges: [Range<Int>] = []
          guard
            scanner.array(
              depth: 1,
              element: { scanner in
                let elementStart = scanner.index
                guard scanner.value(depth: 2) else { return false }
                ranges.append(elementStart..<scanner.index)
                return true
              })
          else { return false }
          top.weeks = ranges
        } else if !scanner.value(depth: 1) {
          return false
        }
        top.members.append((key, start..<scanner.index))
        return true
      }
      guard complete else { return nil }
      skipWhitespace()
      return index == bytes.count ? top : nil
    }

    mutating func skipWhitespace() {
      while index < bytes.count {
        let byte = bytes[index]
        guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
        index += 1
      }
    }

    mutating func value(depth: Int) -> Bool {
      guard depth < Scanner.maximumDepth, let byte = current else { return false }
      switch byte {
      case UInt8(ascii: "{"):
        return object(depth: depth) { scanner, _ in scanner.value(depth: depth + 1) }
      case UInt8(ascii: "["):
        return array(depth: depth) { scanner in scanner.value(depth: depth + 1) }
      case UInt8(ascii: "\""): return string()
      case UInt8(ascii: "t"): return literal("true")
      case UInt8(ascii: "f"): return literal("false")
      case UInt8(ascii: "n"): return literal("null")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
      default: return false
      }
    }

    /// An object; `member` is called with the range of each field name (plain ASCII only),
    /// positioned at its value, and must consume it.
    mutating func object(
      depth: Int, member: (inout Scanner, Range<Int>) -> Bool
    ) -> Bool {
      guard current == UInt8(ascii: "{") else { return false }
      index += 1
      // This object's names sit on the shared stack above `base` while it is read.
      let base = names.count
      defer { names.removeSubrange(base...) }
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        index += 1
        return true
      }
      while true {
        skipWhitespace()
        guard let key = plainKey(), insertName(key, above: base) else { return false }
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { return false }
        index += 1
        skipWhitespace()
        guard member(&self, key) else { return false }
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "}"):
          index += 1
          return true
        default: return false
        }
      }
    }

    mutating func array(depth: Int, element: (inout Scanner) -> Bool) -> Bool {
      guard current == UInt8(ascii: "[") else { return false }
      index += 1
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        index += 1
        return true
      }
      while true {
        skipWhitespace()
        guard element(&self) else { return false }
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "]"):
          index += 1
          return true
        default: return false
        }
      }
    }

    /// A field name of printable ASCII without escapes: the range of its text. Others are
    /// compared by `StoredJSON` as Unicode text, which this does not attempt.
    mutating func plainKey() -> Range<Int>? {
      guard current == UInt8(ascii: "\"") else { return nil }
      let start = index + 1
      var cursor = start
      while cursor < bytes.count {
        let byte = bytes[cursor]
        if byte == UInt8(ascii: "\"") {
          index = cursor + 1
          return start..<cursor
        }
        guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
        cursor += 1
      }
      return nil
    }

    /// A string: no control characters, valid escapes (surrogates paired), valid UTF-8 in
    /// each run between escapes (as `StoredJSON` checks it).
    mutating func string() -> Bool {
      index += 1
      var runStart = index
      var plain = true
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          guard plain || validUTF8(runStart..<index) else { return false }
          index += 1
          return true
        }
        if byte == UInt8(ascii: "\\") {
          guard plain || validUTF8(runStart..<index) else { return false }
          index += 1
          guard escape() else { return false }
          runStart = index
          plain = true
          continue
        }
        if byte < 0x20 { return false }
        if byte >= 0x80 { plain = false }
        index += 1
      }
      return false
    }

    func validUTF8(_ range: Range<Int>) -> Bool {
      String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) != nil
    }

    mutating func escape() -> Bool {
      guard let byte = current else { return false }
      index += 1
      if JSONEscape.single(byte) != nil { return true }
      guard byte == UInt8(ascii: "u"), let high = hex4() else { return false }
      if (0xD800...0xDBFF).contains(high) {
        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count,
          bytes[index + 1] == UInt8(ascii: "u")
        else { return false }
        index += 2
        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
        return JSONEscape.combine(high: high, low: low) != nil
      }
      return Unicode.Scalar(high) != nil
    }

    mutating func hex4() -> UInt32? {
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let byte = current, let digit = JSONEscape.hexDigit(byte) else { return nil }
        value = value * 16 + digit
        index += 1
      }
      return value
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count else { return false }
      let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
      for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
      index += count
      return true
    }

    mutating func number() -> Bool {
      let start = index
      if current == UInt8(ascii: "-") { index += 1 }
      let integerStart = index
      let integerDigits = digits()
      guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0")
      else { return false }
      var exponent = false
      if current == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else { return false }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        exponent = true
        index += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { return false }
      }
      // Only an exponent or a very long number can fall outside a finite Double.
      guard exponent || index - start > 300 else { return true }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      return Double(text)?.isFinite == true
    }

    mutating func digits() -> Int {
      let start = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"),
        bytes[index] <= UInt8(ascii: "9")
      {
        index += 1
      }
      return index - start
    }
  }
}
