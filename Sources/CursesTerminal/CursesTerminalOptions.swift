/// How `CursesTerminal.start` sets up the terminal.
public struct CursesTerminalOptions: Sendable {
  /// Allow colour at all; colour is still off when the terminal has none or `NO_COLOR` is set.
  public var allowsColor: Bool
  /// How long after ESC to wait for the rest of an escape sequence (ncurses defaults to 1 s).
  public var escapeDelayMilliseconds: Int
  /// Restore the terminal on INT/TERM/HUP and on crashes. Off only for tests that own signals.
  public var installsSignalHandlers: Bool
  /// Names the program in start-up errors.
  public var programName: String
  /// Ends start-up errors: what to use instead of the full-screen interface.
  public var scriptingHint: String

  public init(
    allowsColor: Bool = true, escapeDelayMilliseconds: Int = 25,
    installsSignalHandlers: Bool = true, programName: String = "rehabit",
    scriptingHint: String = "use `rehabit today`, `rehabit check N` … for scripts"
  ) {
    self.allowsColor = allowsColor
    self.escapeDelayMilliseconds = escapeDelayMilliseconds
    self.installsSignalHandlers = installsSignalHandlers
    self.programName = programName
    self.scriptingHint = scriptingHint
  }
}
