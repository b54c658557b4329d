import RehabCore
import RehabStore
import RehabTestSupport
import Testing

/// Seeded random revision sequences over the bundled templates (R-REV-EFFECTIVE, R-REV-DOSE,
/// R-REV-PAUSE): what a revision may and may not change.
@Suite("Programme revisions, property tests")
struct RevisionPropertyTests {
  static let templates: [ProgrammePlan] = (try? TemplateLibrary.builtIn().map(\.plan)) ?? []

  /// A random revision that `RevisionCheck` may or may not accept (the generator does not
  /// know the rules; rejected ones are skipped).
  static func randomRevision(
    _ programme: Programme, random: inout SeededRandom, index: Int
  ) -> ProgrammeRevision {
    var day = programme.start.adding(days: random.int(0...(programme.weeks * 7 - 1)))
    // A resume is tried some days after a stored pause (a random day is rarely paused).
    let pauses = programme.revisions.filter { $0.kinds == [.pause] }
    let resuming = !pauses.isEmpty && random.chance(15)
    if resuming {
      let pause = random.pick(pauses)
      day = min(programme.end, pause.effective.adding(days: random.int(1...10)))
      return ProgrammeRevision(
        id: RevisionID.make(effective: day, suffix: UInt32(index)), effective: day,
        change: .resume(treatmentId: pause.treatmentId ?? ""), at: Fixtures.stamp(index))
    }
    let treatments = programme.inForce(on: day).treatments
    let target = treatments.isEmpty ? nil : random.pick(treatments)
    let id = target?.id ?? "none"
    let change: ProgrammeChange
    switch random.int(0...9) {
    case 0...3:
      var dose = target?.treatment.dose ?? .time(minutes: 10)
      switch dose {
      case .setsReps(let sets, let reps, let load):
        dose = .setsReps(
          sets: max(1, sets + random.int(-1...1)), reps: max(1, reps + random.int(-3...3)),
          load: load)
      case .holds(let seconds, let repetitions):
        dose = .holds(
          seconds: max(5, seconds + random.int(-10...10)),
          repetitions: max(1, repetitions + random.int(-1...1)))
      case .time(let minutes): dose = .time(minutes: max(1, minutes + random.int(-5...5)))
      }
      change = .set(treatmentId: id, TreatmentSettings(dose: dose))
    case 4:
      let pattern: Schedule.Pattern = random.pick([
        .daily, .daysPerWeek(2), .daysPerWeek(3), .weekdays([.monday, .thursday]),
      ])
      var schedule = target?.treatment.schedule ?? Schedule(.daily)
      schedule.pattern = pattern
      change = .set(treatmentId: id, TreatmentSettings(schedule: schedule))
    case 5: change = .set(treatmentId: id, TreatmentSettings(side: random.pick(SideRule.allCases)))
    case 6:
      change = .pause(
        treatmentId: id, until: random.chance(50) ? day.adding(days: random.int(0...20)) : nil)
    case 7: change = .resume(treatmentId: id)
    case 8: change = .remove(treatmentId: id)
    default:
      var added = Fixtures.stretch(id: "added-\(index)")
      added.name = "Added stretch \(index)"
      change = .add(added)
    }
    return ProgrammeRevision(
      id: RevisionID.make(effective: day, suffix: UInt32(index)), effective: day, change: change,
      at: Fixtures.stamp(index))
  }

  /// Random pain on random days, about the programme's treatments.
  static func randomPain(_ programme: Programme, random: inout SeededRandom) -> [PainEntry] {
    let ids = programme.allTreatments.map(\.id)
    return (0..<random.int(0...6)).map { _ in
      PainEntry(
        day: programme.start.adding(days: random.int(0...(programme.weeks * 7 - 1))),
        level: random.int(0...10), timing: random.chance(70) ? .during : .nextMorning,
        treatmentId: random.chance(70) ? random.pick(ids) : nil)
    }.sorted { $0.day < $1.day }
  }

