import Foundation
import RehabCore
import RehabStore
import RehabTestSupport
import Synchronization
import Testing

/// `setStatus(…, expected:)` and `restore(…, expected:)`: a write made against the record the
/// caller read, refused with `RecordConflict` (and nothing written) when another writer got
/// there first.
@Suite("Compare-and-swap item writes")
struct CompareAndSwapTests {
  let item = "2026-12-02.heel-raises.left"
  let wednesday = day("2026-12-02")

  func withStore(_ body: (ProgressStore) throws -> Void) rethrows {
    let temporary = TemporaryDirectory()
    defer { temporary.remove() }
    try body(ProgressStore(directory: temporary.sub("data")))
  }

  func bytes(_ store: ProgressStore) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: store.file(for: week("2026-W49"))))
  }

  @Test("a write against the stored record succeeds and returns what it stored")
  func matchingWrite() throws {
    try withStore { store in
      let done = try store.setStatus(
        .done, ofItem: item, on: wednesday, at: "2026-12-02T12:00:01Z", expected: nil)
      #expect(done == ItemRecord(status: .done, at: "2026-12-02T12:00:01Z"))
      let skipped = try store.setStatus(
        .skipped, ofItem: item, on: wednesday, reason: "sore", at: "2026-12-02T12:00:02Z",
        expected: done)
      #expect(skipped == ItemRecord(status: .skipped, at: "2026-12-02T12:00:02Z", reason: "sore"))
      let cleared = try store.setStatus(
        .pending, ofItem: item, on: wednesday, at: "2026-12-02T12:00:03Z", expected: skipped)
      // An uncheck is a `pending` record with its own time, so it travels in a sync.
      #expect(cleared == ItemRecord(status: .pending, at: "2026-12-02T12:00:03Z"))
      #expect(try store.loadWeek(week("2026-W49")).items[item] == cleared)
      #expect(try store.loadWeek(week("2026-W49")).status(of: item) == .pending)
    }
  }

  @Test("a tick on an item skipped elsewhere keeps the skip and its reason, byte for byte")
  func tickAfterOtherSkip() throws {
    try withStore { store in
      // The app read "pending"; meanwhile another writer skipped it.
      try store.setStatus(
        .skipped, ofItem: item, on: wednesday, reason: "too sore", at: "2026-12-02T11:00:00Z")
      let before = try bytes(store)
      #expect(throws: RecordConflict.self) {
        try store.setStatus(
          .done, ofItem: item, on: wednesday, at: "2026-12-02T10:00:00Z", expected: nil)
      }
      do {
        try store.setStatus(
          .done, ofItem: item, on: wednesday, at: "2026-12-02T10:00:00Z", expected: nil)
      } catch let conflict as RecordConflict {
        #expect(
          conflict.found
            == ItemRecord(status: .skipped, at: "2026-12-02T11:00:00Z", reason: "too sore"))
        #expect(conflict.expected == nil)
        #expect(conflict.itemId == item)
        #expect(conflict.file == store.file(for: week("2026-W49")))
      }
      #expect(try bytes(store) == before)
    }
  }

  @Test("a record changed only in its time stamp is another record")
  func sameStatusOtherStamp() throws {
    try withStore { store in
      try store.setStatus(.done, ofItem: item, on: wednesday, at: "2026-12-02T11:00:00Z")
      #expect(throws: RecordConflict.self) {
        try store.setStatus(
          .pending, ofItem: item, on: wednesday, at: "2026-12-02T10:00:00Z",
          expected: ItemRecord(status: .done, at: "app-earlier"))
      }
      #expect(try store.loadWeek(week("2026-W49")).items[item]?.at == "2026-12-02T11:00:00Z")
    }
  }

  @Test("undo restores only the record this writer stored; after another write it refuses")
  func restoreChecksTheWrittenRecord() throws {
    try withStore { store in
      let mine = try store.setStatus(
        .done, ofItem: item, on: wednesday, at: "2026-12-02T10:00:00Z", expected: nil)
      try store.restore(nil, ofItem: item, on: wednesday, expected: mine)
      #expect(try store.loadWeek(week("2026-W49")).items[item] == nil)

      let again = try store.setStatus(
        .done, ofItem: item, on: wednesday, at: "2026-12-02T10:00:02Z", expected: nil)
      #expect(again != nil)
      // Another writer unticks and ticks again: same status, a new record.
      try store.setStatus(.pending, ofItem: item, on: wednesday, at: "2026-12-02T11:00:00Z")
      try store.setStatus(.done, ofItem: item, on: wednesday, at: "2026-12-02T11:00:02Z")
      #expect(throws: RecordConflict.self) {
        try store.restore(nil, ofItem: item, on: wednesday, expected: again)
      }
      #expect(try store.loadWeek(week("2026-W49")).items[item]?.at == "2026-12-02T11:00:02Z")
    }
  }

  @Test("racing writers from the same record: exactly one wins, the others are refused")
  func race() throws {
    try withStore { store in
      try store.prepareDirectory()
      let writers = 24
      let wins = Mutex<[Int]>([])
      let refusals = Mutex(0)
      let otherErrors = Mutex(0)
      DispatchQueue.concurrentPerform(iterations: writers) { index in
        // Separate store values, as separate processes would open them.
        let writer = ProgressStore(directory: store.directory)
        do {
          try writer.setStatus(
            index.isMultiple(of: 2) ? .done : .skipped, ofItem: item, on: wednesday,
            reason: "r\(index)", at: Fixtures.stamp(index), expected: nil)
          wins.withLock { $0.append(index) }
        } catch is RecordConflict {
          refusals.withLock { $0 += 1 }
        } catch {
          otherErrors.withLock { $0 += 1 }
        }
      }
      let winners = wins.withLock { $0 }
      #expect(winners.count == 1)
      #expect(refusals.withLock { $0 } == writers - 1)
      #expect(otherErrors.withLock { $0 } == 0)
      let stored = try store.loadWeek(week("2026-W49")).items[item]
      #expect(stored?.at == winners.first.map { Fixtures.stamp($0) })
    }
  }

  @Test("a refused write leaves the other items of the week alone")
  func otherItemsUntouched() throws {
    try withStore { store in
      let other = "2026-12-02.calf-stretch.left"
      try store.setStatus(.done, ofItem: other, on: wednesday, at: "2026-12-02T11:00:00Z")
      try store.setStatus(.done, ofItem: item, on: wednesday, at: "2026-12-02T11:00:00Z")
      #expect(throws: RecordConflict.self) {
        try store.setStatus(
          .pending, ofItem: item, on: wednesday, at: "2026-12-02T10:00:00Z", expected: nil)
      }
      let items = try store.loadWeek(week("2026-W49")).items
      #expect(items[other]?.at == "2026-12-02T11:00:00Z")
      #expect(items[item]?.at == "2026-12-02T11:00:00Z")
    }
  }
}
