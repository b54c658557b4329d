/// Checks a decoded programme against the format's ranges and the clinical rules, returning
/// every problem with its JSON path and a fix. Decoding has already rejected wrong types and
/// unknown fields; this judges values.
public enum ProgrammeValidator {
  public static func problems(in programme: Programme) -> [ProgrammeProblem] {
    var found = problems(in: programme.plan).map { problem in
      var nested = problem
      nested.path = problem.path == "(top level)" ? "plan" : "plan.\(problem.path)"
      return nested
    }
    if !ProgrammePlan.weekLimits.contains(programme.weeks) {
      found.append(
        ProgrammeProblem(
          path: "weeks", message: "\(programme.weeks) weeks is out of range",
          fix: "use 1 to \(ProgrammePlan.weekLimits.upperBound) weeks"))
    }
    // Revisions are judged on a programme that is otherwise sound (their checks read it).
    if found.isEmpty { found += RevisionCheck.problems(in: programme) }
    return found
  }

  public static func problems(in plan: ProgrammePlan) -> [ProgrammeProblem] {
    var found: [ProgrammeProblem] = []
    func add(_ path: String, _ message: String, _ fix: String) {
      found.append(ProgrammeProblem(path: path, message: message, fix: fix))
    }
    if !isIdentifier(plan.id) {
      add("id", "'\(plan.id)' is not a valid id", "use lowercase letters, digits and '-'")
    }
    if plan.title.trimmingWhitespace.isEmpty { add("title", "is empty", "give a one-line title") }
    if plan.description.trimmingWhitespace.isEmpty {
      add("description", "is empty", "describe who the programme is for")
    }
    if !ProgrammePlan.weekLimits.contains(plan.weeks) {
      add("weeks", "\(plan.weeks) weeks is out of range", "use 1 to 52 weeks")
    }
    if !ProgrammePlan.treatmentLimits.contains(plan.treatments.count) {
      add(
        "treatments", "has \(plan.treatments.count) treatments",
        "give 1 to \(ProgrammePlan.treatmentLimits.upperBound) treatments")
    }
    found += thresholdProblems(plan.thresholds)

    var seen = Set<String>()
    for (index, treatment) in plan.treatments.enumerated() {
      let path = "treatments[\(index)]"
      if !seen.insert(treatment.id).inserted {
        add("\(path).id", "'\(treatment.id)' is used twice", "give each treatment its own id")
      }
      found += problems(in: treatment, path: path, plan: plan)
    }
    return found
  }

  private static func thresholdProblems(_ thresholds: FlagThresholds) -> [ProgrammeProblem] {
    var found: [ProgrammeProblem] = []
    if !(0...1).contains(thresholds.lowAdherence) {
      found.append(
        ProgrammeProblem(
          path: "thresholds.lowAdherence", message: "\(thresholds.lowAdherence) is not a fraction",
          fix: "use a value from 0 to 1, e.g. 0.7 for 70 %"))
    }
    let weekFields: [(String, Int)] = [
      ("reviewWindowWeeks", thresholds.reviewWindowWeeks),
      ("plateauFromWeek", thresholds.plateauFromWeek),
      ("imbalanceFromWeek", thresholds.imbalanceFromWeek),
      ("referralAfterWeeks", thresholds.referralAfterWeeks),
    ]
    for (name, value) in weekFields where !ProgrammePlan.weekLimits.contains(value) {
      found.append(
        ProgrammeProblem(
          path: "thresholds.\(name)", message: "\(value) is out of range", fix: "use 1 to 52 weeks")
      )
    }
    if !(1...100).contains(thresholds.symmetryIndexOK) {
      found.append(
        ProgrammeProblem(
          path: "thresholds.symmetryIndexOK",
          message: "\(thresholds.symmetryIndexOK) is out of range",
          fix: "use a percentage from 1 to 100, e.g. 90"))
    }
    return found
  }

