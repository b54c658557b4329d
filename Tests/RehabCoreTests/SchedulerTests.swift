import PropertyBased
import RehabTestSupport
import Testing

@testable import RehabCore

@Suite("Scheduler")
struct SchedulerTests {
  private func days(of programme: Programme) -> [CalendarDay] {
    (0..<(programme.weeks * 7)).map { programme.start.adding(days: $0) }
  }

  @Test("N-days-a-week strengthening: N sessions each full week, never two days in a row")
  func strengtheningRestDays() async {
    await propertyCheck(input: Gen.int(in: 0...3000), Gen.int(in: 1...3), Gen.int(in: 1...12)) {
      startOffset, perWeek, weeks in
      let programme = Fixtures.programme(
        [Fixtures.strengthening(daysPerWeek: perWeek), Fixtures.stretch()],
        start: CalendarDay(daysSinceEpoch: 20_000 + startOffset).description, weeks: weeks)
      let scheduler = Scheduler(programme: programme)
      let sessionDays = days(of: programme).filter { day in
        scheduler.checklist(for: day).contains { $0.treatmentId == "heel-raises" }
      }
      for week in 1...weeks {
        let first = programme.firstDay(ofWeek: week)
        let inWeek = sessionDays.count { $0 >= first && $0 <= first.adding(days: 6) }
        #expect(inWeek == perWeek)
      }
      for (earlier, later) in zip(sessionDays, sessionDays.dropFirst()) {
        #expect(earlier.days(until: later) >= 2)
      }
    }
  }

  @Test("a daily stretch is on every programme day and never outside it")
  func dailyStretch() async {
    await propertyCheck(input: Gen.int(in: 0...5000), Gen.int(in: 1...10)) { startOffset, weeks in
      let programme = Fixtures.programme(
        [Fixtures.stretch()], start: CalendarDay(daysSinceEpoch: 19_000 + startOffset).description,
        weeks: weeks)
      let scheduler = Scheduler(programme: programme)
      for day in days(of: programme) {
        #expect(scheduler.checklist(for: day).count { $0.treatmentId == "calf-stretch" } == 1)
      }
      #expect(scheduler.checklist(for: programme.start.adding(days: -1)).isEmpty)
      #expect(scheduler.checklist(for: programme.end.adding(days: 1)).isEmpty)
    }
  }

  @Test("schedules across leap days, month ends, year ends and DST change dates")
  func calendarEdges() {
    // Spans 2024-02-29; a Europe DST change (2024-03-31); 2026's ISO week 53 at year end.
    for start in ["2024-02-20", "2024-03-25", "2026-12-21", "2026-10-19", "2026-03-02"] {
      let programme = Fixtures.programme(
        [Fixtures.stretch(), Fixtures.strengthening()], start: start, weeks: 4)
      let scheduler = Scheduler(programme: programme)
      let all = days(of: programme)
      #expect(all.count == 28)
      #expect(Set(all).count == 28)
      let stretches = all.flatMap { scheduler.checklist(for: $0) }.filter { $0.kind == .stretching }
      #expect(stretches.count == 28)
      let strength = all.flatMap { scheduler.checklist(for: $0) }.filter {
        $0.kind == .strengthening
      }
      #expect(strength.count == 12)
    }
    let leap = Fixtures.programme([Fixtures.stretch()], start: "2024-02-26", weeks: 1)
    #expect(Scheduler(programme: leap).checklist(for: Fixtures.day("2024-02-29")).count == 1)
  }

