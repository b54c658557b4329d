import RehabCore

/// Upgrades progress files written by older versions of rehabit, one version at a time.
///
/// The migration path: every change to the file format raises `ProgressWeek.schemaVersion` by
/// one and appends a `Step` from the previous version here, working on the parsed JSON (plain
/// data, so an old shape never needs a Swift type of its own). Reading runs the steps in turn
/// up to the current version; the next write stores the current version. Files are never
/// rewritten just because they were read.
public enum ProgressWeekMigration {
  public struct Step: Sendable {
    /// The version this step reads; it produces `from + 1`.
    public let from: Int
    public let summary: String
    public let transform:
      @Sendable ([String: StoredJSON]) throws(ProgressProblem) -> [String: StoredJSON]

    public init(
      from: Int, summary: String,
      transform:
        @escaping @Sendable ([String: StoredJSON]) throws(ProgressProblem) -> [String:
        StoredJSON]
    ) {
      self.from = from
      self.summary = summary
      self.transform = transform
    }
  }

  /// The oldest version that can still be read.
  public static var oldestReadable: Int { steps.map(\.from).min() ?? ProgressWeek.schemaVersion }

  public static let steps: [Step] = [
    Step(
      from: 0,
      summary:
        "pre-release files: item statuses as plain strings with skip reasons and one savedAt time stamp beside them, pain with a `morning` flag, no notes",
      transform: version0to1),
    Step(
      from: 1,
      summary:
        "one check-in per ISO week (`checkin`) and records without ids: each pain entry, note and check-in gets an id worked out from its content, the check-in moves into `checkins`, and `removed` starts empty",
      transform: version1to2),
    Step(
      from: 2,
      summary:
        "records without the machine that wrote them (`by`): they read as written by the unknown machine, and an uncheck leaves a `pending` record",
      transform: version2to3),
  ]

  /// Runs the steps from `version` to `ProgressWeek.schemaVersion`.
  public static func migrate(_ object: [String: StoredJSON], from version: Int)
    throws(ProgressProblem) -> [String: StoredJSON]
  {
    var current = object
    var at = version
    while at < ProgressWeek.schemaVersion {
      guard let step = steps.first(where: { $0.from == at }) else {
        throw ProgressProblem(
          path: "schemaVersion",
          message: "version \(at) is too old to read (the oldest readable is \(oldestReadable))",
          fix: "open it with an older rehabit, or re-enter the week by hand")
      }
      current = try step.transform(current)
      at += 1
      current["schemaVersion"] = .number(Double(at))
    }
    return current
  }

  /// Version 0 (pre-release):
  /// `{"schemaVersion": 0, "week": "2026-W49", "savedAt": "2026-12-02T18:04:05Z",
  ///   "items": {"2026-12-02.calf-stretch.left": "done"}, "skipReasons": {"…": "sore"},
  ///   "pain": [{"day": "2026-12-02", "level": 4, "morning": false}]}`.
  /// Version 1 keeps a record per item with its own time stamp; the old file kept one for the
  /// whole week, so each item and pain entry gets that one (or its day, when there was none).
  static func version0to1(_ old: [String: StoredJSON]) throws(ProgressProblem) -> [String:
    StoredJSON]
  {
    var new = old
    let savedAt = old["savedAt"]?.stringValue
    new["savedAt"] = nil
    new["skipReasons"] = nil
    let reasons = old["skipReasons"]?.objectValue ?? [:]

    var items: [String: StoredJSON] = [:]
    for (id, value) in old["items"]?.objectValue ?? [:] {
      guard let status = value.stringValue else {
        throw ProgressProblem(
          path: "items[\"\(id)\"]", message: "expected a status string in a version 0 file",
          fix: "write \"done\", \"skipped\" or \"pending\"")
      }
      let day = id.split(separator: ".").first.map(String.init) ?? ""
      var record: [String: StoredJSON] = [
        "status": .string(status), "at": .string(savedAt ?? day),
      ]
      if status == "skipped", let reason = reasons[id] { record["reason"] = reason }
      items[id] = .object(record)
    }
    new["items"] = .object(items)

    var pain: [StoredJSON] = []
    if case .array(let entries)? = old["pain"] {
      for (index, entry) in entries.enumerated() {
        guard var fields = entry.objectValue else {
          throw ProgressProblem(
            path: "pain[\(index)]", message: "expected an object in a version 0 file",
            fix: "write {\"day\": …, \"level\": …}")
        }
        let morning = fields.removeValue(forKey: "morning") == .bool(true)
        fields["timing"] = .string(morning ? "nextMorning" : "during")
        if fields["at"] == nil { fields["at"] = savedAt.map(StoredJSON.string) ?? fields["day"] }
        pain.append(.object(fields))
      }
    }
    new["pain"] = .array(pain)
    if new["notes"] == nil { new["notes"] = .array([]) }
    return new
  }

