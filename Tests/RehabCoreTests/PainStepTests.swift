import RehabTestSupport
import Testing

@testable import RehabCore

/// R-PAIN-STEP's step down, dose kind by dose kind, with its floors (product defaults).
@Suite("Pain step")
struct PainStepTests {
  let reps = Progression(field: .reps, step: 2, max: 15, afterMax: .addSet, maxSets: 4)
  let hold = Progression(field: .holdSeconds, step: 15, max: 60)

  func lighter(_ dose: Dose, _ kind: TreatmentKind, _ progression: Progression?) -> String? {
    PainStep.lighter(than: PrescribedDose(dose: dose), kind: kind, progression: progression)?.text
  }

  func lighter(_ dose: Dose, _ progression: Progression?) -> String? {
    lighter(dose, .strengthening, progression)
  }

  @Test func repsGoDownByTheProgressionStepThenASet() {
    #expect(lighter(.setsReps(sets: 3, reps: 12, load: nil), reps) == "3 × 10")
    // At the starting dose too.
    #expect(lighter(.setsReps(sets: 3, reps: 10, load: nil), reps) == "3 × 8")
    // Not below 5 reps: 6 becomes 5, then a set goes.
    #expect(lighter(.setsReps(sets: 3, reps: 6, load: nil), reps) == "3 × 5")
    #expect(lighter(.setsReps(sets: 3, reps: 5, load: nil), reps) == "2 × 5")
    #expect(lighter(.setsReps(sets: 1, reps: 5, load: nil), reps) == nil)
  }

  @Test func withoutAProgressionASetGoesFirst() {
    #expect(lighter(.setsReps(sets: 3, reps: 15, load: "body weight"), nil) == "2 × 15")
    #expect(lighter(.setsReps(sets: 1, reps: 15, load: nil), nil) == "1 × 13")
    #expect(lighter(.holds(seconds: 30, repetitions: 3), .stretching, nil) == "2 × 30 s")
    #expect(lighter(.holds(seconds: 30, repetitions: 1), .stretching, nil) == "1 × 20 s")
    #expect(lighter(.holds(seconds: 10, repetitions: 1), .stretching, nil) == nil)
  }

  @Test func holdsGoDownByTheProgressionStepNotBelowTenSeconds() {
    #expect(lighter(.holds(seconds: 45, repetitions: 3), .activation, hold) == "3 × 30 s")
    #expect(lighter(.holds(seconds: 15, repetitions: 3), .activation, hold) == "3 × 10 s")
    #expect(lighter(.holds(seconds: 10, repetitions: 3), .activation, hold) == "2 × 10 s")
  }

  @Test func addedLoadIsKept() {
    let dose = PrescribedDose(dose: .setsReps(sets: 3, reps: 10, load: nil), addedLoadPercent: 5)
    let stepped = PainStep.lighter(than: dose, kind: .strengthening, progression: reps)
    #expect(stepped?.text == "3 × 8 +5 % load")
  }

  @Test func heatIceAndUltrasoundAreNeverStepped() {
    for kind in [TreatmentKind.heat, .ice, .ultrasound] {
      #expect(!PainStep.applies(to: kind))
      #expect(lighter(.time(minutes: 15), kind, nil) == nil)
    }
    #expect(lighter(.time(minutes: 20), .activation, nil) == "15 min")
  }

  @Test(
    "a week-1 session at the starting dose and a later one both step down from the dose that hurt")
  func fromTheDoseThatHurt() throws {
    let programme = Fixtures.programme([Fixtures.strengthening(daysPerWeek: 3)])
    let scheduler = Scheduler(programme: programme)
    let treatment = programme.plan.treatments[0]
    func dose(on day: CalendarDay, _ pain: [PainEntry]) -> String? {
      scheduler.checklist(for: day, pain: pain).first?.dose.text
    }
    let days = (0..<21).map { programme.start.adding(days: $0) }.filter {
      scheduler.isScheduled(treatment, on: $0)
    }
    // Week 1, 3 × 10: the next session is 3 × 8, not the unchanged 3 × 10.
    let week1 = [PainEntry(day: days[0], level: 8)]
    #expect(dose(on: days[1], week1) == "3 × 8")
    // The last session of week 2 (3 × 12) hurts: week 3's first session (planned 3 × 14) is
    // 3 × 10, a step below the session that hurt, not 3 × 12 again.
    let lastOfWeek2 = days[5]
    let later = [PainEntry(day: lastOfWeek2, level: 8)]
    #expect(dose(on: lastOfWeek2, later) == "3 × 12")
    #expect(dose(on: days[6], []) == "3 × 14")
    #expect(dose(on: days[6], later) == "3 × 10")
    let item = try #require(scheduler.checklist(for: days[6], pain: later).first)
    #expect(item.painAdjustments == [.steppedDown])
    // The planned step stays the week's: the card says "two steps above", then "one lighter".
    #expect(item.progressionStep == 2)
  }
}
