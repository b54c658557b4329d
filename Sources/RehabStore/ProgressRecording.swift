import RehabCore

/// The changes a person makes, one durable write each, shared by the commands and the
/// full-screen app so both record progress the same way.
extension ProgressStore {
  /// Marks an item done or skipped (with a reason), or back to pending (the record is removed).
  /// Returns the status the item had before, so a caller can undo.
  @discardableResult
  public func setStatus(
    _ status: ItemStatus, ofItem itemId: String, on day: CalendarDay, reason: String? = nil,
    at timestamp: String
  ) throws -> ItemRecord? {
    try updateWeek(ISOWeek(containing: day)) { week in
      let previous = week.items[itemId]
      switch status {
      case .pending: week.items[itemId] = nil
      case .done: week.items[itemId] = ItemRecord(status: .done, at: timestamp)
      case .skipped:
        week.items[itemId] = ItemRecord(status: .skipped, at: timestamp, reason: reason)
      }
      return previous
    }
  }

  /// Puts an item's record back exactly as it was (nil: no record), for undo.
  public func restore(_ record: ItemRecord?, ofItem itemId: String, on day: CalendarDay) throws {
    try updateWeek(ISOWeek(containing: day)) { week in week.items[itemId] = record }
  }

  /// Compare-and-swap `setStatus`: writes only when the item's stored record is still
  /// `expected` (what the caller showed the user), else throws `RecordConflict` and writes
  /// nothing. Returns the record now stored (nil: none), so the caller knows exactly what it
  /// wrote (its undo restores only that).
  @discardableResult
  public func setStatus(
    _ status: ItemStatus, ofItem itemId: String, on day: CalendarDay, reason: String? = nil,
    at timestamp: String, expected: ItemRecord?
  ) throws -> ItemRecord? {
    let record: ItemRecord? =
      status == .pending ? nil : ItemRecord(status: status, at: timestamp, reason: reason)
    return try swap(ofItem: itemId, on: day, expected: expected, to: record)
  }

  /// Compare-and-swap `restore` (undo): puts `record` back only when the stored record is still
  /// `expected` (the one the caller wrote), else throws `RecordConflict` and writes nothing.
  public func restore(
    _ record: ItemRecord?, ofItem itemId: String, on day: CalendarDay, expected: ItemRecord?
  ) throws {
    try swap(ofItem: itemId, on: day, expected: expected, to: record)
  }

  /// The one compare-and-swap of an item record, under the week's lock (the read that compares
  /// and the write are one `updateWeek`, so no other writer can slip in between).
  @discardableResult
  private func swap(
    ofItem itemId: String, on day: CalendarDay, expected: ItemRecord?, to record: ItemRecord?
  ) throws -> ItemRecord? {
    let week = ISOWeek(containing: day)
    return try updateWeek(week) { progress in
      let found = progress.items[itemId]
      guard found == expected else {
        throw RecordConflict(
          itemId: itemId, day: day, expected: expected, found: found, file: file(for: week))
      }
      progress.items[itemId] = record
      return record
    }
  }

  public func addPain(_ record: PainRecord) throws {
    try updateWeek(ISOWeek(containing: record.day)) { week in week.pain.append(record) }
  }

  public func addNote(_ record: NoteRecord) throws {
    try updateWeek(ISOWeek(containing: record.day)) { week in week.notes.append(record) }
  }

  /// Saves the week's check-in, replacing an earlier one of the same ISO week.
  public func saveCheckin(_ checkin: Checkin) throws {
    try updateWeek(ISOWeek(containing: checkin.day)) { week in week.checkin = checkin }
  }
}

extension ProgressStore {
  /// Sets the status of several items at once: one locked, atomic write per ISO week, so a
  /// command checking off items of one day writes once. An item already in that status keeps
  /// its record (and time stamp). Returns each item's record before the change, in input order.
  @discardableResult
  public func setStatus(
    _ status: ItemStatus, ofItems itemIds: [(id: String, day: CalendarDay)], reason: String? = nil,
    at timestamp: String
  ) throws -> [ItemRecord?] {
    var previous: [String: ItemRecord] = [:]
    let weeks = Dictionary(grouping: itemIds) { ISOWeek(containing: $0.day) }
    for week in weeks.keys.sorted() {
      try updateWeek(week) { progress in
        for (id, _) in weeks[week] ?? [] {
          let old = progress.items[id]
          if let old { previous[id] = old }
          let unchanged =
            (old?.status ?? .pending) == status && (status != .skipped || old?.reason == reason)
          guard !unchanged else { continue }
          progress.items[id] =
            status == .pending ? nil : ItemRecord(status: status, at: timestamp, reason: reason)
        }
      }
    }
    return itemIds.map { previous[$0.id] }
  }
}
