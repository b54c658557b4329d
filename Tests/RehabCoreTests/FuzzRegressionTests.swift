import RehabTestSupport
import Testing

@testable import RehabCore

/// Inputs the fuzzers (.ci/fuzz) found, kept so the fixes stay fixed.
@Suite struct FuzzRegressionTests {
  /// programme, crash-bf8de599: a strengthening dose of 38 sets with `afterMax: addSet` made the
  /// validator build the range `38...10`, which traps: `rehabit init --file` and every command
  /// reading such a programme.json crashed instead of naming the problem.
  @Test func setsAboveTheLimitWithAddSetIsAProblemNotATrap() throws {
    let treatment = Treatment(
      id: "heel-raises", name: "Heel raises", kind: .strengthening, instructions: "Rise.",
      side: .affected, dose: .setsReps(sets: 38, reps: 10, load: nil),
      schedule: Schedule(.daysPerWeek(3)),
      progression: Progression(field: .reps, step: 2, max: 15, afterMax: .addSet, maxSets: 4),
      rule: "R-DOSE-STRENGTH")
    let problems = ProgrammeValidator.problems(in: Fixtures.plan([treatment]))
    #expect(problems.first?.path == "treatments[0].dose.sets")
    #expect(problems.contains { $0.path == "treatments[0].progression.maxSets" })
    // Through the decoder, as the file was found: JSONFuzzRegressionTests in RehabStoreTests.
  }

  /// The same check still accepts what it should and refuses a cap below the starting sets.
  @Test func maxSetsIsCheckedAgainstTheStartingSets() {
    func problems(sets: Int, maxSets: Int) -> [String] {
      let treatment = Treatment(
        id: "heel-raises", name: "Heel raises", kind: .strengthening, instructions: "Rise.",
        side: .affected, dose: .setsReps(sets: sets, reps: 10, load: nil),
        schedule: Schedule(.daysPerWeek(3)),
        progression: Progression(
          field: .reps, step: 2, max: 15, afterMax: .addSet, maxSets: maxSets),
        rule: "R-DOSE-STRENGTH")
      return ProgrammeValidator.problems(in: Fixtures.plan([treatment])).map(\.path)
    }
    #expect(problems(sets: 3, maxSets: 4).isEmpty)
    #expect(problems(sets: 3, maxSets: 10).isEmpty)
    #expect(problems(sets: 3, maxSets: 2) == ["treatments[0].progression.maxSets"])
    #expect(problems(sets: 3, maxSets: 11) == ["treatments[0].progression.maxSets"])
    #expect(problems(sets: 10, maxSets: 10).isEmpty)
  }
}
