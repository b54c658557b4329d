import ArgumentParser
import RehabCore
import RehabQueries
import RehabStore

/// `rehabit programme …`: the running programme as of a day, and a clinician's changes to it
/// from a day on (revisions; the days before a change never change).
struct ProgrammeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "programme",
    abstract: "Show the programme as of a day, or change it from a day on.",
    discussion: """
      A change (set, add, remove, pause, resume, extend) is a revision that takes effect from \
      a day (--from, default today): the days before it keep their doses and their records. \
      `programme history` lists every revision; `programme undo` takes back the latest one \
      while no day it governs has been logged.
      """,
    subcommands: [
      ProgrammeShowCommand.self, ProgrammeSetCommand.self, ProgrammeAddCommand.self,
      ProgrammeRemoveCommand.self, ProgrammePauseCommand.self, ProgrammeResumeCommand.self,
      ProgrammeExtendCommand.self, ProgrammeHistoryCommand.self, ProgrammeUndoCommand.self,
    ],
    defaultSubcommand: ProgrammeShowCommand.self)
}

/// `rehabit programme [show] [--date DAY] [--json]`.
struct ProgrammeShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "The treatments as of --date: dose, schedule, side, weeks, progression, revisions.")

  @OptionGroup var common: CommonOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let queries = try common.queries()
    let day = try common.day()
    let overview = try queries.programme(on: day)
    Output.warnAboutDamagedWeeks(queries)
    if json {
      try Output.json(ProgrammeJSON.Overview(overview, programme: queries.programme))
      return
    }
    for line in ProgrammeText.overview(overview, programme: queries.programme) {
      Output.line(Output.safe(line))
    }
  }
}

/// `rehabit programme history [--json]`.
struct ProgrammeHistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "Every revision, in the order recorded.")

  @OptionGroup var common: CommonOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let queries = try common.queries()
    let programme = queries.programme
    if json {
      try Output.json(
        ProgrammeJSON.History(
          revisions: queries.revisionHistory.map {
            ProgrammeJSON.Revision($0, programme: programme)
          }
        ))
      return
    }
    guard !queries.revisionHistory.isEmpty else {
      Output.line(
        "No revisions: the programme is as it started on \(programme.start). Change it with `rehabit programme set TREATMENT …`."
      )
      return
    }
    for revision in queries.revisionHistory {
      Output.line(Output.safe(ProgrammeText.historyLine(revision, programme: programme)))
    }
  }
}

/// `rehabit programme undo`.
struct ProgrammeUndoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: "Take back the latest revision, while no day it governs has been logged.")

  @OptionGroup var common: CommonOptions

  func run() throws {
    let queries = try common.queries()
    let programme = queries.programme
    do {
      let (_, removed) = try queries.store.undoLatestRevision(
        expected: programme, at: LocalClock.timestamp())
      Output.line(
        Output.safe(
          "Took back \(removed.id) (from \(removed.effective)): \(RevisionText.change(removed, programme: programme))."
        ))
    } catch let refused as RevisionUndoRefused {
      throw CLIError(ProgrammeText.undoRefusal(refused.reason, programme: programme))
    } catch let changed as ProgrammeChanged {
      throw CLIError(ProgrammeText.changedElsewhere(changed))
    }
  }
}
