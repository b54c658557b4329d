import Foundation
import Testing

@testable import RehabCore

/// One scenario of the flag tables: records, the day judged and what must (not) be raised.
struct FlagCase: CustomTestStringConvertible, Sendable {
  let name: String
  let scenario: FlagsScenario
  let asOf: CalendarDay
  let kind: ProgressFlag.Kind

  var testDescription: String { name }
}

/// Flat, adherent, symmetric records: no flag of their own up to week `through`.
private func steady(_ through: Int, weeks: Int = 14, primary: Measure = .heelRaises)
  -> FlagsScenario
{
  FlagsScenario(weeks: weeks, primary: primary).fullyDone(1...through).flatCheckins(1...through)
}

private let s = FlagsScenario()

@Suite("Flag engine")
struct FlagsEngineTests {
  // MARK: Each flag raised

  static let raising: [FlagCase] = [
    FlagCase(
      name: "R-ADH-LOW: last completed week 6 of 10 items",
      scenario: steady(3).adherence([3: 6]), asOf: s.day(week: 4), kind: .lowAdherence),
    FlagCase(
      name: "R-ADH-LOW: review window 20 of 30 though the last week was 8 of 10",
      scenario: steady(3).adherence([1: 6, 2: 6, 3: 8]), asOf: s.day(week: 4),
      kind: .lowAdherence),
    FlagCase(
      name: "R-FLAG-PLATEAU: week 4, adherent, flat measures",
      scenario: steady(4), asOf: s.day(week: 4), kind: .plateau),
    FlagCase(
      name: "R-FLAG-PLATEAU: SANE up 9 (under its MCID and MDC of 10)",
      scenario: steady(3).checkin(week: 4, sane: 59), asOf: s.day(week: 4), kind: .plateau),
    FlagCase(
      name: "R-FLAG-WORSE: SANE 10 below baseline (its MDC) twice",
      scenario: steady(1, weeks: 8).checkin(week: 1, sane: 60).checkin(week: 2, sane: 50)
        .checkin(week: 3, sane: 50),
      asOf: s.day(week: 3), kind: .worsening),
    FlagCase(
      name: "R-FLAG-WORSE: pain 3 → 5, 5 (rolling means 4 and 5)",
      scenario: steady(1).checkin(week: 1, pain: 3).checkin(week: 2, pain: 5)
        .checkin(week: 3, pain: 5),
      asOf: s.day(week: 3), kind: .worsening),
    FlagCase(
      name: "R-FLAG-LSI: heel raises 12 vs 20 in the last two check-ins, week 4",
      scenario: steady(4).checkin(week: 3, primary: .sided(left: 12, right: 20))
        .checkin(week: 4, primary: .sided(left: 12, right: 20)),
      asOf: s.day(week: 4), kind: .imbalance),
    FlagCase(
      name: "R-FLAG-LSI: both sides affected, weaker ÷ stronger 60 %",
      scenario: FlagsScenario(affected: .both).fullyDone(1...4)
        .flatCheckins(1...4, primary: .sided(left: 20, right: 12)),
      asOf: s.day(week: 4), kind: .imbalance),
    FlagCase(
      name: "R-FLAG-REFER: 12 weeks adherent, no main measure improved by its MCID",
      scenario: steady(12), asOf: s.day(week: 13), kind: .seeSpecialist),
    FlagCase(
      name: "missed-checkin: week 2 without a check-in",
      scenario: FlagsScenario().fullyDone(1...3).checkin(week: 1).checkin(week: 3),
      asOf: s.day(week: 3, 1), kind: .missedCheckin),
  ]

  @Test("each flag is raised by a scenario that meets its rule", arguments: raising)
  func raised(_ testCase: FlagCase) throws {
    let flag = try #require(testCase.scenario.flag(testCase.kind, asOf: testCase.asOf))
    #expect(flag.rule == testCase.kind.rule)
    #expect(flag.id == testCase.kind.rawValue)
    #expect(flag.since <= testCase.asOf)
    #expect(!flag.message.isEmpty)
  }

  // MARK: Just under each threshold

