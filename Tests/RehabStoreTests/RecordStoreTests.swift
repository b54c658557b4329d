import Foundation
import RehabCore
import RehabTestSupport
import Testing

@testable import RehabStore

/// Record ids, check-ins per programme week, removal with tombstones and reinstating, and the
/// migration of version 1 week files (issue 12).
@Suite("records: ids, programme-week check-ins, removals")
struct RecordStoreTests {
  static let stamp = "2026-12-02T18:04:05Z"

  func withStore(
    start: String = "2026-11-05", _ body: (ProgressStore, Programme) throws -> Void
  ) throws {
    let temporary = TemporaryDirectory()
    defer { temporary.remove() }
    let store = ProgressStore(directory: temporary.sub("data"), recordIDs: .counting())
    let programme = Fixtures.sampleProgramme(start: start, weeks: 6)
    try store.saveProgramme(programme, replacing: false)
    try body(store, programme)
  }

  static func checkin(_ text: String, pain: Double, at: String = stamp) -> Checkin {
    Checkin(day: day(text), values: [.pain: .single(pain), .sane: .single(50)], at: at)
  }

  // MARK: Ids

  @Test("ids name the kind and the day, parse back, and avoid look-alike letters")
  func idFormat() throws {
    let id = RecordID(kind: .pain, day: day("2026-11-05"), suffix: 0xABCDE)
    #expect(id.description.hasPrefix("p-20261105-"))
    #expect(id.description.count == 15)
    #expect(RecordID(id.description) == id)
    for kind in RecordKind.allCases {
      let text = RecordID(kind: kind, day: day("2027-01-31"), suffix: 7).description
      #expect(RecordID(text)?.kind == kind)
      #expect(!text.dropFirst(11).contains { "ilou".contains($0) })
    }
    for bad in [
      "", "p", "p-2026-11-05-abcd", "x-20261105-abcd", "p-20261105-abci", "p-20261305-abcd",
      "2026-11-05.heel-raises.left", "p-20261105-abcde",
    ] {
      #expect(RecordID(bad) == nil, "\(bad)")
    }
  }

