import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// Inputs the fuzzers (.ci/fuzz) found in the JSON reading, kept so the fixes stay fixed.
@Suite struct JSONFuzzRegressionTests {
  /// programme, crash-bf8de599: 38 sets with `afterMax: addSet` trapped the validator (see
  /// FuzzRegressionTests in RehabCoreTests); through the decoder, as the file was found.
  @Test func setsAboveTheLimitWithAddSetIsAProblemThroughTheDecoder() throws {
    let treatment = Treatment(
      id: "heel-raises", name: "Heel raises", kind: .strengthening, instructions: "Rise.",
      side: .affected, dose: .setsReps(sets: 11, reps: 10, load: nil),
      schedule: Schedule(.daysPerWeek(3)),
      progression: Progression(field: .reps, step: 2, max: 15, afterMax: .addSet, maxSets: 4),
      rule: "R-DOSE-STRENGTH")
    let bytes = try JSONCoding.encode(Fixtures.plan([treatment]))
    #expect(throws: ProgrammeProblem.self) {
      try ProgrammeDecoding.plan(from: bytes, file: "p.json")
    }
  }
}

extension JSONFuzzRegressionTests {
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
