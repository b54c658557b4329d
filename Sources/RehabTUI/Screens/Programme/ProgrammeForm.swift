import RehabCore
import TerminalUI

/// The form that changes one treatment from a day on: its dose (the fields of its shape),
/// schedule and side, or a pause or a resume, with an optional note. Each field is read as
/// typed (a day, a whole number, a schedule); the revision it describes is then judged by
/// `RevisionCheck`, the Core check `rehabit programme` and programme files use, so the form
/// refuses exactly what they refuse. The app words the problem.
public struct ProgrammeForm: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// A new dose, schedule and/or side.
    case change
    case pause
    case resume
  }

  public enum Field: Equatable, Hashable, Sendable {
    case from, sets, reps, load, holdSeconds, repetitions, minutes, schedule, side, until, note

    /// How the form labels it.
    var label: String {
      switch self {
      case .from: "From"
      case .sets: "Sets"
      case .reps: "Reps"
      case .load: "Load"
      case .holdSeconds: "Hold (s)"
      case .repetitions: "Repetitions"
      case .minutes: "Minutes"
      case .schedule: "Schedule"
      case .side: "Side"
      case .until: "Until"
      case .note: "Note"
      }
    }

    var maxLength: Int {
      switch self {
      case .from, .until: 10
      case .sets, .reps, .holdSeconds, .repetitions, .minutes: 3
      case .load: 60
      case .schedule: 40
      case .side: 0
      case .note: ProgrammeRevision.noteLimit
      }
    }
  }

  /// Where the form is: typing, waiting for the preview, showing it, writing the revision.
  public enum Step: Equatable, Sendable {
    case editing
    /// The revision asked to be previewed (as the form built it, not yet stamped).
    case loadingPreview(ProgrammeRevision)
    case previewing(ProgrammeRevision, RevisionPreview)
    case saving(ProgrammeRevision, RevisionPreview)
  }

  /// A problem and the field to fix (nil: the change as a whole).
  public struct Problem: Error, Equatable, Sendable {
    public var field: Field?
    public var message: String
  }

  public var kind: Kind
  /// The treatment as in force on the day the screen shows.
  public var treatment: Treatment
  /// How the schedule field reads other treatments' names (for "same days as …").
  public var plan: ProgrammePlan
  public var fields: [Field]
  public var inputs: [Field: TextField]
  /// What each field started with: an untouched dose or schedule is no change.
  public var initial: [Field: String]
  /// The dose of the day shown's programme week (what the dose fields start with).
  public var shownDose: Dose?
  /// The side chosen (a choice, cycled).
  public var side: SideRule
  public var focus: Int
  public var step: Step
  /// The first problem of the change as typed (checked after every edit), or why the preview
  /// or the save failed.
  public var problem: Problem?

  /// Opens on `treatment` as in force on `day`, with its dose that day (`shownDose`) filled
  /// in: changing it sets the dose its progression counts from, from the effective day.
  public init(
    _ kind: Kind, treatment: Treatment, shownDose: Dose?, day: CalendarDay, plan: ProgrammePlan
  ) {
    self.kind = kind
    self.treatment = treatment
    self.plan = plan
    self.shownDose = shownDose
    self.side = treatment.side
    self.focus = 0
    self.step = .editing
    self.problem = nil
    var values: [(Field, String)] = [(.from, day.description)]
    switch kind {
    case .change:
      switch shownDose ?? treatment.dose {
      case .setsReps(let sets, let reps, let load):
        values += [(.sets, "\(sets)"), (.reps, "\(reps)"), (.load, load ?? "")]
      case .holds(let seconds, let repetitions):
        values += [(.holdSeconds, "\(seconds)"), (.repetitions, "\(repetitions)")]
      case .time(let minutes):
        values += [(.minutes, "\(minutes)")]
      }
      values += [
        (.schedule, ProgrammeForm.scheduleText(treatment.schedule, plan: plan)), (.side, ""),
      ]
    case .pause:
      values += [(.until, "")]
    case .resume:
      break
    }
    values += [(.note, "")]
    fields = values.map(\.0)
    initial = Dictionary(values, uniquingKeysWith: { first, _ in first })
    inputs = Dictionary(
      values.filter { $0.0 != .side }.map { field, value in
        (
          field,
          TextField(
            value: value, maxLength: field.maxLength,
            placeholder: ProgrammeForm.placeholder(field))
        )
      }, uniquingKeysWith: { first, _ in first })
  }

  static func placeholder(_ field: Field) -> String {
    switch field {
    case .until: "empty: until resumed"
    case .note: "optional, e.g. review: pain settled"
    case .load: "none"
    default: ""
    }
  }

  public var focusedField: Field? { fields.indices.contains(focus) ? fields[focus] : nil }
  public var isOnLastField: Bool { focus == fields.count - 1 }

  public mutating func moveFocus(by delta: Int) {
    guard !fields.isEmpty else { return }
    focus = (focus + delta + fields.count) % fields.count
  }

  /// The next (or previous) side rule.
  public mutating func cycleSide(by delta: Int) {
    let all = SideRule.allCases
    let index = all.firstIndex(of: side) ?? 0
    side = all[(index + delta + all.count) % all.count]
  }

  public func text(_ field: Field) -> String {
    inputs[field]?.value.trimmingWhitespace ?? ""
  }

  /// The schedule as the field shows it: `daily`, `3 days a week`, `mon,wed,fri`, or the
  /// treatments it follows (which the field keeps while it is left as it is).
  static func scheduleText(_ schedule: Schedule, plan: ProgrammePlan) -> String {
    switch schedule.pattern {
    case .daily: "daily"
    case .daysPerWeek(let count): "\(count) days a week"
    case .weekdays(let days):
      Weekday.allCases.filter(days.contains).map(\.rawValue).joined(separator: ",")
    case .sameDaysAs(let ids): "as " + ItemCardText.namesOf(ids, in: plan)
    }
  }

  // MARK: The revision

  /// The revision the fields describe (no id, no time stamp: the store and the runner give
  /// them), or the first field that cannot be read.
  public func revision() -> Result<ProgrammeRevision, Problem> {
    guard let from = CalendarDay(text(.from)) else {
      return .failure(Problem(field: .from, message: ProgrammeForm.notADay(text(.from))))
    }
    let change: ProgrammeChange
    switch kind {
    case .change:
      var settings = TreatmentSettings()
      switch doseFromFields() {
      case .failure(let problem): return .failure(problem)
      case .success(let dose): settings.dose = dose
      }
      switch scheduleFromField() {
      case .failure(let problem): return .failure(problem)
      case .success(let schedule): settings.schedule = schedule
      }
      if side != treatment.side { settings.side = side }
      change = .set(treatmentId: treatment.id, settings)
    case .pause:
      let untilText = text(.until)
      var until: CalendarDay?
      if !untilText.isEmpty {
        guard let day = CalendarDay(untilText) else {
          return .failure(Problem(field: .until, message: ProgrammeForm.notADay(untilText)))
        }
        until = day
      }
      change = .pause(treatmentId: treatment.id, until: until)
    case .resume:
      change = .resume(treatmentId: treatment.id)
    }
    return .success(
      ProgrammeRevision(
        id: "", effective: from, change: change, note: inputs[.note]?.value, at: ""))
  }

  /// The revision, or the first problem with it: reading the fields, then Core's check
  /// against `programme` (the store checks the same again when it writes).
  public func checked(against programme: Programme) -> Result<ProgrammeRevision, Problem> {
    let built = revision()
    guard case .success(let revision) = built else { return built }
    var stamped = revision
    // Stamped only for the check: the runner stamps the real one when it writes.
    stamped.at = Timestamp.example
    if let first = RevisionCheck.problems(adding: stamped, to: programme).first {
      return .failure(ProgrammeForm.problem(first))
    }
    return .success(revision)
  }

  /// Re-checks the fields after an edit (the problem shown under the form).
  public mutating func validate(against programme: Programme?) {
    guard let programme else { return }
    if case .failure(let found) = checked(against: programme) {
      problem = found
    } else {
      problem = nil
    }
  }

  /// The dose typed, nil while every dose field is as it started.
  private func doseFromFields() -> Result<Dose?, Problem> {
    let doseFields = fields.filter {
      [.sets, .reps, .load, .holdSeconds, .repetitions, .minutes].contains($0)
    }
    guard doseFields.contains(where: { text($0) != initial[$0]?.trimmingWhitespace ?? "" })
    else { return .success(nil) }
    var numbers: [Field: Int] = [:]
    for field in doseFields where field != .load {
      guard let number = Int(text(field)) else {
        return .failure(
          Problem(
            field: field,
            message: "\(field.label): '\(text(field))' is not a whole number; type digits only"))
      }
      numbers[field] = number
    }
    switch treatment.dose {
    case .setsReps:
      let load = text(.load)
      return .success(
        .setsReps(
          sets: numbers[.sets] ?? 0, reps: numbers[.reps] ?? 0, load: load.isEmpty ? nil : load))
    case .holds:
      return .success(
        .holds(seconds: numbers[.holdSeconds] ?? 0, repetitions: numbers[.repetitions] ?? 0))
    case .time:
      return .success(.time(minutes: numbers[.minutes] ?? 0))
    }
  }

  /// The schedule typed, nil while it is as it started.
  private func scheduleFromField() -> Result<Schedule?, Problem> {
    let typed = text(.schedule)
    guard typed != initial[.schedule]?.trimmingWhitespace ?? "" else { return .success(nil) }
    guard let pattern = ProgrammeForm.pattern(typed) else {
      return .failure(
        Problem(
          field: .schedule,
          message:
            "Schedule: '\(typed)' is not a schedule; type daily, a number of days a week (3) or weekdays (mon,wed,fri)"
        ))
    }
    var schedule = treatment.schedule
    schedule.pattern = pattern
    return .success(schedule)
  }

  /// `daily`; `3`, `3 days a week`, `3/week`; `mon,wed,fri` (or with spaces). Only a
  /// number below or above 1–7 is left for Core to judge.
  static func pattern(_ text: String) -> Schedule.Pattern? {
    let lower = text.lowercased()
    if lower == "daily" || lower == "every day" { return .daily }
    let digits = lower.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let count = Int(digits) {
      let rest = String(lower.dropFirst(digits.count)).trimmingWhitespace
      let words = ["", "days a week", "days per week", "/week", "a week", "per week", "day a week"]
      return words.contains(String(rest)) ? .daysPerWeek(count) : nil
    }
    let names = lower.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    guard !names.isEmpty else { return nil }
    var days: [Weekday] = []
    for name in names {
      guard let day = Weekday.allCases.first(where: { name.hasPrefix($0.rawValue) }),
        day.rawValue.count == 3
      else { return nil }
      days.append(day)
    }
    return .weekdays(days)
  }

  static func notADay(_ text: String) -> String {
    text.isEmpty
      ? "Type a day as YYYY-MM-DD"
      : "'\(text)' is not a day; type it as YYYY-MM-DD, e.g. 2026-12-09"
  }

  /// Core's problem in the form's words: the field it is about, the message and the fix.
  static func problem(_ problem: ProgrammeProblem) -> Problem {
    let last = problem.path.split(separator: ".").last.map(String.init) ?? problem.path
    let field: Field?
    switch last {
    case "effective": field = .from
    case "until": field = .until
    case "note": field = .note
    case "sets": field = .sets
    case "reps": field = .reps
    case "load": field = .load
    case "holdSeconds": field = .holdSeconds
    case "repetitions": field = .repetitions
    case "minutes": field = .minutes
    case "side": field = .side
    default:
      field = problem.path.contains("schedule") ? .schedule : nil
    }
    let subject = field?.label ?? "Change"
    return Problem(field: field, message: "\(subject): \(problem.message); \(problem.fix)")
  }
}
