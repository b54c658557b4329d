import Foundation
import RehabCore
import RehabStore
import RehabTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The store's side of the second hardening round, in-process through the `FileFaults` seam.
@Suite("Store hardening: unconfirmed writes, idempotent retries, planted files, damaged weeks")
struct HardeningStoreTests {
  static let day = Fixtures.day("2026-12-02")

  static func store(_ directory: TemporaryDirectory, faults: FileFaults = .none) throws
    -> ProgressStore
  {
    let store = ProgressStore(directory: directory.path, faults: faults)
    try store.saveProgramme(
      Fixtures.programme([Fixtures.stretch()], start: "2026-11-23"), replacing: false)
    return store
  }

  @Test("an fsync failure after the rename is 'saved, unconfirmed', never 'nothing was changed'")
  func unconfirmedIsNotNothingChanged() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    _ = try Self.store(directory)
    let failing = ProgressStore(
      directory: directory.path, faults: FileFaults(directorySync: { _ in EIO }))
    let record = PainRecord(
      day: Self.day, level: 7, at: "2026-12-02T18:00:00Z", id: "p-20261202-0001")
    do {
      try failing.addPain(record)
      Issue.record("the write did not report the fsync failure")
    } catch let error as StoreError {
      #expect(error.kind == .unconfirmed)
      #expect(!error.description.contains("nothing was changed"))
    }
    let week = ISOWeek(containing: Self.day)
    #expect(try failing.loadWeek(week).pain == [record])
    // The retry with the same id is done already: one entry.
    try ProgressStore(directory: directory.path).addPain(record)
    var later = record
    later.at = "2026-12-02T18:05:00Z"
    #expect(try ProgressStore(directory: directory.path).addPain(later) == record)
    #expect(try failing.loadWeek(week).pain.count == 1)
  }

  @Test("the same id on a different entry is a conflict; a removed one is not brought back")
  func idempotentByID() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try Self.store(directory)
    let record = PainRecord(
      day: Self.day, level: 7, at: "2026-12-02T12:00:00Z", id: "p-20261202-0002")
    try store.addPain(record)
    var other = record
    other.level = 2
    #expect(throws: StoreError.self) { try store.addPain(other) }
    try store.remove([record.id], at: "2026-12-02T12:00:02Z")
    try store.addPain(record)
    let week = try store.loadWeek(ISOWeek(containing: Self.day))
    #expect(week.pain.isEmpty)
    let note = NoteRecord(
      day: Self.day, text: "stiff", at: "2026-12-02T12:00:00Z", id: "n-20261202-0003")
    try store.addNote(note)
    try store.addNote(note)
    #expect(try store.loadWeek(ISOWeek(containing: Self.day)).notes.count == 1)
  }

  @Test("a later file of a multi-file change failing is not 'nothing was changed'")
  func partlySavedIsSaid() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try Self.store(directory)
    let first = ISOWeek(containing: Self.day)
    let second = first.next
    // A folder where the second week's temporary file goes: that write fails after the
    // first file is written.
    #expect(mkdir("\(store.progressDirectory)/.\(second).json.tmp", 0o700) == 0)
    do {
      try store.updateWeeks([first, second]) { weeks in
        weeks[first]?.notes.append(NoteRecord(day: Self.day, text: "a", at: "2026-12-02T12:00:00Z"))
        weeks[second]?.notes.append(
          NoteRecord(day: second.monday, text: "b", at: "2026-12-02T12:00:00Z"))
      }
      Issue.record("the write did not fail")
    } catch let error as StoreError {
      #expect(error.kind == .unconfirmed)
      #expect(!error.description.contains("nothing was changed"))
      #expect(error.description.contains("the first part of the change is saved"))
    }
    #expect(try store.loadWeek(first).notes.map(\.text) == ["a"])
  }

  @Test("symbolic links and FIFOs in the data folder are refused at once, naming the file")
  func plantedFiles() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try Self.store(directory)
    let week = ISOWeek(containing: Self.day)
    let file = store.file(for: week)
    #expect(mkfifo(file, 0o600) == 0)
    #expect {
      try store.loadWeek(week)
    } throws: { error in
      (error as? StoreError)?.description.contains("not a regular file") == true
    }
    unlink(file)
    let outside = directory.sub("outside.json")
    #expect(symlink(outside, file) == 0)
    #expect(throws: StoreError.self) {
      try store.addNote(NoteRecord(day: Self.day, text: "x", at: "2026-12-02T12:00:00Z"))
    }
    #expect(access(outside, F_OK) != 0, "nothing was created through the link")
    unlink(file)
    let lock = directory.sub(".lock")
    unlink(lock)
    #expect(symlink(outside, lock) == 0)
    #expect(throws: StoreError.self) {
      try store.addNote(NoteRecord(day: Self.day, text: "x", at: "2026-12-02T12:00:00Z"))
    }
    #expect(access(outside, F_OK) != 0)
  }

  @Test("readable weeks leave a damaged week out and note it; a required one is an error")
  func damagedWeeksDegrade() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try Self.store(directory)
    let week = ISOWeek(containing: Self.day)
    let previous = ISOWeek(containing: Self.day.adding(days: -7))
    try store.addPain(PainRecord(day: Self.day, level: 3, at: "2026-12-02T12:00:00Z"))
    let damagedFile = store.file(for: previous)
    #expect(FileManager.default.createFile(atPath: damagedFile, contents: Data("{".utf8)))
    let damaged = DamagedFiles()
    let weeks = try store.readableWeeks(
      from: previous.monday, through: Self.day, required: [week], damaged: damaged)
    #expect(weeks.map(\.week) == [previous, week])
    #expect(weeks[0].isEmpty)
    #expect(weeks[1].pain.count == 1)
    #expect(damaged.all.map(\.week) == [previous])
    #expect(damaged.all.first?.error.file == damagedFile)
    #expect(throws: StoreError.self) {
      try store.readableWeeks(
        from: previous.monday, through: Self.day, required: [previous], damaged: DamagedFiles())
    }
  }

  @Test("a writer that waited for the lock of a folder swapped away locks the new folder")
  func lockFollowsTheFolder() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try Self.store(directory)
    let archive = ExportArchive(
      programme: try #require(try store.loadProgramme()),
      weeks: [ProgressWeek(week: ISOWeek(containing: Self.day))])
    // Hold the lock as a writer would; the import waits for it, then swaps.
    let lockFD = open(directory.sub(".lock"), O_RDWR)
    #expect(flock(lockFD, LOCK_EX) == 0)
    let finished = Flag()
    let path = directory.path
    let importer = Thread {
      _ = try? DataFolderImport.run(archive, into: path, replacing: true)
      finished.set()
    }
    importer.start()
    usleep(200_000)
    #expect(!finished.isSet, "the import waits for the lock")
    close(lockFD)
    var waits = 0
    while !finished.isSet, waits < 500 {
      usleep(10_000)
      waits += 1
    }
    #expect(finished.isSet)
    // A write now lands in the imported folder.
    try store.addNote(NoteRecord(day: Self.day, text: "after", at: "2026-12-02T12:00:00Z"))
    #expect(try store.loadWeek(ISOWeek(containing: Self.day)).notes.map(\.text) == ["after"])
  }

  @Test("recover: a staging folder is removed, swapped-out old data is kept under its name")
  func recoverLeftovers() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let target = directory.sub("data")
    mkdir(target, 0o700)
    let staging = directory.sub(".data.rehabit-import-abc123")
    mkdir(staging, 0o700)
    close(open(staging + "/.rehabit-import-staging", O_WRONLY | O_CREAT, 0o600))
    let old = directory.sub(".data.rehabit-import-def456")
    mkdir(old, 0o700)
    close(open(old + "/programme.json", O_WRONLY | O_CREAT, 0o600))
    DataFolderImport.recover(target)
    let names = try #require(
      try? listing(directory.path).filter { $0.hasPrefix(".data") || $0.hasPrefix("data") })
    #expect(names.contains("data"))
    #expect(!names.contains { $0.contains("rehabit-import-") })
    #expect(names.filter { $0.hasPrefix("data.before-import-") }.count == 1)
  }

  @Test(
    "time stamps are range-checked in every file: a hand-edited 'not a time' is refused by path",
    arguments: [
      ("not a time", false), ("2026-12-02T18:04:05Z", true), ("2026-12-02", true),
      ("2026-02-30T10:00:00Z", false), ("2026-12-02T24:00:00Z", false),
      ("2026-12-02T23:60:00Z", false), ("1969-12-31T23:59:59Z", false),
      ("2026-12-02T18:04:05+01:00", false), ("", false),
    ])
  func timestamps(stamp: String, accepted: Bool) throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try Self.store(directory)
    let week = ISOWeek(containing: Self.day)
    let text =
      #"{"schemaVersion": 2, "week": "2026-W49", "items": {"2026-12-02.calf-stretch.left": {"status": "done", "at": ""#
      + stamp + #""}}}"#
    #expect(
      FileManager.default.createFile(atPath: store.file(for: week), contents: Data(text.utf8)))
    if accepted {
      #expect(try store.loadWeek(week).items.count == 1)
    } else {
      #expect {
        try store.loadWeek(week)
      } throws: { error in
        (error as? StoreError)?.description.contains("items[\"2026-12-02.calf-stretch.left\"].at")
          == true
      }
      // And a write of such a stamp is refused before anything is written.
      unlink(store.file(for: week))
      #expect(throws: StoreError.self) {
        try store.setStatus(.done, ofItem: "2026-12-02.calf-stretch.left", on: Self.day, at: stamp)
      }
      #expect(access(store.file(for: week), F_OK) != 0)
    }
  }

  @Test("a note or skip reason over the limit is refused, and nothing is written")
  func textLimit() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try Self.store(directory)
    let long = String(repeating: "a", count: ProgressWeek.maximumTextLength + 1)
    #expect(throws: StoreError.self) {
      try store.addNote(NoteRecord(day: Self.day, text: long, at: Fixtures.stamp(1)))
    }
    #expect(throws: StoreError.self) {
      try store.setStatus(
        .skipped, ofItem: "2026-12-02.calf-stretch.left", on: Self.day, reason: long,
        at: Fixtures.stamp(1))
    }
    #expect(access(store.file(for: ISOWeek(containing: Self.day)), F_OK) != 0)
    try store.addNote(
      NoteRecord(
        day: Self.day, text: String(long.dropFirst()), at: Fixtures.stamp(1)))
  }

  func listing(_ path: String) throws -> [String] {
    // Foundation's listing leaves out `.` and `..`, which callers never look for.
    (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
  }
}

/// A flag one thread sets and another reads.
final class Flag: Sendable {
  private let value = Mutex(false)
  func set() { value.withLock { $0 = true } }
  var isSet: Bool { value.withLock { $0 } }
}
