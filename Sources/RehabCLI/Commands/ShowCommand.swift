import ArgumentParser
import RehabCore
import RehabQueries
import TerminalUI

/// `rehabit show N|ID [--json]`: one item's card (what the Today screen's card shows). Read-only,
/// so it also works for a later day of the programme.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract:
      "Show one item's card: instructions, load, the day's dose and why, the pain rule, last done.")

  @OptionGroup var common: CommonOptions
  @Argument(
    help: ArgumentHelp("An item number from `rehabit today`, or an item id.", valueName: "N"))
  var item: String
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let context = try ProgressContext(common)
    guard let target = try context.resolveItems([item], readOnly: true).first,
      let card = try context.queries.card(target.item.id, on: target.item.day)
    else {
      throw CLIError(
        "there is no item '\(item)' on \(context.day); see `rehabit today --date \(context.day)`")
    }
    defer { Output.warnAboutDamagedWeeks(context.queries) }
    if json {
      try Output.json(ItemCardJSON(card, number: target.number, plan: context.programme.plan))
    } else {
      ItemCardPlainText.print(card, programme: context.programme)
    }
  }
}

/// The card as plain text: a heading line, then labelled lines; stored text made safe.
enum ItemCardPlainText {
  static let width = 78

  static func print(_ card: ItemCard, programme: Programme) {
    let item = card.item
    let times =
      item.occurrencesPerDay > 1 ? ", \(item.occurrence) of \(item.occurrencesPerDay)" : ""
    Output.line(
      "\(Output.safe(item.name)) · \(item.kind.rawValue) · \(item.side.rawValue)\(times)")
    Output.line(
      "\(item.day.labelWithWeekday) · week \(item.programmeWeek) of \(programme.weeks) · \(card.status.word)"
    )
    Output.line("Dose:       \(item.dose.text)")
    Output.line("Load:       \(card.load.map(Output.safe) ?? "none given")")
    Output.line(
      "Schedule:   \(Output.safe(ItemCardText.scheduleWords(card.treatment.schedule, plan: programme.plan)))"
    )
    block("Why:", ItemCardText.doseReasons(card).joined(separator: " "))
    block("How:", card.treatment.instructions)
    block("Pain:", ItemCardText.painRule)
    Output.line("Last done:  \(card.lastDone?.labelWithWeekday ?? "not yet")")
  }

  /// A label and its text wrapped beside it (WrappedText sanitises each line).
  private static func block(_ label: String, _ text: String) {
    let indent = 12
    let lines = WrappedText.lines(text, width: width - indent)
    for (index, line) in (lines.isEmpty ? [""] : lines).enumerated() {
      let head = index == 0 ? label.rightPadded(to: indent) : String(repeating: " ", count: indent)
      Output.line(head + line)
    }
  }
}

/// `show --json`.
struct ItemCardJSON: Encodable {
  struct PainJSON: Encodable {
    let day: CalendarDay
    let level: Int
    let timing: PainEntry.Timing
  }

  struct StepDownJSON: Encodable {
    let session: CalendarDay
    let pain: [PainJSON]
    /// The dose of the session that hurt.
    @Nullable var from: String?
  }

  struct HoldJSON: Encodable {
    let painfulWeek: Int
    let painfulSessions: [CalendarDay]
  }

  struct PainRuleJSON: Encodable {
    let rule = "R-PAIN-ZONES"
    let safeMax = PainZones.safeMax
    let acceptableMax = PainZones.acceptableMax
  }

  @Nullable var number: Int?
  let id: String
  let date: CalendarDay
  let programmeWeek: Int
  let treatment: String
  let treatmentId: String
  let kind: TreatmentKind
  let side: Side
  let status: ItemStatus
  let instructions: String
  @Nullable var load: String?
  let schedule: String
  let dose: String
  let startingDose: String
  /// null for a treatment that does not progress.
  @Nullable var progressionStep: Int?
  let painAdjustments: [ChecklistItem.PainAdjustment]
  let heldWeeks: [Int]
  @Nullable var held: HoldJSON?
  @Nullable var steppedDown: StepDownJSON?
  let reasons: [String]
  let painRule: PainRuleJSON
  @Nullable var lastDone: CalendarDay?

  init(_ card: ItemCard, number: Int?, plan: ProgrammePlan) {
    let item = card.item
    self.number = number
    id = item.id
    date = item.day
    programmeWeek = item.programmeWeek
    treatment = item.name
    treatmentId = item.treatmentId
    kind = item.kind
    side = item.side
    status = card.status
    instructions = card.treatment.instructions
    load = card.load
    schedule = ItemCardText.scheduleWords(card.treatment.schedule, plan: plan)
    dose = item.dose.text
    startingDose = card.startingDose.text
    var steps: Int?
    if case .progression(_, _, let step) = card.basis { steps = step }
    progressionStep = steps
    painAdjustments = item.painAdjustments
    heldWeeks = card.earlierHeldWeeks + (card.hold == nil ? [] : [item.programmeWeek])
    held = card.hold.map {
      HoldJSON(painfulWeek: $0.painfulWeek, painfulSessions: $0.painfulSessions)
    }
    steppedDown = card.stepDown.map { step in
      StepDownJSON(
        session: step.session,
        pain: step.pain.map { PainJSON(day: $0.day, level: $0.level, timing: $0.timing) },
        from: step.from?.text)
    }
    reasons = ItemCardText.doseReasons(card)
    painRule = PainRuleJSON()
    lastDone = card.lastDone
  }
}
