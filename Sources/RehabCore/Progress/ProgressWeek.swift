/// Everything logged in one ISO week: the file `progress/2026-W49.json`. One small file per week,
/// so a check-off rewrites one file whatever the length of the history.
///
/// ```json
/// {
///   "checkins": [{"at": "…", "day": "2026-12-06", "id": "c-20261206-4k2m", "values": {"pain": 4, "sane": 60}}],
///   "items": {"2026-12-02.heel-raises.left": {"at": "2026-12-02T18:04:05Z", "status": "done"}},
///   "notes": [{"at": "…", "day": "2026-12-02", "id": "n-20261202-8fq1", "text": "…"}],
///   "pain": [{"at": "…", "day": "2026-12-02", "id": "p-20261202-x0ta", "level": 4, "timing": "during"}],
///   "removed": [{"at": "…", "id": "p-20261201-7hjz"}],
///   "schemaVersion": 3,
///   "week": "2026-W49"
/// }
/// ```
///
/// Check-ins belong to programme weeks, which need not start on a Monday, so one file can hold
/// the check-ins of two programme weeks, and a programme week's check-in can sit in either of
/// the two files its days fall in. `removed` keeps a tombstone for each removed pain entry,
/// note or check-in (the record itself is gone). Older versions are upgraded on reading by
/// `ProgressWeekMigration` (RehabStore). Every record may carry `by`, the machine that wrote
/// it (`MachineID`; version 3), which a merge of two machines' copies orders ties by
/// (`WeekMerge`); records without it were written by the unknown machine `""`.
public struct ProgressWeek: Hashable, Sendable {
  /// The version this rehabit writes and reads; older files are migrated when read.
  public static let schemaVersion = 3

  public var week: ISOWeek
  /// Item id (`ChecklistItem.id`) → its latest status.
  public var items: [String: ItemRecord]
  public var pain: [PainRecord]
  public var notes: [NoteRecord]
  /// The check-ins dated in this ISO week, as stored. Which of them count is decided with the
  /// programme (`CheckinResolution`): the latest of each programme week.
  public var checkins: [Checkin]
  /// Tombstones of removed records, oldest first.
  public var removed: [RemovedRecord]

  /// A record whose id has a tombstone is left out: removal wins, also over a copy of the
  /// record that came back (from an older backup, or a sync).
  public init(
    week: ISOWeek, items: [String: ItemRecord] = [:], pain: [PainRecord] = [],
    notes: [NoteRecord] = [], checkins: [Checkin] = [], removed: [RemovedRecord] = []
  ) {
    self.week = week
    self.items = items
    self.removed = removed
    if removed.isEmpty {
      self.pain = pain
      self.notes = notes
      self.checkins = checkins
    } else {
      let gone = Set(removed.map(\.id))
      self.pain = pain.filter { !gone.contains($0.id) }
      self.notes = notes.filter { !gone.contains($0.id) }
      self.checkins = checkins.filter { !gone.contains($0.id) }
    }
  }

  /// Nothing logged and nothing removed: a week file need not exist.
  public var isEmpty: Bool {
    items.isEmpty && pain.isEmpty && notes.isEmpty && checkins.isEmpty && removed.isEmpty
  }

  /// The item's status; `pending` when nothing was logged.
  public func status(of itemId: String) -> ItemStatus { items[itemId]?.status ?? .pending }

  /// Pain entries for the scheduler (R-PAIN-STEP, R-PAIN-HOLD).
  public var painEntries: [PainEntry] { pain.map(\.painEntry) }

  /// Every id in use in this file: records' and tombstones'.
  public var recordIds: Set<String> {
    var ids = Set(removed.map(\.id))
    for record in pain { ids.insert(record.id) }
    for record in notes { ids.insert(record.id) }
    for record in checkins { ids.insert(record.id) }
    return ids
  }

  /// The pain entry, note or check-in with this id, if this file holds it.
  public func record(id: String) -> LoggedRecord? {
    if let record = pain.first(where: { $0.id == id }) { return .pain(record) }
    if let record = notes.first(where: { $0.id == id }) { return .note(record) }
    if let record = checkins.first(where: { $0.id == id }) { return .checkin(record) }
    return nil
  }

  /// Takes the record out and leaves its tombstone; nil (and no change) when it is not here.
  @discardableResult
  public mutating func remove(id: String, at timestamp: String, by machine: String = "")
    -> LoggedRecord?
  {
    guard let record = record(id: id) else { return nil }
    pain.removeAll { $0.id == id }
    notes.removeAll { $0.id == id }
    checkins.removeAll { $0.id == id }
    removed.append(RemovedRecord(id: id, at: timestamp, by: machine))
    return record
  }

  /// Puts a removed record back (undo): its tombstone goes, the record returns.
  public mutating func reinstate(_ record: LoggedRecord) {
    removed.removeAll { $0.id == record.id }
    guard self.record(id: record.id) == nil else { return }
    switch record {
    case .pain(let entry): pain.append(entry)
    case .note(let note): notes.append(note)
    case .checkin(let checkin): checkins.append(checkin)
    }
  }