  /// Builds a programme from a random template with up to `count` accepted revisions,
  /// calling `check(before, after, revision)` for each one accepted.
  static func forEachAccepted(
    seed: UInt64, count: Int,
    _ check: (_ before: Programme, _ after: Programme, _ revision: ProgrammeRevision) -> Void
  ) {
    var random = SeededRandom(state: seed)
    guard !templates.isEmpty else { return }
    let plan = random.pick(templates)
    var programme = Programme(
      plan: plan, start: Fixtures.day("2026-11-02").adding(days: random.int(0...6)),
      affectedSide: random.pick([.left, .right]))
    for index in 0..<(count * 4) where programme.revisions.count < count {
      let revision = randomRevision(programme, random: &random, index: index)
      guard RevisionCheck.problems(adding: revision, to: programme).isEmpty else { continue }
      var after = programme
      after.revisions.append(revision)
      check(programme, after, revision)
      programme = after
    }
  }

  @Test("templates are bundled") func templatesAreBundled() { #expect(Self.templates.count >= 5) }

  @Test("adding a revision changes no checklist or dose of a day before its effective day")
  func daysBeforeAreUnchanged() {
    var accepted: [RevisionKind: Int] = [:]
    for seed in UInt64(1)...24 {
      var random = SeededRandom(state: seed &* 7919)
      Self.forEachAccepted(seed: seed, count: 6) { before, after, revision in
        for kind in revision.kinds { accepted[kind, default: 0] += 1 }
        let pain = Self.randomPain(before, random: &random)
        let old = Scheduler(programme: before)
        let new = Scheduler(programme: after)
        var day = before.start
        while day < revision.effective {
          #expect(
            old.checklist(for: day, pain: pain) == new.checklist(for: day, pain: pain),
            "seed \(seed): \(day) changed by \(revision.id) effective \(revision.effective)")
          day = day.adding(days: 1)
        }
      }
    }
    // The sequences really mix the kinds of change.
    for kind in [RevisionKind.dose, .schedule, .side, .add, .remove, .pause, .resume] {
      #expect(accepted[kind, default: 0] >= 2, "\(kind): \(accepted[kind, default: 0])")
    }
  }

  @Test("a removed or paused treatment has no items in its span and counts in no adherence")
  func removedAndPausedHaveNoItems() {
    var checked = 0
    for seed in UInt64(100)...130 {
      Self.forEachAccepted(seed: seed, count: 6) { _, after, revision in
        guard let id = revision.treatmentId else { return }
        let span: ClosedRange<CalendarDay>
        switch revision.change {
        case .remove: span = revision.effective...after.end
        case .pause(_, let until): span = revision.effective...(until ?? after.end)
        default: return
        }
        let scheduler = Scheduler(programme: after)
        // A later revision (a resume) may end the span early: judge the days the in-force
        // answer says are paused or removed.
        let ledger = AdherenceLedger(
          history: ProgressHistory(programme: after), asOf: after.end)
        var day = span.lowerBound
        while day <= min(span.upperBound, after.end) {
          if let status = after.inForce(on: day).treatment(id: id)?.status, !status.isActive {
            #expect(!scheduler.checklist(for: day).contains { $0.treatmentId == id })
            #expect(!scheduler.itemIds(for: day).contains { $0.contains(".\(id).") })
            #expect(!ledger.day(day).entries.contains { $0.item.treatmentId == id })
            #expect(!ledger.treatments(on: [day]).contains { $0.treatmentId == id })
            checked += 1
          }
          day = day.adding(days: 1)
        }
      }
    }
    #expect(checked > 50)
  }

