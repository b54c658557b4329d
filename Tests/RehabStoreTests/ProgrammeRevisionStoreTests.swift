import Foundation
import RehabCore
import RehabStore
import RehabTestSupport
import Testing

/// programme.json version 2: revisions appended and taken back under the lock, against the
/// programme the caller read; version 1 files migrate on read.
@Suite("Programme revisions in the store")
struct ProgrammeRevisionStoreTests {
  static var fixtureV1: [UInt8] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/programme-v1.json").path
    return FileManager.default.contents(atPath: path).map(Array.init) ?? []
  }

  static func dose(_ reps: Int) -> ProgrammeRevision {
    ProgrammeRevision(
      id: "", effective: Fixtures.day("2026-12-09"),
      change: .set(
        treatmentId: "heel-raises",
        TreatmentSettings(dose: .setsReps(sets: 3, reps: reps, load: nil))),
      note: "review:\u{1b}[2J pain settled\n", at: "2026-12-08T10:00:00Z")
  }

  static func store(_ directory: TemporaryDirectory) throws -> (ProgressStore, Programme) {
    let store = ProgressStore(directory: directory.path, recordIDs: .counting())
    let programme = Fixtures.programme([Fixtures.strengthening(), Fixtures.stretch()])
    try store.saveProgramme(programme, replacing: false)
    return (store, programme)
  }

  @Test("a version 1 programme.json reads with no revisions and writes back as version 3")
  func migratesVersion1() throws {
    let bytes = Self.fixtureV1
    #expect(try StoredJSON.parse(bytes).objectValue?["schemaVersion"] == .number(1))
    let programme = try ProgrammeDecoding.programme(from: bytes, file: "programme-v1.json")
    #expect(programme.revisions.isEmpty)
    #expect(programme.weeks == 8 && programme.start == Fixtures.day("2026-11-02"))
    #expect(programme.plan.id == "lateral-ankle-sprain")
    let written = try JSONCoding.encode(programme)
    let object = try StoredJSON.parse(written).objectValue
    #expect(object?["schemaVersion"] == .number(3))
    #expect(object?["revisions"] == .array([]))
    #expect(object?["removedRevisions"] == nil && object?["supersededRevisions"] == nil)
    #expect(try ProgrammeDecoding.programme(from: written, file: "again") == programme)
    // The checklists are those the version 1 file gave.
    let day = Fixtures.day("2026-11-10")
    #expect(Scheduler(programme: programme).checklist(for: day).map(\.dose.text).isEmpty == false)
  }

  @Test("a version 2 file without its revisions, or of version 4, is refused with its path")
  func refusesBadVersions() throws {
    var text = String(decoding: Self.fixtureV1, as: UTF8.self)
    text = text.replacingOccurrences(
      of: "\"schemaVersion\" : 1,\n  \"start\"", with: "\"schemaVersion\" : 2,\n  \"start\"")
    #expect(throws: ProgrammeProblem.self) {
      try ProgrammeDecoding.programme(from: Array(text.utf8), file: "f")
    }
    let four = text.replacingOccurrences(
      of: "\"schemaVersion\" : 2,\n  \"start\"", with: "\"schemaVersion\" : 4,\n  \"start\"")
    do {
      _ = try ProgrammeDecoding.programme(from: Array(four.utf8), file: "f")
      Issue.record("version 4 was read")
    } catch {
      #expect(error.message.contains("versions 1 to 3"))
    }
  }

  @Test("addRevision gives an id, keeps the note on one line, and the file reads back the same")
  func addsRevision() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let (store, programme) = try Self.store(directory)
    let stored = try store.addRevision(Self.dose(14), expected: programme)
    let added = try #require(stored.revisions.last)
    #expect(added.id == "r-20261209-0001")
    #expect(added.note == "review:\u{FFFD}[2J pain settled")
    #expect(try store.loadProgramme() == stored)
    #expect(
      try store.loadProgramme()?.treatment(id: "heel-raises", on: Fixtures.day("2026-12-09"))?.dose
        == .setsReps(sets: 3, reps: 14, load: nil))
  }

  @Test("addRevision against a programme that changed since, or a bad revision, writes nothing")
  func refusesStaleOrBad() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let (store, programme) = try Self.store(directory)
    let before = try #require(FileManager.default.contents(atPath: store.programmeFile))
    #expect(throws: ProgrammeChanged.self) {
      var other = programme
      other.affectedSide = .right
      _ = try store.addRevision(Self.dose(14), expected: other)
    }
    #expect(throws: StoreError.self) {
      _ = try store.addRevision(Self.dose(500), expected: programme)
    }
    #expect(FileManager.default.contents(atPath: store.programmeFile) == before)
  }

  @Test("undo takes back the latest revision until a day it governs is logged")
  func undo() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let (store, programme) = try Self.store(directory)
    #expect(try store.undoVerdict(programme) == .nothingToUndo)
    let once = try store.addRevision(Self.dose(14), expected: programme)
    // A record before the effective day does not block it.
    try store.setStatus(
      .done, ofItem: "2026-12-02.heel-raises.left", on: Fixtures.day("2026-12-02"),
      at: Fixtures.stamp(1))
    let (back, removed) = try store.undoLatestRevision(expected: once, at: Fixtures.stamp(2))
    #expect(back.revisions == programme.revisions && removed.id == "r-20261209-0001")
    // The undo leaves a tombstone, so it travels in a sync.
    #expect(back.removedRevisions == [RemovedRecord(id: removed.id, at: Fixtures.stamp(2))])
    let twice = try store.addRevision(Self.dose(13), expected: back)
    // The first session the revision governs, logged.
    let scheduler = Scheduler(programme: twice)
    let session = try #require(
      (9...20).map { Fixtures.day("2026-12-\($0)") }.first {
        scheduler.isScheduled("heel-raises", on: $0)
      })
    let item = try #require(
      scheduler.checklist(for: session).first { $0.treatmentId == "heel-raises" })
    try store.setStatus(.done, ofItem: item.id, on: session, at: Fixtures.stamp(2))
    #expect(try store.undoVerdict(twice) == .logged(twice.revisions[0], firstLoggedDay: session))
    let before = try #require(FileManager.default.contents(atPath: store.programmeFile))
    do {
      _ = try store.undoLatestRevision(expected: twice)
      Issue.record("undo was allowed")
    } catch let refused as RevisionUndoRefused {
      guard case .logged(let revision, _) = refused.reason else {
        Issue.record("wrong reason \(refused.reason)")
        return
      }
      #expect(revision.id == twice.revisions.last?.id)
    }
    #expect(FileManager.default.contents(atPath: store.programmeFile) == before)
  }
}

