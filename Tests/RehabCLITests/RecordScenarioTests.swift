import Foundation
import RehabCore
import RehabStore
import Testing

/// Check-ins per programme week and corrections, through the binary only, as a patient would
/// (issue 12): programmes starting on each weekday, check-ins on programme-week boundaries and
/// back-filled from the missed-check-in hint, and `log` / `remove` with the flags recomputed.
private struct RecordScenario {
  let data: TemporaryDataDirectory
  let start: CalendarDay

  init(start: CalendarDay, weeks: Int = 8) throws {
    data = try TemporaryDataDirectory()
    self.start = start
    try run([
      "init", "--template", "lateral-ankle-sprain", "--start", "\(start)", "--weeks", "\(weeks)",
      "--affected-side", "left",
    ])
  }

  func cleanUp() { data.cleanUp() }

  /// Day `offset` (0–6) of programme week `week`.
  func day(week: Int, _ offset: Int = 0) -> CalendarDay {
    start.adding(days: (week - 1) * 7 + offset)
  }

  @discardableResult
  func run(
    _ arguments: [String], expectSuccess: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RehabitBinary.Result {
    let result = try RehabitBinary.run(
      arguments + ["--data-dir", data.path], environment: ["REHABIT_TODAY": "2027-12-31"])
    if expectSuccess {
      #expect(
        result.succeeded, "rehabit \(arguments.joined(separator: " ")): \(result.stderr)",
        sourceLocation: sourceLocation)
    }
    return result
  }

  func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
  {
    let result = try run(arguments + ["--json"], sourceLocation: sourceLocation)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
      sourceLocation: sourceLocation)
  }

  /// `checkin --json` on `day` with the given pain; what it replaced, as days.
  @discardableResult
  func checkin(_ day: CalendarDay, pain: Int, sourceLocation: SourceLocation = #_sourceLocation)
    throws -> (programmeWeek: Int, replaced: [String])
  {
    let object = try json(
      [
        "checkin", "--pain", "\(pain)", "--function", "\(50 + pain)", "--date", "\(day)",
      ], sourceLocation: sourceLocation)
    let replaced = (object["replacedCheckins"] as? [[String: Any]] ?? []).compactMap {
      $0["day"] as? String
    }
    #expect(
      (object["replaced"] as? Bool) == !replaced.isEmpty, sourceLocation: sourceLocation)
    return (object["programmeWeek"] as? Int ?? -1, replaced)
  }

  /// `flags --json` as of `day`: the flags by id.
  func flags(asOf day: CalendarDay) throws -> [String: [String: Any]] {
    let object = try json(["flags", "--date", "\(day)"])
    let flags = try #require(object["flags"] as? [[String: Any]])
    return Dictionary(flags.compactMap { flag in (flag["id"] as? String).map { ($0, flag) } }) {
      a, _ in a
    }
  }

  /// The pain series of `week --json` as of `day`: (day, value) per check-in that counts.
  func painSeries(asOf day: CalendarDay) throws -> [(String, Double)] {
    let object = try json(["week", "--date", "\(day)"])
    let measures = try #require(object["measures"] as? [String: Any])
    let pain = try #require(measures["pain"] as? [String: Any])
    let series = try #require(pain["series"] as? [[String: Any]])
    return series.compactMap { point in
      guard let day = point["day"] as? String, let value = point["value"] as? Double else {
        return nil
      }
      return (day, value)
    }
  }

  /// The records `log --json` lists for `day`: (id, kind).
  func log(_ day: CalendarDay) throws -> [(id: String, kind: String)] {
    let object = try json(["log", "--date", "\(day)"])
    #expect(object["date"] as? String == "\(day)")
    let records = try #require(object["records"] as? [[String: Any]])
    return records.compactMap { record in
      guard let id = record["id"] as? String, let kind = record["kind"] as? String else {
        return nil
      }
      return (id, kind)
    }
  }
}

@Suite("records through the binary: programme-week check-ins, log and remove")
struct RecordScenarioTests {
  /// Monday 2 November 2026 to Sunday 8 November 2026: a programme starting on each weekday.
  static let starts = (0..<7).map { CalendarDay(year: 2026, month: 11, day: 2 + $0) }
    .compactMap { $0 }

