import RehabCore
import Testing

@testable import RehabStore

@Suite("Progress records")
struct ProgressRecordTests {
  static let stamp = "2026-12-02T18:04:05Z"

  /// A week holding one of every record kind and variant.
  static func fullWeek() -> ProgressWeek {
    ProgressWeek(
      week: week("2026-W49"),
      items: [
        "2026-11-30.calf-stretch.left": ItemRecord(status: .done, at: stamp),
        "2026-12-01.heel-raises.right": ItemRecord(
          status: .skipped, at: stamp, reason: "sore heel"),
        "2026-12-02.calf-stretch.left.2": ItemRecord(status: .pending, at: stamp),
      ],
      pain: [
        PainRecord(
          day: day("2026-12-01"), level: 6, timing: .during, itemId: "2026-12-01.heel-raises.right",
          at: stamp, id: "p-20261201-0001"),
        PainRecord(
          day: day("2026-12-02"), level: 3, timing: .nextMorning, at: stamp, id: "p-20261202-0002"),
      ],
      notes: [
        NoteRecord(
          day: day("2026-12-02"), text: "Felt \"tight\"\nbut fine — café", at: stamp,
          id: "n-20261202-0003"),
        NoteRecord(
          day: day("2026-12-03"), itemId: "2026-12-03.calf-stretch.left", text: "easy", at: stamp,
          id: "n-20261203-0004"),
      ],
      checkins: [
        Checkin(
          day: day("2026-11-30"), values: [.pain: .single(5), .sane: .single(50)], at: stamp,
          id: "c-20261130-0005"),
        Checkin(
          day: day("2026-12-06"),
          values: [
            .pain: .single(4), .sane: .single(60), .kneeToWall: .sided(left: 8.5, right: 11),
            .heelRaises: .sided(left: 12, right: 20),
          ], at: stamp, id: "c-20261206-0006"),
      ],
      removed: [RemovedRecord(id: "p-20261203-0007", at: stamp)])
  }

