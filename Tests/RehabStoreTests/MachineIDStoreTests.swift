import Foundation
import RehabCore
import RehabTestSupport
import Testing

@testable import RehabStore

/// The folder's machine id (`.machine-id`), the records stamped with it, the tombstones that
/// travel, and the version 2 files that read as the unknown machine's.
@Suite("merge fields: machine id, by, tombstones, version 3")
struct MachineIDStoreTests {
  static let wednesday = day("2026-12-02")
  static let item = "2026-12-02.heel-raises.left"

  func withStore(_ body: (ProgressStore) throws -> Void) throws {
    let temporary = TemporaryDirectory()
    defer { temporary.remove() }
    try body(ProgressStore(directory: temporary.sub("data"), recordIDs: .counting()))
  }

  @Test("the machine id is made once, 0600, random per folder, and never a host name")
  func machineIdFile() throws {
    try withStore { store in
      #expect(try store.recordingMachine() == MachineID.unknown)
      #expect(!FileManager.default.fileExists(atPath: store.machineIDFile))
      let id = try store.machineID()
      #expect(MachineID.isValid(id) && id.count == MachineID.length)
      #expect(try store.machineID() == id)
      #expect(try store.recordingMachine() == id)
      var status = stat()
      #expect(stat(store.machineIDFile, &status) == 0 && status.st_mode & 0o777 == 0o600)
      let host = ProcessInfo.processInfo.hostName
      #expect(!id.contains(host.lowercased()))
      let other = TemporaryDirectory()
      defer { other.remove() }
      #expect(try ProgressStore(directory: other.sub("data")).machineID() != id)
    }
  }

