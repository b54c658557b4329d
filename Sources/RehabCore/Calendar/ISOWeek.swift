/// An ISO 8601 week (Monday to Sunday), the unit progress files are split by.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let week: Int

  public init(containing day: CalendarDay) {
    // The ISO year is the year of the week's Thursday.
    let thursday = day.adding(days: 3 - day.weekday.isoIndex)
    let january1 = CalendarDay(daysSinceEpoch: CalendarDay.epochDay(year: thursday.year))
    year = thursday.year
    week = january1.days(until: thursday) / 7 + 1
  }

  public init?(year: Int, week: Int) {
    guard (1...9999).contains(year), week >= 1 else { return nil }
    let candidate = ISOWeek(containing: ISOWeek.monday(year: year, week: week))
    guard candidate.year == year, candidate.week == week else { return nil }
    self.year = year
    self.week = week
  }

  /// Parses `2026-W49`.
  public init?(_ text: String) {
    // `YYYY-Www` on the bytes: every week file's name and "week" field is parsed on every read.
    var text = text
    guard let (year, week) = text.withUTF8(ISOWeek.numbers) else { return nil }
    self.init(year: year, week: week)
  }

  /// `init?(_:)` on the UTF-8 bytes of the text, without making a string of them.
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let (year, week) = ISOWeek.numbers(bytes) else { return nil }
    self.init(year: year, week: week)
  }

  /// The year and week of `YYYY-Www`, each read as `Int(_:)` reads its part (an optional sign,
  /// then one digit or more); nil for anything else.
  private static func numbers(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
    guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var index = range.lowerBound
      let negative = bytes[index] == UInt8(ascii: "-")
      if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
      guard index < range.upperBound else { return nil }
      var value = 0
      while index < range.upperBound {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        index += 1
      }
      return negative ? -value : value
    }
    guard let year = number(0..<4), let week = number(6..<8) else { return nil }
    return (year, week)
  }

  public var monday: CalendarDay { ISOWeek.monday(year: year, week: week) }
  public var days: [CalendarDay] { (0..<7).map { monday.adding(days: $0) } }
  public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }
  public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

  /// `2026-W49`; the year zero-padded to four digits like `CalendarDay`, so that what is
  /// written (a file name, the "week" field) always parses back (found by .ci/fuzz).
  public var description: String {
    let digits = String(year)
    let padding = String(repeating: "0", count: max(0, 4 - digits.count))
    return "\(padding)\(digits)-W\(week < 10 ? "0" : "")\(week)"
  }

  public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
    (lhs.year, lhs.week) < (rhs.year, rhs.week)
  }

  private static func monday(year: Int, week: Int) -> CalendarDay {
    // January 4th is always in week 1.
    let january4 = CalendarDay(daysSinceEpoch: CalendarDay.epochDay(year: year) + 3)
    let week1Monday = january4.adding(days: -january4.weekday.isoIndex)
    return week1Monday.adding(days: (week - 1) * 7)
  }
}

extension CalendarDay {
  /// Days since the epoch of January 1st of `year`.
  static func epochDay(year: Int) -> Int {
    CalendarDay(year: year, month: 1, day: 1)?.daysSinceEpoch ?? 0
  }
}