  @Test("every record type survives encoding and decoding unchanged")
  func roundTrip() throws {
    let original = ProgressRecordTests.fullWeek()
    let bytes = try JSONCoding.encode(original)
    let decoded = try ProgressDecoding.week(from: bytes, expected: week("2026-W49"))
    #expect(decoded == original)
    #expect(try JSONCoding.encode(decoded) == bytes)
    #expect(bytes.last == UInt8(ascii: "\n"))

    // Each record type on its own, through the same encoder and decoder.
    func roundTrips<Value: Codable & Equatable>(_ value: Value) throws -> Bool {
      try JSONCoding.decoder.decode(Value.self, from: .init(JSONCoding.encode(value))) == value
    }
    for record in original.items.values { #expect(try roundTrips(record)) }
    for record in original.pain { #expect(try roundTrips(record)) }
    for record in original.notes { #expect(try roundTrips(record)) }
    for record in original.checkins { #expect(try roundTrips(record)) }
    for record in original.removed { #expect(try roundTrips(record)) }
    for status in ItemStatus.allCases { #expect(try roundTrips(status)) }
    #expect(try roundTrips(ProgressWeek(week: week("2027-W01"))))
  }

  @Test("the file is pretty JSON with sorted keys, in the documented shape")
  func fileShape() throws {
    let week = ProgressWeek(
      week: week("2026-W49"),
      items: [
        "2026-12-02.heel-raises.left": ItemRecord(status: .done, at: ProgressRecordTests.stamp)
      ],
      pain: [
        PainRecord(
          day: day("2026-12-02"), level: 4, at: ProgressRecordTests.stamp, id: "p-20261202-4k2m")
      ],
      checkins: [
        Checkin(
          day: day("2026-12-06"),
          values: [
            .pain: .single(4), .sane: .single(60), .heelRaises: .sided(left: 12, right: 20),
          ],
          at: ProgressRecordTests.stamp, id: "c-20261206-x0ta")
      ],
      removed: [RemovedRecord(id: "n-20261203-8fq1", at: ProgressRecordTests.stamp)])
    let text = String(decoding: try JSONCoding.encode(week), as: UTF8.self)
    let expected = """
      {
        "checkins" : [
          {
            "at" : "2026-12-02T18:04:05Z",
            "day" : "2026-12-06",
            "id" : "c-20261206-x0ta",
            "values" : {
              "heel-raises" : {
                "left" : 12,
                "right" : 20
              },
              "pain" : 4,
              "sane" : 60
            }
          }
        ],
        "items" : {
          "2026-12-02.heel-raises.left" : {
            "at" : "2026-12-02T18:04:05Z",
            "status" : "done"
          }
        },
        "notes" : [

        ],
        "pain" : [
          {
            "at" : "2026-12-02T18:04:05Z",
            "day" : "2026-12-02",
            "id" : "p-20261202-4k2m",
            "level" : 4,
            "timing" : "during"
          }
        ],
        "removed" : [
          {
            "at" : "2026-12-02T18:04:05Z",
            "id" : "n-20261203-8fq1"
          }
        ],
        "schemaVersion" : 3,
        "week" : "2026-W49"
      }

      """
    #expect(text == expected)
  }

  @Test("a pain record gives the scheduler its treatment, from the item id when not given")
  func painEntryView() {
    let fromItem = PainRecord(
      day: day("2026-12-01"), level: 7, itemId: "2026-12-01.heel-raises.right.2",
      at: "2026-12-02T12:00:00Z")
    #expect(fromItem.treatmentId == "heel-raises")
    #expect(
      fromItem.painEntry
        == PainEntry(day: day("2026-12-01"), level: 7, timing: .during, treatmentId: "heel-raises"))
    let session = PainRecord(
      day: day("2026-12-02"), level: 2, timing: .nextMorning, at: "2026-12-02T12:00:00Z")
    #expect(session.painEntry.treatmentId == nil)
    #expect(session.painEntry.timing == .nextMorning)
    let week = ProgressRecordTests.fullWeek()
    #expect(week.painEntries.map(\.level) == [6, 3])
    #expect(week.status(of: "2026-12-01.heel-raises.right") == .skipped)
    #expect(week.status(of: "2026-12-04.heel-raises.right") == .pending)
  }

  @Test("only a skipped item keeps a reason")
  func reasonOnlyWhenSkipped() {
    #expect(ItemRecord(status: .done, at: "2026-12-02T12:00:00Z", reason: "x").reason == nil)
    #expect(ItemRecord(status: .skipped, at: "2026-12-02T12:00:00Z", reason: "x").reason == "x")
  }

  @Test("check-in values are checked against each measure's range, sides and scale")
  func checkinValidation() {
    #expect(CheckinProblem.check(.single(10), for: .pain) == nil)
    #expect(CheckinProblem.check(.single(0), for: .sane) == nil)
    #expect(CheckinProblem.check(.sided(left: 45, right: 0), for: .balance) == nil)
    #expect(CheckinProblem.check(.sided(left: 8.5, right: 9.2), for: .kneeToWall) == nil)

    let tooHigh = CheckinProblem.check(.single(11), for: .pain)
    #expect(tooHigh?.description == "pain 11 is out of range; Pain (0–10) takes 0 to 10")
    #expect(CheckinProblem.check(.single(-1), for: .sane) != nil)
    #expect(CheckinProblem.check(.single(101), for: .faamADL) != nil)
    #expect(CheckinProblem.check(.single(.nan), for: .sane) != nil)
    #expect(
      CheckinProblem.check(.single(4.5), for: .pain)?.message.contains("whole number") == true)
    #expect(
      CheckinProblem.check(.single(12), for: .heelRaises)?.message.contains("each side") == true)
    #expect(CheckinProblem.check(.sided(left: 1, right: 2), for: .sane) != nil)
    let rightSide = CheckinProblem.check(.sided(left: 10, right: 46), for: .balance)
    #expect(rightSide?.message == "balance:right 46 is out of range")
    for problem in [tooHigh, rightSide].compactMap({ $0 }) {
      #expect(!problem.description.contains("\n"))
    }
  }

  @Test("check-in command words become values, or one clear problem")
  func checkinInput() throws {
    let values = try CheckinInput(
      pain: 3, function: 70,
      measures: ["heel-raises:left=12", "heel-raises:right=20", "faam-adl=82.5"]
    ).values()
    #expect(
      values == [
        .pain: .single(3), .sane: .single(70), .heelRaises: .sided(left: 12, right: 20),
        .faamADL: .single(82.5),
      ])

    func problem(_ pain: Double, _ function: Double, _ measures: [String]) -> String? {
      do {
        _ = try CheckinInput(pain: pain, function: function, measures: measures).values()
        return nil
      } catch { return error.description }
    }
    #expect(problem(11, 50, [])?.hasPrefix("pain 11 is out of range") == true)
    #expect(problem(3, 120, [])?.hasPrefix("sane 120 is out of range") == true)
    #expect(
      problem(3, 50, ["heel-raises:left=12"])
        == "heel-raises has no right side; give the right side too")
    #expect(problem(3, 50, ["heel-raises=12"])?.contains("each side") == true)
    #expect(problem(3, 50, ["lefs:left=12"])?.contains("not measured per side") == true)
    #expect(problem(3, 50, ["grip=12"])?.hasPrefix("'grip' is not a measure") == true)
    #expect(problem(3, 50, ["lefs=abc"])?.hasPrefix("'abc' is not a number") == true)
    #expect(problem(3, 50, ["lefs"])?.contains("has no value") == true)
    #expect(problem(3, 50, ["balance:middle=3"])?.contains("names no side") == true)
    #expect(problem(3, 50, ["pain=4"])?.contains("given twice") == true)
    #expect(
      problem(3, 50, ["balance:left=3", "balance:left=4", "balance:right=4"])?.contains("twice")
        == true)
    #expect(
      problem(3, 50, ["balance:left=3", "balance:right=46"])?.hasPrefix("balance:right 46") == true)
  }
}

