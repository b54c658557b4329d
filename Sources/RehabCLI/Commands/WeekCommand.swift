import ArgumentParser
import RehabCore
import RehabQueries

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
    let asOf = try common.day()
    let queries = try common.queries()
    let summary = try queries.week(ISOWeek(containing: asOf), asOf: asOf)
    defer { Output.warnAboutDamagedWeeks(queries) }
    if json {
      try Output.json(WeekSummaryJSON(summary: summary))
    } else {
      for line in WeekSummaryText.lines(summary) { Output.line(line) }
    }
  }
}
