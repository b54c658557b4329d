import CNCurses
import CTerminalSupport

/// The process-wide signal and exit handling around curses mode.
///
/// Every call into the shim's signal functions lives in this file on purpose: their C state is
/// `static`, i.e. one copy per compiled Swift file that uses it, so the flag the handler reads
/// must be set from the same file that installs the handler.
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

  /// Marks curses mode as on, so the handlers and the exit hook call `endwin()`.
  static func cursesDidStart(installingHandlers: Bool) {
    rh_set_curses_active(1)
    rh_register_exit_hook()
    if installingHandlers {
      for signal in handled { _ = rh_install_restoring_handler(signal) }
    }
  }

  /// Marks curses mode as off and puts back the previous handlers.
  static func cursesWillStop() {
    rh_set_curses_active(0)
    for signal in handled { rh_uninstall_restoring_handler(signal) }
  }
}
