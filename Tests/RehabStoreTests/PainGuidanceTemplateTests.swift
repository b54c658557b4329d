import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// R-PAIN-STEP on every bundled template: pain above 5 in any programme week makes the next
/// session of every treatment strictly lighter than the session that hurt (heat and ice: no
/// change and no promise), and the consequence worded when pain is logged is what the scheduler
/// then schedules.
@Suite("Pain guidance on the templates")
struct PainGuidanceTemplateTests {
  /// Strictly less work than `hurt`, judged on the dose's numbers (not on PainStep's own rules):
  /// no field larger, no more added load, and less volume.
  static func isStrictlyLighter(_ dose: PrescribedDose, than hurt: PrescribedDose) -> Bool {
    guard dose.addedLoadPercent <= hurt.addedLoadPercent else { return false }
    switch (dose.dose, hurt.dose) {
    case (
      .setsReps(let sets, let reps, let load), .setsReps(let hurtSets, let hurtReps, let hurtLoad)
    ):
      return load == hurtLoad && sets <= hurtSets && reps <= hurtReps
        && sets * reps < hurtSets * hurtReps
    case (.holds(let seconds, let repetitions), .holds(let hurtSeconds, let hurtRepetitions)):
      return seconds <= hurtSeconds && repetitions <= hurtRepetitions
        && seconds * repetitions < hurtSeconds * hurtRepetitions
    case (.time(let minutes), .time(let hurtMinutes)):
      return minutes < hurtMinutes
    default:
      return false
    }
  }

  /// Each template from a Thursday, so programme weeks and ISO weeks differ.
  static func programmes() throws -> [Programme] {
    try TemplateLibrary.builtIn().map {
      Programme(plan: $0.plan, start: Fixtures.day("2026-12-03"), affectedSide: .left)
    }
  }

  /// The first session of `treatment` in programme week `week`.
  static func firstSession(of treatment: Treatment, inWeek week: Int, _ scheduler: Scheduler)
    -> CalendarDay?
  {
    let first = scheduler.programme.firstDay(ofWeek: week)
    return (0..<7).map { first.adding(days: $0) }.first {
      scheduler.isScheduled(treatment, on: $0)
    }
  }

  func dose(
    of treatment: Treatment, on day: CalendarDay, pain: [PainEntry], _ scheduler: Scheduler
  ) -> PrescribedDose? {
    scheduler.checklist(for: day, pain: pain).first { $0.treatmentId == treatment.id }?.dose
  }

