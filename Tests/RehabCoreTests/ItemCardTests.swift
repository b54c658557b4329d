import RehabTestSupport
import Testing

@testable import RehabCore

/// The item card's facts: the programme week and progression step behind a dose, a hold and a
/// step down with the pain that caused them, and the last day the item was done.
@Suite("Item card")
struct ItemCardTests {
  static let programme = Fixtures.programme([Fixtures.strengthening()])
  static let scheduler = Scheduler(programme: programme)

  /// The heel-raise session days of programme week `week`, in order.
  static func sessions(inWeek week: Int) -> [CalendarDay] {
    let first = programme.firstDay(ofWeek: week)
    return (0..<7).map { first.adding(days: $0) }.filter { !scheduler.checklist(for: $0).isEmpty }
  }

  static func card(on day: CalendarDay, pain: [PainEntry] = [], weeks: [ProgressWeek] = [])
    throws -> ItemCard
  {
    let guidance = scheduler.painGuidance(pain)
    let item = try #require(scheduler.checklist(for: day, guidance: guidance).first)
    return try #require(
      ItemCard(item: item, programme: programme, guidance: guidance, weeks: weeks))
  }

  @Test func weekOneIsTheStartingDose() throws {
    let card = try Self.card(on: try #require(Self.sessions(inWeek: 1).first))
    #expect(card.basis == .progression(week: 1, firstWeek: 1, steps: 0))
    #expect(card.item.dose.text == "3 × 10")
    #expect(card.hold == nil && card.stepDown == nil && card.lastDone == nil)
    #expect(ItemCardText.doseReasons(card).first?.hasPrefix("Week 1: the starting dose") == true)
  }

  @Test func aProgressedWeekSaysHowManyStepsAboveTheStart() throws {
    let card = try Self.card(on: try #require(Self.sessions(inWeek: 3).first))
    #expect(card.basis == .progression(week: 3, firstWeek: 1, steps: 2))
    #expect(card.item.dose.text == "3 × 14")
    #expect(
      ItemCardText.doseReasons(card).first?.hasPrefix(
        "Week 3: two progression steps above the starting 3 × 10") == true)
  }

  @Test func aSteppedDownSessionNamesThePainThatCausedIt() throws {
    let week3 = Self.sessions(inWeek: 3)
    let painful = PainEntry(day: week3[0], level: 7, timing: .during)
    let card = try Self.card(on: week3[1], pain: [painful])
    #expect(card.item.painAdjustments == [.steppedDown])
    #expect(
      card.stepDown
        == ItemCard.StepDown(
          session: week3[0], pain: [painful],
          from: PrescribedDose(dose: .setsReps(sets: 3, reps: 14, load: nil))))
    #expect(card.item.dose.text == "3 × 12")
    let reason = ItemCardText.doseReasons(card).last ?? ""
    #expect(reason.contains("pain 7/10 during exercise") && reason.contains("at 3 × 14"))
  }

  @Test func aNextMorningPainIsTheCauseWhenItWasHigherThanTheDayBefore() throws {
    let week3 = Self.sessions(inWeek: 3)
    let during = PainEntry(day: week3[0], level: 2)
    let morning = PainEntry(day: week3[0].adding(days: 1), level: 4, timing: .nextMorning)
    let card = try Self.card(on: week3[1], pain: [during, morning])
    #expect(card.stepDown?.pain == [morning])
  }

  @Test func aHeldWeekListsLastWeeksPainfulSessions() throws {
    let week2 = Self.sessions(inWeek: 2)
    let pain = week2.prefix(2).map { PainEntry(day: $0, level: 6) }
    let card = try Self.card(on: try #require(Self.sessions(inWeek: 3).first), pain: pain)
    #expect(card.item.painAdjustments.contains(.held))
    #expect(card.hold == ItemCard.Hold(painfulWeek: 2, painfulSessions: Array(week2.prefix(2))))
    #expect(
      ItemCardText.doseReasons(card).contains { $0.hasPrefix("Held this week (R-PAIN-HOLD)") })
    // Later weeks remember the held week.
    let later = try Self.card(on: try #require(Self.sessions(inWeek: 4).first), pain: pain)
    #expect(later.earlierHeldWeeks == [3])
    #expect(later.basis == .progression(week: 4, firstWeek: 1, steps: 2))
  }

  @Test func lastDoneIsTheLatestEarlierDayTheTreatmentAndSideWereDone() throws {
    let sessions = Self.sessions(inWeek: 1) + Self.sessions(inWeek: 2)
    var weeks: [ISOWeek: ProgressWeek] = [:]
    func mark(_ day: CalendarDay, _ status: ItemStatus, side: Side = .left) {
      let week = ISOWeek(containing: day)
      var stored = weeks[week] ?? ProgressWeek(week: week)
      let id = ChecklistItem.makeID(day: day, treatmentId: "heel-raises", side: side, occurrence: 1)
      stored.items[id] = ItemRecord(status: status, at: "2026-12-01T09:00:00Z")
      weeks[week] = stored
    }
    mark(sessions[0], .done)
    mark(sessions[1], .done)
    mark(sessions[2], .skipped)
    mark(sessions[3], .done, side: .right)  // the other side does not count
    mark(sessions[4], .done)  // the card's own day does not count
    let card = try Self.card(on: sessions[4], weeks: Array(weeks.values))
    #expect(card.lastDone == sessions[1])
    #expect(card.status == .done)
    let first = try Self.card(on: sessions[0], weeks: Array(weeks.values))
    #expect(first.lastDone == nil)
  }

  @Test func aFixedDoseSaysItDoesNotProgress() throws {
    let programme = Fixtures.programme([Fixtures.stretch()])
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance([])
    let item = try #require(scheduler.checklist(for: Fixtures.day("2026-12-16")).first)
    let card = try #require(
      ItemCard(item: item, programme: programme, guidance: guidance, weeks: []))
    #expect(card.basis == .fixed)
    #expect(
      ItemCardText.doseReasons(card) == ["Week 3: the programme's dose; it does not progress."])
  }
}
