import ArgumentParser
import RehabCore
import RehabQueries
import RehabStore

/// `--from DAY` and `--note TEXT`, shared by the commands that record a revision.
struct RevisionOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The first day the change governs, YYYY-MM-DD (default: --date or today).",
      valueName: "day"))
  var from: String?
  @Option(
    help: ArgumentHelp(
      "Why, in a few words (kept with the revision; up to \(ProgrammeRevision.noteLimit) characters).",
      valueName: "text"))
  var note: String?

  func validate() throws {
    if let from { _ = try CommonOptions.parseDay(from, option: "--from") }
    if let note, note.count > ProgrammeRevision.noteLimit {
      throw ValidationError(
        "--note is \(note.count) characters long; keep it to \(ProgrammeRevision.noteLimit)")
    }
  }

  func day(_ common: CommonOptions) throws -> CalendarDay {
    try from.map { try CommonOptions.parseDay($0, option: "--from") } ?? common.day()
  }
}

/// Records one revision: checks it against the programme as read (the first problem is the
/// error, nothing written), appends it under the lock, and says what changed from which day.
enum RevisionRecorder {
  static func record(
    _ change: (ProgressQueries, CalendarDay) throws -> ProgrammeChange, common: CommonOptions,
    options: RevisionOptions
  ) throws {
    let queries = try common.queries()
    let day = try options.day(common)
    let revision = ProgrammeRevision(
      id: "", effective: day, change: try change(queries, day), note: options.note,
      at: LocalClock.timestamp())
    try record(revision, queries: queries)
  }

  static func record(_ revision: ProgrammeRevision, queries: ProgressQueries) throws {
    if let problem = queries.problems(of: revision).first {
      throw CLIError(ProgrammeText.problem(problem))
    }
    let stored: Programme
    do {
      stored = try queries.store.addRevision(revision, expected: queries.programme)
    } catch let changed as ProgrammeChanged {
      throw CLIError(ProgrammeText.changedElsewhere(changed))
    }
    guard let added = stored.revisions.last else { return }
    Output.line(
      Output.safe(
        "From \(added.effective): \(RevisionText.change(added, programme: stored)) (\(added.id); take it back with `rehabit programme undo`)."
      ))
  }
}

