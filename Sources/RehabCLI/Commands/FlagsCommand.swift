import ArgumentParser
import RehabCore
import RehabQueries
import TerminalUI

/// `rehabit flags [--json]`: the flags as of the day, with the numbers behind them.
struct FlagsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flags",
    abstract: "Show the progress flags as of the day (plateau, worsening, low adherence, …).",
    discussion: """
      Flags are recomputed from the check-offs and check-ins every time, so they clear by \
      themselves once the data no longer supports them. Use --date to judge as of another day.
      """)

  @OptionGroup var common: CommonOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let queries = try common.queries()
    let summary = try queries.flags(asOf: try common.day())
    defer { Output.warnAboutDamagedWeeks(queries) }
    let programme = summary.programme
    if json {
      try Output.json(
        FlagListJSON(
          asOf: summary.asOf, programmeWeek: summary.programmeWeek, flags: summary.flags,
          pending: summary.pending, previousProgramme: summary.previousProgramme))
      return
    }
    let week =
      summary.programmeWeek.map { "programme week \($0) of \(programme.weeks)" }
      ?? (summary.asOf < programme.start ? "before the programme" : "after the programme")
    Output.line("Flags as of \(summary.asOf.weekday.shortName) \(summary.asOf) · \(week)")
    Output.line(DisplayWidth.truncated(Output.safe(programme.plan.title), to: FlagListText.width))
    if summary.completedWeeks == 0 {
      Output.line("Flags are judged once the first programme week is over.")
    }
    Output.line()
    for line in FlagListText.lines(summary.flags, programme: programme) { Output.line(line) }
    for pending in summary.pending {
      Output.line()
      for line in FlagListText.wrapped(pending.message, indent: "  ", first: "? ") {
        Output.line(line)
      }
    }
    if let previous = summary.previousProgramme {
      Output.line()
      for line in FlagListText.wrapped(
        Output.safe(PreviousProgrammeText.line(previous)), indent: "  ", first: "")
      {
        Output.line(line)
      }
    }
  }
}
