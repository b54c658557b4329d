import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// The direct week printer (issue 19) gives the reference paths' bytes: in the `file` layout
/// `JSONCoding.encode` (Foundation's encoder, how every progress file is written), in the
/// `export` layout the archive's `StoredJSON` tree printed by `ExportJSON.pretty`. Where it
/// declines (nil or false) the caller takes the reference path, so declining is never wrong;
/// the tests also check it does not decline the weeks rehabit writes every day.
@Suite("the direct week printer gives the encoder's bytes")
struct ProgressWeekWriterTests {
  /// Random weeks with every kind of record, text and value, half of them by a known machine.
  static func randomWeeks(count: Int, seed: UInt64) -> [ProgressWeek] {
    var random = SeededRandom(state: seed)
    return (0..<count).map { index in
      var week = WeekReaderTests.randomWeek(&random, valid: index % 3 != 0)
      if index % 2 == 0 { ArchiveStreamTests.stamp(&week, by: "m\(index % 7)k3x9q2w") }
      return week
    }
  }

  /// The week printed in the `export` layout as the archive's pretty printer prints it alone.
  static func exportText(_ week: ProgressWeek) -> String? {
    var out = PrettyJSONBytes(layout: .export)
    guard ProgressWeekWriter.write(week, into: &out) else { return nil }
    return String(decoding: out.bytes, as: UTF8.self) + "\n"
  }

  @Test func theFileLayoutIsTheEncodersBytesOnRandomWeeks() throws {
    var written = 0
    for week in Self.randomWeeks(count: 400, seed: 23) {
      guard let bytes = ProgressWeekWriter.file(week) else { continue }
      written += 1
      #expect(bytes == (try JSONCoding.encode(week)))
    }
    #expect(written > 0)
    // With item ids in plain ASCII (as every id rehabit makes is), none is declined, whatever
    // the notes and reasons hold.
    for week in Self.randomWeeks(count: 200, seed: 31).map(Self.plainIDs) {
      let bytes = try #require(ProgressWeekWriter.file(week))
      #expect(bytes == (try JSONCoding.encode(week)))
    }
  }

  /// `week` with its item ids in plain ASCII.
  static func plainIDs(_ week: ProgressWeek) -> ProgressWeek {
    var plain = week
    plain.items = [:]
    for (id, record) in week.items {
      plain.items[id.replacingOccurrences(of: "ü", with: "u")] = record
    }
    return plain
  }