  /// Records that would be invisible or contradictory in this file: a day outside the week, an
  /// item key that is not an item id, a check-in value out of range, an id missing, malformed
  /// or used twice. Checked when reading and before every write.
  public var problems: [ProgressProblem] {
    // Read on every load and before every write: the common case, no problem, cheaply first.
    guard !isConsistent else { return [] }
    var found: [ProgressProblem] = []
    let days = Set(week.days)
    let range = "\(week.monday) to \(week.monday.adding(days: 6))"
    func outside(_ path: String, _ day: CalendarDay) {
      found.append(
        ProgressProblem(
          path: path, message: "\(day) is not in week \(week) (\(range))",
          fix: "move the record to progress/\(ISOWeek(containing: day)).json"))
    }
    var seen = Set<String>()
    func checkId(_ path: String, _ id: String, _ kind: RecordKind?, _ day: CalendarDay?) {
      if let problem = ProgressWeek.idProblem(id, kind: kind, day: day, in: week) {
        found.append(ProgressProblem(path: path, message: problem, fix: ProgressWeek.idFix))
      } else if !seen.insert(id).inserted {
        found.append(
          ProgressProblem(
            path: path, message: "the id '\(id)' is used twice",
            fix: "give each record its own id, or remove the duplicate"))
      }
    }
    for id in items.keys.sorted() {
      let path = "items[\"\(id)\"]"
      guard let parsed = ChecklistItem.parseID(id) else {
        found.append(
          ProgressProblem(
            path: path, message: "'\(id)' is not an item id",
            fix: "use item ids as rehabit lists them, e.g. 2026-12-02.heel-raises.left"))
        continue
      }
      if !days.contains(parsed.day) { outside(path, parsed.day) }
    }
    for (index, record) in pain.enumerated() {
      if !days.contains(record.day) { outside("pain[\(index)].day", record.day) }
      if !PainEntry.levels.contains(record.level) {
        found.append(
          ProgressProblem(
            path: "pain[\(index)].level", message: "\(record.level) is out of range",
            fix: "pain is rated 0 to 10"))
      }
      checkId("pain[\(index)].id", record.id, .pain, record.day)
    }
    for (index, record) in notes.enumerated() {
      if !days.contains(record.day) { outside("notes[\(index)].day", record.day) }
      checkId("notes[\(index)].id", record.id, .note, record.day)
    }
    for (index, checkin) in checkins.enumerated() {
      if !days.contains(checkin.day) { outside("checkins[\(index)].day", checkin.day) }
      if let problem = checkin.problem {
        found.append(
          ProgressProblem(
            path: "checkins[\(index)].values.\(problem.measure?.rawValue ?? "")",
            message: problem.message, fix: problem.fix))
      }
      checkId("checkins[\(index)].id", checkin.id, .checkin, checkin.day)
    }
    for (index, tombstone) in removed.enumerated() {
      checkId("removed[\(index)].id", tombstone.id, nil, nil)
    }
    found += stampAndTextProblems
    return found
  }

  /// The longest note or skip reason a file holds (`SECURITY.md`, "Limits"): the app and the
  /// commands allow 500 and 200 characters; a hand edit gets room, a planted megabyte does not.
  public static let maximumTextLength = 4000

  /// Every record's time stamp (`Timestamp`) and text length, checked.
  var stampAndTextProblems: [ProgressProblem] {
    var found: [ProgressProblem] = []
    func stamp(_ path: String, _ value: String) {
      if let problem = Timestamp.problem(value) {
        found.append(
          ProgressProblem(
            path: path, message: problem, fix: "write it as \(Timestamp.example)"))
      }
    }
    func text(_ path: String, _ value: String?) {
      guard let value, value.count > ProgressWeek.maximumTextLength else { return }
      found.append(
        ProgressProblem(
          path: path,
          message: "is \(value.count) characters long, more than \(ProgressWeek.maximumTextLength)",
          fix: "shorten it"))
    }
    for id in items.keys.sorted() {
      guard let record = items[id] else { continue }
      stamp("items[\"\(id)\"].at", record.at)
      text("items[\"\(id)\"].reason", record.reason)
    }
    for (index, record) in pain.enumerated() { stamp("pain[\(index)].at", record.at) }
    for (index, record) in notes.enumerated() {
      stamp("notes[\(index)].at", record.at)
      text("notes[\(index)].text", record.text)
    }
    for (index, checkin) in checkins.enumerated() { stamp("checkins[\(index)].at", checkin.at) }
    for (index, tombstone) in removed.enumerated() { stamp("removed[\(index)].at", tombstone.at) }
    func machine(_ path: String, _ value: String) {
      if let problem = MachineID.problem(value) {
        found.append(
          ProgressProblem(
            path: path, message: problem, fix: "remove it, or copy it from DATA/.machine-id"))
      }
    }
    for id in items.keys.sorted() {
      if let record = items[id] { machine("items[\"\(id)\"].by", record.by) }
    }
    for (index, record) in pain.enumerated() { machine("pain[\(index)].by", record.by) }
    for (index, record) in notes.enumerated() { machine("notes[\(index)].by", record.by) }
    for (index, record) in checkins.enumerated() { machine("checkins[\(index)].by", record.by) }
    for (index, record) in removed.enumerated() { machine("removed[\(index)].by", record.by) }
    return found
  }