  private static func problems(in treatment: Treatment, path: String, plan: ProgrammePlan)
    -> [ProgrammeProblem]
  {
    var found: [ProgrammeProblem] = []
    func add(_ field: String, _ message: String, _ fix: String) {
      found.append(ProgrammeProblem(path: "\(path).\(field)", message: message, fix: fix))
    }
    if !isIdentifier(treatment.id) {
      add("id", "'\(treatment.id)' is not a valid id", "use lowercase letters, digits and '-'")
    }
    if treatment.name.trimmingWhitespace.isEmpty { add("name", "is empty", "name the treatment") }
    if treatment.instructions.trimmingWhitespace.isEmpty {
      add("instructions", "is empty", "say how to do it in plain words")
    }
    found += doseProblems(treatment, path: path)
    found += scheduleProblems(treatment, path: path, plan: plan)
    if let weeks = treatment.weeks {
      if weeks.from < 1 || weeks.to < weeks.from || weeks.to > plan.weeks {
        add(
          "weeks", "weeks \(weeks.from)–\(weeks.to) do not fit a \(plan.weeks)-week programme",
          "use 1 ≤ from ≤ to ≤ \(plan.weeks)")
      }
    }
    switch treatment.progression {
    case .weekly(let weekly):
      found += progressionProblems(weekly, dose: treatment.dose, path: "\(path).progression")
    case .stages(let stages):
      found += stageProblems(stages, treatment: treatment, plan: plan, path: "\(path).progression")
    case nil:
      break
    }
    for field in treatment.session?.fields ?? [] where !SessionTiming.limits.contains(field.value) {
      found.append(
        ProgrammeProblem(
          path: "\(path).session.\(field.name)", message: "\(field.value) is out of range",
          fix:
            "use \(SessionTiming.limits.lowerBound) to \(SessionTiming.limits.upperBound) seconds"
        ))
    }
    return found
  }

  private static func doseProblems(_ treatment: Treatment, path: String) -> [ProgrammeProblem] {
    doseProblems(treatment.dose, kind: treatment.kind, path: "\(path).dose")
  }

  /// A dose's ranges, and minutes for heat, ice and ultrasound; `path` is the dose's own path.
  private static func doseProblems(_ dose: Dose, kind: TreatmentKind, path: String)
    -> [ProgrammeProblem]
  {
    var found: [ProgrammeProblem] = []
    func check(_ field: String, _ value: Int, _ range: ClosedRange<Int>, _ why: String = "") {
      guard !range.contains(value) else { return }
      found.append(
        ProgrammeProblem(
          path: "\(path).\(field)", message: "\(value) is out of range\(why)",
          fix: "use \(range.lowerBound) to \(range.upperBound)"))
    }
    switch dose {
    case .setsReps(let sets, let reps, _):
      check("sets", sets, Dose.Limits.sets)
      check("reps", reps, Dose.Limits.reps)
    case .holds(let seconds, let repetitions):
      check("holdSeconds", seconds, Dose.Limits.holdSeconds)
      check("repetitions", repetitions, Dose.Limits.repetitions)
    case .time(let minutes):
      if kind.isThermal {
        check(
          "minutes", minutes, Dose.Limits.thermalMinutes,
          " for \(kind.rawValue) (R-DOSE-HEAT, R-DOSE-ICE: at most 20 minutes)")
      } else {
        check("minutes", minutes, Dose.Limits.minutes)
      }
    }
    if kind.isThermal || kind == .ultrasound, dose.value(of: .minutes) == nil {
      found.append(
        ProgrammeProblem(
          path: path, message: "\(kind.rawValue) is dosed in minutes",
          fix: "write the dose as {\"minutes\": 15}"))
    }
    return found
  }

