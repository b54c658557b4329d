import RehabCore

/// One pass over a progress file's bytes straight into a `ProgressWeek`, for files in the
/// shape rehabit writes (current schema version, known fields, valid values). Anything else,
/// including every kind of mistake, returns nil and `ProgressDecoding.week` takes its careful
/// path (syntax check with line and column, migration, Foundation's decoder with a JSON path),
/// so errors are reported exactly as before; this only makes the common case cheap (a year of
/// week files is read for every `today`, `week` and `check`).
///
/// It accepts a subset of what the careful path accepts, and gives the same value for it:
/// strict RFC 8259 syntax, no duplicate keys, no nulls, `schemaVersion` written as the current
/// version, and the field rules of `ProgressWeek`, `ItemRecord`, `PainRecord`, `NoteRecord`,
/// `Checkin` and `RemovedRecord`.
enum ProgressFastDecoding {
  static func week(from bytes: [UInt8]) -> ProgressWeek? {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = Reader(bytes: buffer)
      reader.skipWhitespace()
      guard let week = reader.progressWeek() else { return nil }
      reader.skipWhitespace()
      return reader.index == buffer.count ? week : nil
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: The files' shapes

    mutating func progressWeek() -> ProgressWeek? {
      var version: Double?
      var weekText: String?
      var items: [String: ItemRecord] = [:]
      var pain: [PainRecord] = []
      var notes: [NoteRecord] = []
      var checkins: [Checkin] = []
      var removed: [RemovedRecord] = []
      var seen = Fields()
      let complete = object { reader, key in
        if key == "schemaVersion", seen.first(0) {
          guard let number = reader.number(), number.isWholeLiteral else { return false }
          version = number.value
        } else if key == "week", seen.first(1) {
          weekText = reader.string()
        } else if key == "items", seen.first(2) {
          items.reserveCapacity(80)
          return reader.object { reader, id in
            guard let record = reader.itemRecord(),
              items.updateValue(record, forKey: id.string) == nil
            else { return false }
            return true
          }
        } else if key == "pain", seen.first(3) {
          return reader.array { reader in
            guard let record = reader.painRecord() else { return false }
            pain.append(record)
            return true
          }
        } else if key == "notes", seen.first(4) {
          return reader.array { reader in
            guard let record = reader.noteRecord() else { return false }
            notes.append(record)
            return true
          }
        } else if key == "checkins", seen.first(5) {
          return reader.array { reader in
            guard let record = reader.checkin() else { return false }
            checkins.append(record)
            return true
          }
        } else if key == "removed", seen.first(6) {
          return reader.array { reader in
            guard let record = reader.removedRecord() else { return false }
            removed.append(record)
            return true
          }
        } else {
          return false
        }
        return true
      }
      guard complete, version == Double(ProgressWeek.schemaVersion), let weekText,
        let week = ISOWeek(weekText)
      else { return nil }
      return ProgressWeek(
        week: week, items: items, pain: pain, notes: notes, checkins: checkins, removed: removed)
    }

    mutating func removedRecord() -> RemovedRecord? {
      var id: String?
      var at: String?
      var by = ""
      var seen = Fields()
      let complete = object { reader, key in
        if key == "id", seen.first(0) {
          id = reader.string()
        } else if key == "at", seen.first(1) {
          at = reader.string()
        } else if key == "by", seen.first(2) {
          guard let text = reader.string() else { return false }
          by = text
        } else {
          return false
        }
        return true
      }
      guard complete, let id, let at else { return nil }
      return RemovedRecord(id: id, at: at, by: by)
    }

    mutating func itemRecord() -> ItemRecord? {
      var status: ItemStatus?
      var at: String?
      var reason: String?
      var by = ""
      var seen = Fields()
      let complete = object { reader, key in
        if key == "status", seen.first(0) {
          status = reader.itemStatus()
        } else if key == "at", seen.first(1) {
          at = reader.string()
        } else if key == "reason", seen.first(2) {
          reason = reader.string()
          return reason != nil
        } else if key == "by", seen.first(3) {
          guard let text = reader.string() else { return false }
          by = text
        } else {
          return false
        }
        return true
      }
      guard complete, let status, let at, reason == nil || status == .skipped else { return nil }
      return ItemRecord(status: status, at: at, reason: reason, by: by)
    }

    /// A `yyyy-MM-dd` string, without making a string of it (nil when it has escapes).
    mutating func day() -> CalendarDay? {
      plainString().flatMap { CalendarDay(utf8: $0.bytes) }
    }

    /// `"done"`, `"skipped"` or `"pending"`, without making a string of it.
    mutating func itemStatus() -> ItemStatus? {
      guard let key = plainString() else { return nil }
      if key == "done" { return .done }
      if key == "skipped" { return .skipped }
      if key == "pending" { return .pending }
      return nil
    }

    mutating func painRecord() -> PainRecord? {
      var id: String?
      var day: CalendarDay?
      var level: Int?
      var timing: PainEntry.Timing?
      var itemId: String?
      var treatmentId: String?
      var at: String?
      var by = ""
      var seen = Fields()
      let complete = object { reader, key in
        if key == "day", seen.first(0) {
          day = reader.day()
        } else if key == "level", seen.first(1) {
          guard let number = reader.number()?.value, number.rounded() == number,
            let whole = Int(exactly: number), PainEntry.levels.contains(whole)
          else { return false }
          level = whole
        } else if key == "timing", seen.first(2) {
          timing = reader.string().flatMap(PainEntry.Timing.init(rawValue:))
        } else if key == "itemId", seen.first(3) {
          itemId = reader.string()
          return itemId != nil
        } else if key == "treatmentId", seen.first(4) {
          treatmentId = reader.string()
          return treatmentId != nil
        } else if key == "at", seen.first(5) {
          at = reader.string()
        } else if key == "id", seen.first(6) {
          id = reader.string()
        } else if key == "by", seen.first(7) {
          guard let text = reader.string() else { return false }
          by = text
        } else {
          return false
        }
        return true
      }
      guard complete, let id, let day, let level, let timing, let at else { return nil }
      // As the decoder does: the stored treatment id as it is, never derived from the item.
      var record = PainRecord(day: day, level: level, timing: timing, at: at, id: id, by: by)
      record.itemId = itemId
      record.treatmentId = treatmentId
      return record
    }

    mutating func noteRecord() -> NoteRecord? {
      var id: String?
      var day: CalendarDay?
      var itemId: String?
      var text: String?
      var at: String?
      var by = ""
      var seen = Fields()
      let complete = object { reader, key in
        if key == "day", seen.first(0) {
          day = reader.day()
        } else if key == "itemId", seen.first(1) {
          itemId = reader.string()
          return itemId != nil
        } else if key == "text", seen.first(2) {
          text = reader.string()
        } else if key == "at", seen.first(3) {
          at = reader.string()
        } else if key == "id", seen.first(4) {
          id = reader.string()
        } else if key == "by", seen.first(5) {
          guard let text = reader.string() else { return false }
          by = text
        } else {
          return false
        }
        return true
      }
      guard complete, let id, let day, let text, let at else { return nil }
      return NoteRecord(day: day, itemId: itemId, text: text, at: at, id: id, by: by)
    }

    mutating func checkin() -> Checkin? {
      var id: String?
      var day: CalendarDay?
      var values: [Measure: CheckinValue]?
      var at: String?
      var by = ""
      var seen = Fields()
      let complete = object { reader, key in
        if key == "day", seen.first(0) {
          day = reader.day()
        } else if key == "at", seen.first(1) {
          at = reader.string()
        } else if key == "values", seen.first(2) {
          var found: [Measure: CheckinValue] = [:]
          let read = reader.object { reader, name in
            guard let measure = Measure(rawValue: name.string), found[measure] == nil,
              let value = reader.checkinValue(),
              CheckinProblem.check(value, for: measure) == nil
            else { return false }
            found[measure] = value
            return true
          }
          guard read else { return false }
          values = found
        } else if key == "id", seen.first(3) {
          id = reader.string()
        } else if key == "by", seen.first(4) {
          guard let text = reader.string() else { return false }
          by = text
        } else {
          return false
        }
        return true
      }
      guard complete, let id, let day, let values, let at else { return nil }
      return Checkin(day: day, values: values, at: at, id: id, by: by)
    }

    mutating func checkinValue() -> CheckinValue? {
      if current != UInt8(ascii: "{") { return number().map { .single($0.value) } }
      var left: Double?
      var right: Double?
      var seen = Fields()
      let complete = object { reader, side in
        if side == "left", seen.first(0) {
          left = reader.number()?.value
        } else if side == "right", seen.first(1) {
          right = reader.number()?.value
        } else {
          return false
        }
        return true
      }
      guard complete, let left, let right else { return nil }
      return .sided(left: left, right: right)
    }

    /// Which fields of an object were read, to refuse one given twice.
    struct Fields {
      private var bits: UInt8 = 0

      /// True the first time `field` is asked about.
      mutating func first(_ field: Int) -> Bool {
        let bit = UInt8(1) << field
        defer { bits |= bit }
        return bits & bit == 0
      }
    }

    /// An object key or a string value without escapes, control characters or non-ASCII bytes,
    /// as its bytes (valid while the file's bytes are).
    struct Plain {
      let bytes: UnsafeBufferPointer<UInt8>

      var string: String { String(decoding: bytes, as: UTF8.self) }

      static func == (plain: Plain, name: StaticString) -> Bool {
        guard plain.bytes.count == name.utf8CodeUnitCount else { return false }
        let other = name.utf8Start
        for offset in 0..<plain.bytes.count where plain.bytes[offset] != other[offset] {
          return false
        }
        return true
      }
    }

    /// A plain string (see `Plain`); nil for anything else, including strings with escapes.
    mutating func plainString() -> Plain? {
      guard consume(UInt8(ascii: "\"")) else { return nil }
      let start = index
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          defer { index += 1 }
          return Plain(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
        guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
        index += 1
      }
      return nil
    }

    // MARK: JSON

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x0A, 0x0D, 0x09: index += 1
        default: return
        }
      }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
      guard current == byte else { return false }
      index += 1
      return true
    }

    /// `{ "key": value, … }` with plain keys; `member` reads each value (the reader is on it)
    /// and returns false to give up. False for any mistake, and for keys that are not plain.
    mutating func object(_ member: (inout Reader, Plain) -> Bool) -> Bool {
      guard consume(UInt8(ascii: "{")) else { return false }
      skipWhitespace()
      if consume(UInt8(ascii: "}")) { return true }
      while true {
        skipWhitespace()
        guard let key = plainString() else { return false }
        skipWhitespace()
        guard consume(UInt8(ascii: ":")) else { return false }
        skipWhitespace()
        guard member(&self, key) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: ",")) { continue }
        return consume(UInt8(ascii: "}"))
      }
    }

    /// `[ value, … ]`, each element read by `element`.
    mutating func array(_ element: (inout Reader) -> Bool) -> Bool {
      guard consume(UInt8(ascii: "[")) else { return false }
      skipWhitespace()
      if consume(UInt8(ascii: "]")) { return true }
      while true {
        skipWhitespace()
        guard element(&self) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: ",")) { continue }
        return consume(UInt8(ascii: "]"))
      }
    }

    /// A string; nil for a control character, a bad escape or invalid UTF-8.
    mutating func string() -> String? {
      guard consume(UInt8(ascii: "\"")) else { return nil }
      let start = index
      var ascii = true
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
          index += 1
          return ascii
            ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
        }
        if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
        if byte < 0x20 { return nil }
        if byte >= 0x80 { ascii = false }
        index += 1
      }
      return nil
    }

    /// The rest of a string that has escapes, from its first character at `start`.
    private mutating func escapedString(from start: Int) -> String? {
      var text: [UInt8] = Array(bytes[start..<index])
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return String(validating: text, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard let scalar = escape() else { return nil }
          text.append(contentsOf: String(scalar).utf8)
        case 0..<0x20: return nil
        default: text.append(byte)
        }
      }
      return nil
    }

    private mutating func escape() -> Unicode.Scalar? {
      guard let byte = current else { return nil }
      index += 1
      if let scalar = JSONEscape.single(byte) { return scalar }
      switch byte {
      case UInt8(ascii: "u"):
        guard let high = hex4() else { return nil }
        guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
        guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = hex4(),
          (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return JSONEscape.combine(high: high, low: low)
      default: return nil
      }
    }

    private mutating func hex4() -> UInt32? {
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let byte = current, let digit = JSONEscape.hexDigit(byte) else { return nil }
        value = value * 16 + digit
        index += 1
      }
      return value
    }

    struct Number {
      var value: Double
      /// Written with digits only (no sign, fraction or exponent).
      var isWholeLiteral: Bool
    }

    /// A finite JSON number.
    mutating func number() -> Number? {
      let start = index
      var negative = false
      if consume(UInt8(ascii: "-")) { negative = true }
      let integerStart = index
      var whole: UInt64 = 0
      while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        whole = whole &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
        index += 1
      }
      let integerDigits = index - integerStart
      guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0")
      else { return nil }
      var simple = integerDigits <= 15
      if consume(UInt8(ascii: ".")) {
        simple = false
        guard digits() > 0 else { return nil }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        index += 1
        simple = false
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { return nil }
      }
      if simple {
        // Up to 15 digits are exact in a Double: the same value as parsing the text.
        let value = Double(whole)
        return Number(value: negative ? -value : value, isWholeLiteral: !negative)
      }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      guard let value = Double(text), value.isFinite else { return nil }
      return Number(value: value, isWholeLiteral: false)
    }

    private mutating func digits() -> Int {
      let start = index
      while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
      return index - start
    }
  }
}