  /// Version 2 → 3: nothing to rewrite. Version 3 lets every record carry `by` (the machine
  /// that wrote it); a record without one was written by the unknown machine `""`, which a
  /// merge orders before every known machine at the same time stamp.
  static func version2to3(_ old: [String: StoredJSON]) throws(ProgressProblem) -> [String:
    StoredJSON]
  {
    old
  }

  /// Version 1: `"checkin": {…}` (at most one per file) and no record ids. Version 2 keeps a
  /// list `checkins` (a file can hold the check-ins of two programme weeks), an `id` on every
  /// pain entry, note and check-in, and the tombstones of removed records in `removed`.
  ///
  /// A version 1 file is upgraded every time it is read until the next write stores version
  /// 2, so the ids must come out the same every time: each is derived from the week, the
  /// record's kind and position and its content (`RecordID.derived`), with another attempt on
  /// the rare clash within the file.
  static func version1to2(_ old: [String: StoredJSON]) throws(ProgressProblem) -> [String:
    StoredJSON]
  {
    var new = old
    let week = old["week"]?.stringValue ?? ""
    for key in ["checkins", "removed"] where old[key] != nil {
      throw ProgressProblem(
        path: key, message: "unknown field '\(key)' in a version 1 file",
        fix: "remove it, or set \"schemaVersion\": \(ProgressWeek.schemaVersion)")
    }
    var used = Set<String>()
    func withId(_ value: StoredJSON, kind: RecordKind, path: String) throws(ProgressProblem)
      -> StoredJSON
    {
      guard var fields = value.objectValue else {
        throw ProgressProblem(
          path: path, message: "expected an object in a version 1 file",
          fix: "write the record as {\"day\": …, \"at\": …}")
      }
      guard fields["id"] == nil else {
        throw ProgressProblem(
          path: "\(path).id", message: "a version 1 file has no record ids",
          fix: "remove the id, or set \"schemaVersion\": \(ProgressWeek.schemaVersion)")
      }
      // A day that is missing or wrong is reported by the decoder with its path; the id
      // only needs some day here.
      let day =
        fields["day"]?.stringValue.flatMap(CalendarDay.init) ?? CalendarDay(daysSinceEpoch: 0)
      let content = "\(week)|\(path)|\(value.text)"
      var attempt = 0
      var id = RecordID.derived(kind: kind, day: day, content: content).description
      while used.contains(id) {
        attempt += 1
        id = RecordID.derived(kind: kind, day: day, content: content, attempt: attempt).description
      }
      used.insert(id)
      fields["id"] = .string(id)
      return .object(fields)
    }
    func list(_ key: String, kind: RecordKind) throws(ProgressProblem) -> StoredJSON? {
      guard let value = old[key] else { return nil }
      guard case .array(let elements) = value else { return value }
      var upgraded: [StoredJSON] = []
      for (index, element) in elements.enumerated() {
        upgraded.append(try withId(element, kind: kind, path: "\(key)[\(index)]"))
      }
      return .array(upgraded)
    }
    new["pain"] = try list("pain", kind: .pain)
    new["notes"] = try list("notes", kind: .note)
    new["checkin"] = nil
    if let checkin = old["checkin"], checkin != .null {
      new["checkins"] = .array([try withId(checkin, kind: .checkin, path: "checkin")])
    } else {
      new["checkins"] = .array([])
    }
    new["removed"] = .array([])
    return new
  }
}
