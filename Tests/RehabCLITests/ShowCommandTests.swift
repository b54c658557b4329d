import Foundation
import RehabCore
import RehabStore
import Testing

/// `rehabit show N|ID`: one item's card, read-only, by number or id, also for a later day.
@Suite("show")
struct ShowCommandTests {
  /// Text with its line breaks and runs of spaces made single spaces (the card wraps).
  static func flattened(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  static func json(_ result: RehabitBinary.Result) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test("show N prints the card of item N: dose, load, why, instructions, pain rule, last done")
  func showByNumber() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let band = try #require(scenario.allItemIds().last { $0.contains(".band-eversion.") })
    let day = String(band.prefix(10))
    let items = try scenario.items(on: day)
    let number =
      try #require(
        items.firstIndex { $0["treatmentId"] as? String == "band-eversion" }) + 1
    let result = try scenario.run(["show", "\(number)", "--date", day])
    let text = Self.flattened(result.stdout)
    #expect(result.stdout.hasPrefix("Elastic band eversion · strengthening · left\n"))
    #expect(text.contains("Load: light elastic band"))
    #expect(text.contains("Why: Week 12:"))
    #expect(text.contains("progression steps above the starting 3 × 10"))
    #expect(text.contains("loop the band round the outside of the forefoot"))
    #expect(text.contains("0–3 is safe, 4–5 is acceptable, above 5 is not acceptable"))
    #expect(text.contains("Last done: not yet"))
  }

  @Test("show ID after a painful session names the pain, and the last day it was done")
  func showByIdAfterPain() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let ids = try scenario.allItemIds().filter { $0.contains(".band-eversion.") }
    let (first, second) = (ids[ids.count - 3], ids[ids.count - 2])
    let firstDay = String(first.prefix(10))
    try scenario.run(["check", first])
    try scenario.run(["pain", "7", "--date", firstDay])
    let result = try scenario.run(["show", second])
    let text = Self.flattened(result.stdout)
    #expect(text.contains("One step lighter after pain (R-PAIN-STEP): pain 7/10 during exercise"))
    let shown = try #require(CalendarDay(firstDay))
    #expect(text.contains("Last done: \(shown.labelWithWeekday)"))
    let card = try Self.json(try scenario.run(["show", second, "--json"]))
    #expect(card["painAdjustments"] as? [String] == ["steppedDown"])
    let stepped = try #require(card["steppedDown"] as? [String: Any])
    #expect(stepped["session"] as? String == firstDay)
    let pain = try #require((stepped["pain"] as? [[String: Any]])?.first)
    #expect(pain["level"] as? Int == 7 && pain["timing"] as? String == "during")
    #expect(card["lastDone"] as? String == firstDay)
  }

  @Test("show --json carries the card's facts, with load and lastDone null when there are none")
  func showJSON() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let card = try Self.json(try scenario.run(["show", "1", "--date", "2026-09-07", "--json"]))
    #expect(card["number"] as? Int == 1)
    #expect(card["id"] as? String == "2026-09-07.calf-stretch.left")
    #expect(card["programmeWeek"] as? Int == 1)
    #expect(card["load"] is NSNull)
    #expect(card["lastDone"] is NSNull)
    #expect(card["held"] is NSNull && card["steppedDown"] is NSNull)
    #expect(card["progressionStep"] is NSNull)
    #expect((card["instructions"] as? String)?.hasPrefix("Stand facing a wall") == true)
    #expect(card["schedule"] as? String == "daily")
    let rule = try #require(card["painRule"] as? [String: Any])
    #expect(rule["safeMax"] as? Int == 3 && rule["acceptableMax"] as? Int == 5)
  }

  @Test("show reads a later day of the programme, which check refuses")
  func showFutureDay() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let environment = ["REHABIT_TODAY": "2026-11-29"]
    func run(_ arguments: [String]) throws -> RehabitBinary.Result {
      try RehabitBinary.run(arguments + ["--data-dir", data.path], environment: environment)
    }
    #expect(
      try run(["init", "--template", "lateral-ankle-sprain", "--start", "2026-11-29"]).succeeded)
    let later = try run(["show", "1", "--date", "2026-12-20"])
    #expect(later.succeeded, "\(later.stderr)")
    #expect(later.stdout.contains("Sun 2026-12-20 · week 4 of 8"))
    #expect(!(try run(["check", "1", "--date", "2026-12-20"])).succeeded)
  }

  @Test(
    "bad inputs are one line and a non-zero exit",
    arguments: [
      (["show", "9"], "there is no item 9 on 2026-11-29"),
      (["show", "2026-11-29.no-such.left"], "there is no item '2026-11-29.no-such.left'"),
      (["show", "1", "--date", "2027-06-01"], "is outside the programme"),
      (["show", "2030-01-01.calf-stretch.left"], "is outside the programme"),
      (["show", "banana"], "is not an item number or id"),
    ])
  func badInputs(arguments: [String], message: String) throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let result = try scenario.attempt(arguments)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("rehabit: "))
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test("today --json items carry instructions and load (null when none)")
  func todayJSONHasInstructionsAndLoad() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let band = try #require(scenario.allItemIds().last { $0.contains(".band-eversion.") })
    let items = try scenario.items(on: String(band.prefix(10)))
    for item in items {
      #expect((item["instructions"] as? String)?.isEmpty == false)
      #expect(item.keys.contains("load"))
    }
    let bandItem = try #require(items.first { $0["treatmentId"] as? String == "band-eversion" })
    #expect(bandItem["load"] as? String == "light elastic band")
    let stretch = try #require(items.first { $0["treatmentId"] as? String == "calf-stretch" })
    #expect(stretch["load"] is NSNull)
  }

  @Test("rehabit show prints every template treatment's instructions")
  func everyTemplateTreatment() throws {
    for template in try TemplateLibrary.builtIn() {
      let data = try TemporaryDataDirectory()
      defer { data.cleanUp() }
      let start = "2026-11-30"
      let environment = ["REHABIT_TODAY": start]
      let initResult = try RehabitBinary.run(
        ["init", "--template", template.plan.id, "--start", start, "--data-dir", data.path],
        environment: environment)
      #expect(initResult.succeeded, "\(initResult.stderr)")
      let programme = try #require(try ProgressStore(directory: data.path).loadProgramme())
      let scheduler = Scheduler(programme: programme)
      for treatment in programme.plan.treatments where treatment.kind.isHomeTask {
        let item = try #require(
          (0..<(programme.weeks * 7)).lazy.compactMap { offset in
            scheduler.checklist(for: programme.start.adding(days: offset)).first {
              $0.treatmentId == treatment.id
            }
          }.first, "\(template.plan.id): \(treatment.id) is never scheduled")
        let result = try RehabitBinary.run(
          ["show", item.id, "--data-dir", data.path], environment: environment)
        #expect(result.succeeded, "\(result.stderr)")
        #expect(
          Self.flattened(result.stdout).contains(Self.flattened(treatment.instructions)),
          "\(template.plan.id): \(treatment.id)")
      }
    }
  }
}
