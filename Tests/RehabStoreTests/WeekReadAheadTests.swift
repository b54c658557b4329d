import Synchronization
import Testing

@testable import RehabCore
@testable import RehabStore

#if canImport(Glibc)
  import Glibc
#endif

/// The JSON archive's weeks read on a second thread (issue 19): in order, each once, errors
/// where they were, never more than `ahead` weeks in front, and stopped when dropped.
@Suite("weeks read ahead")
struct WeekReadAheadTests {
  static let weeks: [ISOWeek] = {
    var week = ISOWeek(containing: CalendarDay(daysSinceEpoch: 20_000))
    return (0..<40).map { _ in
      defer { week = week.next }
      return week
    }
  }()

  static let failing = StoreError(.damagedFile, file: "w", problem: "is damaged", fix: "fix it")

  @Test func theWeeksComeInOrderWithEachReadsOwnError() throws {
    let reader = WeekReadAhead(Self.weeks, ahead: 4) { week throws(StoreError) in
      if week == Self.weeks[7] { throw Self.failing }
      var progress = ProgressWeek(week: week)
      progress.notes.append(NoteRecord(day: week.monday, text: "\(week)", at: "2026-12-01"))
      return progress
    }
    for (index, week) in Self.weeks.enumerated() {
      if index == 7 {
        #expect(throws: Self.failing) { try reader.week(index) }
      } else {
        let read = try reader.week(index)
        #expect(read.week == week && read.notes.map(\.text) == ["\(week)"])
      }
    }
  }

  @Test func theReaderStaysAtMostAheadWeeksInFrontAndStopsWhenDropped() throws {
    let read = Mutex(0)
    var reader: WeekReadAhead? = WeekReadAhead(Self.weeks, ahead: 3) { week throws(StoreError) in
      read.withLock { $0 += 1 }
      return ProgressWeek(week: week)
    }
    for index in 0..<5 {
      _ = try reader?.week(index)
      // Let the thread run as far as it may.
      for _ in 0..<50 where read.withLock({ $0 }) < index + 1 + 3 { usleep(1000) }
      usleep(5000)
      #expect(read.withLock { $0 } <= index + 1 + 3)
      #expect(read.withLock { $0 } >= index + 1)
    }
    reader = nil
    usleep(20_000)
    let stopped = read.withLock { $0 }
    usleep(20_000)
    #expect(read.withLock { $0 } == stopped)
    #expect(stopped < Self.weeks.count)
  }
}
