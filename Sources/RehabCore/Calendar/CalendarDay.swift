/// A civil calendar day with no time and no time zone. "Today" is always passed in from the edge,
/// so the core never reads a clock and a DST change can never move a day.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a day, or nil when the date does not exist (2026-02-30, month 13 …).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDay.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01 (negative before). Hinnant's civil-from-days algorithm.
  public init(daysSinceEpoch days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    self.day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    self.month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    self.year = yearOfEra + era * 400 + (self.month <= 2 ? 1 : 0)
  }

  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  public func adding(days: Int) -> CalendarDay {
    CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(until other: CalendarDay) -> Int {
    other.daysSinceEpoch - daysSinceEpoch
  }

  public var weekday: Weekday {
    // 1970-01-01 was a Thursday.
    let offset = ((daysSinceEpoch % 7) + 7 + 3) % 7
    return Weekday.allCases[offset]
  }

  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `yyyy-MM-dd`, zero padded.
  public var description: String {
    // Written straight into the string's storage: days are printed into every item id.
    if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
      return String(unsafeUninitializedCapacity: 10) { buffer in
        let zero = UInt8(ascii: "0")
        buffer[0] = zero + UInt8(year / 1000)
        buffer[1] = zero + UInt8(year / 100 % 10)
        buffer[2] = zero + UInt8(year / 10 % 10)
        buffer[3] = zero + UInt8(year % 10)
        buffer[4] = UInt8(ascii: "-")
        buffer[5] = zero + UInt8(month / 10)
        buffer[6] = zero + UInt8(month % 10)
        buffer[7] = UInt8(ascii: "-")
        buffer[8] = zero + UInt8(day / 10)
        buffer[9] = zero + UInt8(day % 10)
        return 10
      }
    }
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

extension CalendarDay {
  /// Parses exactly `yyyy-MM-dd` (no ICU, no time zone); nil for anything else.
  public init?(_ text: String) {
    var text = text
    guard let day = text.withUTF8({ CalendarDay(utf8: $0) }) else { return nil }
    self = day
  }

  /// `init?(_:)` on the UTF-8 bytes of the text, without making a string of them.
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    guard let year = CalendarDay.digits(bytes[0..<4]), let month = CalendarDay.digits(bytes[5..<7]),
      let day = CalendarDay.digits(bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The decimal number the bytes spell, ASCII digits only (no sign); nil for anything else.
  static func digits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
    var value = 0
    for byte in bytes {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// Why `text` is not a day, in words a user can act on; nil when it parses.
  public static func problem(parsing text: String) -> String? {
    if CalendarDay(text) != nil { return nil }
    let shape = text.utf8.count == 10 && text.utf8.allSatisfy { $0 == 45 || (48...57).contains($0) }
    if shape {
      return "'\(text)' is not a real date (check the month and the day of month)"
    }
    return "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30"
  }
}

extension CalendarDay: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = CalendarDay(text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: CalendarDay.problem(parsing: text) ?? "invalid date")
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

public enum Weekday: String, CaseIterable, Codable, Sendable {
  case monday = "mon"
  case tuesday = "tue"
  case wednesday = "wed"
  case thursday = "thu"
  case friday = "fri"
  case saturday = "sat"
  case sunday = "sun"

  /// 0 for Monday … 6 for Sunday (ISO 8601 order).
  public var isoIndex: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }
}
