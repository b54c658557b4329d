import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore

@Suite("Progression stages and one step lighter")
struct ProgressionStageTests {
  /// R-DOSE-HIGH-LOAD: 12RM × 3, from week 3 10RM × 4, from week 5 8RM × 5.
  static let base = Dose.setsReps(sets: 3, reps: 12, load: "12RM")
  static let stages = Progression.stages([
    ProgressionStage(fromWeek: 3, dose: .setsReps(sets: 4, reps: 10, load: "10RM")),
    ProgressionStage(fromWeek: 5, dose: .setsReps(sets: 5, reps: 8, load: "8RM")),
  ])

  static func heavy(weeks: WeekRange? = nil) -> Treatment {
    Treatment(
      id: "heavy", name: "Heavy heel raises", kind: .strengthening, instructions: "Slowly.",
      side: .affected, dose: base, schedule: Schedule(.daysPerWeek(3)), weeks: weeks,
      progression: stages, rule: "R-DOSE-HIGH-LOAD")
  }

  @Test("step s is the treatment's week s + 1, and the latest stage begun by then applies")
  func stagesByWeek() {
    let expected = [
      0: "3 × 12", 1: "3 × 12", 2: "4 × 10", 3: "4 × 10", 4: "5 × 8", 9: "5 × 8", -1: "3 × 12",
    ]
    for (steps, text) in expected {
      #expect(Self.stages.apply(steps: steps, to: Self.base).text == text, "step \(steps)")
    }
    #expect(Self.stages.apply(steps: 2, to: Self.base).dose.load == "10RM")
  }

  @Test("the scheduler gives the stage of the week, and a set fewer after a painful session")
  func scheduledStagesAndPain() {
    let programme = Fixtures.programme([Self.heavy()], weeks: 8)
    let scheduler = Scheduler(programme: programme)
    let treatment = Self.heavy()
    func sessions(inWeek week: Int) -> [CalendarDay] {
      let first = programme.firstDay(ofWeek: week)
      return (0..<7).map { first.adding(days: $0) }.filter {
        scheduler.isScheduled(treatment, on: $0)
      }
    }
    for (week, text) in [(1, "3 × 12"), (2, "3 × 12"), (3, "4 × 10"), (5, "5 × 8"), (8, "5 × 8")] {
      for day in sessions(inWeek: week) {
        #expect(scheduler.checklist(for: day).first?.dose.text == text, "week \(week)")
      }
    }
    // Pain 7 in week 4's first session: the next is one set fewer at the same load (R-PAIN-STEP:
    // at a repetition-maximum load fewer reps would not be lighter).
    let week4 = sessions(inWeek: 4)
    let pain = [PainEntry(day: week4[0], level: 7, treatmentId: "heavy")]
    let next = scheduler.checklist(for: week4[1], pain: pain).first
    #expect(next?.dose.text == "3 × 10")
    #expect(next?.dose.dose.load == "10RM")
    #expect(next?.painAdjustments == [.steppedDown])
    // In the first stage too: 3 × 12 at 12RM becomes 2 × 12.
    let week2 = sessions(inWeek: 2)
    let early = [PainEntry(day: week2[0], level: 7, treatmentId: "heavy")]
    let lighter = scheduler.checklist(for: week2[1], pain: early).first
    #expect(lighter?.dose.text == "2 × 12")
    #expect(lighter?.painAdjustments == [.steppedDown])
  }

  @Test("a week held by pain delays every later stage by a week")
  func heldWeekDelaysStages() throws {
    let programme = Fixtures.programme([Self.heavy()], weeks: 8)
    let scheduler = Scheduler(programme: programme)
    let treatment = Self.heavy()
    let week2 = (0..<7).map { programme.firstDay(ofWeek: 2).adding(days: $0) }.filter {
      scheduler.isScheduled(treatment, on: $0)
    }
    let pain = week2.prefix(2).map { PainEntry(day: $0, level: 7, treatmentId: "heavy") }
    let guidance = scheduler.painGuidance(pain)
    #expect(scheduler.plannedStep(of: treatment, inWeek: 3, guidance: guidance) == 1)
    let week3Day = (0..<7).map { programme.firstDay(ofWeek: 3).adding(days: $0) }.first {
      scheduler.isScheduled(treatment, on: $0)
    }
    let day = try #require(week3Day)
    let item = scheduler.checklist(for: day, guidance: guidance).first
    #expect(item?.dose.text == "3 × 12")
    #expect(item?.painAdjustments == [.held])
    #expect(scheduler.plannedStep(of: treatment, inWeek: 4, guidance: guidance) == 2)
  }

