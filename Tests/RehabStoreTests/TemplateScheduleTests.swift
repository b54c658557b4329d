import Foundation
import Testing

@testable import RehabCore
@testable import RehabStore

/// The built-in templates do what their text says, with doses traceable to a rule
/// (docs/clinical-rules.md): ice after every loading session, about 20 minutes of balance work
/// on a drill day (R-DOSE-ACTIVATION), and the high-load heel-raise protocol (R-DOSE-HIGH-LOAD).
@Suite("Template schedules")
struct TemplateScheduleTests {
  /// A Monday; each template is started on every weekday from here.
  static let firstStart = CalendarDay(daysSinceEpoch: 20_787)

  struct Run {
    let template: ProgrammePlan
    let programme: Programme
    let scheduler: Scheduler

    var days: [CalendarDay] {
      (0..<(programme.weeks * 7)).map { programme.start.adding(days: $0) }
    }
  }

  /// Every built-in template from each weekday, for one affected side.
  static func runs(side: Side = .left) throws -> [Run] {
    try TemplateLibrary.builtIn().flatMap { template in
      (0..<7).map { offset in
        let programme = Programme(
          plan: template.plan, start: firstStart.adding(days: offset), affectedSide: side)
        return Run(
          template: template.plan, programme: programme, scheduler: Scheduler(programme: programme))
      }
    }
  }

  static func template(_ id: String) throws -> ProgrammePlan {
    try TemplateLibrary.template(id: id).plan
  }

  // MARK: Ice

  @Test("every template's ice is on exactly the days with a strengthening session")
  func iceOnEveryLoadingDay() throws {
    var checked = Set<String>()
    for run in try Self.runs() where run.template.treatments.contains(where: { $0.kind == .ice }) {
      checked.insert(run.template.id)
      for day in run.days {
        let items = run.scheduler.checklist(for: day)
        let loading = items.contains { $0.kind == .strengthening }
        let iced = items.contains { $0.kind == .ice }
        #expect(iced == loading, "\(run.template.id) from \(run.programme.start): \(day)")
      }
    }
    #expect(checked == ["lateral-ankle-sprain", "plantar-heel-pain"])
  }

  @Test(
    "lateral-ankle-sprain: ice after the band and after the heel raises, on all 24 days of each")
  func lateralSprainIcesEveryStrengtheningSession() throws {
    let plan = try Self.template("lateral-ankle-sprain")
    #expect(plan.description.contains("Ice after the strengthening sessions"))
    let ice = try #require(plan.treatments.first { $0.kind == .ice })
    let strengthening = plan.treatments.filter { $0.kind == .strengthening }.map(\.id)
    guard case .sameDaysAs(let targets) = ice.schedule.pattern else {
      Issue.record("ice is not scheduled on the days of the strengthening")
      return
    }
    #expect(Set(targets) == Set(strengthening))
    for run in try Self.runs() where run.template.id == plan.id {
      for id in strengthening {
        let treatment = try #require(plan.treatment(id: id))
        let days = run.days.filter { run.scheduler.isScheduled(treatment, on: $0) }
        #expect(days.count == 24, "\(id)")
        for day in days {
          #expect(run.scheduler.isScheduled(ice, on: day), "\(id) on \(day) has no ice")
        }
      }
    }
  }

  // MARK: Balance dose

  /// Seconds of activation work in a day's list: each item's guided session, pauses included.
  static func activationSeconds(_ items: [ChecklistItem], plan: ProgrammePlan) -> Int {
    items.filter { $0.kind == .activation }.reduce(0) { total, item in
      let timing = plan.treatment(id: item.treatmentId)?.sessionTiming ?? .defaults
      return total + SessionEstimate.seconds(for: item, timing: timing)
    }
  }

