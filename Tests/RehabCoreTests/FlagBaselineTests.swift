import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore

/// R-FLAG-BASELINE: `plateau` and `see-specialist` wait for enough weeks of measurements after
/// the baseline (the programme's first check-in), and say what is missing meanwhile.
@Suite("Flag baseline")
struct FlagBaselineTests {
  /// Weeks of measurements of a history as of `day`, counted from the check-ins themselves
  /// (not from the engine's evidence).
  static func weeksOfMeasurements(_ scenario: FlagsScenario, asOf day: CalendarDay) -> Int? {
    let days = scenario.history.checkins(through: day).map(\.day)
    guard let first = days.min(), let last = days.max(),
      let firstWeek = scenario.programme.programmeWeek(of: first),
      let lastWeek = scenario.programme.programmeWeek(of: last)
    else { return nil }
    return lastWeek - firstWeek
  }

  @Test("a baseline in week 3 raises no plateau at the end of week 4; it says what is missing")
  func lateBaselinePlateau() throws {
    let s = FlagsScenario()
    let scenario = s.fullyDone(1...7).flatCheckins(3...7)
    let asOf = s.day(week: 4, 6)
    #expect(!scenario.kinds(asOf: asOf).contains(.plateau))
    let pending = FlagEngine(history: scenario.history, asOf: asOf).pending
    let plateau = try #require(pending.first { $0.kind == .plateau })
    #expect(plateau.rule == "R-FLAG-BASELINE")
    #expect(plateau.weeksOfMeasurements == 1 && plateau.weeksNeeded == 3)
    #expect(plateau.baseline.day == s.day(week: 3) && plateau.baseline.programmeWeek == 3)
    #expect(plateau.judgeableFromWeek == 6)
    #expect(plateau.message.contains("programme week 6"))
    let json = String(decoding: try JSONCoding.encoder.encode(pending), as: UTF8.self)
    #expect(
      json.contains("\"weeksNeeded\" : 3") && json.contains("\"flagRule\" : \"R-FLAG-PLATEAU\""))
    // Week 6's check-in makes three weeks: raised, naming its baseline.
    let raised = try #require(scenario.flag(.plateau, asOf: s.day(week: 6, 1)))
    #expect(raised.evidence.baseline?.day == s.day(week: 3))
    #expect(raised.evidence.baseline?.programmeWeek == 3)
    #expect(FlagEngine(history: scenario.history, asOf: s.day(week: 6, 1)).pending.isEmpty)
  }

  @Test("a first check-in in week 11 raises no see-specialist after one week of measurements")
  func lateBaselineReferral() throws {
    let s = FlagsScenario(weeks: 14)
    let scenario = s.fullyDone(1...14).flatCheckins(11...12)
    let asOf = s.day(week: 13)
    let kinds = scenario.kinds(asOf: asOf)
    #expect(!kinds.contains(.seeSpecialist) && !kinds.contains(.plateau))
    let pending = FlagEngine(history: scenario.history, asOf: asOf).pending
    #expect(Set(pending.map(\.kind)) == [.seeSpecialist, .plateau])
    #expect(pending.first { $0.kind == .seeSpecialist }?.weeksNeeded == 8)
    // Every flag raised names the baseline.
    for flag in scenario.flags(asOf: asOf) {
      #expect(flag.evidence.baseline?.programmeWeek == 11, "\(flag.kind)")
    }
  }

  @Test(
    "plateau and see-specialist never fire with fewer weeks of measurements, and do with enough")
  func randomHistories() throws {
    var random = SeededRandom(state: 0xBA5E_11E5)
    var gated = 0
    var held = 0
    for round in 0..<150 {
      let weeks = random.int(12...16)
      let s = FlagsScenario(weeks: weeks)
      var scenario = s.fullyDone(1...weeks)
      let first = random.int(1...weeks)
      for week in first...weeks where week == first || random.chance(70) {
        scenario = scenario.checkin(
          week: week, offset: random.int(0...6), pain: Double(random.int(3...5)),
          sane: Double(random.pick([50, 52, 55])))
      }
      for _ in 0..<4 {
        let asOf = s.day(week: random.int(1...weeks), random.int(0...6))
        let engine = FlagEngine(history: scenario.history, asOf: asOf)
        let flags = engine.flags
        let have = Self.weeksOfMeasurements(scenario, asOf: asOf) ?? -1
        for flag in flags {
          if let needed = FlagBaseline.weeksNeeded(for: flag.kind) {
            gated += 1
            #expect(have >= needed, "round \(round): \(flag.kind) with \(have) weeks as of \(asOf)")
          }
          #expect(flag.evidence.baseline?.weeksOfMeasurements == (have < 0 ? nil : have))
        }
        for pending in engine.pending {
          held += 1
          #expect(pending.weeksOfMeasurements == have && have < pending.weeksNeeded)
          #expect(!flags.contains { $0.kind == pending.kind })
        }
      }
    }
    // The histories reach both sides of the rule.
    #expect(gated > 0 && held > 0, "raised \(gated), held back \(held)")
  }

  @Test("with flat weekly check-ins from a random baseline week, each fires once it has enough")
  func firesOnceEnough() throws {
    var random = SeededRandom(state: 0x0F1A_75)
    for _ in 0..<20 {
      let weeks = 16
      let s = FlagsScenario(weeks: weeks)
      let baselineWeek = random.int(1...6)
      let scenario = s.fullyDone(1...weeks).flatCheckins(baselineWeek...weeks)
      // Plateau: judged from week 4, once the latest check-in is 3 weeks after the baseline.
      let plateauWeek = max(FlagThresholds.defaults.plateauFromWeek, baselineWeek + 3)
      #expect(scenario.kinds(asOf: s.day(week: plateauWeek)).contains(.plateau), "\(baselineWeek)")
      if baselineWeek + 2 >= FlagThresholds.defaults.plateauFromWeek {
        #expect(!scenario.kinds(asOf: s.day(week: baselineWeek + 2, 6)).contains(.plateau))
      }
      // See-specialist: after 12 completed weeks, once 8 weeks of measurements.
      let referralWeek = max(13, baselineWeek + 8)
      #expect(
        scenario.kinds(asOf: s.day(week: referralWeek)).contains(.seeSpecialist),
        "\(baselineWeek)")
      if baselineWeek + 7 >= 13 {
        #expect(
          !scenario.kinds(asOf: s.day(week: baselineWeek + 7, 6)).contains(.seeSpecialist))
      }
    }
  }
}
