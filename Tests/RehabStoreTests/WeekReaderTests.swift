import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// The one-pass week reader (issue 7) gives exactly what the careful path gives, on random
/// weeks as rehabit writes them and on damaged ones; `.ci/fuzz` checks the same on every input
/// the fuzzer finds. The cheap consistency check is tested here too, on the same random weeks.
@Suite("the one-pass week reader agrees with the careful path")
struct WeekReaderTests {
  typealias Random = SeededRandom

  static let week = ISOWeek(containing: Fixtures.day("2026-12-02"))
  static let texts = [
    "too sore", "Stairs felt easier today, \"finally\".", "tab\there", "line\nbreak",
    "back\\slash", "é accent", "emoji 🦶", "control \u{01}", "slash / ok", "",
  ]

  /// A random week: mostly valid records, sometimes a day outside the week or a bad value.
  static func randomWeek(_ random: inout Random, valid: Bool) -> ProgressWeek {
    var week = ProgressWeek(week: Self.week)
    let days = Self.week.days
    func day() -> CalendarDay {
      !valid && random.chance(5) ? days[0].adding(days: random.int(-9...(-1))) : random.pick(days)
    }
    for _ in 0..<random.int(0...30) {
      let id = ChecklistItem.makeID(
        day: day(),
        treatmentId: random.pick(
          valid ? ["calf-stretch", "heel-drops", "t1"] : ["calf-stretch", "t1", "ü-stretch"]),
        side: random.pick([Side.left, .right, .both]), occurrence: random.int(1...2))
      let status = random.pick([ItemStatus.done, .skipped, .pending])
      week.items[id] = ItemRecord(
        status: status, at: "2026-12-02T18:0\(random.int(0...9)):00Z",
        reason: status == .skipped && random.chance(70) ? random.pick(texts) : nil)
    }
    if !valid && random.chance(10) {
      week.items["not-an-id"] = ItemRecord(status: .done, at: "2026-12-02T13:00:00Z")
    }
    var serial: UInt32 = 0
    func id(_ kind: RecordKind, _ day: CalendarDay) -> String {
      serial += 1
      if !valid && random.chance(5) {
        return random.pick(["", "p-2026-12-02", "x-20261202-0001", "p-20261202-000i"])
      }
      // A repeated id now and then when damage is allowed (ids must be unique in a file).
      let suffix = !valid && random.chance(5) ? 1 : serial
      let idDay = !valid && random.chance(5) ? day.adding(days: 1) : day
      return RecordID(kind: kind, day: idDay, suffix: suffix).description
    }
    for _ in 0..<random.int(0...4) {
      let when = day()
      var record = PainRecord(
        day: when, level: valid ? random.int(0...10) : random.int(0...12),
        timing: random.pick([.during, .nextMorning]), at: "2026-12-02T19:30:00Z",
        id: id(.pain, when))
      if random.chance(30) { record.itemId = "2026-12-02.calf-stretch.left" }
      if random.chance(30) { record.treatmentId = random.pick(["calf-stretch", "x"]) }
      week.pain.append(record)
    }
    for _ in 0..<random.int(0...2) {
      let when = day()
      week.notes.append(
        NoteRecord(
          day: when, itemId: random.chance(30) ? "2026-12-03.t1.left" : nil,
          text: random.pick(texts), at: "2026-12-02T20:00:00Z", id: id(.note, when)))
    }
    for _ in 0..<random.int(0...2) {
      let removedDay = random.pick(days)
      week.removed.append(
        RemovedRecord(
          id: id(random.pick(RecordKind.allCases), removedDay), at: "2026-12-04T10:00:00Z"))
    }
    for _ in 0..<random.int(0...2) where random.chance(60) {
      var values: [Measure: CheckinValue] = [.pain: .single(Double(random.int(0...10)))]
      values[.sane] = .single(Double(random.int(0...99)) + (random.chance(30) ? 0.5 : 0))
      if random.chance(50) {
        values[.heelRaises] = .sided(
          left: Double(random.int(0...40)), right: Double(random.int(0...40)))
      }
      if !valid && random.chance(20) { values[.faamADL] = .single(Double(random.int(90...140))) }
      let when = day()
      week.checkins.append(
        Checkin(day: when, values: values, at: "2026-12-06T09:00:00Z", id: id(.checkin, when)))
    }
    return week
  }

