import ArgumentParser
import RehabCore
import RehabStore

/// `rehabit init`: start a programme from a template or a file.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Start a programme from a template (or a file of your own).")

  @OptionGroup var common: CommonOptions
  @Option(help: ArgumentHelp("Template name (see `rehabit templates`).", valueName: "name"))
  var template: String?
  @Option(
    help: ArgumentHelp("A programme file of your own, in the Programs/ format.", valueName: "path"))
  var file: String?
  @Option(
    help: ArgumentHelp(
      "First day of the programme, YYYY-MM-DD (default: --date or today).", valueName: "day"))
  var start: String?
  @Option(help: "Programme length in weeks, 1–52 (default: the template's).")
  var weeks: Int?
  @Option(name: .customLong("affected-side"), help: "The affected side.")
  var affectedSide: Side = .both
  @Flag(help: "Replace an existing programme (its progress files are kept).")
  var force = false
  @Flag(
    help:
      "Start the next programme after the current one (default start: the day after it ends, or today if that has passed); the current one is kept with its records."
  )
  var next = false

  func validate() throws {
    switch (template, file) {
    case (nil, nil):
      throw ValidationError("give --template NAME (see `rehabit templates`) or --file PATH")
    case (.some, .some): throw ValidationError("give either --template or --file, not both")
    default: break
    }
    if next, force {
      throw ValidationError(
        "--next keeps the current programme and --force replaces it; give one of them (--next to start the next programme after the current one)"
      )
    }
    if let weeks, !ProgrammePlan.weekLimits.contains(weeks) {
      throw ValidationError(
        "--weeks \(weeks) is out of range; use 1 to \(ProgrammePlan.weekLimits.upperBound)")
    }
  }

  func run() throws {
    let plan: ProgrammePlan
    if let file {
      plan = try TemplateLibrary.readPlan(at: file)
    } else {
      plan = try TemplateLibrary.template(
        id: template ?? "", extraDirectory: common.templatesDirectory
      ).plan
    }
    let givenStart = try start.map { try CommonOptions.parseDay($0, option: "--start") }
    let store = try common.store()
    // Everything is checked before anything is written.
    let timeline = try store.loadTimeline()
    let startDay: CalendarDay
    if next {
      guard let timeline else {
        throw CLIError(
          "--next starts a programme after the current one, but there is none in \(store.directory); start the first with `rehabit init --template NAME` (without --next)"
        )
      }
      startDay = try givenStart ?? timeline.defaultNextStart(today: common.day())
    } else {
      startDay = try givenStart ?? common.day()
    }
    let programme = Programme(plan: plan, start: startDay, weeks: weeks, affectedSide: affectedSide)
    if let problem = ProgrammeValidator.problems(in: programme).first { throw problem }
    if next, let problem = timeline?.problem(startingNext: programme) {
      let current = problem.current
      throw CLIError(
        "--start \(programme.start) is on or before the last day of the current programme (\(Output.safe(current.plan.title)), \(current.start) to \(current.end)); start the next one on \(problem.earliestStart) or later (--start \(problem.earliestStart)), or leave out --start"
      )
    }
    if force, let timeline, let previous = timeline.previous(of: timeline.current),
      programme.start <= previous.end
    {
      throw CLIError(
        "--start \(programme.start) is on or before the last day of the programme before the current one (\(Output.safe(previous.plan.title)), \(previous.start) to \(previous.end)); start on \(previous.end.adding(days: 1)) or later"
      )
    }

    try store.prepareDirectory()
    if next {
      try store.startNextProgramme(programme)
    } else {
      try store.saveProgramme(programme, replacing: force)
    }
    Output.line(
      "Started \(Output.safe(plan.title)): \(programme.weeks) weeks, \(programme.start) to \(programme.end), affected side \(affectedSide.rawValue)."
    )
    if next, let current = timeline?.current {
      Output.line(
        "It follows \(Output.safe(current.plan.title)) (\(current.start) to \(current.end)), which is kept with its records."
      )
    }
    Output.line("Data: \(Output.safe(store.directory))")
    Output.line("See the day's list with `rehabit today`, or open the app with `rehabit`.")
    Output.line()
    Output.line(SafetyText.redFlagsHeading)
    for flag in SafetyText.redFlags { Output.line("  - \(flag)") }
    for caution in SafetyText.redFlagCautions { Output.line(caution) }
    Output.line(SafetyText.disclaimer)
  }
}

extension Side: ExpressibleByArgument {}
extension SideRule: ExpressibleByArgument {}
