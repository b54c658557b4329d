import ArgumentParser
import RehabCore
import RehabQueries

/// `rehabit today [--json]`: the day's checklist, numbered.
struct TodayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "today",
    abstract: "Show the day's checklist, numbered for `check`, `skip` and `pain`.")

  @OptionGroup var common: CommonOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let queries = try common.queries()
    let checklist = try queries.checklist(on: try common.day())
    defer { Output.warnAboutDamagedWeeks(queries) }
    if json {
      try Output.json(DayChecklistJSON(checklist, programme: queries.programme))
    } else {
      DayChecklistText.print(checklist, programme: queries.programme)
    }
  }
}

/// Plain-text rendering of a day's checklist, grouped by kind.
enum DayChecklistText {
  static func print(_ checklist: DayChecklist, programme: Programme) {
    let header = "\(checklist.day.weekday.shortName) \(checklist.day)"
    guard let week = checklist.programmeWeek else {
      let when =
        checklist.day < programme.start
        ? "the programme starts on \(programme.start)" : "the programme ended on \(programme.end)"
      Output.line("\(header): nothing scheduled; \(when).")
      return
    }
    Output.line(
      "\(header) · week \(week) of \(programme.weeks) · \(Output.safe(programme.plan.title)) · affected side: \(programme.affectedSide.rawValue)"
    )
    if checklist.entries.isEmpty {
      Output.line("A rest day: nothing scheduled.")
      return
    }
    let nameWidth = min(40, checklist.entries.map { $0.item.name.count }.max() ?? 10)
    var currentKind: TreatmentKind?
    for entry in checklist.entries {
      if entry.item.kind != currentKind {
        currentKind = entry.item.kind
        Output.line(entry.item.kind.title)
      }
      let item = entry.item
      let number = String(entry.number).leftPadded(to: 3)
      let name = Output.safe(item.name).rightPadded(to: nameWidth)
      let times =
        item.occurrencesPerDay > 1 ? " (\(item.occurrence) of \(item.occurrencesPerDay))" : ""
      var line =
        "\(number) \(entry.status.glyph) \(name)  \(item.side.rawValue.rightPadded(to: 5))  \(item.dose.text)\(times)"
      if item.painAdjustments.contains(.steppedDown) {
        line += "  · lighter: pain last session (R-PAIN-STEP)"
      }
      if item.painAdjustments.contains(.held) { line += "  · held: painful week (R-PAIN-HOLD)" }
      if let reason = entry.skipReason { line += "  · skipped: \(Output.safe(reason))" }
      Output.line(line)
    }
    let done = checklist.entries.count { $0.status == .done }
    let skipped = checklist.entries.count { $0.status == .skipped }
    Output.line("\(checklist.entries.count) items · \(done) done · \(skipped) skipped")
  }
}

extension ItemStatus {
  var glyph: String {
    switch self {
    case .pending: "[ ]"
    case .done: "[x]"
    case .skipped: "[-]"
    }
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }

  func rightPadded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
