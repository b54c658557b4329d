/// The time stamps of records (`"at"`): UTC, to the second, as rehabit writes them
/// (`2026-12-02T18:04:05Z`), or a day alone (`2026-12-02`, what a migrated version 0 file
/// carries), range-checked. One rule for every file, checked when reading and
/// before every write, so a hand edit cannot store `"not a time"` that an export then passes on.
public enum Timestamp {
  /// Years a record can be dated in: none is older than rehabit or centuries ahead.
  public static let years = 2000...2199

  public static let example = "2026-12-02T18:04:05Z"

  /// Why `stamp` is not a record's time stamp; nil when it is one.
  public static func problem(_ stamp: String) -> String? {
    isValid(stamp)
      ? nil
      : "'\(stamp)' is not a time stamp like \(example) (UTC, years \(years.lowerBound)–\(years.upperBound))"
  }

  public static func isValid(_ stamp: String) -> Bool {
    // Checked for every record on every read: on the bytes in place, no copy made.
    if let valid = stamp.utf8.withContiguousStorageIfAvailable({ isValid(utf8: $0) }) {
      return valid
    }
    return Array(stamp.utf8).withUnsafeBufferPointer { isValid(utf8: $0) }
  }

  static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // A day alone: what older files migrated without a time carry.
    if bytes.count == 10 {
      return CalendarDay(utf8: bytes).map { years.contains($0.year) } ?? false
    }
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let day = CalendarDay(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10])),
      years.contains(day.year)
    else { return false }
    func number(_ at: Int) -> Int? {
      let (high, low) = (bytes[at], bytes[at + 1])
      guard (48...57).contains(high), (48...57).contains(low) else { return nil }
      return Int(high - 48) * 10 + Int(low - 48)
    }
    guard let hour = number(11), let minute = number(14), let second = number(17) else {
      return false
    }
    // 60: a leap second.
    return hour < 24 && minute < 60 && second <= 60
  }
}
