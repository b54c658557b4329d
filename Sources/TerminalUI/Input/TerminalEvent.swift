/// What waiting on a terminal can produce.
public enum TerminalEvent: Hashable, Sendable {
  case key(Key)
  /// The terminal changed size; the payload is the new size.
  case resize(Size)
  /// A signal interrupted the wait before any key arrived; just wait again.
  case interrupt
  /// The requested timeout elapsed with no input (for clocks and redraws).
  case tick
  /// The descriptor the caller asked to wait on with the keyboard became readable: files it
  /// watches changed (another process wrote them). The caller drains the descriptor.
  case filesChanged
}