  @Test("the card says which stage applies and what comes next")
  func stageWords() {
    guard case .stages(let stages) = Self.stages else { return }
    #expect(
      ItemCardText.stageReason(stages, week: 1, steps: 0, start: Self.base)
        == "Week 1: the starting 3 × 12; 4 × 10 from week 3.")
    #expect(
      ItemCardText.stageReason(stages, week: 4, steps: 3, start: Self.base)
        == "Week 4: the stage from week 3; 5 × 8 from week 5.")
    #expect(
      ItemCardText.stageReason(stages, week: 9, steps: 8, start: Self.base)
        == "Week 9: the stage from week 5, the last one.")
    #expect(
      ItemCardText.progressionWords(Self.stages)
        == "from week 3: 4 × 10, 10RM; from week 5: 5 × 8, 8RM")
  }

  @Test("stages read from and write to JSON; a progression cannot mix both kinds")
  func stagesCoding() throws {
    let json = """
      {"stages": [{"fromWeek": 3, "dose": {"sets": 4, "reps": 10, "load": "10RM"}},
                  {"fromWeek": 5, "dose": {"sets": 5, "reps": 8, "load": "8RM"}}]}
      """
    let decoded = try JSONCoding.decoder.decode(Progression.self, from: Data(json.utf8))
    #expect(decoded == Self.stages)
    let again = try JSONCoding.decoder.decode(
      Progression.self, from: Data(try JSONCoding.encode(decoded)))
    #expect(again == decoded)

    let weekly = try JSONCoding.decoder.decode(
      Progression.self, from: Data(#"{"field": "reps", "step": 2, "max": 15}"#.utf8))
    #expect(weekly == Progression(field: .reps, step: 2, max: 15))

    let mixed = #"{"field": "reps", "step": 2, "max": 15, "stages": []}"#
    #expect(throws: DecodingError.self) {
      try JSONCoding.decoder.decode(Progression.self, from: Data(mixed.utf8))
    }
    let typo = #"{"stages": [{"fromweek": 3, "dose": {"sets": 4, "reps": 10}}]}"#
    #expect(throws: DecodingError.self) {
      try JSONCoding.decoder.decode(Progression.self, from: Data(typo.utf8))
    }
  }

  @Test("stage problems name the stage and a fix")
  func stageValidation() {
    func problems(_ stages: [ProgressionStage], weeks: WeekRange? = nil) -> [String] {
      var treatment = Self.heavy(weeks: weeks)
      treatment.progression = .stages(stages)
      return ProgrammeValidator.problems(in: Fixtures.plan([treatment], weeks: 8)).map {
        "\($0.path): \($0.message)"
      }
    }
    let ten = Dose.setsReps(sets: 4, reps: 10, load: nil)
    #expect(problems([ProgressionStage(fromWeek: 3, dose: ten)]).isEmpty)
    #expect(problems([]) == ["treatments[0].progression.stages: is empty"])
    #expect(
      problems([ProgressionStage(fromWeek: 1, dose: ten)]) == [
        "treatments[0].progression.stages[0].fromWeek: week 1 is too early"
      ])
    #expect(
      problems([ProgressionStage(fromWeek: 5, dose: ten), ProgressionStage(fromWeek: 4, dose: ten)])
        == ["treatments[0].progression.stages[1].fromWeek: week 4 is too early"])
    // A treatment of weeks 3–6 runs 4 weeks: its week 5 never comes.
    #expect(
      problems([ProgressionStage(fromWeek: 5, dose: ten)], weeks: WeekRange(from: 3, to: 6)) == [
        "treatments[0].progression.stages[0].fromWeek: week 5 is after the treatment's 4 weeks"
      ])
    let holds = problems([ProgressionStage(fromWeek: 3, dose: .holds(seconds: 30, repetitions: 3))])
    #expect(holds.count == 1)
    #expect(holds.first?.hasPrefix("treatments[0].progression.stages[0].dose: 3 × 30 s") == true)
    #expect(
      problems([ProgressionStage(fromWeek: 3, dose: .setsReps(sets: 11, reps: 10, load: nil))]) == [
        "treatments[0].progression.stages[0].dose.sets: 11 is out of range"
      ])
  }
}