  private static func scheduleProblems(_ treatment: Treatment, path: String, plan: ProgrammePlan)
    -> [ProgrammeProblem]
  {
    var found: [ProgrammeProblem] = []
    let schedule = treatment.schedule
    func add(_ field: String, _ message: String, _ fix: String) {
      found.append(ProgrammeProblem(path: "\(path).schedule.\(field)", message: message, fix: fix))
    }
    if !Schedule.Limits.timesPerDay.contains(schedule.timesPerDay) {
      add("timesPerDay", "\(schedule.timesPerDay) is out of range", "use 1 to 3")
    }
    switch schedule.pattern {
    case .daily:
      break
    case .daysPerWeek(let count):
      if !Schedule.Limits.daysPerWeek.contains(count) {
        add("daysPerWeek", "\(count) is out of range", "use 1 to 7 days a week")
      }
    case .weekdays(let days):
      if days.isEmpty { add("weekdays", "is empty", "list at least one day, e.g. [\"mon\"]") }
      if Set(days).count != days.count {
        add("weekdays", "lists a day twice", "list each weekday once")
      }
    case .sameDaysAs(let targets):
      found += followerProblems(treatment, targets: targets, path: "\(path).schedule", plan: plan)
    }
    if treatment.kind == .strengthening, !schedule.allowConsecutiveDays,
      let pattern = WeeklyPattern.resolve(treatment, in: plan), pattern.hasConsecutiveDays
    {
      let field: String
      switch schedule.pattern {
      case .daily: field = "daily"
      case .daysPerWeek: field = "daysPerWeek"
      case .weekdays: field = "weekdays"
      case .sameDaysAs: field = "sameDaysAs"
      }
      add(
        field,
        "strengthening on \(pattern.daysPerWeek) days a week leaves no rest day between sessions (R-DOSE-STRENGTH)",
        "use at most \(Schedule.Limits.strengtheningDaysWithRest) days a week with none in a row, or set \"allowConsecutiveDays\": true for a tendon-loading programme"
      )
    }
    return found
  }

  /// A `sameDaysAs` schedule: at least one target, each named once, each another treatment
  /// of the plan, no cycle, and at least one week in which a target runs with it.
  private static func followerProblems(
    _ treatment: Treatment, targets: [String], path: String, plan: ProgrammePlan
  ) -> [ProgrammeProblem] {
    var found: [ProgrammeProblem] = []
    func add(_ field: String, _ message: String, _ fix: String) {
      found.append(ProgrammeProblem(path: "\(path).\(field)", message: message, fix: fix))
    }
    guard !targets.isEmpty else {
      add("sameDaysAs", "is empty", "name at least one treatment, e.g. [\"heel-raises\"]")
      return found
    }
    let others = plan.treatments.map(\.id).filter { $0 != treatment.id }
    var named = Set<String>()
    for (index, target) in targets.enumerated() {
      let field = targets.count == 1 ? "sameDaysAs" : "sameDaysAs[\(index)]"
      if target == treatment.id {
        add(field, "refers to itself", "name another treatment's id")
      } else if plan.treatment(id: target) == nil {
        add(
          field, "names '\(target)', which is not a treatment here",
          "use one of: \(others.joined(separator: ", "))")
      } else if !named.insert(target).inserted {
        add(field, "names '\(target)' twice", "list each treatment once")
      }
    }
    guard found.isEmpty else { return found }
    guard WeeklyPattern.resolve(treatment, in: plan) != nil else {
      add("sameDaysAs", "forms a cycle of sameDaysAs references", "point one of them at fixed days")
      return found
    }
    let weeks = (1...max(1, plan.weeks)).filter { treatment.runs(inWeek: $0) }
    if !weeks.contains(where: { runsWithATarget(treatment, inWeek: $0, plan: plan) }) {
      add(
        "sameDaysAs",
        "never has a day: none of \(targets.joined(separator: ", ")) runs in its weeks",
        "give it weeks in which one of them runs, or name a treatment that runs then")
    }
    return found
  }

  /// Whether a treatment has any day in programme week `week`, following `sameDaysAs`
  /// references (acyclic here; the memory keeps shared targets from being walked twice).
  private static func runsWithATarget(_ treatment: Treatment, inWeek week: Int, plan: ProgrammePlan)
    -> Bool
  {
    var known: [String: Bool] = [:]
    func runs(_ current: Treatment) -> Bool {
      if let answer = known[current.id] { return answer }
      known[current.id] = false  // guards against a cycle that slipped through
      var answer = current.runs(inWeek: week)
      if answer, case .sameDaysAs(let ids) = current.schedule.pattern {
        answer = ids.compactMap(plan.treatment(id:)).contains(where: runs)
      }
      known[current.id] = answer
      return answer
    }
    return runs(treatment)
  }

