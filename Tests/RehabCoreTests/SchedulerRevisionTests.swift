import RehabCore
import RehabTestSupport
import Testing

/// The scheduler with revisions: pain guidance on a revised dose, schedule revisions, extension
/// and staged progressions (R-REV-DOSE, R-REV-SCHEDULE, R-REV-EXTEND).
@Suite("Scheduler with revisions")
struct SchedulerRevisionTests {
  /// Heel raises 3 days a week (+2 reps a week to 15, then a set more) and a daily stretch,
  /// from Monday 2026-11-30, 8 weeks.
  static let programme = Fixtures.programme([Fixtures.strengthening(), Fixtures.stretch()])

  static func revised(_ changes: [(String, ProgrammeChange)]) -> Programme {
    var programme = programme
    for (index, (day, change)) in changes.enumerated() {
      let revision = ProgrammeRevision(
        id: RevisionID.make(effective: Fixtures.day(day), suffix: UInt32(index)),
        effective: Fixtures.day(day), change: change, at: Fixtures.stamp(index))
      #expect(RevisionCheck.problems(adding: revision, to: programme).isEmpty)
      programme.revisions.append(revision)
    }
    return programme
  }

  static let fourteen = ProgrammeChange.set(
    treatmentId: "heel-raises", TreatmentSettings(dose: .setsReps(sets: 3, reps: 14, load: nil)))

  static func sessions(_ programme: Programme, of id: String, from: String, days: Int)
    -> [CalendarDay]
  {
    let scheduler = Scheduler(programme: programme)
    return (0..<days).map { Fixtures.day(from).adding(days: $0) }.filter {
      scheduler.isScheduled(id, on: $0)
    }
  }

  @Test("a painful session after a revision steps the next one down from the revised dose")
  func painStepsDownFromRevisedDose() throws {
    let programme = Self.revised([("2026-12-07", Self.fourteen)])
    let days = Self.sessions(programme, of: "heel-raises", from: "2026-12-07", days: 7)
    try #require(days.count == 3)
    let pain = [PainEntry(day: days[0], level: 7, treatmentId: "heel-raises")]
    let next = Scheduler(programme: programme).checklist(for: days[1], pain: pain).first {
      $0.treatmentId == "heel-raises"
    }
    let lighter = PainStep.lighter(
      than: PrescribedDose(dose: .setsReps(sets: 3, reps: 14, load: nil)), kind: .strengthening,
      progression: Fixtures.strengthening().progression)
    #expect(next?.dose == lighter)
    #expect(next?.painAdjustments == [.steppedDown])
  }

