import ArgumentParser
import RehabCore
import RehabStore

/// `rehabit pain LEVEL [--next-morning] [--item N]`: log pain 0–10 (R-M-PAIN).
struct PainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pain",
    abstract: "Log pain 0–10 during exercise (or on waking the next morning).",
    discussion: """
      Pain during exercise: 0–3 safe, 4–5 acceptable, above 5 not acceptable (R-PAIN-ZONES). \
      A session above 5, or next-morning pain higher than the day before, makes that \
      treatment's next session one step lighter than the session that hurt (R-PAIN-STEP; \
      heat and ice never change); two in a week hold its progression (R-PAIN-HOLD). The \
      output names each next session's dose. With --next-morning, --date is the morning you \
      woke and --item numbers come from the day before's list.
      """)

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("0 (no pain) to 10 (worst imaginable).", valueName: "level"))
  var level: Int
  @Flag(name: .customLong("next-morning"), help: "Pain on waking, about the day before's sessions.")
  var nextMorning = false
  @Option(
    help: ArgumentHelp(
      "The item the pain concerns: a number from `today`, or an item id.", valueName: "N"))
  var item: String?
  @Option(
    help: ArgumentHelp(
      "The entry's id, to retry a write safely: an entry already stored with it is not stored again.",
      valueName: "id"))
  var id: String?
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if let id, RecordID(canonical: id)?.kind != .pain {
      throw ValidationError("--id: '\(id)' is not a pain entry's id (like p-20261202-x0ta)")
    }
    if !PainEntry.levels.contains(level) {
      throw ValidationError(
        "pain \(level) is out of range; rate it 0 (none) to 10 (worst imaginable)")
    }
  }

  func run() throws {
    let context = try ProgressContext(common)
    let timing: PainEntry.Timing = nextMorning ? .nextMorning : .during
    let sessionDay = PainEntry.sessionDay(loggedOn: context.day, timing: timing)
    if context.day > context.today {
      throw CLIError(
        "\(context.day) is after today (\(context.today)); pain can be logged for today or earlier")
    }
    // The query layer's context files the entry (and words what it changes) as the app does.
    let pain = try context.queries.painContext(loggedOn: context.day, today: context.today)
    // The session day's programme: on the first day of a next programme, pain on waking is
    // about the last day of the programme before.
    let sessionContext = context.about(pain.programme(timing))
    if nextMorning, !pain.canLog(timing) {
      let programme = sessionContext.programme
      throw CLIError(
        "--next-morning on \(context.day) is about \(sessionDay), which is outside the programme (\(programme.start) to \(programme.end)); choose a --date within it"
      )
    }
    try sessionContext.requireLoggable(sessionDay)
    let target = try item.map { try sessionContext.resolveItems([$0], listDay: sessionDay) }?.first
    defer { Output.warnAboutDamagedWeeks(context.queries) }
    guard
      let record = pain.record(
        level: level, timing: timing, itemId: target?.item.id, at: LocalClock.timestamp())
    else {
      let id = target?.item.id ?? ""
      throw CLIError(
        "item \(id) is not on the list of \(sessionDay), the day this pain is about; use a number from `rehabit today --date \(sessionDay)`"
      )
    }
    let consequence = pain.consequence(of: record)
    // The id is chosen before the write, so a write that is saved but not confirmed can name
    // it, and the retry it suggests stores nothing twice.
    var named = record
    named.id = try id ?? context.store.freshID(.pain, on: record.day)
    if let id, RecordID(id)?.day != record.day {
      throw CLIError(
        "--id \(id) is dated \(RecordID(id).map { "\($0.day)" } ?? "?"), the entry \(record.day); give the id the first try printed"
      )
    }
    let retry = [
      "rehabit pain \(level)", nextMorning ? "--next-morning" : nil,
      item.map { "--item \(Output.safe($0))" }, "--date \(context.day)", "--id \(named.id)",
    ].compactMap { $0 }.joined(separator: " ")
    let stored = try RetrySafe.write(named.id, retry: retry) {
      try context.store.addPain(named)
    }

    if json {
      try Output.json(PainJSON(record: stored, consequence: consequence))
      return
    }
    let when = nextMorning ? "on waking" : "during exercise"
    let about = target.map { " (\(Output.safe($0.item.name)), \($0.item.side.rawValue))" } ?? ""
    let session = nextMorning ? ", about \(sessionDay.labelWithWeekday)" : ""
    Output.line(
      "Logged pain \(level)/10 \(when) on \(context.day)\(session)\(about): \(consequence.zone.rawValue) (\(stored.id))."
    )
    for line in PainConsequenceText.lines(consequence) { Output.line(Output.safe(line)) }
  }
}

/// `pain --json`: the record, its zone and what it changes (`PainConsequence`).
struct PainJSON: Encodable {
  let record: PainRecord
  let zone: String
  let consequence: ConsequenceJSON

  init(record: PainRecord, consequence: PainConsequence) {
    self.record = record
    self.zone = consequence.zone.rawValue
    self.consequence = ConsequenceJSON(consequence)
  }

  /// `{"sessionDay", "painful", "reason", "treatments": [{"treatmentId", "name", "kind",
  /// "change", "nextSession", "dose", "insteadOf", "heldWeek"}], "lines": [text…]}`.
  struct ConsequenceJSON: Encodable {
    let sessionDay: CalendarDay
    let painful: Bool
    /// Why the session does not count as painful: `acceptable`, `notHigherThanSessionDay`,
    /// `nothingLoggedOnSessionDay`; null when it does.
    @Nullable var reason: String?
    let treatments: [TreatmentJSON]
    let lines: [String]

    init(_ consequence: PainConsequence) {
      sessionDay = consequence.sessionDay
      painful = consequence.verdict == .painful
      switch consequence.verdict {
      case .painful: reason = nil
      case .acceptable: reason = "acceptable"
      case .notHigherThanSessionDay: reason = "notHigherThanSessionDay"
      case .nothingLoggedOnSessionDay: reason = "nothingLoggedOnSessionDay"
      }
      treatments = consequence.treatments.map(TreatmentJSON.init)
      lines = PainConsequenceText.lines(consequence)
    }
  }

  struct TreatmentJSON: Encodable {
    let treatmentId: String
    let name: String
    let kind: TreatmentKind
    /// `lighter`, `atLightest`, `noNextSession` or `neverChanged`.
    let change: String
    @Nullable var nextSession: CalendarDay?
    @Nullable var dose: String?
    @Nullable var insteadOf: String?
    @Nullable var heldWeek: Int?

    init(_ treatment: PainConsequence.TreatmentChange) {
      treatmentId = treatment.treatmentId
      name = treatment.name
      kind = treatment.kind
      heldWeek = treatment.heldWeek
      switch treatment.change {
      case .lighter(let next, let dose, let planned):
        change = "lighter"
        nextSession = next
        self.dose = dose.text
        insteadOf = planned.text
      case .atLightest(let next, let dose):
        change = "atLightest"
        nextSession = next
        self.dose = dose.text
      case .noNextSession: change = "noNextSession"
      case .neverChanged: change = "neverChanged"
      }
    }
  }
}
