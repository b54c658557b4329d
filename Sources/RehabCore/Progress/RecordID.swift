/// The kinds of record that have their own id and can be removed (item ticks and skips are
/// keyed by their item id instead, and undone with `uncheck`).
public enum RecordKind: String, CaseIterable, Hashable, Sendable {
  case pain
  case note
  case checkin

  /// The id's first letter: `p-…`, `n-…`, `c-…`.
  public var prefix: Character {
    switch self {
    case .pain: "p"
    case .note: "n"
    case .checkin: "c"
    }
  }
}

/// A record id such as `p-20261105-k3m9`: the kind's letter, the record's day, and four
/// characters that tell apart the records of one day. Short enough to type, readable aloud (no
/// i, l, o or u), and it names the week file that holds the record, so finding one by id reads
/// one file. Ids are unique within a data folder: the store draws them under its lock and draws
/// again when one is taken.
public struct RecordID: Hashable, Sendable, CustomStringConvertible {
  public var kind: RecordKind
  public var day: CalendarDay
  /// 20 bits, written as four characters of `alphabet`.
  public var suffix: UInt32

  /// Crockford's base 32, lower case: digits and letters without i, l, o and u.
  static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

  /// `alphabet.contains(byte)`, without a search.
  static func isLetter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): true
    case UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "o"), UInt8(ascii: "u"): false
    case UInt8(ascii: "a")...UInt8(ascii: "z"): true
    default: false
    }
  }
  public static let suffixBits: UInt32 = 20
  public static let suffixMask: UInt32 = (1 << suffixBits) - 1

  public init(kind: RecordKind, day: CalendarDay, suffix: UInt32) {
    self.kind = kind
    self.day = day
    self.suffix = suffix & RecordID.suffixMask
  }

  public var description: String { RecordID.format(prefix: kind.prefix, day: day, suffix: suffix) }

  /// `X-YYYYMMDD-xxxx`: the layout shared with programme revisions (`RevisionID`).
  static func format(prefix: Character, day: CalendarDay, suffix: UInt32) -> String {
    var letters: [UInt8] = []
    var rest = suffix & suffixMask
    for _ in 0..<4 {
      letters.append(RecordID.alphabet[Int(rest & 31)])
      rest >>= 5
    }
    return "\(prefix)-\(compact(day))-\(String(decoding: letters.reversed(), as: UTF8.self))"
  }

  /// `20261105` for 2026-11-05.
  static func compact(_ day: CalendarDay) -> String { "\(day)".filter { $0 != "-" } }

  /// Parses an id as `description` writes it; nil for anything else (an item id, a typo).
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 1, parts[1].count == 8, parts[2].count == 4,
      let kind = RecordKind.allCases.first(where: { String($0.prefix) == parts[0] })
    else { return nil }
    let date = parts[1]
    let dayText = "\(date.prefix(4))-\(date.dropFirst(4).prefix(2))-\(date.suffix(2))"
    guard date.allSatisfy(\.isASCII), let day = CalendarDay(dayText) else { return nil }
    var suffix: UInt32 = 0
    for byte in parts[2].utf8 {
      guard let digit = RecordID.alphabet.firstIndex(of: byte) else { return nil }
      suffix = suffix << 5 | UInt32(digit)
    }
    self.init(kind: kind, day: day, suffix: suffix)
  }

  /// Parses an id exactly as `description` writes it (`RecordID(text)` whose description is
  /// `text`), on the bytes: every record's id is checked so on every read.
  public init?(canonical text: String) {
    var text = text
    guard let parsed = text.withUTF8({ RecordID(canonical: $0) }) else { return nil }
    self = parsed
  }

  init?(canonical bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 15, bytes[1] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "-"),
      let kind = RecordKind.allCases.first(where: { $0.prefix.asciiValue == bytes[0] })
    else { return nil }
    guard let year = CalendarDay.digits(bytes[2..<6]),
      let month = CalendarDay.digits(bytes[6..<8]),
      let dayOfMonth = CalendarDay.digits(bytes[8..<10]),
      let day = CalendarDay(year: year, month: month, day: dayOfMonth)
    else { return nil }
    var suffix: UInt32 = 0
    for byte in bytes[11..<15] {
      guard let digit = RecordID.alphabet.firstIndex(of: byte) else { return nil }
      suffix = suffix << 5 | UInt32(digit)
    }
    self.init(kind: kind, day: day, suffix: suffix)
  }

  /// An id worked out from a record's content, for records written before ids existed: the
  /// same content always gives the same id, so upgrading a file twice gives the same ids.
  /// FNV-1a over the bytes, folded to 20 bits; `attempt` picks another one on a clash.
  public static func derived(
    kind: RecordKind, day: CalendarDay, content: String, attempt: Int = 0
  ) -> RecordID {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in content.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0100_0000_01b3
    }
    for _ in 0..<attempt {
      hash ^= 0xff
      hash &*= 0x0100_0000_01b3
    }
    let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 20) ^ (hash >> 40))
    return RecordID(kind: kind, day: day, suffix: folded)
  }
}

/// What remains of a removed pain entry, note or check-in: its id and when it was removed.
/// Kept in the week file of the record's day, so that a later sync of two copies can carry the
/// removal instead of bringing the record back. JSON: `{"id": "p-20261105-k3m9", "at": "…"}`.
public struct RemovedRecord: Hashable, Sendable {
  public var id: String
  public var at: String
  /// The data folder (machine) that wrote it (`MachineID`); empty when unknown (older files).
  public var by: String

  public init(id: String, at: String, by: String = "") {
    self.id = id
    self.at = at
    self.by = by
  }
}

extension RemovedRecord: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case id, at, by }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      at: try container.decode(String.self, forKey: .at),
      by: try container.decodeIfPresent(String.self, forKey: .by) ?? "")
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(at, forKey: .at)
    if !by.isEmpty { try container.encode(by, forKey: .by) }
  }
}

/// One removable record of a week file, whatever its kind: what `remove` returns and what
/// undo puts back.
public enum LoggedRecord: Hashable, Sendable {
  case pain(PainRecord)
  case note(NoteRecord)
  case checkin(Checkin)

  public var id: String {
    switch self {
    case .pain(let record): record.id
    case .note(let record): record.id
    case .checkin(let record): record.id
    }
  }

  public var day: CalendarDay {
    switch self {
    case .pain(let record): record.day
    case .note(let record): record.day
    case .checkin(let record): record.day
    }
  }

  public var kind: RecordKind {
    switch self {
    case .pain: .pain
    case .note: .note
    case .checkin: .checkin
    }
  }
}
