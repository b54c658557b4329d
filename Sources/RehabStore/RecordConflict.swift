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

/// What a compare-and-swap of pain entries, notes and check-ins expects to find under the lock
/// (the app's removals and undo): records live exactly as the caller showed or wrote them, and
/// the tombstones of records the caller removed (still removed, by that removal).
public struct RecordExpectation: Hashable, Sendable {
  /// Records that must be live, exactly as given.
  public var live: [LoggedRecord]
  /// Tombstones that must be in the files exactly as given, their records not live.
  public var removed: [RemovedRecord]

  public init(live: [LoggedRecord] = [], removed: [RemovedRecord] = []) {
    self.live = live
    self.removed = removed
  }

  /// The ids the expectation is about, for the files to read.
  var ids: [String] { live.map(\.id) + removed.map(\.id) }
}

/// A compare-and-swap of a pain entry, note or check-in found the record otherwise than
/// expected: another writer removed it, put it back or replaced it. Nothing was written.
public struct RecordChanged: Error, Hashable, Sendable, CustomStringConvertible {
  /// What the file holds of the record now.
  public enum Found: Hashable, Sendable {
    case live(LoggedRecord)
    case removed(RemovedRecord)
    /// Neither the record nor a tombstone (its file was replaced or edited).
    case missing
  }

  public var id: String
  public var found: Found
  public var file: String

  public init(id: String, found: Found, file: String) {
    self.id = id
    self.found = found
    self.file = file
  }

  public var description: String {
    let now: String
    switch found {
    case .live: now = "it is there, changed"
    case .removed: now = "it was removed"
    case .missing: now = "it is gone"
    }
    return "\(file): \(id) changed since it was read (\(now)); nothing was written"
  }
}
