/// Why the full-screen terminal could not start. The description is one line meant for the
/// user, pointing at the commands that work without a terminal.
public struct TerminalStartError: Error, Equatable, CustomStringConvertible {
  public enum Reason: Hashable, Sendable {
    /// stdin or stdout is not a terminal (a pipe, a file, cron).
    case notInteractive
    /// TERM is unset, `dumb`, or a type without cursor addressing.
    case unsupportedTerminal(String)
    /// ncurses could not set up the terminal (usually a TERM with no terminfo entry).
    case cannotInitialize(String)
    /// Another `CursesTerminal` is already running; ncurses holds one screen per process.
    case alreadyRunning
  }

  public let reason: Reason
  public let description: String

  init(_ reason: Reason, options: CursesTerminalOptions) {
    self.reason = reason
    let program = options.programName
    let hint = options.scriptingHint
    switch reason {
    case .notInteractive:
      description =
        "\(program) needs an interactive terminal (stdin and stdout must be a TTY); \(hint)"
    case .unsupportedTerminal(let term):
      description =
        "\(program) cannot draw on terminal type \"\(term)\" (no cursor addressing); "
        + "set TERM to a full-screen terminal such as xterm-256color, or \(hint)"
    case .cannotInitialize(let term):
      description =
        "\(program) could not set up terminal type \"\(term)\" (is its terminfo entry "
        + "installed?); set TERM to a known terminal such as xterm-256color, or \(hint)"
    case .alreadyRunning:
      description = "\(program) already has the terminal in full-screen mode"
    }
  }
}
