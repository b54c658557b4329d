import RehabCore
import Synchronization

/// Where new record ids come from (`RecordID`'s four characters): random in use, a counter in
/// tests, so a test's ids are known in advance. Injected into `ProgressStore`; the store draws
/// again when an id is already taken in the week file.
public struct RecordIDSource: Sendable {
  private let draw: @Sendable () -> UInt32

  /// `draw` returns the id's 20 bits (higher bits are ignored).
  public init(_ draw: @escaping @Sendable () -> UInt32) { self.draw = draw }

  /// The system's random numbers.
  public static var random: RecordIDSource {
    RecordIDSource { UInt32.random(in: 0...RecordID.suffixMask) }
  }

  /// 1, 2, 3 … (`p-20261105-0001`, `-0002` …), each source counting on its own.
  public static func counting(from first: UInt32 = 1) -> RecordIDSource {
    let counter = Counter(first)
    return RecordIDSource { counter.next() }
  }

  /// A new id of `kind` for a record of `day`.
  public func next(_ kind: RecordKind, on day: CalendarDay) -> RecordID {
    RecordID(kind: kind, day: day, suffix: draw())
  }

  /// A new revision id (`r-20261203-k3m9`) for a revision effective on `day`.
  public func nextRevision(effective day: CalendarDay) -> String {
    RevisionID.make(effective: day, suffix: draw())
  }

  private final class Counter: Sendable {
    private let value: Mutex<UInt32>

    init(_ first: UInt32) { value = Mutex(first) }

    func next() -> UInt32 {
      value.withLock { current in
        defer { current &+= 1 }
        return current
      }
    }
  }
}