  @Test("pain above 5 in every week makes the next session lighter than the one that hurt")
  func everyTreatmentEveryWeek() throws {
    for programme in try Self.programmes() {
      let scheduler = Scheduler(programme: programme)
      for treatment in programme.plan.treatments where treatment.kind.isHomeTask {
        for week in 1...programme.weeks where treatment.runs(inWeek: week) {
          guard let session = Self.firstSession(of: treatment, inWeek: week, scheduler) else {
            continue
          }
          let context = "\(programme.plan.id) \(treatment.id) week \(week)"
          let entry = PainEntry(day: session, level: 7, treatmentId: treatment.id)
          let consequence = scheduler.consequence(of: entry, after: [])
          #expect(consequence.verdict == .painful, "\(context)")
          let change = try #require(consequence.treatments.first, "\(context)")
          #expect(consequence.treatments.count == 1 && change.treatmentId == treatment.id)
          let hurt = try #require(dose(of: treatment, on: session, pain: [entry], scheduler))
          guard let next = scheduler.nextSession(of: treatment, after: session) else {
            #expect(change.change == .noNextSession, "\(context)")
            continue
          }
          let after = try #require(dose(of: treatment, on: next, pain: [entry], scheduler))
          let planned = try #require(dose(of: treatment, on: next, pain: [], scheduler))
          if PainStep.applies(to: treatment.kind) {
            #expect(
              Self.isStrictlyLighter(after, than: hurt),
              "\(context): \(after.text) after \(hurt.text)")
            // The promise is the scheduled dose.
            #expect(
              change.change == .lighter(next: next, dose: after, insteadOf: planned), "\(context)")
            let line = PainConsequenceText.lines(consequence).joined()
            #expect(
              line.contains("\(after.text) instead of \(planned.text)"), "\(context): \(line)")
          } else {
            #expect(change.change == .neverChanged, "\(context)")
            #expect(after == planned, "\(context)")
            #expect(!PainConsequenceText.summary(consequence).contains("lighter"))
          }
        }
      }
    }
  }

  @Test("pain about the whole session steps down every exercise of that day, never heat or ice")
  func wholeSession() throws {
    for programme in try Self.programmes() {
      let scheduler = Scheduler(programme: programme)
      for offset in [0, 9, 23] {
        let day = programme.start.adding(days: offset)
        let items = scheduler.checklist(for: day)
        let entry = PainEntry(day: day, level: 6)
        let consequence = scheduler.consequence(of: entry, after: [])
        #expect(Set(consequence.treatments.map(\.treatmentId)) == Set(items.map(\.treatmentId)))
        for change in consequence.treatments {
          let treatment = try #require(programme.plan.treatment(id: change.treatmentId))
          switch change.change {
          case .lighter(let next, let lighter, _):
            #expect(dose(of: treatment, on: next, pain: [entry], scheduler) == lighter)
            let hurt = try #require(dose(of: treatment, on: day, pain: [], scheduler))
            #expect(Self.isStrictlyLighter(lighter, than: hurt))
          case .neverChanged:
            #expect(!PainStep.applies(to: treatment.kind))
          case .noNextSession, .atLightest:
            Issue.record("\(programme.plan.id) \(treatment.id) on \(day): \(change.change)")
          }
        }
      }
    }
  }

  @Test("pain on waking higher than the day before steps down the day before's sessions")
  func nextMorning() throws {
    for programme in try Self.programmes() {
      let scheduler = Scheduler(programme: programme)
      let session = programme.start.adding(days: 15)
      let during = PainEntry(day: session, level: 3)
      let waking = PainEntry(day: session.adding(days: 1), level: 5, timing: .nextMorning)
      let consequence = scheduler.consequence(of: waking, after: [during])
      #expect(consequence.sessionDay == session && consequence.verdict == .painful)
      for change in consequence.treatments {
        guard case .lighter(let next, let lighter, _) = change.change,
          let treatment = programme.plan.treatment(id: change.treatmentId)
        else { continue }
        #expect(dose(of: treatment, on: next, pain: [during, waking], scheduler) == lighter)
      }
      // Not higher than the day before: nothing changes and the verdict says why.
      let same = PainEntry(day: session.adding(days: 1), level: 3, timing: .nextMorning)
      #expect(
        scheduler.consequence(of: same, after: [during]).verdict
          == .notHigherThanSessionDay(highest: 3))
      #expect(
        scheduler.consequence(of: same, after: []).verdict == .nothingLoggedOnSessionDay)
    }
  }

  @Test("painful sessions in a row keep stepping down from the dose that hurt")
  func painfulInARow() throws {
    let programme = Fixtures.programme([Fixtures.strengthening(daysPerWeek: 3)])
    let scheduler = Scheduler(programme: programme)
    let treatment = programme.plan.treatments[0]
    // Week 2: 3 × 12.
    let first = try #require(Self.firstSession(of: treatment, inWeek: 2, scheduler))
    let second = try #require(scheduler.nextSession(of: treatment, after: first))
    let third = try #require(scheduler.nextSession(of: treatment, after: second))
    let pain = [
      PainEntry(day: first, level: 7, treatmentId: treatment.id),
      PainEntry(day: second, level: 7, treatmentId: treatment.id),
    ]
    #expect(dose(of: treatment, on: first, pain: pain, scheduler)?.text == "3 × 12")
    #expect(dose(of: treatment, on: second, pain: pain, scheduler)?.text == "3 × 10")
    #expect(dose(of: treatment, on: third, pain: pain, scheduler)?.text == "3 × 8")
  }
}
