import Foundation
import RehabCore
import Testing

/// A programme run only through the binary, as a patient would: `init`, then `check` and
/// `checkin` with `--date` day by day, then `flags --json` and `week --json` as of chosen days.
private struct CLIScenario {
  static let start = CalendarDay(year: 2026, month: 11, day: 30) ?? CalendarDay(daysSinceEpoch: 0)

  let data: TemporaryDataDirectory

  init(weeks: Int = 12) throws {
    data = try TemporaryDataDirectory()
    try run([
      "init", "--template", "lateral-ankle-sprain", "--start", "\(CLIScenario.start)", "--weeks",
      "\(weeks)", "--affected-side", "left",
    ])
  }

  func cleanUp() { data.cleanUp() }

  /// Day `offset` of programme week `week`.
  static func day(week: Int, _ offset: Int = 0) -> CalendarDay {
    start.adding(days: (week - 1) * 7 + offset)
  }

  @discardableResult
  func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> RehabitBinary.Result
  {
    // The scenarios run on dates after the real today; `REHABIT_TODAY` stands in for the clock.
    let result = try RehabitBinary.run(
      arguments + ["--data-dir", data.path], environment: ["REHABIT_TODAY": "2027-12-31"])
    #expect(
      result.succeeded, "rehabit \(arguments.joined(separator: " ")): \(result.stderr)",
      sourceLocation: sourceLocation)
    return result
  }

  func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try run(arguments + ["--json"])
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  /// Ticks off the day's items whose position (0-based) `keep` accepts, by their numbers.
  func check(weeks: ClosedRange<Int>, keep: (Int) -> Bool = { _ in true }) throws {
    for week in weeks {
      for offset in 0..<7 {
        let day = CLIScenario.day(week: week, offset)
        let today = try json(["today", "--date", "\(day)"])
        let items = try #require(today["items"] as? [[String: Any]])
        let numbers = items.enumerated().filter { keep($0.offset) }.compactMap {
          $0.element["number"] as? Int
        }
        if !numbers.isEmpty {
          try run(["check"] + numbers.map(String.init) + ["--date", "\(day)"])
        }
      }
    }
  }

  /// The weekly check-in on the first day of programme week `week`.
  func checkin(
    week: Int, offset: Int = 0, pain: Int = 4, function: Int = 50, faam: Double = 60,
    heelRaises: (left: Int, right: Int) = (20, 20), balance: (left: Int, right: Int) = (20, 20)
  ) throws {
    try run([
      "checkin", "--pain", "\(pain)", "--function", "\(function)",
      "--measure", "faam-adl=\(faam)",
      "--measure", "heel-raises:left=\(heelRaises.left)",
      "--measure", "heel-raises:right=\(heelRaises.right)",
      "--measure", "balance:left=\(balance.left)", "--measure", "balance:right=\(balance.right)",
      "--date", "\(CLIScenario.day(week: week, offset))",
    ])
  }

  /// `flags --json` as of `day`: the flags by id.
  func flags(asOf day: CalendarDay) throws -> [String: [String: Any]] {
    let object = try json(["flags", "--date", "\(day)"])
    #expect(object["asOf"] as? String == "\(day)")
    let flags = try #require(object["flags"] as? [[String: Any]])
    var byId: [String: [String: Any]] = [:]
    for flag in flags {
      let id = try #require(flag["id"] as? String)
      #expect((flag["rule"] as? String)?.hasPrefix("R-") == true)
      #expect(CalendarDay(flag["since"] as? String ?? "") != nil)
      #expect(!(flag["message"] as? String ?? "").isEmpty)
      #expect(flag["evidence"] is [String: Any])
      byId[id] = flag
    }
    return byId
  }
}