  /// Every ASCII byte, and text beyond ASCII, in each text field a week has.
  static let awkwardTexts: [String] =
    (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + WeekReaderTests.texts + [
      "é", "e\u{301}", "\u{2028}\u{2029}", "\u{FEFF}bom", "\u{85}", "💪🏽", "\u{10FFFF}",
      "a\"b\\c/d\u{7F}", "\r\n",
    ]

  @Test func theExportLayoutIsTheArchiveTreesTextOnRandomWeeks() throws {
    for week in Self.randomWeeks(count: 300, seed: 29) {
      let tree = try #require(ProgressWeekJSON.value(week))
      #expect(Self.exportText(week) == ExportJSON.pretty(tree))
    }
    for week in ExportFixture.history.weeks.values {
      #expect(Self.exportText(week) == ExportJSON.pretty(try ExportJSON.value(week)))
    }
  }

  @Test func anEmptyWeekPrintsItsEmptyListsAsEachPrinterDoes() throws {
    let week = ProgressWeek(week: WeekReaderTests.week)
    #expect(ProgressWeekWriter.file(week) == (try JSONCoding.encode(week)))
    #expect(Self.exportText(week) == ExportJSON.pretty(try ExportJSON.value(week)))
    // The two layouts do differ here: the encoder leaves a blank line in an empty list.
    #expect(ProgressWeekWriter.file(week) != Self.exportText(week).map { Array($0.utf8) })
  }

  @Test func theWeeksOfAnImportedHistoryTakeTheFastWay() throws {
    for week in ArchiveStreamTests.longArchive(weeks: 8).weeks {
      let bytes = try #require(ProgressWeekWriter.file(week))
      #expect(bytes == (try JSONCoding.encode(week)))
    }
  }

  @Test(arguments: [
    0.0, 1, 7, 60, 99.5, 12.25, 0.1, 0.3, 1.0 / 3, 2.0 / 3, 1e-3, 123_456.789, 999_999_999,
    -4, -0.5, 5e-5, 1e-7, 1e9, 1e12, 1e15, 1e16, 1e21, 4.35, 100.01, 33.333333333333336,
  ])
  func aMeasureValueIsPrintedAsTheEncoderPrintsItOrDeclined(value: Double) throws {
    var week = ProgressWeek(week: WeekReaderTests.week)
    week.checkins.append(
      Checkin(
        day: WeekReaderTests.week.days[2],
        values: [.sane: .single(value), .heelRaises: .sided(left: value, right: 3)],
        at: "2026-12-02T09:00:00Z", id: "c-20261202-0001"))
    let encoded = try JSONCoding.encode(week)
    if let bytes = ProgressWeekWriter.file(week) { #expect(bytes == encoded) }
    // Every value a check-in form accepts (a few digits, a fraction or not) takes the fast way.
    if value.magnitude < 1e6, value.magnitude >= 1e-3 || value == 0 {
      #expect(ProgressWeekWriter.file(week) != nil)
    }
    #expect(Self.exportText(week) == ExportJSON.pretty(try ExportJSON.value(week)))
  }

  @Test(arguments: awkwardTexts)
  func textIsEscapedAsEachPrinterEscapesIt(text: String) throws {
    var week = ProgressWeek(week: WeekReaderTests.week)
    let day = WeekReaderTests.week.days[1]
    week.notes.append(
      NoteRecord(
        day: day, itemId: text, text: text, at: "2026-12-01T20:00:00Z", id: "n-20261201-0001"))
    week.items["\(day).heel-raises"] = ItemRecord(
      status: .skipped, at: "2026-12-01T20:00:00Z", reason: text)
    week.pain.append(
      PainRecord(
        day: day, level: 3, timing: .during, itemId: text, treatmentId: text, at: text, id: text,
        by: text))
    week.removed.append(RemovedRecord(id: text, at: text, by: text))
    let bytes = try #require(ProgressWeekWriter.file(week))
    #expect(bytes == (try JSONCoding.encode(week)))
    #expect(Self.exportText(week) == ExportJSON.pretty(try ExportJSON.value(week)))
  }

  @Test func aValueThatIsNotFiniteIsDeclinedInBothLayouts() {
    var week = ProgressWeek(week: WeekReaderTests.week)
    week.checkins.append(
      Checkin(
        day: week.week.days[0], values: [.pain: .single(.infinity)], at: "2026-12-02T09:00:00Z"))
    #expect(ProgressWeekWriter.file(week) == nil)
    #expect(Self.exportText(week) == nil)
  }

  @Test func aDeclinedWeekCanBeDroppedAndWrittenAnotherWay() {
    var week = ProgressWeek(week: WeekReaderTests.week)
    week.checkins.append(
      Checkin(day: week.week.days[0], values: [.pain: .single(.nan)], at: "2026-12-02T09:00:00Z"))
    var out = PrettyJSONBytes(layout: .export)
    out.openArray()
    out.element()
    out.literal("1")
    out.element()
    let (count, depth) = (out.count, out.depth)
    #expect(!ProgressWeekWriter.write(week, into: &out))
    out.truncate(to: count, depth: depth)
    out.value(.string("instead"))
    out.closeArray()
    #expect(String(decoding: out.bytes, as: UTF8.self) == "[\n  1,\n  \"instead\"\n]")
  }
}

/// The word-at-a-time plain-text test agrees with the byte-by-byte rule on every length and
/// position of every kind of byte.
@Suite("plain text test")
struct PlainTextTests {
  @Test func eightBytesAtATimeAgreesWithEachByte() {
    var random = SeededRandom(state: 47)
    let awkward: [UInt8] = [
      0x00, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xFF,
    ]
    for length in 0..<40 {
      for _ in 0..<60 {
        var bytes = (0..<length).map { _ in UInt8(random.int(0x20...0x7E)) }
        if length > 0, random.chance(70) {
          bytes[random.int(0...(length - 1))] = random.pick(awkward)
        }
        let expected = bytes.allSatisfy(PrettyJSONBytes.isPlainByte)
        #expect(bytes.withUnsafeBufferPointer(PrettyJSONBytes.isPlain) == expected, "\(bytes)")
        if let text = String(validating: bytes, as: UTF8.self) {
          #expect(PrettyJSONBytes.isPlain(text) == expected)
        }
      }
    }
  }
}
