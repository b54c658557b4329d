/// The eight basic terminal colours plus the terminal's own default, which keeps the user's
/// background and foreground (and is the only colour used when colour is off).
public enum TerminalColor: Hashable, Sendable, CaseIterable {
  case `default`
  case black
  case red
  case green
  case yellow
  case blue
  case magenta
  case cyan
  case white

  /// The ANSI / curses colour number, -1 for the terminal default.
  public var ansiIndex: Int {
    switch self {
    case .default: -1
    case .black: 0
    case .red: 1
    case .green: 2
    case .yellow: 3
    case .blue: 4
    case .magenta: 5
    case .cyan: 6
    case .white: 7
    }
  }
}
