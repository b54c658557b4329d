import ArgumentParser
import RehabCore

#if canImport(Glibc)
  import Glibc
#endif

/// `rehabit`: the root command. With no subcommand it opens the full-screen app.
public struct RehabitCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "rehabit",
    abstract: "Track a foot and ankle rehab programme, one day at a time.",
    discussion: """
      With no command, opens today's checklist full-screen (the setup wizard when no programme \
      exists). Every screen has a command for scripts; add --json for machine-readable output. \
      In the app, g starts a guided session with timers; `rehabit --no-bell` (or \
      REHABIT_NO_BELL=1) keeps it quiet.
      The environment variable REHABIT_TODAY=YYYY-MM-DD stands in for today's date (for scripts \
      that replay a history, and for tests); REHABIT_HOME chooses the data folder.
      rehabit is a self-management aid, not medical advice.
      """ + "\n\n" + RehabitCommand.redFlags,
    version: "0.1.0",
    subcommands: RehabitCommand.commands,
    defaultSubcommand: OpenCommand.self
  )

  /// The red flags of `SafetyText`, complete, for the end of `--help`.
  static var redFlags: String {
    (["Red flags", SafetyText.redFlagsHeading] + SafetyText.redFlags.map { "  - " + $0 }
      + SafetyText.redFlagCautions).joined(separator: "\n")
  }

  /// Every subcommand, in the order `--help` lists them.
  static let commands: [any ParsableCommand.Type] = [
    OpenCommand.self, DemoCommand.self, TemplatesCommand.self, InitCommand.self,
    TodayCommand.self, ShowCommand.self, CheckCommand.self, UncheckCommand.self, SkipCommand.self,
    PainCommand.self, NoteCommand.self, CheckinCommand.self, LogCommand.self, RemoveCommand.self,
    WeekCommand.self,
    FlagsCommand.self, ProgrammeCommand.self,
    ExportCommand.self, ImportCommand.self, StatusCommand.self, RemindCommand.self,
    SyncCommand.self,
    MergeDriverCommand.self,
  ]

  public init() {}

  /// Parses and runs, printing any error as one line on stderr (no usage dump, no stack trace)
  /// and exiting non-zero: 64 for a wrong command line, 1 for everything else.
  public static func main(arguments: [String]? = nil) -> Never {
    // Over a file size limit (`ulimit -f`), a write fails with EFBIG and is reported like a
    // full disk, instead of the signal ending rehabit without a word.
    signal(SIGXFSZ, SIG_IGN)
    if arguments == nil, let position = firstArgumentNotUTF8() {
      Output.error(
        "rehabit: argument \(position) is not valid UTF-8 text; check the encoding of your terminal or script (try --help)"
      )
      Glibc.exit(64)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Glibc.exit(0)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Glibc.exit(0)
      }
      let full = CLIErrorWording.message(for: error) ?? message(for: error)
      let message = full.split(separator: "\n").first.map(String.init) ?? "failed"
      let isUsage = error is ValidationError || code == .validationFailure
      let hint = isUsage ? " (try --help)" : ""
      Output.error("rehabit: \(shortened(message))\(hint)")
      Glibc.exit(code == .validationFailure ? 64 : code.rawValue == 0 ? 1 : code.rawValue)
    }
  }

  /// The message with any very long word (a pasted text echoed back, a runaway path) cut in
  /// the middle, so the error stays one readable line.
  static func shortened(_ message: String, longestWord: Int = 160) -> String {
    guard message.count > longestWord else { return message }
    return message.split(separator: " ", omittingEmptySubsequences: false).map { word in
      word.count > longestWord
        ? "\(word.prefix(60))…(\(word.count) characters)…\(word.suffix(40))" : String(word)
    }.joined(separator: " ")
  }

  /// The 1-based position of the first command-line argument that is not valid UTF-8, if any.
  /// Swift would quietly replace such bytes, and a skip reason would be stored altered.
  static func firstArgumentNotUTF8() -> Int? {
    let count = Int(CommandLine.argc)
    for index in 1..<max(1, count) {
      guard let argument = CommandLine.unsafeArgv[index] else { continue }
      if String(validatingCString: argument) == nil { return index }
    }
    return nil
  }
}