  /// Stages: at least one, each from a later week than the one before (week 1 is the
  /// treatment's own dose), each reached within the treatment's weeks, each a dose of the same
  /// shape as the starting dose and within the dose ranges.
  private static func stageProblems(
    _ stages: [ProgressionStage], treatment: Treatment, plan: ProgrammePlan, path: String
  ) -> [ProgrammeProblem] {
    var found: [ProgrammeProblem] = []
    guard !stages.isEmpty else {
      found.append(
        ProgrammeProblem(
          path: "\(path).stages", message: "is empty",
          fix:
            "give at least one stage, e.g. {\"fromWeek\": 3, \"dose\": {\"sets\": 4, \"reps\": 10}}"
        ))
      return found
    }
    let length = treatment.weeks.map { $0.to - $0.from + 1 } ?? plan.weeks
    var previous = 1
    for (index, stage) in stages.enumerated() {
      let stagePath = "\(path).stages[\(index)]"
      if stage.fromWeek <= previous {
        let fix =
          index == 0
          ? "start the first stage in week 2 or later; week 1 is the treatment's \"dose\""
          : "list the stages in order, each from a later week than the one before (after \(previous))"
        found.append(
          ProgrammeProblem(
            path: "\(stagePath).fromWeek", message: "week \(stage.fromWeek) is too early",
            fix: fix))
      } else if stage.fromWeek > length {
        found.append(
          ProgrammeProblem(
            path: "\(stagePath).fromWeek",
            message: "week \(stage.fromWeek) is after the treatment's \(length) weeks",
            fix: "use a week from 2 to \(length)"))
      }
      previous = max(previous, stage.fromWeek)
      if !stage.dose.hasSameShape(as: treatment.dose) {
        found.append(
          ProgrammeProblem(
            path: "\(stagePath).dose",
            message:
              "\(stage.dose.text) is not the same kind of dose as the starting \(treatment.dose.text)",
            fix:
              "give every stage the shape of the treatment's \"dose\" (sets × reps, holds or minutes)"
          ))
      }
      found += doseProblems(stage.dose, kind: treatment.kind, path: "\(stagePath).dose")
    }
    return found
  }

  private static func progressionProblems(
    _ progression: WeeklyProgression, dose: Dose, path: String
  )
    -> [ProgrammeProblem]
  {
    var found: [ProgrammeProblem] = []
    func add(_ field: String, _ message: String, _ fix: String) {
      found.append(ProgrammeProblem(path: "\(path).\(field)", message: message, fix: fix))
    }
    guard let start = dose.value(of: progression.field) else {
      add(
        "field", "'\(progression.field.rawValue)' is not part of this dose (\(dose.text))",
        "progress a field the dose has, e.g. reps for sets × reps, holdSeconds for holds")
      return found
    }
    if progression.step < 1 {
      add("step", "\(progression.step) must be at least 1", "use 1 or more")
    }
    if progression.max < start {
      add(
        "max", "\(progression.max) is below the starting \(progression.field.rawValue) (\(start))",
        "set max to at least \(start)")
    }
    if progression.afterMax != .hold, progression.field != .reps {
      add("afterMax", "only reps can restart after the cap", "remove afterMax or progress reps")
    }
    // Compared, not made a range: a starting sets above the limit (reported for the dose
    // already) would make `sets...10` trap (found by .ci/fuzz).
    if progression.afterMax == .addSet, let sets = dose.value(of: .sets),
      progression.maxSets < sets || progression.maxSets > Dose.Limits.sets.upperBound
    {
      add(
        "maxSets", "\(progression.maxSets) is out of range",
        "use \(min(sets, Dose.Limits.sets.upperBound)) to \(Dose.Limits.sets.upperBound)")
    }
    if progression.afterMax == .addLoad,
      !WeeklyProgression.Defaults.loadStepPercentRange.contains(progression.loadStepPercent)
    {
      add(
        "loadStepPercent", "\(progression.loadStepPercent) % is out of range (R-DOSE-STRENGTH)",
        "use 2 to 10 %")
    }
    return found
  }

  static func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 64 && text.first != "-"
      && text.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
      }
  }
}

extension String {
  var trimmingWhitespace: Substring {
    let trimmedFront = drop { $0.isWhitespace }
    return trimmedFront.dropLast(trimmedFront.reversed().prefix { $0.isWhitespace }.count)
  }
}
