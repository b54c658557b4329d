import Dispatch
import RehabCore
import Synchronization

/// Weeks read in order on a second thread, at most `ahead` of the one asked for, so that
/// reading and decoding the week files of the JSON archive overlaps with printing them (the
/// two were most of its time, one after the other on one core). `next()` hands them out in
/// order, each once, with the error its read gave where it gave one; memory stays bounded by
/// `ahead` weeks. When the reader is dropped before the end, the thread stops after at most
/// the week it is reading. (A damaged week the thread read but nobody asked for is still noted
/// in the `DamagedFiles` its `read` fills.)
public final class WeekReadAhead: Sendable {
  private let shared: Shared
  private let count: Int
  private let taken = Atomic<Int>(0)

  /// Starts reading `weeks` with `read`, in order.
  public convenience init(
    _ weeks: [ISOWeek], ahead: Int = 16,
    read: @escaping @Sendable (ISOWeek) throws(StoreError) -> ProgressWeek
  ) {
    self.init(count: weeks.count, ahead: ahead) { index in try read(weeks[index]) }
  }

  /// Starts making the weeks at 0 ..< `count` with `read`, in order (an import's weeks, parsed
  /// from the export while the one before is written).
  public init(
    count: Int, ahead: Int = 16, read: @escaping @Sendable (Int) throws -> ProgressWeek
  ) {
    let shared = Shared()
    self.shared = shared
    self.count = count
    // Semaphores made at zero and raised: libdispatch traps on freeing one below the value it
    // was made with, which a read-ahead one always is.
    for _ in 0..<max(1, ahead) { shared.space.signal() }
    DispatchQueue.global(qos: .userInitiated).async {
      for index in 0..<count {
        shared.space.wait()
        if shared.stopped.load(ordering: .acquiring) { return }
        let result = Result { try read(index) }
        shared.results.withLock { $0[index] = result }
        shared.filled.signal()
      }
    }
  }

  deinit {
    shared.stopped.store(true, ordering: .releasing)
    shared.space.signal()
  }

  /// The week at `index` of the list, asked for in order (0, 1, 2, … each once, as
  /// `StreamedArchive.week` is), as its read gave it.
  public func week(_ index: Int) throws -> ProgressWeek {
    let expected = taken.add(1, ordering: .relaxed).oldValue
    precondition(index == expected && index < count, "weeks are read ahead in order, each once")
    shared.filled.wait()
    let result = shared.results.withLock { $0.removeValue(forKey: index) }
    shared.space.signal()
    guard let result else { preconditionFailure("a week read ahead is missing") }
    return try result.get()
  }

  /// What the reading thread and `next` share: the weeks read and not yet taken, and the two
  /// counts that keep the thread at most `ahead` weeks in front.
  private final class Shared: Sendable {
    let results = Mutex<[Int: Result<ProgressWeek, any Error>]>([:])
    let space = DispatchSemaphore(value: 0)
    let filled = DispatchSemaphore(value: 0)
    let stopped = Atomic<Bool>(false)
  }
}