  @Test("a revised dose is the dose of its programme week, and weekly progression steps on from it")
  func progressionContinuesFromRevisedDose() {
    var checked = 0
    for plan in Self.templates {
      for treatment in plan.treatments {
        guard case .weekly(let weekly) = treatment.progression, treatment.kind.isHomeTask,
          case .setsReps(let sets, let reps, let load) = treatment.dose
        else { continue }
        let programme = Programme(
          plan: plan, start: Fixtures.day("2026-11-02"), affectedSide: .left)
        let revisedReps = max(1, min(weekly.max, reps + 1))
        let revisedDose = Dose.setsReps(sets: sets, reps: revisedReps, load: load)
        // Effective mid-week (day 3 of the week), in the second week the treatment runs.
        let week = treatment.firstWeek + 1
        let effective = programme.firstDay(ofWeek: week).adding(days: 2)
        var revised = programme
        revised.revisions.append(
          ProgrammeRevision(
            id: RevisionID.make(effective: effective, suffix: 1), effective: effective,
            change: .set(treatmentId: treatment.id, TreatmentSettings(dose: revisedDose)),
            at: Fixtures.stamp(1)))
        guard RevisionCheck.problems(adding: revised.revisions[0], to: programme).isEmpty else {
          continue
        }
        let scheduler = Scheduler(programme: revised)
        let guidance = scheduler.painGuidance([])
        for day in (0..<(revised.weeks * 7)).map({ revised.start.adding(days: $0) })
        where day >= effective && scheduler.isScheduled(treatment.id, on: day) {
          guard let dayWeek = revised.programmeWeek(of: day), treatment.runs(inWeek: dayWeek)
          else { continue }
          let expected = weekly.apply(steps: dayWeek - week, to: revisedDose)
          let items = scheduler.checklist(for: day, guidance: guidance).filter {
            $0.treatmentId == treatment.id
          }
          #expect(!items.isEmpty)
          for item in items {
            #expect(item.dose == expected, "\(plan.id)/\(treatment.id) on \(day)")
          }
          checked += 1
        }
        // Before the effective day the old progression holds.
        let before = effective.adding(days: -1)
        #expect(
          scheduler.plannedDose(for: treatment, on: before, guidance: guidance)
            == weekly.apply(steps: week - treatment.firstWeek, to: treatment.dose))
      }
    }
    #expect(checked > 10)
  }

  @Test("a pause adds no step: the treatment resumes at the dose of its last week before it")
  func pauseHoldsProgression() throws {
    let treatment = Fixtures.strengthening(
      progression: Progression(field: .reps, step: 1, max: 30))
    let programme = Fixtures.programme([treatment], start: "2026-11-30", weeks: 8)
    // Paused for all of week 3 (2026-12-14 … 12-20).
    let pause = ProgrammeRevision(
      id: RevisionID.make(effective: Fixtures.day("2026-12-14"), suffix: 1),
      effective: Fixtures.day("2026-12-14"),
      change: .pause(treatmentId: treatment.id, until: Fixtures.day("2026-12-20")),
      at: Fixtures.stamp(1))
    #expect(RevisionCheck.problems(adding: pause, to: programme).isEmpty)
    var paused = programme
    paused.revisions = [pause]
    let scheduler = Scheduler(programme: paused)
    let guidance = scheduler.painGuidance([])
    func reps(inWeek week: Int) -> Int? {
      (0..<7).map { paused.firstDay(ofWeek: week).adding(days: $0) }
        .compactMap { scheduler.checklist(for: $0).first?.dose.dose.value(of: .reps) }.first
    }
    #expect(reps(inWeek: 2) == 11)
    #expect(reps(inWeek: 3) == nil)
    #expect(reps(inWeek: 4) == 11)
    #expect(reps(inWeek: 5) == 12)
    #expect(scheduler.plannedStep(of: treatment, inWeek: 4, guidance: guidance) == 1)
    // Without the pause, week 4 would be two steps further.
    let unpaused = Scheduler(programme: programme)
    #expect(
      (0..<7).map { programme.firstDay(ofWeek: 4).adding(days: $0) }
        .compactMap { unpaused.checklist(for: $0).first?.dose.dose.value(of: .reps) }.first == 13)
  }
}