  static let notRaising: [FlagCase] = [
    FlagCase(
      name: "R-ADH-LOW: last week exactly 7 of 10 (70 %)",
      scenario: steady(3).adherence([3: 7]), asOf: s.day(week: 4), kind: .lowAdherence),
    FlagCase(
      name: "R-ADH-LOW: window 22 of 30 (73 %) with weeks of 7, 7, 8",
      scenario: steady(3).adherence([1: 7, 2: 7, 3: 8]), asOf: s.day(week: 4),
      kind: .lowAdherence),
    FlagCase(
      name: "R-ADH-LOW: the week is not over yet (its last day)",
      scenario: steady(3).adherence([3: 2]), asOf: s.day(week: 3, 6), kind: .lowAdherence),
    FlagCase(
      name: "R-FLAG-PLATEAU: still week 3", scenario: steady(4), asOf: s.day(week: 3, 6),
      kind: .plateau),
    FlagCase(
      name: "R-FLAG-PLATEAU: SANE up 10, its MCID",
      scenario: steady(3).checkin(week: 4, sane: 60), asOf: s.day(week: 4), kind: .plateau),
    FlagCase(
      name: "R-FLAG-PLATEAU: knee-to-wall up 1.6 cm, its MDC, over the window (MCID 1.9 not met)",
      scenario: steady(3, primary: .kneeToWall)
        .flatCheckins(1...3, primary: .sided(left: 10, right: 10))
        .checkin(week: 4, primary: .sided(left: 11.6, right: 10)),
      asOf: s.day(week: 4), kind: .plateau),
    FlagCase(
      name: "R-FLAG-PLATEAU: review window 20 of 30 (insufficient dose instead)",
      scenario: steady(4).adherence([1: 7, 2: 7, 3: 6]), asOf: s.day(week: 4), kind: .plateau),
    FlagCase(
      name: "R-FLAG-WORSE: SANE 9 below baseline twice (MDC 10)",
      scenario: steady(1).checkin(week: 1, sane: 60).checkin(week: 2, sane: 51)
        .checkin(week: 3, sane: 51),
      asOf: s.day(week: 3), kind: .worsening),
    FlagCase(
      name: "R-FLAG-WORSE: only the latest check-in is worse",
      scenario: steady(1).checkin(week: 1, sane: 60).checkin(week: 2, sane: 55)
        .checkin(week: 3, sane: 50),
      asOf: s.day(week: 3), kind: .worsening),
    FlagCase(
      name: "R-FLAG-WORSE: pain 3 → 4, 4 (rolling means 3.5 and 4, MDC 1 not met twice)",
      scenario: steady(1).checkin(week: 1, pain: 3).checkin(week: 2, pain: 4)
        .checkin(week: 3, pain: 4),
      asOf: s.day(week: 3), kind: .worsening),
    FlagCase(
      name: "R-FLAG-LSI: LSI exactly 90 %",
      scenario: steady(4).flatCheckins(1...4, primary: .sided(left: 18, right: 20)),
      asOf: s.day(week: 4), kind: .imbalance),
    FlagCase(
      name: "R-FLAG-LSI: only the latest check-in below 90 %",
      scenario: steady(4).checkin(week: 3, primary: .sided(left: 19, right: 20))
        .checkin(week: 4, primary: .sided(left: 12, right: 20)),
      asOf: s.day(week: 4), kind: .imbalance),
    FlagCase(
      name: "R-FLAG-LSI: LSI 60 % but still week 3",
      scenario: steady(3).flatCheckins(1...3, primary: .sided(left: 12, right: 20)),
      asOf: s.day(week: 3, 6), kind: .imbalance),
    FlagCase(
      name: "R-FLAG-REFER: the last day of week 12 (11 weeks completed)",
      scenario: steady(12), asOf: s.day(week: 12, 6), kind: .seeSpecialist),
    FlagCase(
      name: "R-FLAG-REFER: SANE up 10 (its MCID) after 12 weeks",
      scenario: steady(12).checkin(week: 12, sane: 60), asOf: s.day(week: 13),
      kind: .seeSpecialist),
    FlagCase(
      name: "R-FLAG-REFER: 12 weeks at 69 % adherence (insufficient dose instead)",
      scenario: steady(12).adherence(Dictionary(uniqueKeysWithValues: (1...12).map { ($0, 7) }))
        .adherence([12: 6]),
      asOf: s.day(week: 13), kind: .seeSpecialist),
    FlagCase(
      name: "missed-checkin: the current week may still get its check-in",
      scenario: FlagsScenario().fullyDone(1...3).checkin(week: 1).checkin(week: 2),
      asOf: s.day(week: 3, 6), kind: .missedCheckin),
  ]

  @Test("no flag just under its threshold", arguments: notRaising)
  func notRaised(_ testCase: FlagCase) {
    #expect(!testCase.scenario.kinds(asOf: testCase.asOf).contains(testCase.kind))
  }

