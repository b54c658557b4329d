import ArgumentParser
import CursesTerminal
import RehabCore
import RehabStore
import RehabTUI

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `rehabit` with no command: the full-screen app on the day's checklist, or the setup wizard
/// when the data directory has no programme yet.
struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Open the full-screen app on the day's checklist (the default command).",
    shouldDisplay: false)

  @OptionGroup var common: CommonOptions
  @OptionGroup var screen: ScreenOptions

  func run() throws {
    let store = try common.store()
    // A damaged programme file is reported before the screen changes.
    let programme = try store.loadProgramme()
    let templates = try TemplateLibrary.all(extraDirectory: common.templatesDirectory)
    try MainActor.assumeIsolated {
      let terminal = try FullScreen.start()
      defer { terminal.stop() }
      try FullScreen.run(
        on: terminal, store: store, programme: programme, templates: templates,
        clock: common.appClock(), bell: screen.bell)
    }
  }
}

/// Starting and running the full-screen app, shared by `open` and `demo`.
enum FullScreen {
  /// The terminal, or a one-line error pointing at the commands for scripts.
  @MainActor
  static func start() throws -> CursesTerminal {
    do {
      return try CursesTerminal.start(
        options: CursesTerminalOptions(programName: "the full-screen app"))
    } catch {
      throw CLIError(error.description)
    }
  }

  @MainActor
  static func run(
    on terminal: CursesTerminal, store: ProgressStore, programme: Programme?,
    templates: [ProgrammeTemplate], clock: AppClock, bell: Bool
  ) throws {
    // Changes made by the CLI or another app to the data folder are shown as they happen.
    let runner = AppRunner(
      terminal: terminal, store: store, clock: clock, programme: programme, templates: templates,
      bell: bell, watch: .dataFolder(of: store))
    runner.run()
  }
}

/// Options of the full-screen app.
struct ScreenOptions: ParsableArguments {
  @Flag(
    name: .customLong("no-bell"),
    help: "No bell at the guided session's steps (also: REHABIT_NO_BELL=1).")
  var noBell = false

  /// The bell rings unless `--no-bell` or a non-empty `REHABIT_NO_BELL` other than `0`.
  var bell: Bool {
    let variable = ProcessInfo.processInfo.environment["REHABIT_NO_BELL"] ?? ""
    return !noBell && (variable.isEmpty || variable == "0")
  }
}

extension CommonOptions {
  /// The app's clock: `--date` fixes today; otherwise the local day, which rolls over at
  /// midnight while the app is open.
  func appClock() throws -> AppClock {
    if let date {
      let day = try CommonOptions.parseDay(date, option: "--date")
      return AppClock(today: { day }, timestamp: { LocalClock.timestamp() })
    }
    return AppClock(today: { LocalClock.today() }, timestamp: { LocalClock.timestamp() })
  }
}
