import ArgumentParser
import RehabCore
import RehabQueries
import RehabStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `--data-dir`, `--date` and `--templates`, shared by every command.
struct CommonOptions: ParsableArguments {
  @Option(
    name: .customLong("data-dir"),
    help: ArgumentHelp(
      "Where progress is kept (else $REHABIT_HOME, $XDG_DATA_HOME/rehabit, ~/.local/share/rehabit).",
      valueName: "dir"))
  var dataDirectory: String?

  @Option(help: ArgumentHelp("The day to act on, YYYY-MM-DD (default: today).", valueName: "day"))
  var date: String?

  @Option(
    name: .customLong("templates"),
    help: ArgumentHelp("A folder of extra programme templates (*.json).", valueName: "dir"))
  var templatesDirectory: String?

  /// Reject a malformed --date before anything else, whatever the command.
  func validate() throws {
    // A fixed "today" that is not a date is refused, never silently replaced by the clock.
    if let fixed = ProcessInfo.processInfo.environment["REHABIT_TODAY"], !fixed.isEmpty,
      CalendarDay(fixed) == nil
    {
      throw ValidationError(
        "REHABIT_TODAY: \(CalendarDay.problem(parsing: fixed) ?? "'\(fixed)' is not a date"); set it to YYYY-MM-DD or unset it"
      )
    }
    if let date { _ = try CommonOptions.parseDay(date, option: "--date") }
    if dataDirectory == "" {
      throw ValidationError("--data-dir is empty; give a directory, e.g. --data-dir ~/rehab")
    }
  }

  /// The day the command is about, validated.
  func day() throws -> CalendarDay {
    guard let date else { return LocalClock.today() }
    return try CommonOptions.parseDay(date, option: "--date")
  }

  static func parseDay(_ text: String, option: String) throws -> CalendarDay {
    if let day = CalendarDay(text) { return day }
    throw ValidationError(
      "\(option): \(CalendarDay.problem(parsing: text) ?? "'\(text)' is not a date")")
  }

  static func parseTime(_ text: String, option: String) throws -> TimeOfDay {
    if let time = TimeOfDay(text) { return time }
    throw ValidationError(
      "\(option): \(TimeOfDay.problem(parsing: text) ?? "'\(text)' is not a time")")
  }

  /// The data folder's store. What a killed import left beside the folder is put right first
  /// (`DataFolderImport.recover`), so every command sees a complete folder.
  func store() throws -> ProgressStore {
    let environment = ProcessInfo.processInfo.environment
    let directory = try DataDirectory.resolve(explicit: dataDirectory, environment: environment)
    DataFolderImport.recover(directory)
    return ProgressStore(directory: directory, faults: .fromEnvironment(environment))
  }

  /// The queries of the programme that ran on the command's day (`--date`, else today), or an
  /// error that says how to start one. Every command asks here, so a day of an earlier
  /// programme is answered with that programme.
  func queries() throws -> ProgressQueries { try queries(on: day()) }

  /// The queries of the programme that ran on `day`.
  func queries(on day: CalendarDay) throws -> ProgressQueries {
    let store = try store()
    guard let queries = try ProgressQueries.open(store, on: day) else {
      throw noProgramme(in: store)
    }
    return queries
  }

  /// No programme.json yet: how to start one.
  func noProgramme(in store: ProgressStore) -> CLIError {
    CLIError(
      "no programme in \(store.directory); start one with `rehabit init --template NAME` (list them with `rehabit templates`), or try `rehabit demo`"
    )
  }
}

/// A failure a user can act on; printed as one line.
struct CLIError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