  @Test(
    "check-ins on programme-week boundaries and back-filled from the hint never replace another week's",
    arguments: starts)
  func boundariesAndBackfill(start: CalendarDay) throws {
    let scenario = try RecordScenario(start: start)
    defer { scenario.cleanUp() }
    // The last day of week 1 and the first of week 2: one day apart, often in one ISO week file.
    let baseline = try scenario.checkin(scenario.day(week: 1, 6), pain: 6)
    #expect(baseline.programmeWeek == 1 && baseline.replaced.isEmpty)
    let second = try scenario.checkin(scenario.day(week: 2, 0), pain: 5)
    #expect(second.programmeWeek == 2 && second.replaced.isEmpty)
    // Week 3 is left out; week 4 on its last day.
    let fourth = try scenario.checkin(scenario.day(week: 4, 6), pain: 4)
    #expect(fourth.programmeWeek == 4 && fourth.replaced.isEmpty)

    // The hint names a day of programme week 3; following it fills exactly that week.
    let asOf = scenario.day(week: 5, 0)
    let missed = try #require(try scenario.flags(asOf: asOf)["missed-checkin"])
    let evidence = try #require(missed["evidence"] as? [String: Any])
    let weeks = try #require(evidence["missedWeeks"] as? [[String: Any]])
    #expect(weeks.compactMap { $0["programmeWeek"] as? Int } == [3])
    let message = try #require(missed["message"] as? String)
    let hinted = try #require(
      message.firstRange(of: "checkin --date ").map { range in
        CalendarDay(String(message[range.upperBound...].prefix(10)))
      } ?? nil)
    #expect(hinted >= scenario.day(week: 3, 0) && hinted <= scenario.day(week: 3, 6))
    let backfilled = try scenario.checkin(hinted, pain: 5)
    #expect(backfilled.programmeWeek == 3 && backfilled.replaced.isEmpty)
    #expect(try scenario.flags(asOf: asOf)["missed-checkin"] == nil)

