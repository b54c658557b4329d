/// A wall-clock time, hours and minutes in local (floating) time: when a reminder fires or a
/// calendar event starts.
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var hour: Int
  public var minute: Int

  public init?(hour: Int, minute: Int) {
    guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
    self.hour = hour
    self.minute = minute
  }

  /// `HH:MM`, 24-hour, with two digits each (`07:30`, `18:00`).
  public init?(_ text: String) {
    guard TimeOfDay.problem(parsing: text) == nil else { return nil }
    let digits = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int {
      digits[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
    self.init(hour: number(0..<2), minute: number(3..<5))
  }

  /// What is wrong with `text` as a time, or nil when it is one.
  public static func problem(parsing text: String) -> String? {
    let digits = Array(text.utf8)
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    guard digits.count == 5, digits[2] == UInt8(ascii: ":"), isDigit(digits[0]),
      isDigit(digits[1]), isDigit(digits[3]), isDigit(digits[4])
    else {
      return "'\(text)' is not a time; give HH:MM, 24-hour, e.g. 07:30 or 18:00"
    }
    let hour = Int(digits[0] - UInt8(ascii: "0")) * 10 + Int(digits[1] - UInt8(ascii: "0"))
    let minute = Int(digits[3] - UInt8(ascii: "0")) * 10 + Int(digits[4] - UInt8(ascii: "0"))
    if hour > 23 { return "'\(text)' has hour \(hour); hours go from 00 to 23, e.g. 18:00" }
    if minute > 59 { return "'\(text)' has minute \(minute); minutes go from 00 to 59, e.g. 18:30" }
    return nil
  }

  public var description: String { "\(TimeOfDay.two(hour)):\(TimeOfDay.two(minute))" }

  /// `HHMMSS`, as iCalendar writes a time.
  public var compact: String { "\(TimeOfDay.two(hour))\(TimeOfDay.two(minute))00" }

  public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
    (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
  }

  static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