extension ProgrammeRevisionStoreTests {
  @Test("a hand-edited revision that does not fit is a damaged file naming its path")
  func handEditedRevisionIsChecked() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let (store, programme) = try Self.store(directory)
    _ = try store.addRevision(Self.dose(14), expected: programme)
    let file = store.programmeFile
    let text = try #require(FileManager.default.contents(atPath: file)).map { $0 }
    let edited = String(decoding: text, as: UTF8.self).replacingOccurrences(
      of: "\"treatment\" : \"heel-raises\"", with: "\"treatment\" : \"toe-taps\"")
    try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
    do {
      _ = try store.loadProgramme()
      Issue.record("the edited file was read")
    } catch {
      #expect(error.kind == .damagedFile)
      #expect(error.problem.hasPrefix("revisions[0].treatment: 'toe-taps' is not a treatment"))
    }
    let outOfRange = String(decoding: text, as: UTF8.self).replacingOccurrences(
      of: "\"reps\" : 14", with: "\"reps\" : 500")
    try Data(outOfRange.utf8).write(to: URL(fileURLWithPath: file))
    do {
      _ = try store.loadProgramme()
      Issue.record("the edited file was read")
    } catch {
      #expect(
        error.problem.hasPrefix(
          "revisions (in force from 2026-12-09): heel-raises.dose.reps: 500 is out of range"))
    }
  }
}