/// `rehabit programme set TREATMENT [dose] [schedule] [--side …] [--from DAY] [--note TEXT]`.
struct ProgrammeSetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Change a treatment's dose, schedule or side from a day on.",
    discussion: """
      Give only what changes: the dose's other fields stay as they are on that day. Sets, \
      reps and load fit a sets × reps dose; hold and repetitions a timed hold; minutes a dose \
      in minutes. The result is judged as a programme file is (the same errors, e.g. \
      strengthening without rest days). A revised dose is the dose of its programme week; \
      weekly progression steps on from it.
      """)

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("The treatment's id (see `rehabit programme`).", valueName: "id"))
  var treatment: String
  @Option(help: "Sets of a sets × reps dose.") var sets: Int?
  @Option(help: "Reps of a sets × reps dose.") var reps: Int?
  @Option(help: ArgumentHelp("Seconds of each hold.", valueName: "seconds")) var hold: Int?
  @Option(help: "Repetitions of a timed hold.") var repetitions: Int?
  @Option(help: "Minutes of a dose in minutes.") var minutes: Int?
  @Option(help: ArgumentHelp("The load, in words (\"5 kg\"; empty to clear).", valueName: "text"))
  var load: String?
  @Flag(help: "Every day.") var daily = false
  @Option(name: .customLong("days-per-week"), help: "Days a week, 1–7, spread out.")
  var daysPerWeek: Int?
  @Option(help: ArgumentHelp("Fixed weekdays, e.g. mon,wed,fri.", valueName: "days"))
  var weekdays: String?
  @Option(help: "The side: left, right, both, each or affected.") var side: SideRule?
  @OptionGroup var revision: RevisionOptions

  private var doseFields: [String] {
    [
      sets.map { _ in "--sets" }, reps.map { _ in "--reps" }, load.map { _ in "--load" },
      hold.map { _ in "--hold" }, repetitions.map { _ in "--repetitions" },
      minutes.map { _ in "--minutes" },
    ].compactMap { $0 }
  }

  func validate() throws {
    let patterns = [
      daily ? "--daily" : nil, daysPerWeek.map { _ in "--days-per-week" },
      weekdays.map { _ in "--weekdays" },
    ].compactMap { $0 }
    if patterns.count > 1 {
      throw ValidationError(
        "give one of --daily, --days-per-week or --weekdays, not \(patterns.joined(separator: " and "))"
      )
    }
    if doseFields.isEmpty, patterns.isEmpty, side == nil {
      throw ValidationError(
        "no change given; give a dose (--sets, --reps, --hold, --repetitions, --minutes, --load), a schedule (--daily, --days-per-week, --weekdays) or --side"
      )
    }
    if let weekdays { _ = try ProgrammeSetCommand.parseWeekdays(weekdays) }
    if let load, load.count > 80 {
      throw ValidationError("--load is \(load.count) characters long; keep it to 80")
    }
  }

  static func trimmed(_ text: String) -> String {
    String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  static func parseWeekdays(_ text: String) throws -> [Weekday] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let name = ProgrammeSetCommand.trimmed(String(part)).lowercased()
      guard let day = Weekday(rawValue: String(name.prefix(3))), name.count >= 3,
        day.rawValue.hasPrefix(name.prefix(3))
      else {
        throw ValidationError(
          "--weekdays: '\(part)' is not a weekday; list days as mon,tue,wed,thu,fri,sat,sun")
      }
      return day
    }
  }

  func run() throws {
    try RevisionRecorder.record(
      { queries, day in
        guard let current = queries.programme.treatment(id: treatment, on: day) else {
          // Unknown here: the check names the treatments there are.
          return .set(treatmentId: treatment, TreatmentSettings(side: side))
        }
        return .set(
          treatmentId: treatment,
          TreatmentSettings(
            dose: try dose(from: current), schedule: try schedule(from: current), side: side))
      }, common: common, options: revision)
  }

  /// The current dose with the fields given; an error when a field does not fit its shape.
  private func dose(from current: Treatment) throws -> Dose? {
    guard !doseFields.isEmpty else { return nil }
    func misfit(_ fits: String) -> CLIError {
      CLIError(
        "\(doseFields.joined(separator: ", ")) does not fit '\(current.id)', dosed as \(current.dose.text); give \(fits)"
      )
    }
    switch current.dose {
    case .setsReps(let oldSets, let oldReps, let oldLoad):
      guard hold == nil, repetitions == nil, minutes == nil else {
        throw misfit("--sets, --reps or --load")
      }
      let newLoad = load.map(ProgrammeSetCommand.trimmed)
      return .setsReps(
        sets: sets ?? oldSets, reps: reps ?? oldReps,
        load: newLoad.map { $0.isEmpty ? nil : $0 } ?? oldLoad)
    case .holds(let oldSeconds, let oldRepetitions):
      guard sets == nil, reps == nil, load == nil, minutes == nil else {
        throw misfit("--hold or --repetitions")
      }
      return .holds(seconds: hold ?? oldSeconds, repetitions: repetitions ?? oldRepetitions)
    case .time(let oldMinutes):
      guard sets == nil, reps == nil, load == nil, hold == nil, repetitions == nil else {
        throw misfit("--minutes")
      }
      return .time(minutes: minutes ?? oldMinutes)
    }
  }

  /// The current schedule with the pattern given (times a day and rest rules kept).
  private func schedule(from current: Treatment) throws -> Schedule? {
    var schedule = current.schedule
    if daily {
      schedule.pattern = .daily
    } else if let daysPerWeek {
      schedule.pattern = .daysPerWeek(daysPerWeek)
    } else if let weekdays {
      schedule.pattern = .weekdays(try ProgrammeSetCommand.parseWeekdays(weekdays))
    } else {
      return nil
    }
    return schedule
  }
}