  @Test("steady, adherent, symmetric records raise nothing before week 4")
  func quietStart() {
    let scenario = steady(4)
    for offset in 0..<21 {
      #expect(scenario.kinds(asOf: s.programme.start.adding(days: offset)).isEmpty)
    }
  }

  // MARK: Low adherence never judges the treatment

  @Test("R-ADH-LOW with flat measures: low-adherence, never plateau or see-specialist")
  func lowAdherenceSuppresses() throws {
    let lowWeeks = Dictionary(uniqueKeysWithValues: (1...12).map { ($0, 5) })
    let scenario = steady(12).adherence(lowWeeks)
    for week in 4...13 {
      let kinds = scenario.kinds(asOf: s.day(week: week))
      #expect(kinds.contains(.lowAdherence))
      #expect(!kinds.contains(.plateau))
      #expect(!kinds.contains(.seeSpecialist))
    }
    let flag = try #require(scenario.flag(.lowAdherence, asOf: s.day(week: 5)))
    #expect(flag.message.hasPrefix("Insufficient dose"))
    #expect(flag.message.contains("50 %"))
    #expect(flag.message.contains("70 %"))
    #expect(flag.message.contains("self-reported"))
    for word in ["fail", "not working", "doesn't work"] {
      #expect(!flag.message.lowercased().contains(word))
    }
    #expect(flag.evidence.adherence?.threshold == 0.7)
    #expect(flag.evidence.adherence?.lastWeek?.tally == AdherenceTally(scheduled: 10, done: 5))
    #expect(flag.evidence.adherence?.reviewWindow?.weeks == 2...4)
    #expect(flag.since == s.day(week: 2))
  }

  // MARK: Recovery clears

  /// (name, records while raised, judged on, records after recovery, judged on, flag).
  static let recoveries:
    [(String, FlagsScenario, CalendarDay, FlagsScenario, CalendarDay, ProgressFlag.Kind)] = [
      (
        "worsening clears when the next check-in is back near baseline",
        steady(1).checkin(week: 1, sane: 60).checkin(week: 2, sane: 50).checkin(week: 3, sane: 50),
        s.day(week: 3),
        steady(1).checkin(week: 1, sane: 60).checkin(week: 2, sane: 50).checkin(week: 3, sane: 50)
          .checkin(week: 4, sane: 58),
        s.day(week: 4), .worsening
      ),
      (
        "low adherence clears once the window's weeks are done",
        steady(5).adherence([1: 5, 2: 5]), s.day(week: 4),
        steady(5).adherence([1: 5, 2: 5]), s.day(week: 5), .lowAdherence
      ),
      (
        "imbalance clears once the LSI is back to 90 % twice",
        steady(6).flatCheckins(1...4, primary: .sided(left: 12, right: 20)), s.day(week: 4),
        steady(6).flatCheckins(1...4, primary: .sided(left: 12, right: 20))
          .flatCheckins(5...6, primary: .sided(left: 19, right: 20)),
        s.day(week: 6), .imbalance
      ),
      (
        "missed-checkin clears when the week is back-filled",
        FlagsScenario().fullyDone(1...3).checkin(week: 1).checkin(week: 3), s.day(week: 3, 1),
        FlagsScenario().fullyDone(1...3).checkin(week: 1).checkin(week: 3).checkin(
          week: 2, offset: 5),
        s.day(week: 3, 1), .missedCheckin
      ),
      (
        "plateau clears once SANE improves by its MCID",
        steady(5), s.day(week: 5), steady(5).checkin(week: 5, sane: 60), s.day(week: 5), .plateau
      ),
      (
        "worsening of pain clears as the rolling mean comes back",
        steady(1).checkin(week: 1, pain: 3).checkin(week: 2, pain: 5).checkin(week: 3, pain: 5),
        s.day(week: 3),
        steady(1).checkin(week: 1, pain: 3).checkin(week: 2, pain: 5).checkin(week: 3, pain: 5)
          .checkin(week: 4, pain: 2),
        s.day(week: 4), .worsening
      ),
    ]

  @Test("flags clear by themselves when the data no longer supports them")
  func recoveryClears() {
    for (name, before, raisedOn, after, clearedOn, kind) in FlagsEngineTests.recoveries {
      #expect(before.kinds(asOf: raisedOn).contains(kind), "\(name): raised before")
      #expect(!after.kinds(asOf: clearedOn).contains(kind), "\(name): cleared")
    }
  }

