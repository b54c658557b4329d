import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// The JSON export written as a stream and read back in one pass (issue 19) agree with the
/// tree-based paths they replace: the same bytes, the same archive, the same errors, and the
/// writer never holds more than about one week's text.
@Suite("Export archive: streamed writer and one-pass import")
struct ArchiveStreamTests {
  static var archive: ExportArchive {
    ExportArchive(
      programme: ExportFixture.programme, weeks: Array(ExportFixture.history.weeks.values))
  }

  /// A long history: `count` weeks of ten items a day, each done.
  static func longArchive(weeks count: Int) -> ExportArchive {
    let programme = ExportFixture.programme
    var weeks: [ProgressWeek] = []
    var week = ISOWeek(containing: programme.start)
    for _ in 0..<count {
      var progress = ProgressWeek(week: week)
      for day in week.days {
        for treatment in 0..<10 {
          let id = ChecklistItem.makeID(
            day: day, treatmentId: "t\(treatment)", side: .both, occurrence: 1)
          progress.items[id] = ItemRecord(status: .done, at: "\(day)T18:00:00Z")
        }
      }
      weeks.append(progress)
      week = week.next
    }
    return ExportArchive(programme: programme, weeks: weeks)
  }

  @Test func theDirectWeekTreeEqualsTheEncodersOnRandomWeeks() throws {
    var random = SeededRandom(state: 19)
    for index in 0..<300 {
      var week = WeekReaderTests.randomWeek(&random, valid: index % 3 != 0)
      // Every other week written by a known machine: `by` must come through as well.
      if index % 2 == 0 { Self.stamp(&week, by: "m\(index % 7)k3x9q2w") }
      #expect(ProgressWeekJSON.value(week) == (try ExportJSON.value(week)))
    }
    let fixture = ExportFixture.history.weeks.values
    for week in fixture { #expect(ProgressWeekJSON.value(week) == (try ExportJSON.value(week))) }
  }

  /// `week` with every record (and tombstone) marked as written by `machine`.
  static func stamp(_ week: inout ProgressWeek, by machine: String) {
    for id in week.items.keys { week.items[id]?.by = machine }
    for index in week.pain.indices { week.pain[index].by = machine }
    for index in week.notes.indices { week.notes[index].by = machine }
    for index in week.checkins.indices { week.checkins[index].by = machine }
    for index in week.removed.indices { week.removed[index].by = machine }
  }

  @Test func aMachineIdOnEveryKindOfRecordIsKept() throws {
    var random = SeededRandom(state: 7)
    var week = WeekReaderTests.randomWeek(&random, valid: true)
    Self.stamp(&week, by: "mq4w8e2r")
    let tree = try #require(ProgressWeekJSON.value(week))
    #expect(tree == (try ExportJSON.value(week)))
    let records =
      week.items.count + week.pain.count + week.notes.count + week.checkins.count
      + week.removed.count
    #expect(records > 0)
    #expect(ExportJSON.pretty(tree).components(separatedBy: "mq4w8e2r").count - 1 == records)
  }

  @Test func aNumberTheEncoderRefusesTakesTheEncodersWay() {
    var week = ProgressWeek(week: WeekReaderTests.week)
    week.checkins.append(
      Checkin(day: week.week.days[0], values: [.pain: .single(.nan)], at: "2026-12-02T09:00:00Z"))
    #expect(ProgressWeekJSON.value(week) == nil)
  }

  @Test func theStreamedArchiveIsTheTreesTextInBoundedChunks() throws {
    let summary = try ExportFixture.summary()
    let archive = Self.longArchive(weeks: 60)
    var chunks: [[UInt8]] = []
    try ExportArchive.write(StreamedArchive(archive), summaries: [summary]) { chunks.append($0) }
    let whole = chunks.flatMap { $0 }
    #expect(
      String(decoding: whole, as: UTF8.self)
        == (try ExportArchive.render(archive, summary: summary)))
    // The text the whole tree printed at once gave before streaming.
    let tree = Self.treeText(archive, summary: summary)
    #expect(String(decoding: whole, as: UTF8.self) == tree)
    // Never more than a chunk plus one element (a week, the largest element) at once.
    let largestWeek =
      try archive.weeks.map { ExportJSON.pretty(try ExportJSON.value($0)).utf8.count }.max() ?? 0
    #expect(chunks.count > 2)
    for chunk in chunks {
      #expect(chunk.count <= ExportJSONStream.chunkSize + 2 * largestWeek)
    }
  }

