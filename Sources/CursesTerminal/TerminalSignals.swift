import CNCurses
import CTerminalSupport

/// The process-wide signal and exit handling around curses mode.
///
/// The handlers themselves are C (CTerminalSupport), so a signal never runs Swift code: they call
/// `endwin()` while curses mode is marked active, put back the previous action and re-raise.
enum TerminalSignals {
  /// Termination signals (exit codes 130/143/129 after re-raising) and crash signals (so the
  /// backtrace prints to a restored terminal).
  private static let handled: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE,
  ]

  /// Unblocks WINCH, INT, TERM, HUP, TSTP and CONT, which test runners and some parents leave
  /// blocked; without WINCH there are no resize events, without INT no Ctrl-C.
  static func unblockTerminalSignals() {
    _ = rh_unblock_terminal_signals()
  }

  /// Installs the restoring handlers. Must run before `newterm`: ncurses installs its own
  /// INT/TERM handlers (which `exit(1)`) wherever the action is still the default, and the
  /// previous action we chain to must be the real default so the exit code is 128 + signal.
  static func installHandlers() {
    for signal in handled { _ = rh_install_restoring_handler(signal) }
  }

  /// Marks curses mode as on, so the handlers and the exit hook call `endwin()`.
  static func cursesDidStart() {
    rh_set_curses_active(1)
    rh_register_exit_hook()
  }

  /// Marks curses mode as off and puts back the previous handlers (also after a failed start).
  static func cursesWillStop() {
    rh_set_curses_active(0)
    for signal in handled { rh_uninstall_restoring_handler(signal) }
  }
}
