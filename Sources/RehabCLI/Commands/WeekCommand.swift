import ArgumentParser
import RehabCore
import RehabStore

/// `rehabit week [--json]`: the ISO week containing the day, as of that day.
struct WeekCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "week",
    abstract: "Show the week: adherence per day and treatment, the measures and the flags.",
    discussion: """
      The ISO week (Monday to Sunday) containing --date, judged as of that day: later days are \
      upcoming and do not count. Adherence is self-reported: items done ÷ items scheduled.
      """)

  @OptionGroup var common: CommonOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let report = WeekReport(try JudgedProgress.load(common))
    if json {
      try Output.json(WeekReportJSON(report: report))
    } else {
      for line in WeekReportText.lines(report) { Output.line(line) }
    }
  }
}