  @Test("the store assigns ids from its injected source, unique within the file")
  func assignedIds() throws {
    try withStore { store, _ in
      let pain = try store.addPain(PainRecord(day: day("2026-11-05"), level: 4, at: Self.stamp))
      let note = try store.addNote(NoteRecord(day: day("2026-11-05"), text: "ok", at: Self.stamp))
      #expect(pain.id == "p-20261105-0001")
      #expect(note.id == "n-20261105-0002")
      // A source that always draws the same number: the second record draws until it is free,
      // then gives up with an error instead of reusing an id.
      let stuck = ProgressStore(directory: store.directory, recordIDs: RecordIDSource { 1 })
      let first = try stuck.addPain(PainRecord(day: day("2026-11-06"), level: 1, at: Self.stamp))
      #expect(first.id == "p-20261106-0001")
      #expect(throws: StoreError.self) {
        try stuck.addPain(PainRecord(day: day("2026-11-06"), level: 2, at: Self.stamp))
      }
      #expect(
        try store.loadWeek(ISOWeek(containing: day("2026-11-06"))).pain.map(\.id) == [
          pain.id, first.id,
        ])
      // Records added through updateWeek without an id get one too.
      try store.updateWeek(ISOWeek(containing: day("2026-11-05"))) { week in
        week.notes.append(NoteRecord(day: day("2026-11-05"), text: "later", at: Self.stamp))
      }
      let ids = try store.loadWeek(ISOWeek(containing: day("2026-11-05"))).notes.map(\.id)
      #expect(ids.count == 2 && Set(ids).count == 2 && !ids.contains(""))
    }
  }

  // MARK: Check-ins per programme week

  @Test("a second check-in in the programme week replaces the first, across ISO week files")
  func replaceAcrossFiles() throws {
    // Thursday start: programme week 1 is Thu 5 Nov to Wed 11 Nov (W45 and W46).
    try withStore { store, programme in
      let first = try store.saveCheckin(Self.checkin("2026-11-06", pain: 5))
      #expect(first.programmeWeek == 1 && first.replaced.isEmpty)
      // Programme week 2, same ISO file as week 1's Monday to Wednesday: replaces nothing.
      let second = try store.saveCheckin(Self.checkin("2026-11-14", pain: 4))
      #expect(second.programmeWeek == 2 && second.replaced.isEmpty)
      // Programme week 1 again, in the other ISO file: replaces the one of 6 November.
      let third = try store.saveCheckin(Self.checkin("2026-11-10", pain: 3))
      #expect(third.programmeWeek == 1)
      #expect(third.replaced.map(\.id) == [first.checkin.id])
      #expect(third.weekDays == day("2026-11-05")...day("2026-11-11"))

      let w45 = try store.loadWeek(ISOWeek(containing: day("2026-11-06")))
      let w46 = try store.loadWeek(ISOWeek(containing: day("2026-11-10")))
      #expect(w45.checkins.isEmpty)
      #expect(w45.removed.map(\.id) == [first.checkin.id])
      #expect(Set(w46.checkins.map(\.day)) == [day("2026-11-10"), day("2026-11-14")])
      let history = ProgressHistory(programme: programme, weeks: [w45, w46])
      #expect(
        history.checkins(through: day("2026-11-20")).map(\.day) == [
          day("2026-11-10"), day("2026-11-14"),
        ])
    }
  }

  @Test("after a crash between the two writes, the later check-in is the one that counts")
  func crashBetweenWrites() throws {
    try withStore { store, programme in
      let old = try store.saveCheckin(
        Self.checkin("2026-11-06", pain: 5, at: "2026-11-06T09:00:00Z"))
      // The new check-in written, the old one not yet removed: both are on disk.
      try store.updateWeek(ISOWeek(containing: day("2026-11-10"))) { week in
        week.checkins.append(Self.checkin("2026-11-10", pain: 2, at: "2026-11-10T09:00:00Z"))
      }
      let history = ProgressHistory(
        programme: programme,
        weeks: try store.weeks(from: programme.start, through: day("2026-11-20")))
      #expect(history.checkins(through: day("2026-11-20")).map(\.day) == [day("2026-11-10")])
      #expect(history.checkin(inProgrammeWeekOf: day("2026-11-06"))?.day == day("2026-11-10"))
      // The next save in that week clears both.
      let next = try store.saveCheckin(Self.checkin("2026-11-08", pain: 3))
      #expect(next.replaced.count == 2)
      #expect(next.replaced.first?.day == day("2026-11-10"))
      #expect(next.replaced.contains { $0.id == old.checkin.id })
    }
  }

  // MARK: Removal

  @Test("remove leaves a tombstone, returns the record; reinstate puts it back")
  func removeAndReinstate() throws {
    try withStore { store, _ in
      let pain = try store.addPain(PainRecord(day: day("2026-11-09"), level: 8, at: Self.stamp))
      let note = try store.addNote(NoteRecord(day: day("2026-11-10"), text: "x", at: Self.stamp))
      let removed = try store.remove([pain.id, note.id], at: "2026-11-11T08:00:00Z")
      #expect(removed == [.pain(pain), .note(note)])
      let week = try store.loadWeek(ISOWeek(containing: pain.day))
      #expect(week.pain.isEmpty && week.notes.isEmpty)
      #expect(
        week.removed == [
          RemovedRecord(id: pain.id, at: "2026-11-11T08:00:00Z"),
          RemovedRecord(id: note.id, at: "2026-11-11T08:00:00Z"),
        ])
      #expect(try store.record(id: pain.id) == nil)
      #expect(try store.removal(id: pain.id)?.at == "2026-11-11T08:00:00Z")

      try store.reinstate(removed, at: "2026-11-11T08:01:00Z")
      let back = try store.loadWeek(ISOWeek(containing: pain.day))
      #expect(back.pain == [pain] && back.notes == [note] && back.removed.isEmpty)
    }
  }

  @Test("removing is all or nothing: one unknown id and nothing changes")
  func removeAllOrNothing() throws {
    try withStore { store, _ in
      let pain = try store.addPain(PainRecord(day: day("2026-11-09"), level: 8, at: Self.stamp))
      let file = store.file(for: ISOWeek(containing: pain.day))
      let before = readBytes(file)
      for ids in [
        [pain.id, "p-20261109-zzzz"], [pain.id, "n-20261201-0001"], [pain.id, "nonsense"],
      ] {
        #expect(throws: StoreError.self) { try store.remove(ids, at: Self.stamp) }
        #expect(readBytes(file) == before)
      }
      do {
        try store.remove(["p-20261109-zzzz"], at: Self.stamp)
      } catch let error as StoreError {
        #expect(error.kind == .noSuchRecord)
        #expect(error.remedy == .listRecords(day("2026-11-09")))
      }
      try store.remove([pain.id], at: Self.stamp)
      #expect(throws: StoreError.self) { try store.remove([pain.id], at: Self.stamp) }
    }
  }

  @Test("undo of a replacing check-in: the new one goes, the old one returns, atomically")
  func reinstateReplacedCheckin() throws {
    try withStore { store, programme in
      let old = try store.saveCheckin(Self.checkin("2026-11-06", pain: 5))
      let new = try store.saveCheckin(Self.checkin("2026-11-10", pain: 3))
      // The old one cannot come back while the new one holds its programme week.
      #expect(throws: StoreError.self) {
        try store.reinstate([.checkin(old.checkin)], at: Self.stamp)
      }
      try store.reinstate([.checkin(old.checkin)], replacing: [new.checkin.id], at: Self.stamp)
      let weeks = try store.weeks(from: programme.start, through: day("2026-11-20"))
      let history = ProgressHistory(programme: programme, weeks: weeks)
      #expect(history.checkins(through: day("2026-11-20")) == [old.checkin])
      #expect(weeks.flatMap(\.removed).map(\.id) == [new.checkin.id])
    }
  }

  @Test("with expected, remove and reinstate are compare-and-swaps: a changed record is left")
  func expectedRecordsAreCompared() throws {
    try withStore { store, programme in
      let pain = try store.addPain(PainRecord(day: day("2026-11-09"), level: 8, at: Self.stamp))
      let file = store.file(for: ISOWeek(containing: pain.day))
      // Expecting another record than the file holds: refused, nothing written.
      var other = pain
      other.level = 2
      let before = readBytes(file)
      #expect(throws: RecordChanged(id: pain.id, found: .live(.pain(pain)), file: file)) {
        try store.remove(
          [pain.id], at: Self.stamp, expected: RecordExpectation(live: [.pain(other)]))
      }
      #expect(readBytes(file) == before)
      // As expected: removed.
      try store.remove(
        [pain.id], at: "2026-12-02T12:00:01Z", expected: RecordExpectation(live: [.pain(pain)]))
      let mine = RemovedRecord(id: pain.id, at: "2026-12-02T12:00:01Z")
      // Another writer reinstates and removes it again: its tombstone is not this one.
      try store.reinstate([.pain(pain)], at: "2026-12-02T12:00:02Z")
      try store.remove([pain.id], at: "2026-12-02T12:00:03Z")
      let theirs = RemovedRecord(id: pain.id, at: "2026-12-02T12:00:03Z")
      #expect(throws: RecordChanged(id: pain.id, found: .removed(theirs), file: file)) {
        try store.reinstate(
          [.pain(pain)], at: "2026-12-02T12:00:04Z", expected: RecordExpectation(removed: [mine]))
      }
      #expect(try store.removal(id: pain.id) == theirs)
      // Undo of an add whose record another writer removed: refused, the removal stays.
      #expect(throws: RecordChanged.self) {
        try store.reinstate(
          [], replacing: [pain.id], at: "2026-12-02T12:00:05Z",
          expected: RecordExpectation(live: [.pain(pain)]))
      }
      // Undo of a check-in that replaced one: refused once a third check-in replaced it.
      let first = try store.saveCheckin(Self.checkin("2026-11-06", pain: 5))
      let second = try store.saveCheckin(
        Self.checkin("2026-11-07", pain: 4, at: "2026-12-02T12:00:06Z"))
      _ = try store.saveCheckin(Self.checkin("2026-11-08", pain: 3, at: "2026-12-02T12:00:07Z"))
      let undo = RecordExpectation(
        live: [.checkin(second.checkin)],
        removed: [RemovedRecord(id: first.checkin.id, at: "2026-12-02T12:00:06Z")])
      #expect(throws: RecordChanged.self) {
        try store.reinstate(
          [.checkin(first.checkin)], replacing: [second.checkin.id], at: "2026-12-02T12:00:08Z",
          programmeStart: programme.start, expected: undo)
      }
      #expect(try store.record(id: first.checkin.id) == nil)
    }
  }

  @Test("a record whose id has a tombstone is left out when read (removal wins)")
  func tombstoneWins() throws {
    let note = NoteRecord(day: day("2026-12-02"), text: "x", at: Self.stamp, id: "n-20261202-0001")
    let week = ProgressWeek(
      week: week("2026-W49"), notes: [note],
      removed: [RemovedRecord(id: note.id, at: Self.stamp)])
    #expect(week.notes.isEmpty)
    #expect(week.problems.isEmpty)
  }

  @Test("week files refuse missing, malformed, misdated and repeated ids")
  func idProblems() {
    let base = ProgressWeek(week: week("2026-W49"))
    func problem(_ change: (inout ProgressWeek) -> Void) -> String? {
      var copy = base
      change(&copy)
      return copy.problems.first?.message
    }
    #expect(
      problem {
        $0.pain.append(PainRecord(day: day("2026-12-02"), level: 1, at: "2026-12-02T12:00:00Z"))
      }
        == "the record has no id")
    #expect(
      problem {
        $0.pain.append(
          PainRecord(
            day: day("2026-12-02"), level: 1, at: "2026-12-02T12:00:00Z", id: "n-20261202-0001"))
      }?.contains("not the id of a pain record") == true)
    #expect(
      problem {
        $0.pain.append(
          PainRecord(
            day: day("2026-12-02"), level: 1, at: "2026-12-02T12:00:00Z", id: "p-20261203-0001"))
      }?.contains("is dated 2026-12-03") == true)
    #expect(
      problem {
        $0.notes.append(
          NoteRecord(
            day: day("2026-12-02"), text: "a", at: "2026-12-02T12:00:00Z", id: "n-20261202-0001"))
        $0.notes.append(
          NoteRecord(
            day: day("2026-12-02"), text: "b", at: "2026-12-02T12:00:00Z", id: "n-20261202-0001"))
      }?.contains("used twice") == true)
    #expect(
      problem {
        $0.removed.append(RemovedRecord(id: "p-20261210-0001", at: "2026-12-02T12:00:00Z"))
      }?
      .contains("not in week 2026-W49") == true)
  }

  // MARK: Migration from version 1

  static var fixtureV1: [UInt8] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/week-v1.json").path
    return FileManager.default.contents(atPath: path).map(Array.init) ?? []
  }

  @Test("a version 1 file: ids derived from content, the check-in in `checkins`, idempotent")
  func migrationFromVersion1() throws {
    let bytes = Self.fixtureV1
    #expect(try StoredJSON.parse(bytes).objectValue?["schemaVersion"] == .number(1))
    #expect(ProgressFastDecoding.week(from: bytes) == nil)
    let migrated = try ProgressDecoding.week(from: bytes, expected: week("2026-W49"))
    #expect(migrated.pain.count == 2 && migrated.notes.count == 2)
    #expect(migrated.checkins.map(\.day) == [day("2026-12-06")])
    #expect(migrated.removed.isEmpty)
    let ids = migrated.pain.map(\.id) + migrated.notes.map(\.id) + migrated.checkins.map(\.id)
    #expect(Set(ids).count == 5)
    for record in migrated.pain { #expect(RecordID(record.id)?.day == record.day) }
    #expect(ids.allSatisfy { RecordID($0) != nil })
    #expect(migrated.pain[0].id.hasPrefix("p-20261201-"))
    #expect(migrated.checkins[0].id.hasPrefix("c-20261206-"))
    #expect(migrated.problems.isEmpty)
    // The same file read again gives the same ids; so does the migrated file read back.
    #expect(try ProgressDecoding.week(from: bytes, expected: week("2026-W49")) == migrated)
    let rewritten = try JSONCoding.encode(migrated)
    #expect(String(decoding: rewritten, as: UTF8.self).contains("\"schemaVersion\" : 3"))
    #expect(ProgressFastDecoding.week(from: rewritten) == migrated)
    #expect(try ProgressDecoding.week(from: rewritten) == migrated)
  }

  @Test("a version 1 file on disk: log its ids, remove one, and the file becomes version 3")
  func migrationOnDiskKeepsIds() throws {
    try withStore(start: "2026-11-30") { store, _ in
      let w49 = week("2026-W49")
      writeBytes(Self.fixtureV1, to: store.file(for: w49))
      let listed = try store.loadWeek(w49)
      // Ids read before the first write are the ones stored by it.
      let target = try #require(listed.pain.first?.id)
      let removed = try store.remove([target], at: Self.stamp)
      #expect(removed.first?.id == target)
      let after = try store.loadWeek(w49)
      #expect(after.pain.map(\.id) == listed.pain.dropFirst().map(\.id))
      #expect(after.notes == listed.notes && after.checkins == listed.checkins)
      let text = String(decoding: readBytes(store.file(for: w49)) ?? [], as: UTF8.self)
      #expect(text.contains("\"schemaVersion\" : 3"))
    }
  }

  @Test("a version 1 file with fields of version 2 is refused with its path")
  func migrationRefusesMixedShapes() {
    let text = #"{"schemaVersion": 1, "week": "2026-W49", "removed": []}"#
    #expect(throws: ProgressProblem.self) {
      try ProgressDecoding.week(from: Array(text.utf8))
    }
    let withId =
      #"{"schemaVersion": 1, "week": "2026-W49", "pain": [{"id": "p-20261202-0001", "day": "2026-12-02", "level": 1, "timing": "during", "at": "2026-12-02T12:00:00Z"}]}"#
    do {
      _ = try ProgressDecoding.week(from: Array(withId.utf8))
      Issue.record("accepted an id in a version 1 file")
    } catch {
      #expect(error.path == "pain[0].id")
    }
  }
}
