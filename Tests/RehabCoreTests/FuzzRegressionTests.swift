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

    // And through the decoder, as the file was found.
    var plan = Fixtures.plan([treatment])
    plan.treatments[0].dose = .setsReps(sets: 11, reps: 10, load: nil)
    let bytes = try JSONCoding.encode(plan)
    #expect(throws: ProgrammeProblem.self) {
      try ProgrammeDecoding.plan(from: bytes, file: "p.json")
    }
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

extension FuzzRegressionTests {
  /// progress-week, crash-76747863: `{"schemaVersion": 0, "week": "0227-W49"}` was accepted but
  /// written back as week "227-W49" (and file 227-W49.json), which no longer parses: the week
  /// would have become unreadable at the next save. Years below 1000 are now zero-padded.
  @Test func aWeekOfAYearBelow1000IsWrittenAsItIsRead() throws {
    let week = try #require(ISOWeek(year: 227, week: 49))
    #expect(week.description == "0227-W49")
    #expect(ISOWeek(week.description) == week)
    #expect(ISOWeek(year: 1, week: 1)?.description == "0001-W01")
    #expect(ISOWeek(year: 2026, week: 9)?.description == "2026-W09")

    let found = Array(#"{"schemaVersion": 0, "week": "0227-W49"}"#.utf8)
    let decoded = try ProgressDecoding.week(from: found)
    #expect(try ProgressDecoding.week(from: JSONCoding.encode(decoded), expected: week) == decoded)
  }
}
