import Foundation
import RehabCore
import RehabStore
import Testing

/// A programme of 12 weeks that ends on the day the tests call "today" (`REHABIT_TODAY`), so
/// every day of it can be logged and the day after is "after today".
struct LoggingScenario {
  static let start = "2026-09-07"
  static let today = "2026-11-29"
  static let environment = ["REHABIT_TODAY": today]

  let data: TemporaryDataDirectory

  /// `weeks` other than 12 end on `today` too.
  init(template: String = "lateral-ankle-sprain", weeks: Int = 12) throws {
    data = try TemporaryDataDirectory()
    let start =
      weeks == 12
      ? LoggingScenario.start
      : (CalendarDay(LoggingScenario.today)?.adding(days: 1 - weeks * 7)).map(\.description)
        ?? LoggingScenario.start
    try run([
      "init", "--template", template, "--start", start, "--weeks", "\(weeks)",
      "--affected-side", "left",
    ])
  }

  func cleanUp() { data.cleanUp() }

  @discardableResult
  func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> RehabitBinary.Result
  {
    let result = try attempt(arguments)
    #expect(
      result.succeeded, "rehabit \(arguments.joined(separator: " ")): \(result.stderr)",
      sourceLocation: sourceLocation)
    return result
  }

  func attempt(_ arguments: [String]) throws -> RehabitBinary.Result {
    try RehabitBinary.run(
      arguments + ["--data-dir", data.path], environment: LoggingScenario.environment)
  }

  /// `today --json` items of `day`.
  func items(on day: String) throws -> [[String: Any]] {
    let result = try run(["today", "--date", day, "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return try #require(object?["items"] as? [[String: Any]])
  }

  var store: ProgressStore { ProgressStore(directory: data.path) }

  /// Every item id of the programme from its start to `today`, day by day, from the scheduler.
  func allItemIds() throws -> [String] {
    let programme = try #require(try store.loadProgramme())
    let scheduler = Scheduler(programme: programme)
    guard let last = CalendarDay(LoggingScenario.today) else { return [] }
    var ids: [String] = []
    var day = programme.start
    while day <= last {
      ids += scheduler.checklist(for: day).map(\.id)
      day = day.adding(days: 1)
    }
    return ids
  }
}

@Suite("check, uncheck, skip, pain, checkin")
struct ProgressCommandTests {
  @Test("check, skip and uncheck change what today shows, by number or by id")
  func statusCommands() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let day = "2026-11-18"
    let before = try scenario.items(on: day)
    #expect(before.count >= 3)

    let checked = try scenario.run(["check", "1", "2", "--date", day])
    #expect(checked.stdout.split(separator: "\n").count == 2)
    #expect(checked.stdout.hasPrefix("Done: 1 "))
    try scenario.run(["skip", "3", "--reason", "sore heel", "--date", day])
    var after = try scenario.items(on: day)
    #expect(after.map { $0["status"] as? String }.prefix(3) == ["done", "done", "skipped"])
    #expect(after[2]["reason"] as? String == "sore heel")

    let again = try scenario.run(["check", "2", "--date", day])
    #expect(again.stdout.hasPrefix("Already done: 2 "))
    try scenario.run(["uncheck", "1", "--date", day])
    // An id of another day works whatever --date says.
    let otherDay = try scenario.items(on: "2026-11-17")
    let otherId = try #require(otherDay.first?["id"] as? String)
    let byId = try scenario.run(["check", otherId, "--json"])
    let json = try JSONSerialization.jsonObject(with: Data(byId.stdout.utf8)) as? [String: Any]
    let changed = try #require(json?["items"] as? [[String: Any]])
    #expect(changed.first?["id"] as? String == otherId)
    #expect(changed.first?["status"] as? String == "done")
    #expect(changed.first?["previous"] as? String == "pending")

    after = try scenario.items(on: day)
    #expect(after.map { $0["status"] as? String }.prefix(3) == ["pending", "done", "skipped"])
    #expect(try scenario.items(on: "2026-11-17").first?["status"] as? String == "done")

    // One week file, private, holding exactly these records: the uncheck as a `pending`
    // record with its own time stamp, so it travels in a sync.
    let week = try scenario.store.loadWeek(try #require(ISOWeek("2026-W47")))
    #expect(week.items.count == 4)
    #expect(week.items.values.filter { $0.status == .pending }.count == 1)
    #expect(week.items.values.allSatisfy { $0.at.hasSuffix("Z") })
  }

  @Test("pain above 5 makes that treatment's next session one step lighter (R-PAIN-STEP)")
  func painFeedsTheScheduler() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let day = "2026-11-18"
    let items = try scenario.items(on: day)
    let index = try #require(items.firstIndex { $0["kind"] as? String == "strengthening" })
    let treatment = try #require(items[index]["treatmentId"] as? String)

    let logged = try scenario.run(["pain", "7", "--item", "\(index + 1)", "--date", day])
    #expect(logged.stdout.contains("not acceptable"))
    try scenario.run(["pain", "2", "--next-morning", "--date", "2026-11-19"])

    var next: [String: Any]?
    var date = try #require(CalendarDay(day)).adding(days: 1)
    while next == nil, date <= (CalendarDay(LoggingScenario.today) ?? date) {
      next = try scenario.items(on: "\(date)").first { $0["treatmentId"] as? String == treatment }
      date = date.adding(days: 1)
    }
    let adjustments = try #require(next?["painAdjustments"] as? [String])
    #expect(adjustments.contains("steppedDown"))
    // What `pain` promised is what `today` then lists.
    let dose = try #require(next?["dose"] as? String)
    #expect(logged.stdout.contains(": \(dose) instead of "), "\(logged.stdout)")

    let week = try scenario.store.loadWeek(try #require(ISOWeek("2026-W47")))
    #expect(week.pain.map(\.level) == [7, 2])
    #expect(week.pain.first?.treatmentId == treatment)
    #expect(week.pain.last?.timing == .nextMorning)
  }

  @Test("pain --next-morning --item files the day before's item and says what changes, in JSON too")
  func morningPainNamesTheNextDose() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let session = "2026-11-18"
    let items = try scenario.items(on: session)
    let index = try #require(items.firstIndex { $0["kind"] as? String == "strengthening" })
    let treatment = try #require(items[index]["treatmentId"] as? String)
    try scenario.run(["pain", "3", "--date", session])
    let result = try scenario.run([
      "pain", "6", "--next-morning", "--item", "\(index + 1)", "--date", "2026-11-19", "--json",
    ])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let consequence = try #require(json["consequence"] as? [String: Any])
    #expect(consequence["sessionDay"] as? String == session)
    #expect(consequence["painful"] as? Bool == true)
    let changes = try #require(consequence["treatments"] as? [[String: Any]])
    let change = try #require(changes.first)
    #expect(changes.count == 1 && change["treatmentId"] as? String == treatment)
    #expect(change["change"] as? String == "lighter")
    let next = try #require(change["nextSession"] as? String)
    let listed = try scenario.items(on: next).first { $0["treatmentId"] as? String == treatment }
    #expect(listed?["dose"] as? String == change["dose"] as? String)
    // Not higher than the day before: nothing changes, and it says so.
    let flat = try scenario.run(["pain", "2", "--next-morning", "--date", "2026-11-19"])
    #expect(flat.stdout.contains("stay as planned"))
  }

  @Test("checkin saves every measure, sided ones per side, and a second one replaces the first")
  func checkin() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    try scenario.run([
      "checkin", "--pain", "4", "--function", "55", "--measure", "faam-adl=62.5",
      "--measure", "heel-raises:left=12", "--measure", "heel-raises:right=20", "--date",
      "2026-11-16",
    ])
    let replaced = try scenario.run([
      "checkin", "--pain", "3", "--function", "60", "--measure", "balance:left=10", "--measure",
      "balance:right=30", "--date", "2026-11-17",
    ])
    #expect(replaced.stdout.contains("replaces the check-in of 2026-11-16, programme week 11"))
    let week47 = try #require(ISOWeek("2026-W47"))
    let stored = try scenario.store.loadWeek(week47)
    #expect(stored.checkins.count == 1)
    #expect(stored.removed.count == 1)
    let checkin = try #require(stored.checkins.first)
    #expect(checkin.day == CalendarDay("2026-11-17"))
    #expect(
      checkin.values == [
        .pain: .single(3), .sane: .single(60), .balance: .sided(left: 10, right: 30),
      ])
  }

  @Test(
    "bad input: one line on stderr, a non-zero exit, nothing written",
    arguments: [
      (["check", "9", "--date", "2026-11-18"], "there is no item 9 on 2026-11-18"),
      (["check", "2026-11-18.no-such.left"], "there is no item '2026-11-18.no-such.left'"),
      (["check", "first"], "'first' is not an item number or id"),
      (["check", "1", "--date", "2026-11-30"], "2026-11-30 is after today (2026-11-29)"),
      (["check", "1", "--date", "2026-09-06"], "outside the programme"),
      (["check", "2026-12-02.calf-stretch.left"], "after today"),
      (["check"], "Missing expected argument"),
      (["uncheck", "0", "--date", "2026-11-18"], "there is no item 0"),
      (["skip", "1", "--date", "2026-11-18"], "--reason"),
      (["skip", "1", "--reason", "  ", "--date", "2026-11-18"], "--reason is empty"),
      (["pain", "11"], "pain 11 is out of range"),
      (["pain", "5", "--item", "9", "--date", "2026-11-18"], "there is no item 9"),
      (["pain", "5", "--date", "2026-11-30"], "after today"),
      (["pain", "3", "--next-morning", "--date", "2026-09-07"], "outside the programme"),
      (["checkin", "--pain", "3", "--function", "101"], "--function 101 is out of range"),
      (["checkin", "--pain", "12", "--function", "50"], "--pain 12 is out of range"),
      (
        ["checkin", "--pain", "3", "--function", "50", "--measure", "heel-raises:left=3"],
        "heel-raises has no right side"
      ),
      (
        [
          "checkin", "--pain", "3", "--function", "50", "--measure", "balance:left=3",
          "--measure", "balance:right=50",
        ], "balance:right 50 is out of range"
      ),
      (
        ["checkin", "--pain", "3", "--function", "50", "--measure", "grip=3"],
        "'grip' is not a measure"
      ),
      (["checkin", "--pain", "3", "--function", "50", "--date", "2026-12-01"], "after today"),
    ])
  func badInput(arguments: [String], message: String) throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    try scenario.run(["check", "1", "--date", "2026-11-18"])
    let before = scenario.data.snapshot()
    let result = try scenario.attempt(arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(scenario.data.snapshot() == before)
  }

  @Test("no programme: one line that says how to start one, and no directory created")
  func noProgramme() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    for arguments in [
      ["check", "1"], ["uncheck", "1"], ["skip", "1", "--reason", "x"], ["pain", "3"],
      ["checkin", "--pain", "3", "--function", "50"],
    ] {
      let result = try RehabitBinary.run(
        arguments + ["--data-dir", data.path], environment: LoggingScenario.environment)
      #expect(result.status != 0)
      #expect(result.stderr.contains("no programme in"), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
      #expect(!FileManager.default.fileExists(atPath: data.path))
    }
  }

  @Test("a damaged week file stays byte-identical through every command; other weeks still work")
  func damagedWeekSurvivesEveryCommand() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    try scenario.run(["check", "1", "--date", "2026-11-18"])
    let file = scenario.store.file(for: try #require(ISOWeek("2026-W47")))
    var text = try String(contentsOfFile: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"status\" : \"done\"", with: "\"status\" : \"done\",,")
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    let damaged = try Data(contentsOf: URL(fileURLWithPath: file))

    let day = ["--date", "2026-11-18"]
    let commands: [[String]] = [
      ["check", "2"] + day, ["uncheck", "1"] + day, ["skip", "2", "--reason", "x"] + day,
      ["pain", "4"] + day, ["pain", "4", "--item", "1"] + day,
      ["pain", "4", "--next-morning", "--date", "2026-11-19"],
      ["checkin", "--pain", "3", "--function", "50"] + day, ["today"] + day,
      ["today", "--json"] + day, ["week"] + day, ["flags"] + day,
    ]
    for arguments in commands {
      let result = try scenario.attempt(arguments)
      if ["check", "uncheck", "skip", "pain", "checkin", "today"].contains(arguments[0]) {
        #expect(result.status != 0, "\(arguments)")
        #expect(result.stderr.contains(file), "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("line "), "\(arguments): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == damaged, "\(arguments)")
    }
    // The week before is another file and keeps working.
    try scenario.run(["check", "1", "--date", "2026-11-11"])
    #expect(try scenario.items(on: "2026-11-11").first?["status"] as? String == "done")
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == damaged)
  }
}
