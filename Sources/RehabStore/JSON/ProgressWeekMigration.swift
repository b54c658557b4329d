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
      transform: version0to1)
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
}
