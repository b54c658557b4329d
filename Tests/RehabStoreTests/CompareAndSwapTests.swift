import Foundation
import RehabCore
import RehabStore
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
        .done, ofItem: item, on: wednesday, at: "t1", expected: nil)
      #expect(done == ItemRecord(status: .done, at: "t1"))
      let skipped = try store.setStatus(
        .skipped, ofItem: item, on: wednesday, reason: "sore", at: "t2", expected: done)
      #expect(skipped == ItemRecord(status: .skipped, at: "t2", reason: "sore"))
      let cleared = try store.setStatus(
        .pending, ofItem: item, on: wednesday, at: "t3", expected: skipped)
      #expect(cleared == nil)
      #expect(try store.loadWeek(week("2026-W49")).items[item] == nil)
    }
  }

  @Test("a tick on an item skipped elsewhere keeps the skip and its reason, byte for byte")
  func tickAfterOtherSkip() throws {
    try withStore { store in
      // The app read "pending"; meanwhile another writer skipped it.
      try store.setStatus(.skipped, ofItem: item, on: wednesday, reason: "too sore", at: "cli")
      let before = try bytes(store)
      #expect(throws: RecordConflict.self) {
        try store.setStatus(.done, ofItem: item, on: wednesday, at: "app", expected: nil)
      }
      do {
        try store.setStatus(.done, ofItem: item, on: wednesday, at: "app", expected: nil)
      } catch let conflict as RecordConflict {
        #expect(conflict.found == ItemRecord(status: .skipped, at: "cli", reason: "too sore"))
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
      try store.setStatus(.done, ofItem: item, on: wednesday, at: "cli")
      #expect(throws: RecordConflict.self) {
        try store.setStatus(
          .pending, ofItem: item, on: wednesday, at: "app",
          expected: ItemRecord(status: .done, at: "app-earlier"))
      }
      #expect(try store.loadWeek(week("2026-W49")).items[item]?.at == "cli")
    }
  }

  @Test("undo restores only the record this writer stored; after another write it refuses")
  func restoreChecksTheWrittenRecord() throws {
    try withStore { store in
      let mine = try store.setStatus(.done, ofItem: item, on: wednesday, at: "app", expected: nil)
      try store.restore(nil, ofItem: item, on: wednesday, expected: mine)
      #expect(try store.loadWeek(week("2026-W49")).items[item] == nil)

      let again = try store.setStatus(.done, ofItem: item, on: wednesday, at: "app2", expected: nil)
      #expect(again != nil)
      // Another writer unticks and ticks again: same status, a new record.
      try store.setStatus(.pending, ofItem: item, on: wednesday, at: "cli")
      try store.setStatus(.done, ofItem: item, on: wednesday, at: "cli2")
      #expect(throws: RecordConflict.self) {
        try store.restore(nil, ofItem: item, on: wednesday, expected: again)
      }
      #expect(try store.loadWeek(week("2026-W49")).items[item]?.at == "cli2")
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
            reason: "r\(index)", at: "w\(index)", expected: nil)
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
      #expect(stored?.at == winners.first.map { "w\($0)" })
    }
  }

  @Test("a refused write leaves the other items of the week alone")
  func otherItemsUntouched() throws {
    try withStore { store in
      let other = "2026-12-02.calf-stretch.left"
      try store.setStatus(.done, ofItem: other, on: wednesday, at: "cli")
      try store.setStatus(.done, ofItem: item, on: wednesday, at: "cli")
      #expect(throws: RecordConflict.self) {
        try store.setStatus(.pending, ofItem: item, on: wednesday, at: "app", expected: nil)
      }
      let items = try store.loadWeek(week("2026-W49")).items
      #expect(items[other]?.at == "cli")
      #expect(items[item]?.at == "cli")
    }
  }
}