  /// The weeks of a `StreamedArchive` are asked for once each, in order, while the text is
  /// being handed out: by the time the last is read nearly all the others have gone to the
  /// sink, so they were never all in memory together.
  @Test func aStreamedArchiveReadsEachWeekOnlyWhenItsTurnComes() throws {
    let summary = try ExportFixture.summary()
    let archive = Self.longArchive(weeks: 60)
    var asked: [ISOWeek] = []
    var sunkWhenAsked: [Int] = []
    var sunk = 0
    let streamed = StreamedArchive(
      programme: archive.programme, earlierProgrammes: [], weekCount: archive.weeks.count
    ) { index in
      asked.append(archive.weeks[index].week)
      sunkWhenAsked.append(sunk)
      return archive.weeks[index]
    }
    var whole: [UInt8] = []
    try ExportArchive.write(streamed, summaries: [summary]) { chunk in
      sunk += chunk.count
      whole += chunk
    }
    #expect(asked == archive.weeks.map(\.week))
    #expect(
      String(decoding: whole, as: UTF8.self)
        == (try ExportArchive.render(archive, summary: summary)))
    let weeksText = try archive.weeks.map { ExportJSON.pretty(try ExportJSON.value($0)).utf8.count }
    let beforeLast = weeksText.dropLast().reduce(0, +)
    #expect(
      sunkWhenAsked.last ?? 0 >= whole.count - weeksText[weeksText.count - 1] - 2
        * ExportJSONStream.chunkSize)
    #expect(beforeLast > 4 * ExportJSONStream.chunkSize)
  }

  @Test func theStreamedArchiveOfRandomWeeksIsTheTreesText() throws {
    let summary = try ExportFixture.summary()
    var random = SeededRandom(state: 41)
    for round in 0..<6 {
      var weeks: [ProgressWeek] = []
      var week = ISOWeek(containing: ExportFixture.start)
      for index in 0..<(10 + round * 5) {
        var progress = WeekReaderTests.randomWeek(&random, valid: index % 4 != 0)
        if index % 2 == 0 { Self.stamp(&progress, by: "m\(index % 5)q8z2x") }
        progress.week = week
        weeks.append(progress)
        week = week.next
      }
      let archive = ExportArchive(programme: ExportFixture.programme, weeks: weeks)
      #expect(
        (try ExportArchive.render(archive, summary: summary))
          == Self.treeText(archive, summary: summary))
    }
  }

  /// The archive as one `StoredJSON` tree printed by `ExportJSON.pretty`: how the export was
  /// made before it was streamed.
  static func treeText(_ archive: ExportArchive, summary: ExportSummary) -> String {
    func tree(_ node: StreamedJSON) -> StoredJSON {
      switch node {
      case .value(let value): return value
      case .object(let members): return .object(members.mapValues(tree))
      case .list(let count, let element):
        return .array((0..<count).map { (try? element($0)).map(tree) ?? .null })
      // Printed without a tree: the item rows, replaced below by the tree they were made as.
      case .written: return .null
      }
    }
    var members: [String: StoredJSON] = [
      "format": .string(ExportArchive.format),
      "schemaVersion": .number(Double(ExportArchive.schemaVersion)),
      "exportedFor": .string(summary.asOf.description),
      "range": .object([
        "from": .string(summary.from.description), "to": .string(summary.to.description),
      ]),
      "programme": (try? ExportJSON.value(archive.programme)) ?? .null,
      "earlierProgrammes": .array([]),
      "weeks": .array(archive.weeks.map { (try? ExportJSON.value($0)) ?? .null }),
    ]
    var summaryMembers = ExportArchive.summaryJSON(summary)
    summaryMembers["items"] = .value(.array(summary.rows.map(rowTree)))
    members["summary"] = tree(.object(summaryMembers))
    return ExportJSON.pretty(.object(members))
  }

  /// A summary's item row as the `StoredJSON` tree the export printed before the rows were
  /// printed directly (`ExportArchive.row`).
  static func rowTree(_ item: ExportItem) -> StoredJSON {
    .object([
      "date": .string(item.day.description),
      "programmeWeek": ExportJSON.int(item.programmeWeek),
      "id": .string(item.id),
      "treatmentId": .string(item.treatmentId),
      "treatment": .string(item.treatment),
      "kind": ExportJSON.string(item.kind?.rawValue),
      "side": ExportJSON.string(item.side?.rawValue),
      "dose": ExportJSON.string(item.dose),
      "status": .string(item.status.rawValue),
      "reason": ExportJSON.string(item.reason),
      "pain": ExportJSON.int(item.pain),
    ])
  }

  @Test func theOnePassImportGivesTheCarefulArchive() throws {
    let summary = try ExportFixture.summary()
    for archive in [Self.archive, Self.longArchive(weeks: 30)] {
      let bytes = Array(try ExportArchive.render(archive, summary: summary).utf8)
      let fast = try #require(ExportArchiveFastDecoding.decode(bytes))
      #expect(fast == (try ExportArchive.carefulDecode(bytes)))
      #expect(fast == archive)
    }
  }

  /// Random damage to an export: the one-pass reader either declines (and the careful path
  /// answers, with its error) or gives exactly what the careful path gives. It never accepts
  /// what the careful path refuses.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func theOnePassImportNeverAcceptsWhatTheCarefulPathRefuses(seed: UInt64) throws {
    let text = Array(try ExportArchive.render(Self.archive, summary: ExportFixture.summary()).utf8)
    var random = SeededRandom(state: seed)
    let bytes: [UInt8] =
      Array("{}[]\",:\\ 0123456789-+.eEtrufalsn\u{01}\n".utf8) + [0xC3, 0xA9, 0xFF, 0x80]
    for _ in 0..<150 {
      var damaged = text
      for _ in 0..<random.int(1...3) { damaged = random.edited(damaged, using: bytes) }
      guard let fast = ExportArchiveFastDecoding.decode(damaged) else { continue }
      #expect(fast == (try ExportArchive.carefulDecode(damaged)))
    }
  }

  @Test func aDuplicateFieldAnEscapedNameAndTrailingTextGoTheCarefulWay() throws {
    let text = try ExportArchive.render(Self.archive, summary: ExportFixture.summary())
    let cases = [
      text.replacingEach("\"format\" : ", "\"format\" : \"x\", \"format\" : "),
      text.replacingEach("\"disclaimer\"", "\"disclaim\\u0065r\""),
      text + "x",
      text.replacingEach("\"status\" : \"done\"", "\"status\" : \"done\", \"status\" : \"done\""),
    ]
    for damaged in cases {
      #expect(ExportArchiveFastDecoding.decode(Array(damaged.utf8)) == nil)
    }
    #expect(throws: ExportProblem.self) { try ExportArchive.decode(Array(cases[0].utf8)) }
  }

  /// The archive `reading` hands its body, with every week asked for, as an `ExportArchive`.
  static func collected(_ archive: StreamedArchive) throws -> ExportArchive {
    ExportArchive(
      programme: archive.programme, earlierProgrammes: archive.earlierProgrammes,
      weeks: try (0..<archive.weekCount).map(archive.week))
  }

  @Test func readingAnExportWeekByWeekTakesOnePassAndGivesTheArchive() throws {
    let archive = Self.longArchive(weeks: 30)
    let bytes = Array(try ExportArchive.render(archive, summary: ExportFixture.summary()).utf8)
    var calls = 0
    let read = try ExportArchive.reading(bytes) { streamed in
      calls += 1
      return try Self.collected(streamed)
    }
    #expect(read == archive)
    #expect(calls == 1)
  }

  /// On random damage, what the body of `reading` collects week by week is exactly the careful
  /// path's archive, or `reading` throws the careful path's own error; a week the one-pass
  /// reader declines part way starts the body again, at most once.
  @Test(arguments: [UInt64(5), 6, 7])
  func readingWeekByWeekGivesTheCarefulArchiveOrItsError(seed: UInt64) throws {
    let text = Array(try ExportArchive.render(Self.archive, summary: ExportFixture.summary()).utf8)
    var random = SeededRandom(state: seed)
    let bytes: [UInt8] = Array("{}[]\",:\\ 0123456789-+.eEtrufalsn\u{01}\n".utf8) + [0xC3, 0xA9]
    for _ in 0..<150 {
      var damaged = text
      for _ in 0..<random.int(1...2) { damaged = random.edited(damaged, using: bytes) }
      let careful = Result { () throws(ExportProblem) in try ExportArchive.carefulDecode(damaged) }
      var calls = 0
      let read = Result {
        try ExportArchive.reading(damaged) { streamed in
          calls += 1
          return try Self.collected(streamed)
        }
      }
      #expect(calls <= 2)
      switch (careful, read) {
      case (.success(let expected), .success(let got)): #expect(got == expected)
      case (.failure(let expected), .failure(let got)): #expect(got as? ExportProblem == expected)
      default: Issue.record("careful \(careful), week by week \(read)")
      }
    }
  }

  /// The last week changed so that the one-pass reader declines it only once the others were
  /// handed out: the body starts again with the careful archive, or the careful error comes.
  @Test func aWeekDeclinedPartWayStartsTheBodyAgainTheCarefulWay() throws {
    let archive = Self.longArchive(weeks: 6)
    let text = try ExportArchive.render(archive, summary: ExportFixture.summary())
    for (original, replacement, accepted) in [
      // A week of the previous version, which the careful path upgrades; a status that is none.
      ("\"schemaVersion\" : 3", "\"schemaVersion\" : 2", true),
      ("\"status\" : \"done\"", "\"status\" : \"finished\"", false),
    ] {
      let last = try #require(text.range(of: original, options: .backwards))
      let bytes = Array(text.replacingCharacters(in: last, with: replacement).utf8)
      var weeksAsked: [Int] = []
      let read = Result {
        try ExportArchive.reading(bytes) { streamed in
          weeksAsked.append(streamed.weekCount)
          return try Self.collected(streamed)
        }
      }
      if accepted {
        #expect(try read.get() == archive)
        #expect(weeksAsked == [6, 6])
      } else {
        #expect(weeksAsked == [6])
        #expect(throws: ExportProblem.self) { try read.get() }
        let careful = Result { () throws(ExportProblem) in try ExportArchive.carefulDecode(bytes) }
        if case .failure(let error) = careful, case .failure(let got) = read {
          #expect(got as? ExportProblem == error)
        }
      }
    }
  }

  /// An import whose weeks stop part way (a week the reader declines, a failed read) leaves
  /// no folder and nothing beside it.
  @Test func anImportStoppedPartWayLeavesNothing() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let archive = Self.longArchive(weeks: 12)
    struct Stop: Error {}
    var asked = 0
    let stopping = StreamedArchive(
      programme: archive.programme, earlierProgrammes: [], weekCount: archive.weeks.count
    ) { index in
      asked += 1
      guard index < 7 else { throw Stop() }
      return archive.weeks[index]
    }
    #expect(throws: Stop.self) {
      try DataFolderImport.run(stopping, into: directory.sub("data"), replacing: false)
    }
    #expect(asked == 8)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    // The same import whole afterwards: every week with records written.
    let outcome = try DataFolderImport.run(
      StreamedArchive(archive), into: directory.sub("data"), replacing: false)
    #expect(outcome.weeks == 12)
    #expect(try ProgressStore(directory: directory.sub("data")).storedWeeks().count == 12)
  }

  /// Weeks not said to be checked are checked before they are written: a week with a problem
  /// stops the import with the store's error, and nothing is left.
  @Test func anImportChecksWeeksNoReaderChecked() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    var archive = Self.longArchive(weeks: 3)
    let outside = archive.weeks[1].week.monday.adding(days: -3)
    archive.weeks[1].notes.append(
      NoteRecord(day: outside, text: "elsewhere", at: "2026-12-01T20:00:00Z", id: "n-20261201-0001")
    )
    let streamed = StreamedArchive(archive)
    #expect(!streamed.weeksAreChecked)
    #expect(throws: StoreError.self) {
      try DataFolderImport.run(streamed, into: directory.sub("data"), replacing: false)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }
}
