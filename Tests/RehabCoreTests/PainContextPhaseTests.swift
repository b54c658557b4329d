import RehabTestSupport
import Testing

@testable import RehabCore

/// Pain on waking on the first day of a next programme is about the last day of the one
/// before (`PainContext.dayBefore`): that programme's list, its pain entries, its scheduler.
@Suite("Pain context across programmes")
struct PainContextPhaseTests {
  /// A daily stretch, 2026-10-05 to 2026-11-29; then heel raises from Monday 2026-11-30.
  let earlier = Fixtures.programme([Fixtures.stretch()], start: "2026-10-05", weeks: 8)
  let next = Fixtures.programme(
    [Fixtures.strengthening(daysPerWeek: 3)], start: "2026-11-30", weeks: 4)
  let monday = Fixtures.day("2026-11-30")
  let sunday = Fixtures.day("2026-11-29")

  @Test func withoutTheProgrammeBeforePainOnWakingOnTheFirstDayHasNoSession() {
    let context = PainContext(programme: next, day: monday, earlier: [])
    #expect(!context.canLog(.nextMorning))
    #expect(context.items(.nextMorning).isEmpty)
    #expect(context.record(level: 6, timing: .nextMorning, itemId: nil, at: "") == nil)
    #expect(context.canLog(.during))
  }

  @Test func withItPainOnWakingIsFiledAndJudgedWithTheProgrammeBefore() throws {
    let sessionPain = PainEntry(day: sunday, level: 7, timing: .during)
    let context = PainContext(
      programme: next, day: monday, earlier: [],
      dayBefore: PainContext.Sessions(programme: earlier, earlier: [sessionPain]))
    #expect(context.canLog(.nextMorning))
    #expect(context.programme(.nextMorning) == earlier)
    #expect(context.programme(.during) == next)
    let items = context.items(.nextMorning)
    #expect(items == Scheduler(programme: earlier).checklist(for: sunday))
    #expect(items.map(\.treatmentId) == ["calf-stretch"])
    let item = try #require(items.first)
    let record = try #require(
      context.record(level: 6, timing: .nextMorning, itemId: item.id, at: ""))
    #expect(record.day == monday)
    #expect(record.treatmentId == "calf-stretch")
    // Judged against Sunday's pain, which only the programme before holds.
    let consequence = context.consequence(of: record)
    #expect(consequence.sessionDay == sunday)
    #expect(consequence.verdict == .notHigherThanSessionDay(highest: 7))
    // Pain during the first day's session stays this programme's.
    #expect(context.items(.during) == Scheduler(programme: next).checklist(for: monday))
    #expect(context.record(level: 6, timing: .during, itemId: item.id, at: "") == nil)
  }
}