  /// `stampAndTextProblems` is empty, without building a message. One pass over each kind of
  /// record: this runs for every record of every week read.
  var stampsAndTextsAreFine: Bool {
    func fine(_ at: String, _ by: String) -> Bool { Timestamp.isValid(at) && MachineID.isValid(by) }
    func short(_ text: String) -> Bool {
      text.utf8.count <= ProgressWeek.maximumTextLength
        || text.count <= ProgressWeek.maximumTextLength
    }
    for record in items.values {
      guard fine(record.at, record.by), record.reason.map(short) ?? true else { return false }
    }
    for record in pain where !fine(record.at, record.by) { return false }
    for record in notes where !fine(record.at, record.by) || !short(record.text) { return false }
    for checkin in checkins where !fine(checkin.at, checkin.by) { return false }
    for tombstone in removed where !fine(tombstone.at, tombstone.by) { return false }
    return true
  }

  static let idFix =
    "use ids as rehabit writes them, e.g. p-20261202-4k2m (kind, the record's day, four characters)"

  /// Why `id` cannot be a record id of this file: not an id, of another kind, of another day
  /// than its record, or (for a tombstone) of a day outside the week. Nil when it is fine.
  static func idProblem(_ id: String, kind: RecordKind?, day: CalendarDay?, in week: ISOWeek)
    -> String?
  {
    guard !id.isEmpty else { return "the record has no id" }
    guard let parsed = RecordID(canonical: id) else {
      return "'\(id)' is not a record id"
    }
    if let kind, parsed.kind != kind { return "'\(id)' is not the id of a \(kind.rawValue) record" }
    if let day, parsed.day != day { return "'\(id)' is dated \(parsed.day), the record \(day)" }
    if ISOWeek(containing: parsed.day) != week {
      return "'\(id)' is dated \(parsed.day), which is not in week \(week)"
    }
    return nil
  }
}

extension ProgressWeek {
  /// True exactly when `problems` is empty, without building any message.
  var isConsistent: Bool {
    let first = week.monday
    let last = first.adding(days: 6)
    func inWeek(_ day: CalendarDay) -> Bool { day >= first && day <= last }
    for id in items.keys {
      guard let day = ChecklistItem.parseID(id)?.day, inWeek(day) else { return false }
    }
    var ids = Set<String>()
    func fine(_ id: String, _ kind: RecordKind?, _ day: CalendarDay?) -> Bool {
      ProgressWeek.idProblem(id, kind: kind, day: day, in: week) == nil && ids.insert(id).inserted
    }
    for record in pain
    where !inWeek(record.day) || !PainEntry.levels.contains(record.level)
      || !fine(record.id, .pain, record.day)
    {
      return false
    }
    for record in notes where !inWeek(record.day) || !fine(record.id, .note, record.day) {
      return false
    }
    for checkin in checkins
    where !inWeek(checkin.day) || checkin.problem != nil || !fine(checkin.id, .checkin, checkin.day)
    {
      return false
    }
    for tombstone in removed where !fine(tombstone.id, nil, nil) { return false }
    return stampsAndTextsAreFine
  }
}

extension ProgressWeek: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case schemaVersion, week, items, pain, notes, checkins, removed
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .schemaVersion)
    guard version == ProgressWeek.schemaVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .schemaVersion, in: container,
        debugDescription:
          "schemaVersion \(version) is not read here; this rehabit reads version \(ProgressWeek.schemaVersion)"
      )
    }
    let weekText = try container.decode(String.self, forKey: .week)
    guard let week = ISOWeek(weekText) else {
      throw DecodingError.dataCorruptedError(
        forKey: .week, in: container,
        debugDescription: "'\(weekText)' is not an ISO week; write it as 2026-W49")
    }
    self.init(
      week: week,
      items: try container.decodeIfPresent([String: ItemRecord].self, forKey: .items) ?? [:],
      pain: try container.decodeIfPresent([PainRecord].self, forKey: .pain) ?? [],
      notes: try container.decodeIfPresent([NoteRecord].self, forKey: .notes) ?? [],
      checkins: try container.decodeIfPresent([Checkin].self, forKey: .checkins) ?? [],
      removed: try container.decodeIfPresent([RemovedRecord].self, forKey: .removed) ?? [])
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ProgressWeek.schemaVersion, forKey: .schemaVersion)
    try container.encode(week.description, forKey: .week)
    try container.encode(items, forKey: .items)
    try container.encode(pain, forKey: .pain)
    try container.encode(notes, forKey: .notes)
    try container.encode(checkins, forKey: .checkins)
    try container.encode(removed, forKey: .removed)
  }
}

/// What is wrong with a progress file, where (a JSON path, or a line and column), and how to
/// fix it; always one line.
public struct ProgressProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String
  public var fix: String

  public init(path: String, message: String, fix: String) {
    self.path = path
    self.message = message
    self.fix = fix
  }

  public var description: String { "\(path): \(message); \(fix)" }
}