@Suite("Reading progress files")
struct ProgressDecodingTests {
  func problem(_ text: String, expected: String? = "2026-W49") -> ProgressProblem? {
    do {
      _ = try ProgressDecoding.week(
        from: Array(text.utf8), expected: expected.flatMap(ISOWeek.init))
      return nil
    } catch { return error }
  }

  @Test("a syntax error is reported with its line and column")
  func syntaxError() throws {
    let broken = """
      {
        "schemaVersion": 1,
        "week": "2026-W49"
        "items": {}
      }
      """
    let found = try #require(problem(broken))
    #expect(found.path == "line 4, column 3")
    #expect(found.message.contains("missing comma"))
    #expect(
      problem("{\"schemaVersion\": 1, \"week\": \"2026-W49\",}")?.message.contains("trailing comma")
        == true)
    #expect(
      problem("{\"schemaVersion\": 1, \"week\": \"2026-W49\"")?.message.contains("end of file")
        == true)
    #expect(problem("")?.message.contains("end of file") == true)
    #expect(problem("[]")?.message == "expected an object { … }")
    let duplicate = problem(
      "{\"schemaVersion\": 1,\n \"week\": \"2026-W49\", \"week\": \"2026-W50\"}")
    #expect(duplicate?.path == "line 2, column 22")
    #expect(duplicate?.message.contains("appears twice") == true)
  }

  @Test("a wrong shape is reported with its JSON path")
  func shapeErrors() {
    let badStatus = problem(
      #"{"schemaVersion": 1, "week": "2026-W49", "items": {"2026-12-02.calf-stretch.left": {"status": "doen", "at": "2026-12-02T12:00:00Z"}}}"#
    )
    #expect(badStatus?.path == #"items["2026-12-02.calf-stretch.left"].status"#)
    #expect(badStatus?.message.contains("'doen' is not a status") == true)

    let unknownField = problem(#"{"schemaVersion": 1, "week": "2026-W49", "itmes": {}}"#)
    #expect(unknownField?.path == "itmes")
    #expect(unknownField?.message.contains("unknown field") == true)

    let wrongType = problem(
      #"{"schemaVersion": 1, "week": "2026-W49", "pain": [{"day": "2026-12-02", "level": "high", "timing": "during", "at": "2026-12-02T12:00:00Z"}]}"#
    )
    #expect(wrongType?.path == "pain[0].level")

    let fraction = problem(
      #"{"schemaVersion": 1, "week": "2026-W49", "pain": [{"day": "2026-12-02", "level": 4.5, "timing": "during", "at": "2026-12-02T12:00:00Z"}]}"#
    )
    #expect(fraction?.path == "pain[0].level")

    let missing = problem(
      #"{"schemaVersion": 1, "week": "2026-W49", "notes": [{"day": "2026-12-02", "at": "2026-12-02T12:00:00Z"}]}"#
    )
    #expect(missing?.path == "notes[0].text")

    let badMeasure = problem(
      #"{"schemaVersion": 3, "week": "2026-W49", "checkins": [{"id": "c-20261206-0001", "day": "2026-12-06", "at": "2026-12-02T12:00:00Z", "values": {"pain": 14}}]}"#
    )
    #expect(badMeasure?.path == "checkins[0].values.pain")
    #expect(badMeasure?.message == "pain 14 is out of range")
    let oldMeasure = problem(
      #"{"schemaVersion": 1, "week": "2026-W49", "checkin": {"day": "2026-12-06", "at": "2026-12-02T12:00:00Z", "values": {"pain": 14}}}"#
    )
    #expect(oldMeasure?.path == "checkins[0].values.pain")
    #expect(oldMeasure?.message == "pain 14 is out of range (after upgrading from version 1)")
  }

  @Test("versions: missing, newer than this rehabit, not a number")
  func versions() {
    #expect(problem(#"{"week": "2026-W49"}"#)?.message == "missing field 'schemaVersion'")
    let newer = problem(#"{"schemaVersion": 4, "week": "2026-W49", "future": true}"#)
    #expect(newer?.message.contains("written by a newer rehabit") == true)
    #expect(newer?.fix == "upgrade rehabit to read it")
    #expect(problem(#"{"schemaVersion": "1", "week": "2026-W49"}"#)?.path == "schemaVersion")
    #expect(
      problem(#"{"schemaVersion": -1, "week": "2026-W49"}"#)?.message.contains("too old") == true)
  }

  @Test("records must belong to the file's week")
  func consistency() {
    let wrongWeek = problem(#"{"schemaVersion": 1, "week": "2026-W48"}"#)
    #expect(wrongWeek?.message == "says 2026-W48 but the file is for 2026-W49")
    let outside = problem(
      #"{"schemaVersion": 1, "week": "2026-W49", "items": {"2026-12-07.calf-stretch.left": {"status": "done", "at": "2026-12-02T12:00:00Z"}}}"#
    )
    #expect(outside?.message.contains("is not in week 2026-W49") == true)
    #expect(outside?.fix.contains("2026-W50.json") == true)
    let notAnId = problem(
      #"{"schemaVersion": 1, "week": "2026-W49", "items": {"calf": {"status": "done", "at": "2026-12-02T12:00:00Z"}}}"#
    )
    #expect(notAnId?.message == "'calf' is not an item id")
    #expect(problem(#"{"schemaVersion": 1, "week": "2026-W49"}"#) == nil)
  }

  @Test("a version 0 (pre-release) file is migrated to the current version")
  func migrationFromVersion0() throws {
    let version0 = """
      {
        "schemaVersion": 0,
        "week": "2026-W49",
        "savedAt": "2026-12-03T07:00:00Z",
        "items": {
          "2026-11-30.calf-stretch.left": "done",
          "2026-12-01.heel-raises.right": "skipped"
        },
        "skipReasons": {"2026-12-01.heel-raises.right": "sore heel"},
        "pain": [
          {"day": "2026-12-01", "level": 6, "morning": false, "treatmentId": "heel-raises"},
          {"day": "2026-12-02", "level": 3, "morning": true}
        ]
      }
      """
    let migrated = try ProgressDecoding.week(from: Array(version0.utf8), expected: week("2026-W49"))
    let at = "2026-12-03T07:00:00Z"
    #expect(
      migrated
        == ProgressWeek(
          week: week("2026-W49"),
          items: [
            "2026-11-30.calf-stretch.left": ItemRecord(status: .done, at: at),
            "2026-12-01.heel-raises.right": ItemRecord(
              status: .skipped, at: at, reason: "sore heel"),
          ],
          pain: [
            PainRecord(
              day: day("2026-12-01"), level: 6, timing: .during, treatmentId: "heel-raises", at: at,
              id: migrated.pain.first?.id ?? "?"),
            PainRecord(
              day: day("2026-12-02"), level: 3, timing: .nextMorning, at: at,
              id: migrated.pain.last?.id ?? "?"),
          ]))
    #expect(migrated.pain.map { RecordID($0.id)?.day } == [day("2026-12-01"), day("2026-12-02")])
    // Written back, it is a current-version file.
    let rewritten = String(decoding: try JSONCoding.encode(migrated), as: UTF8.self)
    #expect(rewritten.contains("\"schemaVersion\" : \(ProgressWeek.schemaVersion)"))
    #expect(ProgressWeekMigration.oldestReadable == 0)
    #expect(ProgressWeekMigration.steps.map(\.from) == Array(0..<ProgressWeek.schemaVersion))

    let broken = problem(
      #"{"schemaVersion": 0, "week": "2026-W49", "items": {"2026-11-30.calf-stretch.left": 3}}"#)
    #expect(broken?.message.contains("version 0") == true)
  }

  @Test("the JSON reader keeps text exactly, escapes included")
  func storedJSON() throws {
    let text = #"{"a": "tab\tquote\" snow\u2603 \ud83d\ude00 é", "b": [1, -2.5, 3e2, true, null]}"#
    let value = try StoredJSON.parse(Array(text.utf8))
    #expect(value.objectValue?["a"]?.stringValue == "tab\tquote\" snow☃ 😀 é")
    #expect(
      value.objectValue?["b"]
        == .array([.number(1), .number(-2.5), .number(300), .bool(true), .null]))
    #expect(try StoredJSON.parse(Array(value.text.utf8)) == value)
    #expect(throws: JSONSyntaxError.self) { try StoredJSON.parse(Array("[01]".utf8)) }
    #expect(throws: JSONSyntaxError.self) { try StoredJSON.parse(Array("\"a\nb\"".utf8)) }
    #expect(throws: JSONSyntaxError.self) { try StoredJSON.parse([0x22, 0xFF, 0x22]) }
    #expect(throws: JSONSyntaxError.self) { try StoredJSON.parse(Array("{} x".utf8)) }
    #expect(throws: JSONSyntaxError.self) {
      try StoredJSON.parse(Array(String(repeating: "[", count: 1000).utf8))
    }
  }
}