  @Test("the dose rises each week to its cap, then adds a set, then stays")
  func progressionToCap() {
    let programme = Fixtures.programme([Fixtures.strengthening()], weeks: 12)
    let scheduler = Scheduler(programme: programme)
    let weekly = (1...12).map { week -> String in
      let day = (0..<7).map { programme.firstDay(ofWeek: week).adding(days: $0) }.first {
        !scheduler.checklist(for: $0).isEmpty
      }
      return day.flatMap { scheduler.checklist(for: $0).first?.dose.text } ?? "none"
    }
    #expect(
      weekly == [
        "3 × 10", "3 × 12", "3 × 14", "3 × 15", "4 × 10", "4 × 12", "4 × 14", "4 × 15", "4 × 15",
        "4 × 15", "4 × 15", "4 × 15",
      ])
  }

  @Test func progressionIsMonotoneAndCapped() async {
    await propertyCheck(input: Gen.int(in: 0...60), Gen.int(in: 1...5), Gen.int(in: 10...40)) {
      steps, step, cap in
      let progression = Progression(field: .holdSeconds, step: step, max: cap)
      let base = Dose.holds(seconds: 10, repetitions: 3)
      let now = progression.apply(steps: steps, to: base).dose.value(of: .holdSeconds) ?? 0
      let next = progression.apply(steps: steps + 1, to: base).dose.value(of: .holdSeconds) ?? 0
      #expect(now <= next)
      #expect(next <= cap)
      #expect(now == min(cap, 10 + steps * step))
    }
  }

  @Test func addLoadRestartsRepsWithMoreLoad() {
    let progression = Progression(
      field: .reps, step: 5, max: 15, afterMax: .addLoad, loadStepPercent: 5)
    let base = Dose.setsReps(sets: 3, reps: 10, load: nil)
    #expect(progression.apply(steps: 1, to: base).text == "3 × 15")
    #expect(progression.apply(steps: 2, to: base).text == "3 × 10 +5 % load")
    #expect(progression.apply(steps: 4, to: base).text == "3 × 10 +10 % load")
  }

  private func firstSession(in week: Int, _ programme: Programme) -> CalendarDay? {
    let scheduler = Scheduler(programme: programme)
    return (0..<7).map { programme.firstDay(ofWeek: week).adding(days: $0) }.first {
      !scheduler.checklist(for: $0).isEmpty
    }
  }

  @Test("R-PAIN-HOLD: two sessions with pain above 5 in a week hold the next week")
  func painHold() throws {
    let programme = Fixtures.programme([Fixtures.strengthening()])
    let scheduler = Scheduler(programme: programme)
    let week2 = try #require(firstSession(in: 2, programme))
    let sessions = (0..<7).map { week2.adding(days: $0) }.filter {
      !scheduler.checklist(for: $0).isEmpty
    }
    let pain = sessions.prefix(2).map { PainEntry(day: $0, level: 7, treatmentId: "heel-raises") }
    let week3 = try #require(firstSession(in: 3, programme))
    #expect(scheduler.checklist(for: week3).first?.dose.text == "3 × 14")
    let held = scheduler.checklist(for: week3, pain: pain).first
    #expect(held?.dose.text == "3 × 12")
    #expect(held?.painAdjustments.contains(.held) == true)
    // Pain of 5 is acceptable (R-PAIN-ZONES) and holds nothing.
    let acceptable = sessions.prefix(2).map { PainEntry(day: $0, level: 5) }
    #expect(scheduler.checklist(for: week3, pain: acceptable).first?.dose.text == "3 × 14")
    // One painful session is not enough to hold.
    let once = [PainEntry(day: sessions[0], level: 8)]
    #expect(
      scheduler.checklist(for: week3, pain: once).first?.painAdjustments.contains(.held) == false)
  }

  @Test("R-PAIN-STEP: after a painful session the next one is a step lighter")
  func painStepDown() throws {
    let programme = Fixtures.programme([Fixtures.strengthening()])
    let scheduler = Scheduler(programme: programme)
    let week3 = programme.firstDay(ofWeek: 3)
    let sessions = (0..<14).map { week3.adding(days: $0) }.filter {
      !scheduler.checklist(for: $0).isEmpty
    }
    let painful = sessions[0]
    let next = sessions[1]
    let normal = try #require(scheduler.checklist(for: next).first)
    let lighter = try #require(
      scheduler.checklist(for: next, pain: [PainEntry(day: painful, level: 6)]).first)
    // A step below the painful session's 3 × 14 (not below this session's planned dose).
    #expect(normal.dose.text == "3 × 14")
    #expect(lighter.dose.text == "3 × 12")
    #expect(lighter.progressionStep == normal.progressionStep)
    #expect(lighter.painAdjustments == [.steppedDown])
    // Only the next session: the one after it is back to normal.
    let after = scheduler.checklist(for: sessions[2], pain: [PainEntry(day: painful, level: 6)])
      .first
    #expect(after?.painAdjustments.isEmpty == true)
    // Pain logged against another treatment does not count.
    let other = scheduler.checklist(
      for: next, pain: [PainEntry(day: painful, level: 9, treatmentId: "calf-stretch")])
    #expect(other.first?.painAdjustments.isEmpty == true)
  }

  @Test("R-PAIN-STEP: next-morning pain higher than the day before counts as a painful session")
  func nextMorningPain() {
    let programme = Fixtures.programme([Fixtures.strengthening()])
    let scheduler = Scheduler(programme: programme)
    let week3 = programme.firstDay(ofWeek: 3)
    let sessions = (0..<14).map { week3.adding(days: $0) }.filter {
      !scheduler.checklist(for: $0).isEmpty
    }
    let worse = [
      PainEntry(day: sessions[0], level: 2),
      PainEntry(day: sessions[0].adding(days: 1), level: 4, timing: .nextMorning),
    ]
    #expect(
      scheduler.checklist(for: sessions[1], pain: worse).first?.painAdjustments == [.steppedDown])
    let settled = [
      PainEntry(day: sessions[0], level: 4),
      PainEntry(day: sessions[0].adding(days: 1), level: 2, timing: .nextMorning),
    ]
    #expect(scheduler.checklist(for: sessions[1], pain: settled).first?.painAdjustments == [])
  }

  @Test("the same inputs give the same ids, in the documented format")
  func stableIDs() {
    let programme = Fixtures.programme([Fixtures.strengthening(side: .each), Fixtures.stretch()])
    let day = Fixtures.day("2026-11-30")
    let first = Scheduler(programme: programme).checklist(for: day).map(\.id)
    let second = Scheduler(programme: programme).checklist(for: day).map(\.id)
    #expect(first == second)
    #expect(first.contains("2026-11-30.calf-stretch.both"))
    #expect(Set(first).count == first.count)
    for id in first { #expect(ChecklistItem.parseID(id)?.day == day) }
  }

  @Test func sidesTimesPerDayAndWeekRanges() {
    var twice = Fixtures.stretch(id: "drops")
    twice.schedule.timesPerDay = 2
    let late = Fixtures.strengthening(id: "hops", side: .each, weeks: WeekRange(from: 3, to: 4))
    let programme = Fixtures.programme([twice, late], affected: .right)
    let scheduler = Scheduler(programme: programme)
    let day1 = scheduler.checklist(for: programme.start)
    #expect(day1.map(\.id) == ["2026-11-30.drops.both", "2026-11-30.drops.both.2"])
    let week3 = (0..<7).flatMap {
      scheduler.checklist(for: programme.firstDay(ofWeek: 3).adding(days: $0))
    }
    #expect(Set(week3.filter { $0.treatmentId == "hops" }.map(\.side)) == [.left, .right])
    let week5 = (0..<7).flatMap {
      scheduler.checklist(for: programme.firstDay(ofWeek: 5).adding(days: $0))
    }
    #expect(!week5.contains { $0.treatmentId == "hops" })
    let affected = Fixtures.programme([Fixtures.strengthening()], affected: .right)
    let days = (0..<7).flatMap {
      Scheduler(programme: affected).checklist(for: affected.start.adding(days: $0))
    }
    #expect(days.allSatisfy { $0.side == .right })
  }

  @Test("R-DOSE-ULTRASOUND: ultrasound is never a home item")
  func ultrasoundNeverHome() {
    let ultrasound = Treatment(
      id: "ultrasound", name: "Ultrasound", kind: .ultrasound, instructions: "At the clinic.",
      side: .affected, dose: .time(minutes: 10), schedule: Schedule(.daily))
    let programme = Fixtures.programme([ultrasound, Fixtures.stretch()])
    let scheduler = Scheduler(programme: programme)
    for offset in 0..<56 {
      #expect(
        !scheduler.checklist(for: programme.start.adding(days: offset)).contains {
          $0.kind == .ultrasound
        })
    }
  }

  @Test("ice follows its loading treatment, and items come in session order")
  func sameDaysAsAndOrder() {
    let ice = Treatment(
      id: "ice", name: "Ice", kind: .ice, instructions: "Wrapped.", side: .affected,
      dose: .time(minutes: 15), schedule: Schedule(.sameDaysAs(["heel-raises"])))
    let programme = Fixtures.programme([ice, Fixtures.strengthening(), Fixtures.stretch()])
    let scheduler = Scheduler(programme: programme)
    for offset in 0..<56 {
      let items = scheduler.checklist(for: programme.start.adding(days: offset))
      let hasStrength = items.contains { $0.kind == .strengthening }
      #expect(items.contains { $0.kind == .ice } == hasStrength)
      let order = items.map { TreatmentKind.sessionOrder.firstIndex(of: $0.kind) ?? 0 }
      #expect(order == order.sorted())
    }
  }

  @Test("ice on the days of several treatments is on every day one of them runs, and only then")
  func sameDaysAsSeveralTreatments() {
    let ice = Treatment(
      id: "ice", name: "Ice", kind: .ice, instructions: "Wrapped.", side: .affected,
      dose: .time(minutes: 15), schedule: Schedule(.sameDaysAs(["band", "heel-raises"])))
    // The band runs only in weeks 1–4: from week 5 ice follows the heel raises alone.
    let band = Fixtures.strengthening(id: "band", weeks: WeekRange(from: 1, to: 4))
    let programme = Fixtures.programme([Fixtures.strengthening(), band, ice])
    let scheduler = Scheduler(programme: programme)
    var iceDays = 0
    for offset in 0..<56 {
      let day = programme.start.adding(days: offset)
      let items = scheduler.checklist(for: day)
      let loading = items.contains { $0.kind == .strengthening }
      #expect(items.contains { $0.kind == .ice } == loading, "\(day)")
      if loading { iceDays += 1 }
    }
    // The layout puts the two loading treatments on different days, so ice covers both.
    #expect(iceDays > 8 * 3)
  }

  @Test("spreading keeps the busiest day light")
  func spreadsLoad() {
    let treatments = (1...3).map { Fixtures.strengthening(id: "s\($0)", daysPerWeek: 3) }
    let programme = Fixtures.programme(treatments)
    let scheduler = Scheduler(programme: programme)
    let counts = (0..<7).map { scheduler.checklist(for: programme.start.adding(days: $0)).count }
    #expect(counts.reduce(0, +) == 9)
    #expect(counts.max() == 2)
  }
}
