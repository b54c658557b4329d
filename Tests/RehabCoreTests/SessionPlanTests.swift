import RehabTestSupport
import Testing

@testable import RehabCore

/// A dose becomes the steps of a guided session (R-SESSION-TIMING).
@Suite("Session plan")
struct SessionPlanTests {
  static func item(_ dose: Dose, side: Side = .left, kind: TreatmentKind = .stretching)
    -> ChecklistItem
  {
    ChecklistItem(
      id: "2026-12-02.x.\(side.rawValue)", day: Fixtures.day("2026-12-02"), programmeWeek: 1,
      treatmentId: "x", name: "X", kind: kind, side: side, dose: PrescribedDose(dose: dose),
      occurrence: 1, occurrencesPerDay: 1, instructions: "Do it.", progressionStep: 0,
      painAdjustments: [])
  }

  @Test func holdsGetReadyThenHoldWithRestsBetween() {
    let steps = SessionPlan.steps(
      for: Self.item(.holds(seconds: 30, repetitions: 3)), timing: .defaults)
    #expect(
      steps.map(\.kind) == [
        .getReady, .hold(repetition: 1, of: 3), .rest, .hold(repetition: 2, of: 3), .rest,
        .hold(repetition: 3, of: 3),
      ])
    #expect(steps.map(\.seconds) == [5, 30, 10, 30, 10, 30])
    #expect(steps.allSatisfy { $0.side == .left })
  }

  @Test func setsWaitForThePersonWithARestBetween() {
    let steps = SessionPlan.steps(
      for: Self.item(.setsReps(sets: 3, reps: 12, load: nil)), timing: .defaults)
    #expect(
      steps.map(\.kind) == [
        .set(set: 1, of: 3, reps: 12), .rest, .set(set: 2, of: 3, reps: 12), .rest,
        .set(set: 3, of: 3, reps: 12),
      ])
    #expect(steps.map(\.seconds) == [nil, 60, nil, 60, nil])
  }

  @Test func bothSidesDoTheLeftThenTheRight() {
    let steps = SessionPlan.steps(
      for: Self.item(.holds(seconds: 20, repetitions: 2), side: .both), timing: .defaults)
    #expect(steps.map(\.side) == [.left, .left, .left, .left, .right, .right, .right, .right])
    #expect(steps.filter { $0.kind == .getReady }.count == 2)
  }

  @Test func heatAndIceAreOneCountdownOfTheWholeDuration() {
    let steps = SessionPlan.steps(
      for: Self.item(.time(minutes: 15), side: .both, kind: .ice), timing: .defaults)
    #expect(steps == [SessionStep(kind: .timed, side: .both, seconds: 900)])
  }

  @Test func aTreatmentsOwnTimingReplacesTheDefaultsAndZeroLeavesAPauseOut() {
    let timing = SessionTimingOverride(getReadySeconds: 0, restSeconds: 3).timing
    #expect(timing.setRestSeconds == SessionTiming.defaults.setRestSeconds)
    let steps = SessionPlan.steps(
      for: Self.item(.holds(seconds: 10, repetitions: 2)), timing: timing)
    #expect(steps.map(\.kind) == [.hold(repetition: 1, of: 2), .rest, .hold(repetition: 2, of: 2)])
    #expect(steps.map(\.seconds) == [10, 3, 10])
  }

  @Test func aProgrammeFileMaySetTheTimingsAndOutOfRangeIsRefused() throws {
    var treatment = Fixtures.stretch()
    treatment.session = SessionTimingOverride(restSeconds: 601)
    let programme = Fixtures.programme([treatment], start: "2026-11-30", weeks: 4)
    let problem = try #require(ProgrammeValidator.problems(in: programme).first)
    #expect(problem.path.hasSuffix("session.restSeconds"))
    #expect(problem.fix.contains("0 to 600"))
  }
}
