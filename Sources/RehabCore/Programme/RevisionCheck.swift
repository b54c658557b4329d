/// Whether a revision fits the programme it is added to: its day, the treatment it names and
/// the state that treatment is in, and then the plan it leaves in force, judged by
/// `ProgrammeValidator` exactly as a programme file is (the same messages). Problems are
/// values; each front end words them (one line each).
public enum RevisionCheck {
  /// Every problem of adding `revision` to `programme` (whose revisions are taken as valid).
  public static func problems(adding revision: ProgrammeRevision, to programme: Programme)
    -> [ProgrammeProblem]
  {
    let found = ownProblems(of: revision, in: programme)
    guard found.isEmpty else { return found }
    return planProblems(adding: revision, to: programme)
  }

  /// The fields a merge needs (`by`, the tombstones, the superseded revisions): a machine id
  /// or none, valid time stamps, and ids used once across the three lists.
  static func mergeFieldProblems(in programme: Programme) -> [ProgrammeProblem] {
    var found: [ProgrammeProblem] = []
    var seen = Set<String>()
    func check(_ path: String, id: String, at: String, by: String) {
      if let problem = MachineID.problem(by) {
        found.append(
          ProgrammeProblem(
            path: "\(path).by", message: problem, fix: "remove it, or copy it from DATA/.machine-id"
          ))
      }
      if let problem = Timestamp.problem(at) {
        found.append(
          ProgrammeProblem(
            path: "\(path).at", message: problem, fix: "write it as \(Timestamp.example)"))
      }
      if !seen.insert(id).inserted {
        found.append(
          ProgrammeProblem(
            path: "\(path).id", message: "'\(id)' is used twice",
            fix: "give each revision its own id"))
      }
    }
    for (index, revision) in programme.revisions.enumerated() {
      check("revisions[\(index)]", id: revision.id, at: revision.at, by: revision.by)
    }
    for (index, revision) in programme.supersededRevisions.enumerated() {
      check("supersededRevisions[\(index)]", id: revision.id, at: revision.at, by: revision.by)
    }
    for (index, tombstone) in programme.removedRevisions.enumerated() {
      check("removedRevisions[\(index)]", id: tombstone.id, at: tombstone.at, by: tombstone.by)
    }
    return found
  }

  /// The revision's own fields, its day and the state it finds its treatment in; not yet the
  /// plan it leaves.
  private static func ownProblems(of revision: ProgrammeRevision, in programme: Programme)
    -> [ProgrammeProblem]
  {
    var found: [ProgrammeProblem] = []
    func add(_ path: String, _ message: String, _ fix: String) {
      found.append(ProgrammeProblem(path: path, message: message, fix: fix))
    }
    // An empty id is one not yet given: the store gives it when it adds the revision.
    if !revision.id.isEmpty, !RevisionID.isValid(revision.id, effective: revision.effective) {
      add(
        "id", "'\(revision.id)' is not a revision id",
        "use ids as rehabit writes them, e.g. r-20261203-4k2m (r, the effective day, four characters)"
      )
    } else if programme.revisions.contains(where: { $0.id == revision.id }) {
      add("id", "'\(revision.id)' is used twice", "give each revision its own id")
    }
    if let problem = Timestamp.problem(revision.at) {
      add("at", problem, "write it as \(Timestamp.example)")
    }
    if let note = revision.note, note.count > ProgrammeRevision.noteLimit {
      add(
        "note", "is \(note.count) characters long, more than \(ProgrammeRevision.noteLimit)",
        "shorten it")
    }
    found += dayProblems(revision, programme)
    guard found.isEmpty else { return found }
    return changeProblems(revision, programme)
  }

  /// Every problem of the stored revisions of `programme`, with its index in the path: what
  /// reading `programme.json` checks. Each revision's own checks are made as it was added (in
  /// recorded order); the plans in force are then judged once, at each day they change, so
  /// reading a long history costs one validation per change, not one per change and revision.
  public static func problems(in programme: Programme) -> [ProgrammeProblem] {
    let merged = mergeFieldProblems(in: programme)
    guard merged.isEmpty else { return merged }
    var earlier = programme
    earlier.revisions = []
    for (index, revision) in programme.revisions.enumerated() {
      var found = ownProblems(of: revision, in: earlier)
      if revision.id.isEmpty {
        found.insert(
          ProgrammeProblem(
            path: "id", message: "is empty",
            fix: "give it an id as rehabit writes them, e.g. r-20261203-4k2m"), at: 0)
      }
      if !found.isEmpty {
        return found.map { problem in
          var nested = problem
          nested.path = "revisions[\(index)].\(problem.path)"
          return nested
        }
      }
      earlier.revisions.append(revision)
    }
    guard let first = programme.revisions.min(by: { $0.effective < $1.effective }) else {
      return []
    }
    // `planProblems` judges every day from the earliest effective one with all revisions.
    return planProblems(in: programme, from: first.effective).map { problem in
      var nested = problem
      nested.path = "revisions (in force from \(first.effective)): \(problem.path)"
      return nested
    }
  }