  @Test("low adherence recovering over time: raised in weeks 3–4, gone from week 5")
  func lowAdherenceRecoversOverTime() {
    let scenario = steady(5).adherence([1: 5, 2: 5])
    #expect(scenario.kinds(asOf: s.day(week: 3)).contains(.lowAdherence))  // week 2: 50 %
    #expect(scenario.kinds(asOf: s.day(week: 4)).contains(.lowAdherence))  // weeks 1–3: 67 %
    #expect(!scenario.kinds(asOf: s.day(week: 5)).contains(.lowAdherence))  // weeks 2–4: 83 %
    #expect(!scenario.kinds(asOf: s.day(week: 6)).contains(.lowAdherence))
  }

  // MARK: see-specialist

  @Test("R-FLAG-REFER is never raised before 12 weeks of care, whatever the data")
  func referralNeverEarly() {
    let scenarios = [
      steady(12),
      steady(12).flatCheckins(1...12, pain: 9, sane: 10),
      steady(12).checkin(week: 1, sane: 80),
    ]
    for scenario in scenarios {
      for offset in 0..<84 {
        let day = s.programme.start.adding(days: offset)
        #expect(!scenario.kinds(asOf: day).contains(.seeSpecialist), "day \(day)")
      }
      #expect(scenario.kinds(asOf: s.day(week: 13)).contains(.seeSpecialist))
    }
  }

  @Test("R-FLAG-REFER waits for a longer referral period set in the programme file")
  func referralThreshold() {
    var thresholds = FlagThresholds.defaults
    thresholds.referralAfterWeeks = 14
    let scenario = FlagsScenario(weeks: 16, thresholds: thresholds).fullyDone(1...14)
      .flatCheckins(1...14)
    #expect(!scenario.kinds(asOf: s.day(week: 13)).contains(.seeSpecialist))
    #expect(!scenario.kinds(asOf: s.day(week: 14, 6)).contains(.seeSpecialist))
    #expect(scenario.kinds(asOf: s.day(week: 15)).contains(.seeSpecialist))
  }

  @Test("an 8-week programme never reaches 12 weeks of care")
  func shortProgrammeNeverRefers() {
    let scenario = FlagsScenario(weeks: 8).fullyDone(1...8).flatCheckins(1...8)
    #expect(!scenario.kinds(asOf: scenario.programme.end.adding(days: 60)).contains(.seeSpecialist))
    #expect(scenario.kinds(asOf: scenario.programme.end.adding(days: 1)).contains(.plateau))
  }

