import Foundation
import RehabCore
import Testing

/// `rehabit status`: one line for a prompt, never breaking it, never writing.
@Suite struct StatusCommandTests {
  static let utf8 = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""]

  /// A day of the scenario's last week with at least two items (the tests tick one).
  static func busyDay(_ scenario: LoggingScenario) throws -> (day: String, items: [[String: Any]]) {
    var day = try #require(CalendarDay(LoggingScenario.today))
    for _ in 0..<7 {
      let items = try scenario.items(on: day.description)
      if items.count >= 2 { return (day.description, items) }
      day = day.adding(days: -1)
    }
    Issue.record("no day with two items in the last week")
    return (LoggingScenario.today, [])
  }

  func status(
    _ scenario: LoggingScenario, _ format: String? = nil, day: String = LoggingScenario.today,
    extra: [String: String] = utf8
  ) throws -> RehabitBinary.Result {
    try RehabitBinary.run(
      ["status", "--data-dir", scenario.data.path, "--date", day]
        + (format.map { ["--format", $0] } ?? []),
      environment: LoggingScenario.environment.merging(extra) { $1 })
  }

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func noProgrammePrintsNothingInTextExitsZeroAndCreatesNothing() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    for format in ["text", "json", "waybar"] {
      let result = try RehabitBinary.run(
        ["status", "--data-dir", data.path, "--format", format],
        environment: LoggingScenario.environment)
      #expect(result.status == 0, "\(format): \(result.stderr)")
      #expect(result.stderr.isEmpty)
      switch format {
      case "text": #expect(result.stdout.isEmpty)
      case "json":
        let json = try Self.object(result.stdout)
        #expect(json["state"] as? String == "none")
        #expect(json["pending"] is NSNull && json["programmeWeek"] is NSNull)
        #expect((json["flags"] as? [String])?.isEmpty == true)
      default:
        #expect(result.stdout.split(separator: "\n").count == 1)
        let json = try Self.object(result.stdout)
        #expect(json["text"] as? String == "")
        #expect(json["class"] as? String == "none")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: data.path))
  }

  @Test func pendingItemsShowDoneOfScheduledWeekAndTheFlagsOfTheFlagsCommand() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let (day, items) = try Self.busyDay(scenario)
    try scenario.run(["check", "1", "--date", day])
    let flags =
      try Self.object(try scenario.run(["flags", "--json", "--date", day]).stdout)["flags"]
      as? [[String: Any]]
    let flagIds = try #require(flags).compactMap { $0["id"] as? String }
    #expect(!flagIds.isEmpty, "the scenario logs nothing for 12 weeks: flags are expected")

    let before = scenario.data.snapshot()
    let text = try status(scenario, day: day)
    #expect(text.status == 0)
    #expect(text.stdout == "rehab 1/\(items.count) · wk 12/12 · ⚑\(flagIds.count)\n")

    let json = try Self.object(try status(scenario, "json", day: day).stdout)
    #expect(json["date"] as? String == day)
    #expect(json["state"] as? String == "pending")
    #expect(json["scheduled"] as? Int == items.count)
    #expect(json["done"] as? Int == 1)
    #expect(json["pending"] as? Int == items.count - 1)
    #expect(json["programmeWeek"] as? Int == 12)
    #expect(json["programmeWeeks"] as? Int == 12)
    #expect(json["flags"] as? [String] == flagIds)
    #expect(json["warning"] is NSNull)

    let waybar = try status(scenario, "waybar", day: day)
    #expect(waybar.stdout.split(separator: "\n").count == 1)
    let bar = try Self.object(waybar.stdout)
    #expect(bar["text"] as? String == "rehab 1/\(items.count) · wk 12/12 · ⚑\(flagIds.count)")
    #expect(bar["class"] as? String == "flagged")
    let tooltip = try #require(bar["tooltip"] as? String)
    #expect(tooltip.contains("\(items.count - 1) of \(items.count)"))
    // Counts and flag kinds only: no item's name.
    for item in items {
      let name = try #require(item["treatment"] as? String)
      #expect(!tooltip.contains(name))
    }

    // It never writes.
    #expect(scenario.data.snapshot() == before)
  }

  @Test func nothingPendingShowsTheDoneMark() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let items = try scenario.items(on: LoggingScenario.today)
    try scenario.run(["check"] + (1...items.count).map(String.init))
    let text = try status(scenario).stdout
    #expect(text.hasPrefix("rehab ✓ · wk 12/12"))
    #expect(text.split(separator: "\n").count == 1)
    let json = try Self.object(try status(scenario, "json").stdout)
    #expect(json["state"] as? String == "done")
    #expect(json["pending"] as? Int == 0)
  }

  @Test func withoutAUTF8LocaleTheLineIsASCII() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let items = try scenario.items(on: LoggingScenario.today)
    let result = try status(scenario, extra: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
    #expect(result.stdout.hasPrefix("rehab 0/\(items.count) | wk 12/12"))
    #expect(result.stdout.utf8.allSatisfy { $0 < 0x80 })
  }

  @Test(arguments: ["week", "programme"])
  func aDamagedFileGivesOneLineWithAWarningMarkAndExitZero(file: String) throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let path =
      file == "week"
      ? "\(scenario.data.path)/progress/2026-W48.json" : "\(scenario.data.path)/programme.json"
    try Data("{\"schemaVersion\": 1, broken".utf8).write(to: URL(fileURLWithPath: path))
    let before = scenario.data.snapshot()

    let text = try status(scenario)
    #expect(text.status == 0)
    #expect(text.stdout == "rehab ⚠\n")
    #expect(text.stderr.isEmpty, "a prompt shows stderr too")

    let json = try status(scenario, "json")
    #expect(json.status == 0)
    let object = try Self.object(json.stdout)
    #expect(object["state"] as? String == "warning")
    #expect((object["warning"] as? String)?.contains(path) == true)

    let waybar = try status(scenario, "waybar")
    #expect(waybar.status == 0)
    #expect(waybar.stdout.split(separator: "\n").count == 1)
    let bar = try Self.object(waybar.stdout)
    #expect(bar["class"] as? String == "warning")
    #expect(bar["text"] as? String == "rehab ⚠")
    #expect(scenario.data.snapshot() == before)
  }

  @Test func anUnknownFormatIsAOneLineUsageError() throws {
    let result = try RehabitBinary.run(["status", "--format", "xml"])
    #expect(result.status == 64)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("'text', 'json' or 'waybar'"))
  }
}
