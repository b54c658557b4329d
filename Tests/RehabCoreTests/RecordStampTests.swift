import RehabTestSupport
import Testing

@testable import RehabCore

/// The checks every record passes on every read (`ProgressWeek.problems`): time stamps,
/// machine ids and the id alphabet, which work on the bytes in place.
@Suite("record time stamps and machine ids")
struct RecordStampTests {
  @Test(arguments: [
    "2026-12-02T18:04:05Z", "2026-12-02", "2000-01-01T00:00:00Z", "2199-12-31T23:59:60Z",
    "2028-02-29T12:00:00Z",
  ])
  func aStampAsRehabitWritesItIsValid(stamp: String) {
    #expect(Timestamp.isValid(stamp))
    #expect(Timestamp.problem(stamp) == nil)
  }

  @Test(arguments: [
    "", "not a time", "2026-12-02T18:04:05", "2026-12-02 18:04:05Z", "2026-12-02T24:00:00Z",
    "2026-12-02T18:60:00Z", "2026-12-02T18:04:61Z", "2026-02-30T10:00:00Z", "1999-12-31",
    "2200-01-01T00:00:00Z", "2026-12-02T1a:04:05Z", "2026-12-02T18:04:05Z ", "２026-12-02",
    "2026-12-02T18-04-05Z", "2027-02-29",
  ])
  func anythingElseIsNot(stamp: String) {
    #expect(!Timestamp.isValid(stamp))
    #expect(Timestamp.problem(stamp)?.hasPrefix("'\(stamp)' is not a time stamp") == true)
  }

  @Test func aStampCutFromALongerTextIsJudgedOnItsOwnBytes() {
    let line = "at=2026-12-02T18:04:05Z;"
    let stamp = String(line.dropFirst(3).dropLast())
    #expect(Timestamp.isValid(stamp))
    #expect(!Timestamp.isValid(String(line.dropFirst(3))))
  }

  @Test func theLetterTestAgreesWithTheAlphabetForEveryByte() {
    for byte in UInt8.min...UInt8.max {
      #expect(RecordID.isLetter(byte) == RecordID.alphabet.contains(byte), "byte \(byte)")
    }
  }

  @Test func aMachineIdIsSixteenLettersOfTheAlphabetOrUnknown() {
    let made = MachineID.make(bits: (0x0123_4567_89ab_cdef, 0xfedc_ba98))
    #expect(MachineID.isValid(made))
    #expect(MachineID.isValid(MachineID.unknown))
    #expect(!MachineID.isValid(String(made.dropLast())))
    #expect(!MachineID.isValid(made + "0"))
    for letter in ["i", "l", "o", "u", "A", "-", "é"] {
      let changed = String(made.dropFirst()) + letter
      #expect(!MachineID.isValid(changed), "\(changed)")
    }
  }

  /// `RecordID(canonical:)` accepts exactly the ids `RecordID(_:)` parses back to themselves,
  /// on ids with one character changed, dropped or added anywhere.
  @Test func theCanonicalParseAcceptsExactlyTheIdsThatReadBackAsThemselves() {
    var random = SeededRandom(state: 41)
    let characters = Array("0123456789abcdefghijklmnopqrstuvwxyz-pnc P٣é.")
    var accepted = 0
    for _ in 0..<4000 {
      let day = CalendarDay(daysSinceEpoch: random.int(-800_000...2_900_000))
      let kind = random.pick(RecordKind.allCases)
      var text = Array(
        RecordID(kind: kind, day: day, suffix: UInt32(random.int(0...0xFFFFF))).description)
      if random.int(0...3) != 0 { text = random.edited(text, using: characters) }
      let id = String(text)
      let reference = RecordID(id).flatMap { $0.description == id ? $0 : nil }
      #expect(RecordID(canonical: id) == reference, "\(id)")
      if reference != nil { accepted += 1 }
    }
    #expect(accepted > 1000)
  }
}

/// `ISOWeek(_:)` reads on the bytes what it read by splitting the text (the reference below):
/// on weeks with a character changed, dropped or added, signs and non-ASCII included.
@Suite("week names")
struct WeekNameTests {
  static func splitting(_ text: String) -> ISOWeek? {
    let parts = text.split(separator: "-W", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let year = Int(parts[0]), let week = Int(parts[1])
    else { return nil }
    return ISOWeek(year: year, week: week)
  }

  @Test func theByteReadingAgreesWithSplittingTheText() {
    var random = SeededRandom(state: 43)
    let characters = Array("0123456789-W+ w٣é")
    var accepted = 0
    for _ in 0..<5000 {
      let week = ISOWeek(containing: CalendarDay(daysSinceEpoch: random.int(-30_000...100_000)))
      var text = Array(week.description)
      if random.int(0...3) != 0 { text = random.edited(text, using: characters) }
      let name = String(text)
      #expect(ISOWeek(name) == Self.splitting(name), "\(name)")
      #expect(Array(name.utf8).withUnsafeBufferPointer { ISOWeek(utf8: $0) } == ISOWeek(name))
      if Self.splitting(name) != nil { accepted += 1 }
    }
    #expect(accepted > 1000)
    for name in [
      "+202-W05", "2026-W+5", "-001-W01", "2026-W00", "2026-W53", "2020-W53", "0000-W01",
    ] {
      #expect(ISOWeek(name) == Self.splitting(name), "\(name)")
    }
  }
}