  @Test("the referral message: conservative care, a specialist, surgery, the disclaimer")
  func referralMessage() throws {
    let flag = try #require(steady(12).flag(.seeSpecialist, asOf: s.day(week: 13)))
    #expect(flag.rule == "R-FLAG-REFER")
    #expect(flag.message.contains("Conservative care may not be enough"))
    #expect(flag.message.contains("specialist"))
    #expect(flag.message.contains("including surgery"))
    #expect(flag.disclaimer == SafetyText.disclaimer)
    #expect(flag.suggestsClinician)
    #expect(flag.since == s.day(week: 13))
    #expect(
      flag.evidence.adherence?.completedWeeks?.tally == AdherenceTally(scheduled: 120, done: 120))
    #expect(flag.evidence.measures.map(\.measure) == [.pain, .sane, .heelRaises])
  }

  // MARK: Evidence and since

  @Test("plateau: since the first day it could be judged, with each main measure's numbers")
  func plateauEvidence() throws {
    let flag = try #require(steady(6).flag(.plateau, asOf: s.day(week: 6, 2)))
    #expect(flag.since == s.day(week: 4))
    #expect(flag.message.contains("MCID"))
    #expect(flag.disclaimer == SafetyText.disclaimer)
    let pain = try #require(flag.evidence.measures.first { $0.measure == .pain })
    #expect(pain.baseline == 4)
    #expect(pain.latest == 4)
    #expect(abs(pain.mcid - 1.2) < 1e-9)
    #expect(pain.mdc == 1)
    #expect(pain.recentChange == 0)
    #expect(pain.recentFrom == s.day(week: 3))
    #expect(flag.evidence.adherence?.reviewWindow?.weeks == 3...5)
  }

  @Test("worsening: the two check-ins and how much worse each was")
  func worseningEvidence() throws {
    let scenario = steady(1).checkin(week: 1, sane: 60).checkin(week: 2, sane: 50)
      .checkin(week: 3, sane: 45)
    let flag = try #require(scenario.flag(.worsening, asOf: s.day(week: 3, 4)))
    #expect(flag.since == s.day(week: 3))
    let sane = try #require(flag.evidence.measures.first)
    #expect(sane.measure == .sane)
    #expect(sane.readings.map(\.worseBy) == [10, 15])
    #expect(flag.message.contains("lighter load"))
    #expect(flag.disclaimer == SafetyText.disclaimer)
  }

  @Test("imbalance: LSI and both sides' values of the last two check-ins, labelled a convention")
  func imbalanceEvidence() throws {
    let scenario = steady(5).flatCheckins(1...5, primary: .sided(left: 12, right: 20))
    let flag = try #require(scenario.flag(.imbalance, asOf: s.day(week: 5)))
    #expect(flag.since == s.day(week: 4))
    let heel = try #require(flag.evidence.symmetry.first)
    #expect(heel.measure == .heelRaises)
    #expect(heel.readings.map(\.symmetryIndex) == [60, 60])
    #expect(heel.readings.last?.left == 12)
    #expect(heel.readings.last?.right == 20)
    #expect(flag.message.contains("convention"))
    #expect(!flag.suggestsClinician)
  }

  @Test("missed-checkin lists every completed week without one")
  func missedWeeks() throws {
    let scenario = FlagsScenario().fullyDone(1...5).checkin(week: 1).checkin(week: 3)
    let flag = try #require(scenario.flag(.missedCheckin, asOf: s.day(week: 6)))
    #expect(flag.evidence.missedWeeks.map(\.programmeWeek) == [2, 4, 5])
    #expect(flag.since == s.day(week: 3))
    #expect(flag.message.contains("can't be judged"))
  }

  @Test("thresholds come from the programme: a lower adherence bar clears low-adherence")
  func thresholdOverride() {
    var thresholds = FlagThresholds.defaults
    thresholds.lowAdherence = 0.5
    let lenient = FlagsScenario(thresholds: thresholds).fullyDone(1...3).flatCheckins(1...3)
      .adherence([3: 6])
    #expect(!lenient.kinds(asOf: s.day(week: 4)).contains(.lowAdherence))
    thresholds = .defaults
    thresholds.symmetryIndexOK = 50
    let symmetric = FlagsScenario(thresholds: thresholds).fullyDone(1...4)
      .flatCheckins(1...4, primary: .sided(left: 12, right: 20))
    #expect(!symmetric.kinds(asOf: s.day(week: 4)).contains(.imbalance))
  }

  @Test("every flag that suggests a clinician carries the disclaimer, as its own field")
  func disclaimers() {
    let scenarios = FlagsEngineTests.raising
    for testCase in scenarios {
      for flag in testCase.scenario.flags(asOf: testCase.asOf) {
        let mentionsClinician =
          flag.message.contains("clinician") || flag.message.contains("specialist")
        #expect(flag.suggestsClinician == mentionsClinician, "\(flag.id)")
        #expect((flag.disclaimer == SafetyText.disclaimer) == flag.suggestsClinician)
        #expect(!flag.message.contains(SafetyText.disclaimer))
      }
    }
  }

  @Test("flags --json evidence: only the sections a flag has, numbers rounded")
  func evidenceJSON() throws {
    let flag = try #require(steady(4).flag(.plateau, asOf: s.day(week: 4)))
    #expect(flag.id == "plateau")
    #expect(flag.rule == "R-FLAG-PLATEAU")
    #expect(flag.since == s.day(week: 4))
    let data = try JSONCoding.encoder.encode(flag.evidence)
    let evidence = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(evidence.keys) == ["adherence", "measures", "baseline"])
    let baseline = try #require(evidence["baseline"] as? [String: Any])
    #expect(baseline["day"] as? String == "\(s.day(week: 1))")
    #expect(baseline["programmeWeek"] as? Int == 1)
    #expect(baseline["weeksOfMeasurements"] as? Int == 3)
    let measures = try #require(evidence["measures"] as? [String: Any])
    #expect(Set(measures.keys) == ["pain", "sane", "heel-raises"])
    let pain = try #require(measures["pain"] as? [String: Any])
    #expect(pain["mcid"] as? Double == 1.2)
    #expect(pain["rule"] as? String == "R-M-PAIN")
    let adherence = try #require(evidence["adherence"] as? [String: Any])
    #expect(adherence["label"] as? String == "self-reported")
  }
}
