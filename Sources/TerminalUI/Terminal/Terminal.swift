/// A full-screen terminal: the app's only window on the outside world, so a scripted one can
/// stand in for it in tests.
@MainActor
public protocol Terminal: AnyObject {
  var size: Size { get }
  var capabilities: TerminalCapabilities { get }
  /// Shows `buffer` as the whole screen.
  func draw(_ buffer: ScreenBuffer)
  /// Waits for the next event, at most `timeoutMilliseconds` (nil waits forever); returns `.tick`
  /// on timeout and nil when there will be no more input (input closed, script exhausted).
  /// With `watching`, waits on that descriptor too, in the same wait (no polling), and returns
  /// `.filesChanged` when it becomes readable; keys already typed come first.
  func nextEvent(timeoutMilliseconds: Int?, watching descriptor: Int32?) -> TerminalEvent?
  /// Rings the terminal bell (a guided session's transitions).
  func bell()
}

extension Terminal {
  /// Waits for a key, a resize or the timeout only.
  public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
    nextEvent(timeoutMilliseconds: timeoutMilliseconds, watching: nil)
  }
}
