import RehabCore
import Synchronization

/// The damaged week files a reader left out, so that a damaged earlier week degrades a view
/// (computed from what can be read, with a warning) instead of blocking it. Filled by
/// `ProgressStore.readableWeeks`, read by the front ends to word the warning. Thread-safe: the
/// app reads from its worker.
public final class DamagedFiles: Sendable {
  /// One damaged file: where, and what is wrong with it (the store's one-line error).
  public struct Entry: Hashable, Sendable {
    public var week: ISOWeek
    public var error: StoreError
  }

  private let entries = Mutex<[ISOWeek: StoreError]>([:])

  public init() {}

  func record(_ week: ISOWeek, _ error: StoreError) {
    entries.withLock { $0[week] = error }
  }

  func clear(_ week: ISOWeek) {
    _ = entries.withLock { $0.removeValue(forKey: week) }
  }

  /// The damaged files seen so far, oldest week first.
  public var all: [Entry] {
    entries.withLock { found in
      found.keys.sorted().compactMap { week in found[week].map { Entry(week: week, error: $0) } }
    }
  }
}

extension ProgressStore {
  /// The weeks overlapping the range, oldest first, like `weeks(from:through:)`, except that a
  /// damaged file of a week not in `required` is read as an empty week and noted in `damaged`
  /// (never rewritten: writes read the file again and refuse it). A damaged required week, or
  /// any other failure, is an error as before.
  public func readableWeeks(
    from: CalendarDay, through: CalendarDay, required: Set<ISOWeek> = [], damaged: DamagedFiles
  ) throws(StoreError) -> [ProgressWeek] {
    guard from <= through else { return [] }
    var result: [ProgressWeek] = []
    var week = ISOWeek(containing: from)
    let last = ISOWeek(containing: through)
    while week <= last {
      result.append(try readableWeek(week, required: required.contains(week), damaged: damaged))
      week = week.next
    }
    return result
  }

  /// One week, read as `readableWeeks` reads it.
  public func readableWeek(_ week: ISOWeek, required: Bool = false, damaged: DamagedFiles)
    throws(StoreError) -> ProgressWeek
  {
    do {
      let loaded = try loadWeek(week)
      damaged.clear(week)
      return loaded
    } catch  where error.kind == .damagedFile && !required {
      damaged.record(week, error)
      return ProgressWeek(week: week)
    }
  }
}