/// `rehabit programme add (--template NAME --treatment ID | --file TREATMENT.json)`.
struct ProgrammeAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a treatment from a day on: one of a template's, or one of your own.")

  @OptionGroup var common: CommonOptions
  @Option(
    help: ArgumentHelp("The template to take it from (see `rehabit templates`).", valueName: "name")
  )
  var template: String?
  @Option(help: ArgumentHelp("The treatment's id in that template.", valueName: "id"))
  var treatment: String?
  @Option(
    help: ArgumentHelp(
      "A treatment of your own: one entry of a template's \"treatments\", as JSON.",
      valueName: "path"))
  var file: String?
  @OptionGroup var revision: RevisionOptions

  func validate() throws {
    switch (template, treatment, file) {
    case (.some, .some, nil), (nil, nil, .some): break
    case (_, _, .some):
      throw ValidationError("give either --file or --template with --treatment, not both")
    case (.some, nil, nil):
      throw ValidationError("--template needs --treatment ID (see `rehabit templates --json`)")
    case (nil, .some, nil): throw ValidationError("--treatment needs --template NAME")
    case (nil, nil, nil):
      throw ValidationError(
        "give --template NAME --treatment ID (see `rehabit templates`) or --file TREATMENT.json")
    }
  }

  func run() throws {
    let added: Treatment
    if let file {
      added = try TemplateLibrary.readTreatment(at: file)
    } else {
      let plan = try TemplateLibrary.template(
        id: template ?? "", extraDirectory: common.templatesDirectory
      ).plan
      guard let found = plan.treatment(id: treatment ?? "") else {
        throw CLIError(
          "template \(plan.id) has no treatment '\(treatment ?? "")'; use one of: \(plan.treatments.map(\.id).joined(separator: ", "))"
        )
      }
      added = found
    }
    try RevisionRecorder.record({ _, _ in .add(added) }, common: common, options: revision)
  }
}

/// `rehabit programme remove TREATMENT [--from DAY]`.
struct ProgrammeRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: "Stop a treatment for good from a day on.")

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("The treatment's id.", valueName: "id")) var treatment: String
  @OptionGroup var revision: RevisionOptions

  func run() throws {
    try RevisionRecorder.record(
      { _, _ in .remove(treatmentId: treatment) }, common: common, options: revision)
  }
}

/// `rehabit programme pause TREATMENT [--from DAY] [--until DAY]`.
struct ProgrammePauseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pause",
    abstract: "Pause a treatment from a day on, through --until or until resumed.",
    discussion: "Paused weeks add no progression step; it resumes at the dose it had (R-REV-PAUSE)."
  )

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("The treatment's id.", valueName: "id")) var treatment: String
  @Option(help: ArgumentHelp("The last paused day, YYYY-MM-DD.", valueName: "day"))
  var until: String?
  @OptionGroup var revision: RevisionOptions

  func validate() throws {
    if let until { _ = try CommonOptions.parseDay(until, option: "--until") }
  }

  func run() throws {
    let last = try until.map { try CommonOptions.parseDay($0, option: "--until") }
    try RevisionRecorder.record(
      { _, _ in .pause(treatmentId: treatment, until: last) }, common: common, options: revision)
  }
}

/// `rehabit programme resume TREATMENT [--from DAY]`.
struct ProgrammeResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume", abstract: "Resume a paused treatment from a day on.")

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("The treatment's id.", valueName: "id")) var treatment: String
  @OptionGroup var revision: RevisionOptions

  func run() throws {
    try RevisionRecorder.record(
      { _, _ in .resume(treatmentId: treatment) }, common: common, options: revision)
  }
}

/// `rehabit programme extend --weeks N`.
struct ProgrammeExtendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extend",
    abstract: "Make the programme longer (from the day after its current end).")

  @OptionGroup var common: CommonOptions
  @Option(help: "Weeks to add (at most 52 weeks in all).") var weeks: Int
  @Option(help: ArgumentHelp("Why, in a few words.", valueName: "text")) var note: String?

  func validate() throws {
    if weeks < 1 {
      throw ValidationError("--weeks \(weeks) is out of range; add at least 1 week")
    }
    if let note, note.count > ProgrammeRevision.noteLimit {
      throw ValidationError(
        "--note is \(note.count) characters long; keep it to \(ProgrammeRevision.noteLimit)")
    }
  }

  func run() throws {
    let queries = try common.queries()
    let revision = ProgrammeRevision(
      id: "", effective: queries.programme.end.adding(days: 1), change: .extend(weeks: weeks),
      note: note, at: LocalClock.timestamp())
    try RevisionRecorder.record(revision, queries: queries)
  }
}
