import RehabCore

/// The changes a person makes, one durable write each, shared by the commands and the
/// full-screen app so both record progress the same way.
extension ProgressStore {
  /// Marks an item done or skipped (with a reason), or back to pending: a `pending` record with
  /// its own time stamp, so the uncheck travels to another machine's copy in a sync (an item
  /// never logged stays without a record). Returns the record the item had before, for undo.
  @discardableResult
  public func setStatus(
    _ status: ItemStatus, ofItem itemId: String, on day: CalendarDay, reason: String? = nil,
    at timestamp: String
  ) throws -> ItemRecord? {
    let by = try recordingMachine()
    return try updateWeek(ISOWeek(containing: day)) { week in
      let previous = week.items[itemId]
      week.items[itemId] = ProgressStore.itemRecord(
        status, at: timestamp, reason: reason, by: by, replacing: previous)
      return previous
    }
  }

  /// The record an item gets: none for `pending` when it has none (nothing to take back).
  static func itemRecord(
    _ status: ItemStatus, at timestamp: String, reason: String?, by: String,
    replacing previous: ItemRecord?
  ) -> ItemRecord? {
    if status == .pending, previous == nil { return nil }
    return ItemRecord(status: status, at: timestamp, reason: reason, by: by)
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
    let record = ProgressStore.itemRecord(
      status, at: timestamp, reason: reason, by: try recordingMachine(), replacing: expected)
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

  /// Adds a pain entry, giving it a new id when it has none; returns it as stored.
  ///
  /// Idempotent by id: a caller that chose the id before its first try (so it can name it when
  /// a write is saved but unconfirmed) may retry with the same record, and an entry already
  /// stored (or removed since) under that id is the same entry, not a second one. The same id
  /// on a different entry is a conflict, and nothing is written.
  @discardableResult
  public func addPain(_ record: PainRecord) throws -> PainRecord {
    try append(record, kind: .pain, to: \.pain)
  }

  /// Adds a note, giving it a new id when it has none; returns it as stored. Idempotent by id,
  /// as `addPain` is.
  @discardableResult
  public func addNote(_ record: NoteRecord) throws -> NoteRecord {
    try append(record, kind: .note, to: \.notes)
  }

  /// The one append of `addPain` and `addNote`: a new id when none is given, and a retry with
  /// an id already stored or removed counts as done.
  private func append<Record: AppendedRecord>(
    _ record: Record, kind: RecordKind, to list: WritableKeyPath<ProgressWeek, [Record]>
  ) throws -> Record {
    let by = try recordingMachine()
    return try updateWeek(ISOWeek(containing: record.day)) { week in
      var record = record
      if record.by.isEmpty { record.by = by }
      if record.id.isEmpty { record.id = try newID(kind, on: record.day, in: week) }
      if let stored = week[keyPath: list].first(where: { $0.id == record.id }) {
        var same = stored
        same.at = record.at
        guard same == record else { throw idInUse(record.id, week: week.week) }
        return stored
      }
      if week.removed.contains(where: { $0.id == record.id }) { return record }
      week[keyPath: list].append(record)
      return record
    }
  }

  /// A new id of `kind` for `day`, free in its week file as it is now: for a caller that names
  /// the record before writing it (the write then treats a retry with it as done).
  public func freshID(_ kind: RecordKind, on day: CalendarDay) throws(StoreError) -> String {
    try newID(kind, on: day, in: loadWeek(ISOWeek(containing: day)))
  }

  private func idInUse(_ id: String, week: ISOWeek) -> StoreError {
    StoreError(
      .invalidChange, file: file(for: week),
      problem: "the id \(id) is already used by another record",
      fix: "retry with the same values, or without the id; nothing was written")
  }

  /// Saves a check-in: one per programme week (docs/clinical-rules.md, "Measures"). Any
  /// check-in of the same programme week is replaced (removed, leaving its tombstone), in
  /// either ISO week file that week's days fall in; a check-in of another programme week is
  /// never touched, even in the same file. One lock for both files; the new check-in is
  /// written first, so a crash before the old one's removal still reads as the new one
  /// (`CheckinResolution`: the latest of each programme week counts).
  ///
  /// - Parameter programmeStart: the day programme weeks count from; nil reads it from
  ///   programme.json (and, with no programme, counts weeks from the check-in's Monday).
  @discardableResult
  public func saveCheckin(_ checkin: Checkin, programmeStart: CalendarDay? = nil) throws
    -> CheckinSave
  {
    let by = try recordingMachine()
    let start =
      try programmeStart ?? loadProgramme()?.start ?? ISOWeek(containing: checkin.day).monday
    let period = CheckinResolution.period(of: checkin.day, start: start)
    let range = CheckinResolution.days(ofPeriod: period, start: start)
    let home = ISOWeek(containing: checkin.day)
    let files = [
      home, ISOWeek(containing: range.lowerBound), ISOWeek(containing: range.upperBound),
    ]
    return try updateWeeks(files) { weeks in
      var saved = checkin
      if saved.by.isEmpty { saved.by = by }
      let homeWeek = weeks[home] ?? ProgressWeek(week: home)
      if saved.id.isEmpty {
        let taken = files.reduce(into: Set<String>()) { $0.formUnion(weeks[$1]?.recordIds ?? []) }
        saved.id = try newID(.checkin, on: saved.day, in: homeWeek, alsoTaken: taken)
      }
      var replaced: [Checkin] = []
      for file in Set(files) {
        for old in weeks[file]?.checkins ?? [] where range.contains(old.day) && old.id != saved.id {
          replaced.append(old)
          weeks[file]?.remove(id: old.id, at: saved.at, by: by)
        }
      }
      weeks[home]?.checkins.removeAll { $0.id == saved.id }
      weeks[home]?.checkins.append(saved)
      weeks[home]?.checkins.sort { ($0.day, $0.at, $0.id) < ($1.day, $1.at, $1.id) }
      replaced.sort { CheckinResolution.isLater($0, than: $1) }
      return CheckinSave(
        checkin: saved, programmeWeek: period, weekDays: range, replaced: replaced)
    }
  }

  /// Removes pain entries, notes and check-ins by id, leaving a tombstone (`at`) for each in
  /// its week file. All or nothing: one lock, every id found before anything is written; an id
  /// that is not a live record is an error naming it (`.noSuchRecord`) and nothing changes.
  /// Returns the removed records, in the order of `ids`, for undo (`reinstate`).
  ///
  /// With `expected` it is also a compare-and-swap (the app's removal and undo): each record
  /// must still be live exactly as the caller showed it, else `RecordChanged` and nothing
  /// changes.
  @discardableResult
  public func remove(_ ids: [String], at timestamp: String, expected: RecordExpectation? = nil)
    throws -> [LoggedRecord]
  {
    var parsed: [(String, RecordID)] = []
    for id in ids where !parsed.contains(where: { $0.0 == id }) {
      guard let recordID = RecordID(canonical: id) else {
        throw StoreError(
          .noSuchRecord, file: nil, problem: "'\(id)' is not a record id",
          fix: "record ids look like p-20261202-4k2m (pain), n-… (note) or c-… (check-in)")
      }
      parsed.append((id, recordID))
    }
    let files = parsed.map { ISOWeek(containing: $0.1.day) } + weeks(of: expected)
    let by = try recordingMachine()
    return try updateWeeks(files) { weeks in
      try check(expected, in: weeks)
      var removed: [LoggedRecord] = []
      for (id, recordID) in parsed {
        let week = ISOWeek(containing: recordID.day)
        guard let record = weeks[week]?.remove(id: id, at: timestamp, by: by) else {
          let gone = weeks[week]?.removed.contains { $0.id == id } ?? false
          throw StoreError(
            .noSuchRecord, file: file(for: week),
            problem: gone ? "\(id) was removed already" : "there is no record \(id)",
            fix: "list the records of \(recordID.day) and their ids; nothing was removed",
            remedy: .listRecords(recordID.day))
        }
        removed.append(record)
      }
      return removed
    }
  }

  /// Puts removed records back (undo of `remove`), and first removes `replacing` (undo of a
  /// check-in that replaced another: the new one goes, the old one returns). One lock, all or
  /// nothing. A record that is live already stays as it is. A check-in cannot come back into
  /// a programme week that has another live check-in (one per programme week): that is an
  /// error and nothing changes.
  ///
  /// With `expected` it is also a compare-and-swap (the app's undo): the records of
  /// `replacing` must still be live and those of `records` still removed exactly as this app
  /// left them, else `RecordChanged` and nothing changes.
  public func reinstate(
    _ records: [LoggedRecord], replacing: [String] = [], at timestamp: String,
    programmeStart: CalendarDay? = nil, expected: RecordExpectation? = nil
  ) throws {
    let needsStart = records.contains { $0.kind == .checkin }
    let start = needsStart ? try programmeStart ?? loadProgramme()?.start : nil
    var files = records.map { ISOWeek(containing: $0.day) }
    files += replacing.compactMap { RecordID($0).map { ISOWeek(containing: $0.day) } }
    var checkinFiles: [ISOWeek] = []
    for case .checkin(let checkin) in records {
      let begin = start ?? ISOWeek(containing: checkin.day).monday
      let range = CheckinResolution.days(
        ofPeriod: CheckinResolution.period(of: checkin.day, start: begin), start: begin)
      checkinFiles += [
        ISOWeek(containing: range.lowerBound), ISOWeek(containing: range.upperBound),
      ]
    }
    let by = try recordingMachine()
    try updateWeeks(files + checkinFiles + weeks(of: expected)) { weeks in
      try check(expected, in: weeks)
      for id in replacing {
        guard let recordID = RecordID(id) else { continue }
        weeks[ISOWeek(containing: recordID.day)]?.remove(id: id, at: timestamp, by: by)
      }
      for record in records {
        let week = ISOWeek(containing: record.day)
        if weeks[week]?.record(id: record.id) != nil { continue }
        if case .checkin(let checkin) = record {
          let begin = start ?? ISOWeek(containing: checkin.day).monday
          let range = CheckinResolution.days(
            ofPeriod: CheckinResolution.period(of: checkin.day, start: begin), start: begin)
          let other = Set([
            ISOWeek(containing: range.lowerBound), ISOWeek(containing: range.upperBound),
          ])
          .flatMap { weeks[$0]?.checkins ?? [] }.first { range.contains($0.day) }
          if let other {
            throw StoreError(
              .invalidChange, file: file(for: week),
              problem:
                "the check-in of \(checkin.day) cannot come back: its programme week (\(range.lowerBound) to \(range.upperBound)) has the check-in of \(other.day) (\(other.id))",
              fix: "remove that one first; nothing was changed")
          }
        }
        weeks[week]?.reinstate(record)
      }
    }
  }

  /// The files an expectation's records are in.
  private func weeks(of expected: RecordExpectation?) -> [ISOWeek] {
    (expected?.ids ?? []).compactMap { RecordID($0).map { ISOWeek(containing: $0.day) } }
  }

  /// Throws `RecordChanged` for the first record the files (read under the lock) hold other
  /// than `expected` says.
  private func check(_ expected: RecordExpectation?, in weeks: [ISOWeek: ProgressWeek]) throws {
    guard let expected else { return }
    func found(_ id: String) -> (RecordChanged.Found, String) {
      guard let day = RecordID(id)?.day else { return (.missing, directory) }
      let week = ISOWeek(containing: day)
      let file = file(for: week)
      if let live = weeks[week]?.record(id: id) { return (.live(live), file) }
      if let tombstone = weeks[week]?.removed.first(where: { $0.id == id }) {
        return (.removed(tombstone), file)
      }
      return (.missing, file)
    }
    for record in expected.live {
      let (now, file) = found(record.id)
      guard now == .live(record) else { throw RecordChanged(id: record.id, found: now, file: file) }
    }
    for tombstone in expected.removed {
      let (now, file) = found(tombstone.id)
      guard now == .removed(tombstone) else {
        throw RecordChanged(id: tombstone.id, found: now, file: file)
      }
    }
  }

  /// The live record with this id, or nil (also for a removed one or an id of no record).
  public func record(id: String) throws(StoreError) -> LoggedRecord? {
    guard let recordID = RecordID(canonical: id) else { return nil }
    return try loadWeek(ISOWeek(containing: recordID.day)).record(id: id)
  }

  /// The tombstone of a removed record with this id, or nil.
  public func removal(id: String) throws(StoreError) -> RemovedRecord? {
    guard let recordID = RecordID(canonical: id) else { return nil }
    return try loadWeek(ISOWeek(containing: recordID.day)).removed.first { $0.id == id }
  }

  /// A new id of `kind` for `day`, not used in `week` (or in `alsoTaken`); drawn again on a
  /// clash, which with 20 bits per day and kind is rare.
  func newID(
    _ kind: RecordKind, on day: CalendarDay, in week: ProgressWeek, alsoTaken: Set<String> = []
  ) throws(StoreError) -> String {
    let taken = week.recordIds.union(alsoTaken)
    for _ in 0..<64 {
      let id = recordIDs.next(kind, on: day).description
      if !taken.contains(id) { return id }
    }
    throw StoreError(
      .invalidChange, file: file(for: week.week),
      problem: "no free record id for \(day) after 64 draws",
      fix: "nothing was written; please report this")
  }
}

/// What `saveCheckin` did: the check-in as stored (with its id), its programme week and days,
/// and the check-ins of that programme week it replaced (latest first; usually none or one).
public struct CheckinSave: Hashable, Sendable {
  public var checkin: Checkin
  /// The programme week (1-based; 0 or below before the start, beyond the length after it).
  public var programmeWeek: Int
  public var weekDays: ClosedRange<CalendarDay>
  public var replaced: [Checkin]

  public init(
    checkin: Checkin, programmeWeek: Int, weekDays: ClosedRange<CalendarDay>, replaced: [Checkin]
  ) {
    self.checkin = checkin
    self.programmeWeek = programmeWeek
    self.weekDays = weekDays
    self.replaced = replaced
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
    let by = try recordingMachine()
    let weeks = Dictionary(grouping: itemIds) { ISOWeek(containing: $0.day) }
    for week in weeks.keys.sorted() {
      try updateWeek(week) { progress in
        for (id, _) in weeks[week] ?? [] {
          let old = progress.items[id]
          if let old { previous[id] = old }
          let unchanged =
            (old?.status ?? .pending) == status && (status != .skipped || old?.reason == reason)
          guard !unchanged else { continue }
          progress.items[id] = ProgressStore.itemRecord(
            status, at: timestamp, reason: reason, by: by, replacing: old)
        }
      }
    }
    return itemIds.map { previous[$0.id] }
  }
}

/// A record appended to a week file under its own id (pain entries, notes).
protocol AppendedRecord: Equatable {
  var id: String { get set }
  var day: CalendarDay { get }
  var at: String { get set }
  var by: String { get set }
}

extension PainRecord: AppendedRecord {}
extension NoteRecord: AppendedRecord {}
