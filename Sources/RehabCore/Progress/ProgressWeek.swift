/// Everything logged in one ISO week: the file `progress/2026-W49.json`. One small file per week,
/// so a check-off rewrites one file whatever the length of the history.
///
/// ```json
/// {
///   "checkin": {"at": "…", "day": "2026-12-06", "values": {"pain": 4, "sane": 60}},
///   "items": {"2026-12-02.heel-raises.left": {"at": "2026-12-02T18:04:05Z", "status": "done"}},
///   "notes": [{"at": "…", "day": "2026-12-02", "text": "…"}],
///   "pain": [{"at": "…", "day": "2026-12-02", "level": 4, "timing": "during"}],
///   "schemaVersion": 1,
///   "week": "2026-W49"
/// }
/// ```
/// Older versions are upgraded on reading by `ProgressWeekMigration` (RehabStore).
public struct ProgressWeek: Hashable, Sendable {
  /// The version this rehabit writes and reads; older files are migrated when read.
  public static let schemaVersion = 1

  public var week: ISOWeek
  /// Item id (`ChecklistItem.id`) → its latest status.
  public var items: [String: ItemRecord]
  public var pain: [PainRecord]
  public var notes: [NoteRecord]
  public var checkin: Checkin?

  public init(
    week: ISOWeek, items: [String: ItemRecord] = [:], pain: [PainRecord] = [],
    notes: [NoteRecord] = [], checkin: Checkin? = nil
  ) {
    self.week = week
    self.items = items
    self.pain = pain
    self.notes = notes
    self.checkin = checkin
  }

  public var isEmpty: Bool { items.isEmpty && pain.isEmpty && notes.isEmpty && checkin == nil }

  /// The item's status; `pending` when nothing was logged.
  public func status(of itemId: String) -> ItemStatus { items[itemId]?.status ?? .pending }

  /// Pain entries for the scheduler (R-PAIN-STEP, R-PAIN-HOLD).
  public var painEntries: [PainEntry] { pain.map(\.painEntry) }

  /// Records that would be invisible or contradictory in this file: a day outside the week, an
  /// item key that is not an item id, a check-in value out of range. Checked when reading and
  /// before every write.
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
    for (index, record) in pain.enumerated() where !days.contains(record.day) {
      outside("pain[\(index)].day", record.day)
    }
    for (index, record) in pain.enumerated() where !PainEntry.levels.contains(record.level) {
      found.append(
        ProgressProblem(
          path: "pain[\(index)].level", message: "\(record.level) is out of range",
          fix: "pain is rated 0 to 10"))
    }
    for (index, record) in notes.enumerated() where !days.contains(record.day) {
      outside("notes[\(index)].day", record.day)
    }
    if let checkin {
      if !days.contains(checkin.day) { outside("checkin.day", checkin.day) }
      if let problem = checkin.problem {
        found.append(
          ProgressProblem(
            path: "checkin.values.\(problem.measure?.rawValue ?? "")", message: problem.message,
            fix: problem.fix))
      }
    }
    return found
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
    for record in pain where !inWeek(record.day) || !PainEntry.levels.contains(record.level) {
      return false
    }
    for record in notes where !inWeek(record.day) { return false }
    if let checkin, !inWeek(checkin.day) || checkin.problem != nil { return false }
    return true
  }
}

extension ProgressWeek: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case schemaVersion, week, items, pain, notes, checkin
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
      checkin: try container.decodeIfPresent(Checkin.self, forKey: .checkin))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ProgressWeek.schemaVersion, forKey: .schemaVersion)
    try container.encode(week.description, forKey: .week)
    try container.encode(items, forKey: .items)
    try container.encode(pain, forKey: .pain)
    try container.encode(notes, forKey: .notes)
    try container.encodeIfPresent(checkin, forKey: .checkin)
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