  @Test("two painful sessions in the revised week hold the next week at the revised dose")
  func painHoldsFromRevisedDose() throws {
    let programme = Self.revised([("2026-12-07", Self.fourteen)])
    let days = Self.sessions(programme, of: "heel-raises", from: "2026-12-07", days: 7)
    let pain = days.prefix(2).map { PainEntry(day: $0, level: 7, treatmentId: "heel-raises") }
    let nextWeek = Self.sessions(programme, of: "heel-raises", from: "2026-12-14", days: 7)
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance(pain)
    let item = try #require(
      scheduler.checklist(for: nextWeek[1], guidance: guidance).first {
        $0.treatmentId == "heel-raises"
      })
    #expect(item.dose.dose == .setsReps(sets: 3, reps: 14, load: nil))
    #expect(item.painAdjustments == [.held])
  }

  @Test("a schedule revision lays out its days from its day on and moves no other treatment")
  func scheduleRevision() {
    var schedule = Fixtures.strengthening().schedule
    schedule.pattern = .weekdays([.tuesday, .friday])
    let programme = Self.revised([
      ("2026-12-14", .set(treatmentId: "heel-raises", TreatmentSettings(schedule: schedule)))
    ])
    let before = Self.sessions(Self.programme, of: "heel-raises", from: "2026-11-30", days: 14)
    #expect(Self.sessions(programme, of: "heel-raises", from: "2026-11-30", days: 14) == before)
    #expect(
      Self.sessions(programme, of: "heel-raises", from: "2026-12-14", days: 7).map(\.weekday)
        == [.tuesday, .friday])
    #expect(
      Self.sessions(programme, of: "calf-stretch", from: "2026-11-30", days: 56)
        == Self.sessions(Self.programme, of: "calf-stretch", from: "2026-11-30", days: 56))
  }

  @Test("an extension schedules the weeks after the old end and changes no earlier day")
  func extendedProgramme() {
    let programme = Self.revised([("2027-01-25", .extend(weeks: 2))])
    #expect(programme.weeks == 10 && programme.end == Fixtures.day("2027-02-07"))
    #expect(Scheduler(programme: Self.programme).checklist(for: Fixtures.day("2027-01-26")).isEmpty)
    #expect(!Scheduler(programme: programme).checklist(for: Fixtures.day("2027-01-26")).isEmpty)
    let day = Fixtures.day("2027-01-20")
    #expect(
      Scheduler(programme: programme).checklist(for: day)
        == Scheduler(programme: Self.programme).checklist(for: day))
    // Judged on its own: an extension starts the day after the end, and 52 weeks at most.
    let late = ProgrammeRevision(
      id: RevisionID.make(effective: Fixtures.day("2027-01-30"), suffix: 9),
      effective: Fixtures.day("2027-01-30"), change: .extend(weeks: 2), at: Fixtures.stamp(9))
    #expect(RevisionCheck.problems(adding: late, to: Self.programme).first?.path == "effective")
  }

  @Test("a staged progression stops at a revised dose (R-REV-DOSE)")
  func stagesStopAtRevisedDose() {
    let staged = Progression.stages([
      ProgressionStage(fromWeek: 3, dose: .setsReps(sets: 4, reps: 10, load: "10RM"))
    ])
    var base = Self.programme
    base.plan.treatments[0].progression = staged
    base.plan.treatments[0].dose = .setsReps(sets: 3, reps: 12, load: "12RM")
    var programme = base
    let revision = ProgrammeRevision(
      id: RevisionID.make(effective: Fixtures.day("2026-12-07"), suffix: 1),
      effective: Fixtures.day("2026-12-07"),
      change: .set(
        treatmentId: "heel-raises",
        TreatmentSettings(dose: .setsReps(sets: 2, reps: 12, load: "12RM"))),
      at: Fixtures.stamp(1))
    #expect(RevisionCheck.problems(adding: revision, to: base).isEmpty)
    programme.revisions = [revision]
    let later = Self.sessions(programme, of: "heel-raises", from: "2026-12-21", days: 7)
    let item = Scheduler(programme: programme).checklist(for: later[0]).first {
      $0.treatmentId == "heel-raises"
    }
    #expect(item?.dose.dose == .setsReps(sets: 2, reps: 12, load: "12RM"))
    let unrevised = Scheduler(programme: base).checklist(for: later[0]).first {
      $0.treatmentId == "heel-raises"
    }
    #expect(unrevised?.dose.dose == .setsReps(sets: 4, reps: 10, load: "10RM"))
  }

  @Test("a revision is judged as a programme file: the same message as the validator's")
  func sameMessagesAsTheValidator() {
    var schedule = Fixtures.strengthening().schedule
    schedule.pattern = .daily
    let revision = ProgrammeRevision(
      id: RevisionID.make(effective: Fixtures.day("2026-12-07"), suffix: 1),
      effective: Fixtures.day("2026-12-07"),
      change: .set(treatmentId: "heel-raises", TreatmentSettings(schedule: schedule)),
      at: Fixtures.stamp(1))
    var file = Self.programme.plan
    file.treatments[0].schedule = schedule
    let fromFile = ProgrammeValidator.problems(in: file).first
    let fromRevision = RevisionCheck.problems(adding: revision, to: Self.programme).first
    #expect(fromFile != nil)
    #expect(fromRevision?.message == fromFile?.message && fromRevision?.fix == fromFile?.fix)
    #expect(fromRevision?.path == "heel-raises.schedule.daily")
  }
}

extension SchedulerRevisionTests {
  @Test("a follower keeps the days of the targets still done while one of them is paused")
  func followerOfAPausedTarget() throws {
    var ice = Fixtures.stretch(id: "ice")
    ice.kind = .ice
    ice.name = "Ice"
    ice.dose = .time(minutes: 15)
    ice.schedule = Schedule(.sameDaysAs(["heel-raises", "band"]))
    var band = Fixtures.strengthening(id: "band")
    band.schedule = Schedule(.weekdays([.tuesday, .saturday]))
    let base = Fixtures.programme([Fixtures.strengthening(), band, ice])
    var programme = base
    let pause = ProgrammeRevision(
      id: RevisionID.make(effective: Fixtures.day("2026-12-07"), suffix: 1),
      effective: Fixtures.day("2026-12-07"), change: .pause(treatmentId: "band", until: nil),
      at: Fixtures.stamp(1))
    #expect(RevisionCheck.problems(adding: pause, to: base).isEmpty)
    programme.revisions = [pause]
    let iceDays = Self.sessions(programme, of: "ice", from: "2026-12-07", days: 7)
    let heelDays = Self.sessions(programme, of: "heel-raises", from: "2026-12-07", days: 7)
    #expect(iceDays == heelDays && !iceDays.isEmpty)
    #expect(Self.sessions(programme, of: "band", from: "2026-12-07", days: 7).isEmpty)
    // Before the pause, ice followed both.
    let before = Self.sessions(programme, of: "ice", from: "2026-11-30", days: 7)
    #expect(
      before.count > Self.sessions(programme, of: "heel-raises", from: "2026-11-30", days: 7).count)
  }
}
