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
      treatment's next session one step lighter (R-PAIN-STEP); two in a week hold its \
      progression (R-PAIN-HOLD). With --next-morning, --date is the morning you woke and \
      --item numbers come from the day before's list.
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
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if !PainEntry.levels.contains(level) {
      throw ValidationError(
        "pain \(level) is out of range; rate it 0 (none) to 10 (worst imaginable)")
    }
  }

  func run() throws {
    let context = try ProgressContext(common)
    let sessionDay = nextMorning ? context.day.adding(days: -1) : context.day
    if context.day > context.today {
      throw CLIError(
        "\(context.day) is after today (\(context.today)); pain can be logged for today or earlier")
    }
    if nextMorning, !context.programme.contains(sessionDay) {
      throw CLIError(
        "--next-morning on \(context.day) is about \(sessionDay), which is outside the programme (\(context.programme.start) to \(context.programme.end)); choose a --date within it"
      )
    }
    try context.requireLoggable(sessionDay)
    let target = try item.map { try context.resolveItems([$0], listDay: sessionDay) }?.first
    let record = PainRecord(
      day: context.day, level: level, timing: nextMorning ? .nextMorning : .during,
      itemId: target?.item.id, treatmentId: target?.item.treatmentId, at: LocalClock.timestamp())
    try context.store.addPain(record)

    if json {
      try Output.json(PainJSON(record: record, zone: PainJSON.zone(level)))
      return
    }
    let when = nextMorning ? "on waking" : "during exercise"
    let about = target.map { " (\(Output.safe($0.item.name)), \($0.item.side.rawValue))" } ?? ""
    Output.line(
      "Logged pain \(level)/10 \(when) on \(context.day)\(about): \(PainJSON.zone(level)).")
    let progresses =
      target.map { context.programme.plan.treatment(id: $0.item.treatmentId)?.progression != nil }
      ?? true
    if !nextMorning, level > PainZones.acceptableMax, progresses {
      Output.line(
        "Above \(PainZones.acceptableMax): the next session\(target == nil ? "s" : " of this treatment") will be one step lighter (R-PAIN-STEP)."
      )
    }
  }
}

/// `pain --json`.
struct PainJSON: Encodable {
  let record: PainRecord
  let zone: String

  static func zone(_ level: Int) -> String {
    if level <= PainZones.safeMax { return "safe" }
    if level <= PainZones.acceptableMax { return "acceptable" }
    return "not acceptable"
  }
}