@Suite("flags and week through the CLI, across 12 weeks")
struct FlagScenarioTests {
  @Test("a baseline in week 3: no plateau at the end of week 4, and flags --json says why")
  func lateBaseline() throws {
    let scenario = try CLIScenario()
    defer { scenario.cleanUp() }
    try scenario.check(weeks: 1...3)
    try scenario.checkin(week: 3)
    try scenario.checkin(week: 4)
    let object = try scenario.json(["flags", "--date", "\(CLIScenario.day(week: 4, 6))"])
    let flags = try #require(object["flags"] as? [[String: Any]])
    #expect(!flags.contains { $0["id"] as? String == "plateau" })
    let pending = try #require(object["pending"] as? [[String: Any]])
    let plateau = try #require(pending.first { $0["id"] as? String == "plateau" })
    #expect(plateau["rule"] as? String == "R-FLAG-BASELINE")
    #expect(plateau["weeksOfMeasurements"] as? Int == 1)
    #expect(plateau["weeksNeeded"] as? Int == 3)
    let text = try scenario.run(["flags", "--date", "\(CLIScenario.day(week: 4, 6))"]).stdout
    #expect(text.contains("Not judged yet (R-FLAG-BASELINE): plateau needs 3 weeks"))
  }

  @Test("adherent with flat measures: plateau from week 4, see-specialist only after 12 weeks")
  func adherentAndFlat() throws {
    let scenario = try CLIScenario()
    defer { scenario.cleanUp() }
    try scenario.check(weeks: 1...12)
    for week in 1...12 { try scenario.checkin(week: week) }

    #expect(try scenario.flags(asOf: CLIScenario.day(week: 3, 6)).isEmpty)

    let week4 = try scenario.flags(asOf: CLIScenario.day(week: 4))
    #expect(Set(week4.keys) == ["plateau"])
    #expect(week4["plateau"]?["rule"] as? String == "R-FLAG-PLATEAU")
    #expect(week4["plateau"]?["since"] as? String == "\(CLIScenario.day(week: 4))")
    let plateauEvidence = try #require(week4["plateau"]?["evidence"] as? [String: Any])
    let baseline = try #require(plateauEvidence["baseline"] as? [String: Any])
    #expect(baseline["day"] as? String == "\(CLIScenario.day(week: 1))")
    #expect(baseline["programmeWeek"] as? Int == 1)

    // The last day of week 12: eleven weeks completed, no referral yet.
    let week12 = try scenario.flags(asOf: CLIScenario.day(week: 12, 6))
    #expect(Set(week12.keys) == ["plateau"])

    let after = try scenario.flags(asOf: CLIScenario.day(week: 13))
    #expect(Set(after.keys) == ["plateau", "see-specialist"])
    let referral = try #require(after["see-specialist"])
    #expect(referral["rule"] as? String == "R-FLAG-REFER")
    #expect(referral["since"] as? String == "\(CLIScenario.day(week: 13))")
    let message = referral["message"] as? String ?? ""
    #expect(message.contains("Conservative care may not be enough"))
    #expect(message.contains("including surgery"))
    #expect(referral["disclaimer"] as? String == SafetyText.disclaimer)
    #expect(!message.contains(SafetyText.disclaimer))
    let evidence = try #require(referral["evidence"] as? [String: Any])
    let measures = try #require(evidence["measures"] as? [String: Any])
    #expect(Set(measures.keys) == ["pain", "sane", "faam-adl"])
    let adherence = try #require(evidence["adherence"] as? [String: Any])
    let completed = try #require(adherence["completedWeeks"] as? [String: Any])
    #expect(completed["adherence"] as? Double == 1)
    #expect(completed["toWeek"] as? Int == 12)

    let text = try scenario.run(["flags", "--date", "\(CLIScenario.day(week: 13))"]).stdout
    #expect(text.contains("see-specialist, R-FLAG-REFER"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test("half the items done with flat measures: insufficient dose, never plateau or referral")
  func lowAdherenceAndFlat() throws {
    let scenario = try CLIScenario()
    defer { scenario.cleanUp() }
    try scenario.check(weeks: 1...12) { $0 == 0 }  // only each day's first item
    for week in 1...12 { try scenario.checkin(week: week) }

    #expect(try scenario.flags(asOf: CLIScenario.day(week: 1, 6)).isEmpty)
    for week in [2, 4, 8, 13] {
      let flags = try scenario.flags(asOf: CLIScenario.day(week: week))
      #expect(Set(flags.keys) == ["low-adherence"], "week \(week)")
    }
    let flag = try #require(try scenario.flags(asOf: CLIScenario.day(week: 13))["low-adherence"])
    #expect(flag["rule"] as? String == "R-ADH-LOW")
    #expect(flag["since"] as? String == "\(CLIScenario.day(week: 2))")
    let message = flag["message"] as? String ?? ""
    #expect(message.hasPrefix("Insufficient dose"))
    #expect(!message.lowercased().contains("fail"))
    let evidence = try #require(flag["evidence"] as? [String: Any])
    let adherence = try #require(evidence["adherence"] as? [String: Any])
    #expect(adherence["threshold"] as? Double == 0.7)
    let lastWeek = try #require(adherence["lastWeek"] as? [String: Any])
    #expect((lastWeek["adherence"] as? Double ?? 1) < 0.7)
    #expect(lastWeek["toWeek"] as? Int == 12)
  }

  @Test("weak affected side and a missed check-in: imbalance and missed-checkin, both clearing")
  func imbalanceAndMissedCheckin() throws {
    let scenario = try CLIScenario()
    defer { scenario.cleanUp() }
    try scenario.check(weeks: 1...12)
    for week in 1...12 where week != 6 {
      // Function improves by its MCID, so neither plateau nor referral applies.
      try scenario.checkin(
        week: week, function: week >= 3 ? 65 : 50, faam: week >= 3 ? 70 : 60,
        heelRaises: week <= 10 ? (12, 20) : (19, 20))
    }
    // R-FLAG-LSI is judged from week 4 on.
    #expect(try scenario.flags(asOf: CLIScenario.day(week: 3, 6)).isEmpty)

    let week4 = try scenario.flags(asOf: CLIScenario.day(week: 4))
    #expect(Set(week4.keys) == ["imbalance"])
    let imbalance = try #require(week4["imbalance"]?["evidence"] as? [String: Any])
    let symmetry = try #require(imbalance["symmetry"] as? [String: Any])
    let heel = try #require(symmetry["heel-raises"] as? [String: Any])
    let readings = try #require(heel["checkins"] as? [[String: Any]])
    #expect(readings.map { $0["lsi"] as? Double } == [60, 60])
    #expect(readings.last?["left"] as? Double == 12)
    #expect(readings.last?["right"] as? Double == 20)
    #expect(heel["threshold"] as? Double == 90)

    let week7 = try scenario.flags(asOf: CLIScenario.day(week: 7, 2))
    #expect(Set(week7.keys) == ["imbalance", "missed-checkin"])
    let missed = try #require(week7["missed-checkin"]?["evidence"] as? [String: Any])
    let weeks = try #require(missed["missedWeeks"] as? [[String: Any]])
    #expect(weeks.map { $0["programmeWeek"] as? Int } == [6])

    // The rule needs both of the last two check-ins below 90 %: one at 95 % clears it.
    #expect(Set(try scenario.flags(asOf: CLIScenario.day(week: 10, 6)).keys).contains("imbalance"))
    #expect(Set(try scenario.flags(asOf: CLIScenario.day(week: 11)).keys) == ["missed-checkin"])
    #expect(Set(try scenario.flags(asOf: CLIScenario.day(week: 13)).keys) == ["missed-checkin"])

    // Back-filling week 6 clears the missed check-in.
    try scenario.checkin(week: 6, offset: 3, function: 65, faam: 70, heelRaises: (12, 20))
    #expect(try scenario.flags(asOf: CLIScenario.day(week: 13)).isEmpty)
  }

  @Test("pain rising after the baseline: worsening, with a lighter load suggested")
  func worsening() throws {
    let scenario = try CLIScenario()
    defer { scenario.cleanUp() }
    try scenario.check(weeks: 1...4)
    try scenario.checkin(week: 1, pain: 3)
    try scenario.checkin(week: 2, pain: 6)
    #expect(try scenario.flags(asOf: CLIScenario.day(week: 2, 3)).isEmpty)  // one check-in only
    try scenario.checkin(week: 3, pain: 6)
    let flags = try scenario.flags(asOf: CLIScenario.day(week: 3, 3))
    #expect(Set(flags.keys) == ["worsening"])
    let flag = try #require(flags["worsening"])
    #expect(flag["rule"] as? String == "R-FLAG-WORSE")
    #expect(flag["since"] as? String == "\(CLIScenario.day(week: 3))")
    #expect((flag["message"] as? String ?? "").contains("lighter load"))
    let evidence = try #require(flag["evidence"] as? [String: Any])
    let pain = try #require((evidence["measures"] as? [String: Any])?["pain"] as? [String: Any])
    #expect(pain["baseline"] as? Double == 3)
    let readings = try #require(pain["checkins"] as? [[String: Any]])
    #expect(readings.map { $0["value"] as? Double } == [4.5, 6])  // 2-week rolling means

    // Pain settles: the rolling mean (6 and 1) falls back within the MDC and the flag clears.
    try scenario.checkin(week: 4, pain: 1)
    let later = try scenario.flags(asOf: CLIScenario.day(week: 4, 1))
    #expect(later["worsening"] == nil)
    #expect(later["plateau"] != nil)  // week 4, flat since baseline on the smoothed pain
  }

  @Test("week --json: the docs/PRODUCT.md shape, adherence null before anything is scheduled")
  func weekJSON() throws {
    let scenario = try CLIScenario()
    defer { scenario.cleanUp() }
    try scenario.check(weeks: 1...1) { $0 != 1 }
    try scenario.checkin(week: 1, heelRaises: (12, 20))
    let week = try scenario.json(["week", "--date", "2026-12-02"])
    #expect(week["week"] as? String == "2026-W49")
    #expect(week["programmeWeek"] as? Int == 1)
    let adherence = try #require(week["adherence"] as? Double)
    #expect(adherence > 0 && adherence < 1)
    #expect(week["adherenceLabel"] as? String == "self-reported")
    let days = try #require(week["days"] as? [[String: Any]])
    #expect(days.map { $0["date"] as? String } == (0..<7).map { "\(CLIScenario.day(week: 1, $0))" })
    #expect(
      days.map { $0["standing"] as? String } == ["past", "past", "today"]
        + Array(repeating: "upcoming", count: 4))
    #expect(days[3]["adherence"] is NSNull)
    let treatments = try #require(week["treatments"] as? [[String: Any]])
    #expect(
      treatments.contains { $0["id"] as? String == "calf-stretch" && $0["adherence"] is Double })
    let measures = try #require(week["measures"] as? [String: Any])
    #expect(Set(measures.keys) == ["pain", "sane", "faam-adl", "heel-raises", "balance"])
    let heel = try #require(measures["heel-raises"] as? [String: Any])
    #expect(heel["lsi"] as? Double == 60)
    #expect(heel["lsiOK"] as? Bool == false)
    #expect(heel["mcid"] as? Double == 6)
    #expect((heel["baseline"] as? [String: Any])?["judged"] as? Double == 12)
    #expect(week["flags"] is [Any])

    let before = try scenario.json(["week", "--date", "2026-11-29"])
    #expect(before["week"] as? String == "2026-W48")
    #expect(before["adherence"] is NSNull)
    #expect(before["programmeWeek"] is NSNull)

    let text = try scenario.run(["week", "--date", "2026-12-02"]).stdout
    #expect(text.contains("Week 2026-W49"))
    #expect(text.contains("Adherence (self-reported)"))
    #expect(text.contains("convention"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test("without a programme, week and flags fail in one line and write nothing")
  func noProgramme() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    for command in ["week", "flags"] {
      let result = try RehabitBinary.run([command, "--json", "--data-dir", data.path])
      #expect(result.status != 0)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.split(separator: "\n").count == 1)
      #expect(result.stderr.contains("rehabit init"))
    }
    let badDate = try RehabitBinary.run(["flags", "--date", "2026-13-01", "--data-dir", data.path])
    #expect(badDate.status == 64)
    #expect(data.snapshot().isEmpty)
  }
}