  @Test("a damaged machine id file is an error naming it, not a new id")
  func damagedMachineId() throws {
    try withStore { store in
      try store.prepareDirectory()
      try Data("host.example.org\n".utf8).write(to: URL(fileURLWithPath: store.machineIDFile))
      #expect(throws: StoreError.self) { try store.machineID() }
      #expect(throws: StoreError.self) {
        try store.setStatus(.done, ofItem: Self.item, on: Self.wednesday, at: Fixtures.stamp(1))
      }
    }
  }

  @Test("every record written after the id exists carries it; an uncheck leaves a pending record")
  func recordsCarryBy() throws {
    try withStore { store in
      let by = try store.machineID()
      try store.setStatus(.done, ofItem: Self.item, on: Self.wednesday, at: Fixtures.stamp(1))
      let pain = try store.addPain(
        PainRecord(day: Self.wednesday, level: 3, at: Fixtures.stamp(2)))
      let note = try store.addNote(
        NoteRecord(day: Self.wednesday, text: "x", at: Fixtures.stamp(3)))
      let checkin = try store.saveCheckin(
        Checkin(day: Self.wednesday, values: [.pain: .single(2)], at: Fixtures.stamp(4)),
        programmeStart: day("2026-11-30"))
      try store.remove([note.id], at: Fixtures.stamp(5))
      try store.setStatus(.pending, ofItem: Self.item, on: Self.wednesday, at: Fixtures.stamp(6))
      let stored = try store.loadWeek(week("2026-W49"))
      #expect(
        stored.items[Self.item] == ItemRecord(status: .pending, at: Fixtures.stamp(6), by: by))
      #expect(stored.pain.map(\.by) == [by] && pain.by == by)
      #expect(stored.checkins.map(\.by) == [by] && checkin.checkin.by == by)
      #expect(stored.removed == [RemovedRecord(id: note.id, at: Fixtures.stamp(5), by: by)])
      // A never-logged item unchecked stays without a record.
      let other = "2026-12-03.heel-raises.left"
      try store.setStatus(.pending, ofItem: other, on: day("2026-12-03"), at: Fixtures.stamp(7))
      #expect(try store.loadWeek(week("2026-W49")).items[other] == nil)
      let text = String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: store.file(for: week("2026-W49")))),
        as: UTF8.self)
      #expect(text.contains("\"by\" : \"\(by)\"") && text.contains("\"schemaVersion\" : 3"))
    }
  }

  @Test("programme undo leaves a tombstone with the machine; new revision ids avoid it")
  func undoTombstone() throws {
    try withStore { store in
      let by = try store.machineID()
      let programme = Fixtures.programme([Fixtures.strengthening(), Fixtures.stretch()])
      try store.saveProgramme(programme, replacing: false)
      let revision = ProgrammeRevision(
        id: "", effective: day("2026-12-09"),
        change: .pause(treatmentId: "heel-raises", until: nil),
        at: Fixtures.stamp(1))
      let added = try store.addRevision(revision, expected: programme)
      #expect(added.revisions.last?.by == by)
      let (back, removed) = try store.undoLatestRevision(expected: added, at: Fixtures.stamp(2))
      #expect(
        back.removedRevisions == [RemovedRecord(id: removed.id, at: Fixtures.stamp(2), by: by)])
      #expect(try store.loadProgramme() == back)
      // The counter would give the same id again; the tombstone keeps it taken.
      let again = ProgressStore(directory: store.directory, recordIDs: .counting())
      let next = try again.addRevision(revision, expected: back)
      #expect(next.revisions.last?.id != removed.id)
    }
  }

  @Test("a version 2 week file reads with by empty, deterministically, and is written as version 3")
  func weekVersion2() throws {
    let text = #"""
      {"schemaVersion": 2, "week": "2026-W49",
       "items": {"2026-12-02.heel-raises.left": {"status": "done", "at": "2026-12-02T12:00:00Z"}},
       "pain": [{"id": "p-20261202-0001", "day": "2026-12-02", "level": 4, "timing": "during", "at": "2026-12-02T12:00:00Z"}],
       "notes": [], "checkins": [], "removed": [{"id": "n-20261202-0002", "at": "2026-12-02T12:00:00Z"}]}
      """#
    let bytes = Array(text.utf8)
    #expect(ProgressFastDecoding.week(from: bytes) == nil)
    let read = try ProgressDecoding.week(from: bytes, expected: week("2026-W49"))
    #expect(try ProgressDecoding.week(from: bytes) == read)
    #expect(read.items.values.allSatisfy { $0.by.isEmpty })
    #expect(read.pain.map(\.by) == [""] && read.removed.map(\.by) == [""])
    let written = try JSONCoding.encode(read)
    #expect(String(decoding: written, as: UTF8.self).contains("\"schemaVersion\" : 3"))
    #expect(!String(decoding: written, as: UTF8.self).contains("\"by\""))
    #expect(ProgressFastDecoding.week(from: written) == read)
    #expect(try ProgressDecoding.carefulWeek(from: written) == read)
    // A version 2 file holding `by` is not one this rehabit wrote; it reads as version 3 would.
    #expect(ProgressWeekMigration.steps.contains { $0.from == 2 })
  }

  @Test("a malformed by is reported with its path by both readers")
  func badBy() throws {
    let text = #"""
      {"schemaVersion": 3, "week": "2026-W49",
       "items": {"2026-12-02.heel-raises.left": {"status": "done", "at": "2026-12-02T12:00:00Z", "by": "my-laptop"}},
       "pain": [], "notes": [], "checkins": [], "removed": []}
      """#
    #expect(throws: ProgressProblem.self) {
      try ProgressDecoding.week(from: Array(text.utf8))
    }
    do {
      _ = try ProgressDecoding.week(from: Array(text.utf8))
    } catch {
      #expect(error.path == "items[\"2026-12-02.heel-raises.left\"].by")
    }
  }

  @Test("a programme's merge fields are checked on reading: by, time stamps, ids used once")
  func programmeMergeFields() throws {
    var programme = Fixtures.programme([Fixtures.strengthening()])
    programme.removedRevisions = [RemovedRecord(id: "r-20261209-0001", at: "yesterday")]
    #expect(
      ProgrammeValidator.problems(in: programme).first?.path == "removedRevisions[0].at")
    programme.removedRevisions = [RemovedRecord(id: "r-20261209-0001", at: Fixtures.stamp(1))]
    programme.supersededRevisions = [
      ProgrammeRevision(
        id: "r-20261209-0001", effective: day("2026-12-09"),
        change: .pause(treatmentId: "heel-raises", until: nil), at: Fixtures.stamp(1),
        by: "LAPTOP")
    ]
    let problems = ProgrammeValidator.problems(in: programme).map(\.path)
    #expect(problems.contains("supersededRevisions[0].by"))
    #expect(problems.contains("removedRevisions[0].id"))
  }

  @Test("a version 2 programme.json reads with no tombstones and writes as version 3")
  func programmeVersion2() throws {
    var programme = Fixtures.programme([Fixtures.strengthening()])
    programme.revisions = [
      ProgrammeRevision(
        id: "r-20261209-0001", effective: day("2026-12-09"),
        change: .pause(treatmentId: "heel-raises", until: nil), at: Fixtures.stamp(1))
    ]
    var object = try StoredJSON.parse(try JSONCoding.encode(programme)).objectValue ?? [:]
    object["schemaVersion"] = .number(2)
    let old = Array(StoredJSON.object(object).text.utf8)
    let read = try ProgrammeDecoding.programme(from: old, file: "programme.json")
    #expect(read == programme && read.revisions[0].by.isEmpty)
    #expect(read.removedRevisions.isEmpty && read.supersededRevisions.isEmpty)
    let written = try StoredJSON.parse(try JSONCoding.encode(read)).objectValue
    #expect(written?["schemaVersion"] == .number(3))
  }
}

@Suite("the demo history as version 3 files")
struct DemoVersionTests {
  @Test("the demo writes version 3 week files without a machine id, so a seed gives the same bytes")
  func demoFiles() throws {
    let temporary = TemporaryDirectory()
    defer { temporary.remove() }
    let store = ProgressStore(directory: temporary.sub("data"), recordIDs: .counting())
    let plan = try TemplateLibrary.template(id: "chronic-ankle-instability").plan
    let today = day("2026-12-21")
    let programme = DemoHistory.programme(plan: plan, today: today, weeksOfHistory: 3)
    try store.saveProgramme(programme, replacing: false)
    try DemoHistory.seed(store, programme: programme, today: today)
    let bytes = try #require(
      FileManager.default.contents(atPath: store.file(for: week("2026-W50"))))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\"schemaVersion\" : 3") && !text.contains("\"by\""))
    #expect(!FileManager.default.fileExists(atPath: store.machineIDFile))
  }
}