  /// The effective day: within the programme, or for `extend` the day after its end.
  private static func dayProblems(_ revision: ProgrammeRevision, _ programme: Programme)
    -> [ProgrammeProblem]
  {
    let day = revision.effective
    let range = "\(programme.start) to \(programme.end)"
    if case .extend = revision.change {
      let next = programme.end.adding(days: 1)
      guard day == next else {
        return [
          ProgrammeProblem(
            path: "effective",
            message: "an extension starts the day after the end (\(next)), not \(day)",
            fix: "take effect on \(next)")
        ]
      }
      return []
    }
    if day < programme.start {
      return [
        ProgrammeProblem(
          path: "effective",
          message: "\(day) is before the programme starts (\(programme.start))",
          fix: "choose a day from \(range)")
      ]
    }
    if day > programme.end {
      return [
        ProgrammeProblem(
          path: "effective", message: "\(day) is after the programme ends (\(programme.end))",
          fix: "choose a day from \(range), or extend the programme first")
      ]
    }
    return []
  }

  /// The treatment named and the state the change finds it in on its day.
  private static func changeProblems(_ revision: ProgrammeRevision, _ programme: Programme)
    -> [ProgrammeProblem]
  {
    let day = revision.effective
    let inForce = programme.inForce(on: day)
    let known = inForce.treatments.filter { $0.status != .removed }.map(\.id)
    func problem(_ path: String, _ message: String, _ fix: String) -> [ProgrammeProblem] {
      [ProgrammeProblem(path: path, message: message, fix: fix)]
    }
    switch revision.change {
    case .extend(let weeks):
      let total = programme.weeks + weeks
      if weeks < 1 || total > ProgrammePlan.weekLimits.upperBound {
        let most = ProgrammePlan.weekLimits.upperBound - programme.weeks
        return problem(
          "weeks", "\(weeks) more weeks would make \(total) weeks",
          most >= 1
            ? "add 1 to \(most) weeks (at most \(ProgrammePlan.weekLimits.upperBound) in all)"
            : "the programme has the most weeks it can have (\(ProgrammePlan.weekLimits.upperBound)); start a new one instead"
        )
      }
      return []
    case .add(let treatment):
      if programme.allTreatments.contains(where: { $0.id == treatment.id }) {
        return problem(
          "treatment.id", "'\(treatment.id)' is already a treatment of this programme",
          "give the new treatment another id")
      }
      return []
    default:
      break
    }
    guard let id = revision.treatmentId, let current = inForce.treatment(id: id),
      current.status != .removed
    else {
      let id = revision.treatmentId ?? ""
      let removed = inForce.treatment(id: id)?.status == .removed
      return problem(
        "treatment",
        removed
          ? "'\(id)' was removed before \(day)"
          : "'\(id)' is not a treatment of this programme on \(day)",
        known.isEmpty ? "add a treatment first" : "use one of: \(known.joined(separator: ", "))")
    }
    switch revision.change {
    case .set(_, let settings):
      if settings.isEmpty {
        return problem("change", "gives no change", "give a new dose, schedule or side")
      }
      if let dose = settings.dose, !dose.hasSameShape(as: current.treatment.dose) {
        return problem(
          "dose", "\(dose.text) does not fit the dose of '\(id)' (\(current.treatment.dose.text))",
          "give the dose as \(fields(of: current.treatment.dose))")
      }
      if settings.applied(to: current.treatment) == current.treatment {
        return problem(
          "change", "changes nothing: '\(id)' already has that on \(day)",
          "give a dose, schedule or side that differs")
      }
    case .pause(_, let until):
      if case .paused(let end) = current.status {
        return problem(
          "change",
          "'\(id)' is already paused on \(day)\(end.map { " (through \($0))" } ?? "")",
          "resume it first, or pause another treatment")
      }
      if let until, until < day {
        return problem(
          "until", "\(until) is before the pause starts (\(day))", "give a day on or after \(day)")
      }
      if let until, until > programme.end {
        return problem(
          "until", "\(until) is after the programme ends (\(programme.end))",
          "give a day up to \(programme.end), or leave the end open")
      }
    case .resume:
      if current.status == .active {
        return problem(
          "change", "'\(id)' is not paused on \(day)", "pause it first, or resume a paused one")
      }
    case .remove, .add, .extend:
      break
    }
    return []
  }

  /// The plan in force from the revision's day on, judged as a programme file, at each day
  /// from which it changes (a later revision may meet the new state).
  private static func planProblems(adding revision: ProgrammeRevision, to programme: Programme)
    -> [ProgrammeProblem]
  {
    var revised = programme
    revised.revisions.append(revision)
    return planProblems(in: revised, from: revision.effective)
  }

  /// The plan in force on each day from `first` on at which it changes, judged as a file.
  private static func planProblems(in revised: Programme, from first: CalendarDay)
    -> [ProgrammeProblem]
  {
    for day in revised.revisionBoundaries where day >= first {
      var plan = revised.inForce(on: day).plan(from: revised.plan)
      plan.weeks = revised.weeks
      if plan.treatments.isEmpty {
        return [
          ProgrammeProblem(
            path: "change", message: "would leave no treatment from \(day)",
            fix: "keep at least one treatment, or pause it instead")
        ]
      }
      if var problem = ProgrammeValidator.problems(in: plan).first {
        // `treatments[3].dose.reps` names a position in a plan nobody sees: name the treatment.
        for (index, treatment) in plan.treatments.enumerated()
        where problem.path.hasPrefix("treatments[\(index)]") {
          problem.path = treatment.id + problem.path.dropFirst("treatments[\(index)]".count)
        }
        return [problem]
      }
    }
    return []
  }

  /// The fields a dose of this shape is given with, for messages.
  private static func fields(of dose: Dose) -> String {
    switch dose {
    case .setsReps: "sets and reps (and a load)"
    case .holds: "hold seconds and repetitions"
    case .time: "minutes"
    }
  }
}