    // Every week has its own check-in, the baseline (week 1) among them.
    let series = try scenario.painSeries(asOf: asOf)
    #expect(
      series.map(\.0)
        == [
          scenario.day(week: 1, 6), scenario.day(week: 2, 0), hinted, scenario.day(week: 4, 6),
        ].map(\.description))
    #expect(series.first?.1 == 6)

    // A second check-in in week 2, on its last day (often the other ISO file): replaces
    // exactly week 2's, and says so.
    let text = try scenario.run([
      "checkin", "--pain", "3", "--function", "60", "--date", "\(scenario.day(week: 2, 6))",
    ])
    #expect(
      text.stdout.contains(
        "replaces the check-in of \(scenario.day(week: 2, 0)), programme week 2"))
    let after = try scenario.painSeries(asOf: asOf)
    #expect(
      after.map(\.0)
        == [
          scenario.day(week: 1, 6), scenario.day(week: 2, 6), hinted, scenario.day(week: 4, 6),
        ].map(\.description))
    #expect(after.first?.1 == 6)
  }

  @Test("a pain entry, a note and a check-in: listed with ids, removed, flags recomputed")
  func logRemoveAndFlags() throws {
    // A Thursday start, so programme weeks straddle ISO week files.
    let start = try #require(CalendarDay("2026-11-05"))
    let scenario = try RecordScenario(start: start)
    defer { scenario.cleanUp() }
    // Pain 8 during a progressing item on a strengthening day of week 3: its next session is
    // lighter.
    func strengthening(on day: CalendarDay) throws -> [String: Any]? {
      let listed = try scenario.json(["today", "--date", "\(day)"])
      let items = try #require(listed["items"] as? [[String: Any]])
      return items.first { $0["kind"] as? String == "strengthening" }
    }
    let strengthDays = try (0...6).map { scenario.day(week: 3, $0) }.filter {
      try strengthening(on: $0) != nil
    }
    let painDay = try #require(strengthDays.first)
    // Pain worsening by more than its MDC in each of two check-ins after the baseline.
    try scenario.checkin(scenario.day(week: 1, 3), pain: 3)
    try scenario.checkin(scenario.day(week: 2, 3), pain: 6)
    try scenario.checkin(painDay, pain: 7)
    let asOf = scenario.day(week: 4, 1)
    #expect(try scenario.flags(asOf: asOf)["worsening"] != nil)

    let strength = try #require(try strengthening(on: painDay))
    let itemId = try #require(strength["id"] as? String)
    try scenario.run(["pain", "8", "--item", itemId, "--date", "\(painDay)"])
    try scenario.run(["check", itemId, "--date", "\(painDay)"])
    func nextSessionAdjustments() throws -> [String] {
      for offset in 1...6 {
        let day = painDay.adding(days: offset)
        let list = try scenario.json(["today", "--date", "\(day)"])
        let entries = try #require(list["items"] as? [[String: Any]])
        if let next = entries.first(where: {
          $0["treatmentId"] as? String == strength["treatmentId"] as? String
        }) {
          return next["painAdjustments"] as? [String] ?? []
        }
      }
      return []
    }
    #expect(try nextSessionAdjustments().contains("steppedDown"))

    // A note through `rehabit note`, its id read back from `--json`.
    let noted = try scenario.run(["note", "mistyped \u{1b}[2J", "--date", "\(painDay)", "--json"])
    let noteJSON = try #require(
      try JSONSerialization.jsonObject(with: Data(noted.stdout.utf8)) as? [String: Any])
    let note = (id: try #require(noteJSON["id"] as? String), kind: noteJSON["kind"] as? String)
    #expect(note.kind == "note")
    #expect(!noted.stdout.contains("\u{1b}"))

    let records = try scenario.log(painDay)
    #expect(records.map(\.kind) == ["item", "pain", "note", "checkin"])
    #expect(records.first?.id == itemId)
    let pain = try #require(records.first { $0.kind == "pain" }?.id)
    let checkin = try #require(records.first { $0.kind == "checkin" }?.id)
    #expect(records.contains { $0.id == note.id })
    #expect(pain.hasPrefix("p-") && checkin.hasPrefix("c-") && note.id.hasPrefix("n-"))
    let text = try scenario.run(["log", "--date", "\(painDay)"]).stdout
    #expect(text.contains(pain) && text.contains(note.id) && text.contains(checkin))
    #expect(!text.contains("\u{1b}"))

    // Ticks are not removed by id; unknown ids change nothing.
    let before = scenario.data.snapshot()
    let item = try scenario.run(["remove", itemId], expectSuccess: false)
    #expect(item.status == 1 && item.stderr.contains("rehabit uncheck \(itemId)"))
    let unknown = "p-\(painDay.description.filter { $0 != "-" })-zzzz"
    let missing = try scenario.run(["remove", pain, unknown], expectSuccess: false)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains(unknown))
    #expect(missing.stderr.contains("rehabit log --date \(painDay)"))
    #expect(missing.stderr.split(separator: "\n").count == 1)
    #expect(scenario.data.snapshot() == before)

    // Remove all three: the log lists only the tick, guidance and flags go without them.
    let removed = try scenario.run(["remove", pain, note.id, checkin])
    #expect(removed.stdout.contains("Removed \(pain)"))
    #expect(try scenario.log(painDay).map(\.kind) == ["item"])
    #expect(try !nextSessionAdjustments().contains("steppedDown"))
    let flags = try scenario.flags(asOf: asOf)
    #expect(flags["worsening"] == nil)
    let missed = try #require(flags["missed-checkin"]?["evidence"] as? [String: Any])
    #expect(
      (missed["missedWeeks"] as? [[String: Any]])?.compactMap { $0["programmeWeek"] as? Int } == [3]
    )
    // Removed already: said so.
    let again = try scenario.run(["remove", pain], expectSuccess: false)
    #expect(again.status == 1 && again.stderr.contains("removed already"))

    // A removed baseline is as if never made: the baseline moves to week 2.
    let baselineId = try #require(
      try scenario.log(scenario.day(week: 1, 3)).first { $0.kind == "checkin" }?.id)
    try scenario.run(["remove", baselineId])
    let series = try scenario.painSeries(asOf: asOf)
    #expect(series.map(\.0) == [scenario.day(week: 2, 3).description])

    // The JSON export carries the tombstones and a re-import keeps them removed.
    let exported = scenario.data.root.appendingPathComponent("export.json").path
    try scenario.run(["export", "--format", "json", "--output", exported])
    let restored = try TemporaryDataDirectory()
    defer { restored.cleanUp() }
    let imported = try RehabitBinary.run(
      ["import", exported, "--data-dir", restored.path],
      environment: ["REHABIT_TODAY": "2027-12-31"])
    #expect(imported.succeeded, "\(imported.stderr)")
    let weeks = try ProgressStore(directory: restored.path).storedWeeks().map {
      try ProgressStore(directory: restored.path).loadWeek($0)
    }
    #expect(Set(weeks.flatMap(\.removed).map(\.id)) == [pain, note.id, checkin, baselineId])
    #expect(!weeks.flatMap(\.pain).contains { $0.id == pain })
    let markdown = try scenario.run(["export", "--format", "markdown"]).stdout
    #expect(!markdown.contains("mistyped"))
  }
}
