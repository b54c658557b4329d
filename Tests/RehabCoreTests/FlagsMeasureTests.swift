import RehabTestSupport
import Testing

@testable import RehabCore

@Suite("Measures: baseline, change, rolling mean and limb symmetry")
struct FlagsMeasureTests {
  @Test(
    "R-LSI: affected ÷ unaffected × 100; both affected: weaker ÷ stronger",
    arguments: [
      (Side.left, 12.0, 20.0, 60.0),
      (Side.right, 12.0, 20.0, 20.0 / 12.0 * 100),
      (Side.right, 20.0, 15.0, 75.0),
      (Side.both, 20.0, 12.0, 60.0),
      (Side.both, 12.0, 20.0, 60.0),
    ])
  func symmetryIndex(affected: Side, left: Double, right: Double, expected: Double) {
    let index = LimbSymmetry.index(
      of: .sided(left: left, right: right), measure: .heelRaises, affected: affected)
    #expect(abs((index ?? -1) - expected) < 1e-9)
  }

  @Test("R-LSI respects direction: for a lower-is-better scale the ratio is inverted")
  func symmetryDirection() {
    // No sided measure is lower-is-better today; pain's direction stands in for one.
    let index = LimbSymmetry.index(of: .sided(left: 8, right: 4), measure: .pain, affected: .left)
    #expect(index == 50)
    let both = LimbSymmetry.index(of: .sided(left: 8, right: 4), measure: .pain, affected: .both)
    #expect(both == 50)
    #expect(
      LimbSymmetry.judgedValue(of: .sided(left: 8, right: 4), measure: .pain, affected: .both) == 8)
  }

  @Test("no LSI when the unaffected side is 0, or for a single value")
  func symmetryUndefined() {
    #expect(
      LimbSymmetry.index(of: .sided(left: 5, right: 0), measure: .balance, affected: .left) == nil)
    #expect(LimbSymmetry.index(of: .single(5), measure: .balance, affected: .left) == nil)
  }

  @Test("baseline is the first check-in; change and improvement respect direction")
  func baselineAndChange() {
    let scenario = FlagsScenario()
      .checkin(week: 1, pain: 6, sane: 40, primary: .sided(left: 10, right: 20))
      .checkin(week: 2, pain: 6, sane: 55, primary: .sided(left: 16, right: 21))
    let analysis = MeasureAnalysis(
      programme: scenario.programme,
      checkins: scenario.history.checkins(through: scenario.day(week: 3)))
    #expect(analysis.trends.map(\.measure) == [.pain, .sane, .heelRaises])
    let sane = analysis[.sane]
    #expect(sane?.baseline?.judged == 40)
    #expect(sane?.change == 15)
    #expect(sane?.improvedByMCID == true)
    let heel = analysis[.heelRaises]
    #expect(heel?.baseline?.judged == 10)  // the affected (left) side
    #expect(heel?.improvement == 6)
    #expect(heel?.improvedByMCID == true)  // R-M-HEELRAISE MCID 6, reached exactly
    #expect(heel?.latestSymmetryIndex.map { abs($0 - 16.0 / 21 * 100) < 1e-9 } == true)
    #expect(analysis.main.map(\.measure) == [.pain, .sane, .heelRaises])
  }

  @Test("R-M-PAIN: pain is judged on the mean of the check-ins of the last 14 days")
  func painRollingMean() {
    let scenario = FlagsScenario()
      .checkin(week: 1, pain: 6)
      .checkin(week: 2, pain: 4)
      .checkin(week: 3, pain: 2)
      .checkin(week: 5, pain: 3)
    let trend = MeasureAnalysis(
      programme: scenario.programme,
      checkins: scenario.history.checkins(through: scenario.day(week: 6))
    )[.pain]
    #expect(trend?.points.map(\.smoothed) == [6, 5, 3, 3])  // week 5 is 14 days after week 3
    #expect(trend?.change == -3)
    #expect(trend?.improvement == 3)
  }

  @Test(
    "R-M-PAIN MCID: 2 points or 30 % of baseline, whichever is smaller",
    arguments: [(8.0, 2.0), (5.0, 1.5), (3.0, 0.9), (0.0, 2.0)])
  func painMCID(baseline: Double, mcid: Double) {
    let scenario = FlagsScenario().checkin(week: 1, pain: baseline)
    let trend = MeasureAnalysis(
      programme: scenario.programme,
      checkins: scenario.history.checkins(through: scenario.day(week: 2))
    )[.pain]
    #expect(abs((trend?.mcid ?? -1) - mcid) < 1e-9)
  }

  @Test("the weekly series keeps each programme week's latest check-in")
  func weeklySeries() {
    // Mid-week start: a programme week spans two ISO weeks; its second check-in replaces the
    // first, in the other file.
    let scenario = FlagsScenario(start: Fixtures.day("2026-12-02"))
      .checkin(week: 1, offset: 0, sane: 40)
      .checkin(week: 1, offset: 6, sane: 45)
      .checkin(week: 2, offset: 6, sane: 50)
    let trend = MeasureAnalysis(
      programme: scenario.programme,
      checkins: scenario.history.checkins(through: scenario.day(week: 3))
    )[.sane]
    #expect(trend?.points.count == 2)
    #expect(trend?.weekly.map(\.judged) == [45, 50])
    #expect(trend?.weekly.map(\.programmeWeek) == [1, 2])
  }

  @Test("check-ins before the start or after the day judged are not this programme's")
  func checkinsCounted() {
    var scenario = FlagsScenario().checkin(week: 1, sane: 50).checkin(week: 3, sane: 70)
    let before = scenario.programme.start.adding(days: -2)
    scenario.weeks[ISOWeek(containing: before)] = ProgressWeek(
      week: ISOWeek(containing: before),
      checkins: [Checkin(day: before, values: [.sane: .single(10)], at: "2026-12-02T13:00:00Z")])
    let checkins = scenario.history.checkins(through: scenario.day(week: 2))
    #expect(checkins.map(\.day) == [scenario.day(week: 1)])
  }

  @Test("R-LSI-OK: resolved when every sided measure's latest LSI is at least 90 %")
  func symmetryResolved() {
    func resolved(_ left: Double, _ right: Double) -> Bool? {
      let scenario = FlagsScenario().checkin(week: 1, primary: .sided(left: left, right: right))
      return MeasureAnalysis(
        programme: scenario.programme,
        checkins: scenario.history.checkins(through: scenario.day(week: 2))
      ).symmetryResolved
    }
    #expect(resolved(18, 20) == true)
    #expect(resolved(17, 20) == false)
    let noSided = FlagsScenario(primary: .sane).checkin(week: 1, primary: nil)
    #expect(
      MeasureAnalysis(
        programme: noSided.programme,
        checkins: noSided.history.checkins(through: noSided.day(week: 2))
      ).symmetryResolved == nil)
  }

  @Test("numbers are never shown rounded across their threshold")
  func thresholdText() {
    #expect(FlagText.percent(0.86) == "86 %")
    #expect(FlagText.percent(0.696, threshold: 0.7) == "69.6 %")
    #expect(FlagText.percent(0.7, threshold: 0.7) == "70 %")
    #expect(FlagText.number(89.96, keepingSideOf: 90) == "89.96")
    #expect(FlagText.number(4.5) == "4.5")
    #expect(FlagText.number(0.1 + 0.2, decimals: 2) == "0.3")
    #expect(FlagText.signed(3) == "+3")
    #expect(FlagText.signed(-1.25, decimals: 2) == "-1.25")
  }

  /// `through(day)` of the whole analysis is the analysis of the check-ins up to the day, on
  /// random check-ins with measures the programme asks and others it does not.
  @Test func theAnalysisThroughADayIsThatOfItsCheckins() {
    let programme = FlagsScenario().programme
    var random = SeededRandom(state: 53)
    for _ in 0..<40 {
      var checkins: [Checkin] = []
      var day = programme.start.adding(days: random.int(0...3))
      for _ in 0..<random.int(0...12) {
        var values: [Measure: CheckinValue] = [:]
        for measure in Measure.allCases where random.chance(45) {
          values[measure] =
            measure.isSided
            ? .sided(left: Double(random.int(0...30)), right: Double(random.int(0...30)))
            : .single(Double(random.int(0...10)))
        }
        checkins.append(Checkin(day: day, values: values, at: "\(day)T20:00:00Z"))
        day = day.adding(days: random.int(1...9))
      }
      let whole = MeasureAnalysis(programme: programme, checkins: checkins)
      var judged = programme.start.adding(days: -2)
      while judged <= day.adding(days: 2) {
        let reference = MeasureAnalysis(
          programme: programme, checkins: checkins.filter { $0.day <= judged })
        #expect(whole.through(judged) == reference, "\(judged)")
        judged = judged.adding(days: 1)
      }
    }
  }
}