  /// The careful path's answer: the value, or the problem it reports.
  static func careful(_ bytes: [UInt8]) -> Result<ProgressWeek, ProgressProblem> {
    Result { () throws(ProgressProblem) -> ProgressWeek in
      let week = try ProgressDecoding.carefulWeek(from: bytes)
      if let problem = week.problems.first { throw problem }
      return week
    }
  }

  @Test("files as rehabit writes them: the one-pass reader gives the decoder's value")
  func fastReaderMatchesDecoderOnWrittenFiles() throws {
    var random = Random(state: 7)
    for _ in 0..<300 {
      let week = Self.randomWeek(&random, valid: true)
      let bytes = try JSONCoding.encode(week)
      let fast = try #require(ProgressFastDecoding.week(from: bytes), "\(week)")
      #expect(fast == week)
      #expect(try Self.careful(bytes).get() == fast)
      #expect(try ProgressDecoding.week(from: bytes, expected: Self.week) == week)
    }
  }

  @Test("damaged and odd files: the one-pass reader gives up or agrees with the careful path")
  func fastReaderNeverDisagrees() throws {
    var random = Random(state: 11)
    let edits: [(inout [UInt8], inout Random) -> Void] = [
      { bytes, random in bytes.remove(at: random.int(0...(bytes.count - 1))) },
      { bytes, random in
        bytes[random.int(0...(bytes.count - 1))] = random.pick(Array("{}[],:\"\\ 0-.eE1nul".utf8))
      },
      { bytes, random in
        bytes.insert(random.pick(Array(",\"} \\u".utf8)), at: random.int(0...bytes.count))
      },
      { bytes, _ in
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacing("1", with: "1.0").utf8)
      },
      { bytes, _ in
        bytes = Array(
          String(decoding: bytes, as: UTF8.self).replacing("\"at\"", with: "\"a\\u0074\"").utf8)
      },
      { bytes, _ in
        bytes = Array(
          String(decoding: bytes, as: UTF8.self).replacing(
            "\"reason\" : \"", with: "\"reason\" : null, \"x\" : \""
          ).utf8)
      },
      { bytes, _ in
        bytes = Array(
          String(decoding: bytes, as: UTF8.self).replacing(
            "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 0"
          ).utf8)
      },
      { bytes, _ in
        bytes = Array(
          String(decoding: bytes, as: UTF8.self).replacing(
            "\"status\"", with: "\"status\" : \"done\", \"status\""
          ).utf8)
      },
      { bytes, _ in bytes += [0xFF] },
      { _, _ in },
    ]
    var agreed = 0
    for round in 0..<800 {
      let week = Self.randomWeek(&random, valid: round % 3 != 0)
      var bytes = try JSONCoding.encode(week)
      for _ in 0..<random.int(1...2) { random.pick(edits)(&bytes, &random) }
      guard let fast = ProgressFastDecoding.week(from: bytes) else { continue }
      // Whatever the one-pass reader accepts, the careful path reads the same way.
      let careful = Self.careful(bytes)
      let fastChecked: Result<ProgressWeek, ProgressProblem> =
        fast.problems.first.map { .failure($0) } ?? .success(fast)
      #expect(careful == fastChecked, "\(String(decoding: bytes, as: UTF8.self))")
      agreed += 1
    }
    #expect(agreed > 50)
  }

  @Test("isConsistent is exactly problems.isEmpty")
  func consistencyCheckMatchesProblems() {
    var random = Random(state: 3)
    for _ in 0..<1_000 {
      let week = Self.randomWeek(&random, valid: false)
      #expect(week.isConsistent == week.problems.isEmpty)
    }
  }

  @Test("the fuzz corpus has a week the one-pass reader takes, so .ci/fuzz compares the paths")
  func fuzzCorpusReachesTheOnePassReader() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Fuzz/corpus/progress-week/full-week-v3.json").path
    let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
    let fast = try #require(ProgressFastDecoding.week(from: bytes))
    #expect(try ProgressDecoding.carefulWeek(from: bytes) == fast)
  }
}
