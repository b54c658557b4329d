import RehabCore

/// A compare-and-swap write found a record other than the one the caller acted on: another
/// writer (the CLI, a second app) changed it in between. Nothing was written; `found` is what
/// the file holds now, so the caller can show it and say what changed.
public struct RecordConflict: Error, Hashable, Sendable, CustomStringConvertible {
  public var itemId: String
  public var day: CalendarDay
  /// The record the caller expected (nil: no record, i.e. pending).
  public var expected: ItemRecord?
  /// The record the file holds (nil: none).
  public var found: ItemRecord?
  public var file: String

  public init(
    itemId: String, day: CalendarDay, expected: ItemRecord?, found: ItemRecord?, file: String
  ) {
    self.itemId = itemId
    self.day = day
    self.expected = expected
    self.found = found
    self.file = file
  }

  public var description: String {
    "\(file): \(itemId) changed since it was read (now \(found?.status.rawValue ?? "pending")); nothing was written"
  }
}
