import ArgumentParser
import RehabCore
import RehabStore
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
    let judged = try JudgedProgress.load(common)
    let flags = judged.engine.flags
    if json {
      try Output.json(
        FlagListJSON(
          asOf: judged.asOf, programmeWeek: judged.programme.programmeWeek(of: judged.asOf),
          flags: flags))
      return
    }
    let ledger = judged.engine.ledger
    let week =
      judged.programme.programmeWeek(of: judged.asOf).map {
        "programme week \($0) of \(judged.programme.weeks)"
      } ?? (judged.asOf < judged.programme.start ? "before the programme" : "after the programme")
    Output.line("Flags as of \(judged.asOf.weekday.shortName) \(judged.asOf) · \(week)")
    Output.line(
      DisplayWidth.truncated(Output.safe(judged.programme.plan.title), to: FlagListText.width))
    if ledger.completedWeeks == 0 {
      Output.line("Flags are judged once the first programme week is over.")
    }
    Output.line()
    for line in FlagListText.lines(flags, programme: judged.programme) { Output.line(line) }
  }
}