  @Test("R-DOSE-ACTIVATION: a drill day holds about 20 minutes of balance work, on 3–5 days a week")
  func balanceMinutesPerDrillDay() throws {
    var balanceTemplates = Set<String>()
    for run in try Self.runs() {
      let drills = run.template.treatments.filter { $0.rule == "R-DOSE-ACTIVATION" }
      guard !drills.isEmpty else { continue }
      balanceTemplates.insert(run.template.id)
      for week in 1...run.programme.weeks {
        let first = run.programme.firstDay(ofWeek: week)
        var drillDays = 0
        for day in (0..<7).map({ first.adding(days: $0) }) {
          let items = run.scheduler.checklist(for: day)
          guard items.contains(where: { $0.kind == .activation }) else { continue }
          drillDays += 1
          let minutes = Double(Self.activationSeconds(items, plan: run.template)) / 60
          #expect(
            (15...25).contains(minutes),
            "\(run.template.id) from \(run.programme.start), \(day): \(minutes) min of drills")
          // Few exercises a day: the drills share their days, at most three of them.
          let drillsToday = Set(items.filter { $0.kind == .activation }.map(\.treatmentId))
          #expect(drillsToday.count <= 3, "\(run.template.id) \(day): \(drillsToday)")
        }
        #expect(
          (3...5).contains(drillDays), "\(run.template.id) week \(week): \(drillDays) drill days")
      }
    }
    #expect(
      balanceTemplates == [
        "chronic-ankle-instability", "foot-intrinsics", "lateral-ankle-sprain", "peroneal-weakness",
      ])
  }

  @Test("the estimate counts holds, reps and the pauses between them, per side")
  func sessionEstimate() throws {
    let day = Self.firstStart
    func item(_ dose: Dose, side: Side) -> ChecklistItem {
      ChecklistItem(
        id: "x", day: day, programmeWeek: 1, treatmentId: "x", name: "X", kind: .activation,
        side: side, dose: PrescribedDose(dose: dose), occurrence: 1, occurrencesPerDay: 1,
        instructions: "", progressionStep: 0, painAdjustments: [])
    }
    let timing = SessionTiming.defaults
    // 5 s get ready, 8 holds of 45 s, 7 rests of 10 s.
    #expect(
      SessionEstimate.seconds(
        for: item(.holds(seconds: 45, repetitions: 8), side: .left), timing: timing)
        == 5 + 8 * 45 + 7 * 10)
    // Both sides: the same again for the right.
    #expect(
      SessionEstimate.seconds(
        for: item(.holds(seconds: 45, repetitions: 8), side: .both), timing: timing)
        == 2 * (5 + 8 * 45 + 7 * 10))
    // 3 sets of 10 at 4 s a rep, 2 rests of 60 s.
    #expect(
      SessionEstimate.seconds(
        for: item(.setsReps(sets: 3, reps: 10, load: nil), side: .left), timing: timing)
        == 3 * 10 * SessionEstimate.secondsPerRep + 2 * 60)
    #expect(
      SessionEstimate.seconds(for: item(.time(minutes: 15), side: .left), timing: timing) == 900)
  }

  // MARK: Few exercises a day

  @Test("a day holds at most 4 exercises (heat and ice not counted), for every start and side")
  func fewExercisesADay() throws {
    for side in Side.allCases {
      for run in try Self.runs(side: side) {
        for day in run.days {
          let exercises = Set(
            run.scheduler.checklist(for: day).filter { !$0.kind.isThermal }.map(\.treatmentId))
          #expect(
            exercises.count <= 4, "\(run.template.id) \(side) \(day): \(exercises.sorted())")
        }
      }
    }
  }

  // MARK: Plantar heel pain

  @Test(
    "plantar-heel-pain: 12RM × 3 in weeks 1–2, 10RM × 4 in weeks 3–4, 8RM × 5 from week 5, every other day"
  )
  func plantarHighLoadProtocol() throws {
    let plan = try Self.template("plantar-heel-pain")
    let raises = try #require(plan.treatment(id: "heel-raises-towel"))
    #expect(raises.rule == "R-DOSE-HIGH-LOAD")
    for run in try Self.runs() where run.template.id == plan.id {
      var previous: CalendarDay?
      for week in 1...run.programme.weeks {
        let expected: (sets: Int, reps: Int, rm: String) =
          switch week {
          case 1...2: (3, 12, "12RM")
          case 3...4: (4, 10, "10RM")
          default: (5, 8, "8RM")
          }
        let first = run.programme.firstDay(ofWeek: week)
        let sessions = (0..<7).map { first.adding(days: $0) }.filter {
          run.scheduler.isScheduled(raises, on: $0)
        }
        #expect(sessions.count == 3, "week \(week)")
        for day in sessions {
          let item = try #require(
            run.scheduler.checklist(for: day).first { $0.treatmentId == raises.id })
          #expect(
            item.dose.dose
              == .setsReps(sets: expected.sets, reps: expected.reps, load: item.dose.dose.load),
            "week \(week): \(item.dose.text)")
          #expect(item.dose.dose.load?.hasPrefix(expected.rm) == true, "week \(week)")
          // Every other day: never two days running, and never more than 3 days apart.
          if let previous {
            #expect((2...3).contains(previous.days(until: day)), "\(previous) → \(day)")
          }
          previous = day
        }
      }
    }
    #expect(plan.description.contains("every other day"))
  }

  // MARK: Rules

  /// The rule each kind of dose may cite (docs/clinical-rules.md, "Default dosage per kind").
  static let rulesByKind: [TreatmentKind: Set<String>] = [
    .strengthening: ["R-DOSE-STRENGTH", "R-DOSE-HIGH-LOAD"], .stretching: ["R-DOSE-STRETCH"],
    .activation: ["R-DOSE-ACTIVATION"], .heat: ["R-DOSE-HEAT"], .ice: ["R-DOSE-ICE"],
    .ultrasound: ["R-DOSE-ULTRASOUND"],
  ]

  @Test("every template dose names a rule of its kind that docs/clinical-rules.md lists")
  func dosesTraceToRules() throws {
    let rules = try String(contentsOf: Self.clinicalRules, encoding: .utf8)
    for template in try TemplateLibrary.builtIn() {
      for treatment in template.plan.treatments {
        let rule = try #require(treatment.rule, "\(template.plan.id).\(treatment.id) has no rule")
        #expect(
          Self.rulesByKind[treatment.kind]?.contains(rule) == true,
          "\(template.plan.id).\(treatment.id): \(rule)")
        #expect(rules.contains("| \(rule) |"), "\(rule) is not in the rule tables")
      }
    }
  }

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let clinicalRules = repository.appendingPathComponent("docs/clinical-rules.md")

  @Test("every rule id in the sources, templates and tests is documented in docs/clinical-rules.md")
  func everyRuleIdIsDocumented() throws {
    let rules = try String(contentsOf: Self.clinicalRules, encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: "(?<![A-Za-z0-9-])R-[A-Z][A-Z0-9-]*[A-Z0-9]")
    var used: [String: String] = [:]
    for folder in ["Sources", "Programs", "Tests"] {
      let root = Self.repository.appendingPathComponent(folder)
      let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
      for file in files ?? [] where file.hasSuffix(".swift") || file.hasSuffix(".json") {
        guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        else { continue }
        let range = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: range) {
          guard let found = Range(match.range, in: text) else { continue }
          let rule = String(text[found])
          used[rule] = used[rule] ?? "\(folder)/\(file)"
        }
      }
    }
    #expect(used.count > 20)
    for (rule, file) in used.sorted(by: { $0.key < $1.key }) {
      // Documented means a row of one of the rule tables, not only a mention.
      #expect(
        rules.contains("| \(rule) |"), "\(rule) (used in \(file)) is not in docs/clinical-rules.md")
    }
  }
}
