import RehabTestSupport
import Testing

@testable import RehabCore

/// The shortcuts taken for speed (issue 7) give exactly what the plain paths give: the
/// byte-wise item-id parser and the since-day walk that judges
/// once per state instead of once per day. (The one-pass week reader and the cheap
/// consistency check, on random weeks, are in RehabStoreTests: `WeekReaderTests`.)
@Suite("performance paths agree with the plain ones")
struct PerformancePathTests {
  typealias Random = SeededRandom

  @Test("item ids: the byte-wise parser gives the Character-wise parts")
  func idParserMatchesCharacterSplit() {
    func reference(_ id: String) -> (day: CalendarDay, treatmentId: String)? {
      let parts = id.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 3 || parts.count == 4, let day = CalendarDay(String(parts[0])) else {
        return nil
      }
      return (day, String(parts[1]))
    }
    var random = Random(state: 5)
    let pieces = [
      "2026-12-02", "2026-02-30", "2026-1-02", ".", ".", "..", "calf", "heel-drops", "left",
      "2", "", "é", ".\u{301}", "\r\n", "x y", "🦶",
    ]
    for _ in 0..<3_000 {
      let id = (0..<random.int(1...7)).map { _ in random.pick(pieces) }.joined()
      let parsed = ChecklistItem.parseID(id)
      let expected = reference(id)
      #expect(parsed?.day == expected?.day && parsed?.treatmentId == expected?.treatmentId, "\(id)")
    }
  }

  @Test("item ids are built as the interpolation built them")
  func idBuilderMatchesInterpolation() {
    var random = Random(state: 19)
    for _ in 0..<2_000 {
      let day = CalendarDay(daysSinceEpoch: random.int(-800_000...3_000_000))
      let treatment = random.pick(["calf-stretch", "", "é-x", "🦶", "a.b", "t1"])
      let side = random.pick([Side.left, .right, .both])
      let occurrence = random.int(0...12)
      let base = "\(day).\(treatment).\(side.rawValue)"
      #expect(
        ChecklistItem.makeID(day: day, treatmentId: treatment, side: side, occurrence: occurrence)
          == (occurrence > 1 ? "\(base).\(occurrence)" : base))
    }
  }

  @Test("days print as yyyy-MM-dd, zero padded, as the padding code printed them")
  func dayDescriptionMatchesPadding() {
    func reference(_ day: CalendarDay) -> String {
      func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
      }
      return "\(pad(day.year, 4))-\(pad(day.month, 2))-\(pad(day.day, 2))"
    }
    var random = Random(state: 17)
    for _ in 0..<3_000 {
      let day = CalendarDay(daysSinceEpoch: random.int(-800_000...3_000_000))
      #expect(day.description == reference(day))
    }
  }

  /// A random programme of 4–16 weeks with random adherence and check-ins (75 % of weeks).
  static func randomScenario(_ random: inout Random) -> (weeks: Int, scenario: FlagsScenario) {
    let weeks = random.int(4...16)
    var scenario = FlagsScenario(
      weeks: weeks, primary: random.pick([.heelRaises, .faamADL, .sane]))
    var done: [Int: Int] = [:]
    for week in 1...weeks { done[week] = random.int(0...10) }
    scenario = scenario.adherence(done)
    for week in 1...weeks where random.chance(75) {
      let primary: CheckinValue =
        scenario.programme.plan.checkin.primary.isSided
        ? .sided(left: Double(random.int(5...30)), right: Double(random.int(15...30)))
        : .single(Double(random.int(40...90)))
      scenario = scenario.checkin(
        week: week, offset: random.int(0...6), pain: Double(random.int(0...8)),
        sane: Double(random.int(20...90)), primary: primary)
    }
    return (weeks, scenario)
  }

  @Test("since-days judged once per state equal since-days judged every day")
  func sinceDaysMatchJudgingEveryDay() {
    var random = Random(state: 13)
    var compared = 0
    for _ in 0..<40 {
      let (weeks, scenario) = Self.randomScenario(&random)
      for _ in 0..<3 {
        let asOf = scenario.programme.start.adding(days: random.int(0...(weeks * 7 + 20)))
        let engine = FlagEngine(history: scenario.history, asOf: asOf)
        let kinds = Set(engine.flags.map(\.kind))
        guard !kinds.isEmpty else { continue }
        #expect(
          engine.sinceDays(of: kinds) == engine.sinceDays(of: kinds, judgingEveryDay: true),
          "\(weeks) weeks as of \(asOf)")
        compared += 1
      }
    }
    #expect(compared > 30)
  }

  @Test("a ledger laid out on asking equals one laid out at once, day by day and in its flags")
  func ledgerLaidOutOnAskingMatchesLayingOutEveryDay() {
    var random = Random(state: 17)
    var flagged = 0
    for _ in 0..<40 {
      let (weeks, scenario) = Self.randomScenario(&random)
      for _ in 0..<3 {
        let asOf = scenario.programme.start.adding(days: random.int(-3...(weeks * 7 + 20)))
        let full = FlagEngine(history: scenario.history, asOf: asOf, layingOutEveryDay: true)
        let lazy = FlagEngine(history: scenario.history, asOf: asOf)
        #expect(lazy.flags == full.flags, "\(weeks) weeks as of \(asOf)")
        #expect(lazy.currentKinds == full.flags.map(\.kind))
        #expect(lazy.ledger.cumulative == full.ledger.cumulative)
        for offset in -2..<(weeks * 7 + 2) {
          let day = scenario.programme.start.adding(days: offset)
          #expect(lazy.ledger.day(day) == full.ledger.day(day), "\(day) as of \(asOf)")
        }
        let all = (0..<(weeks * 7)).map { scenario.programme.start.adding(days: $0) }
        #expect(lazy.ledger.treatments(on: all) == full.ledger.treatments(on: all))
        if !full.flags.isEmpty { flagged += 1 }
      }
    }
    #expect(flagged > 30)
  }

  @Test("item ids without doses are the checklist's ids, with pain or without")
  func itemIdsMatchTheChecklist() {
    let scenario = FlagsScenario(weeks: 6)
    let scheduler = Scheduler(programme: scenario.programme)
    let pain = [PainEntry(day: scenario.day(week: 1, 2), level: 8, timing: .during)]
    for offset in -2..<(6 * 7 + 2) {
      let day = scenario.programme.start.adding(days: offset)
      #expect(Set(scheduler.itemIds(for: day)) == Set(scheduler.checklist(for: day).map(\.id)))
      #expect(
        scheduler.itemIds(for: day).count == scheduler.checklist(for: day, pain: pain).count)
    }
  }
}
