/// A key press, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
  /// A printable character, including space, accents and emoji.
  case character(Character)
  case up
  case down
  case left
  case right
  case enter
  case escape
  case backspace
  case tab
  case backTab
  case home
  case end
  case pageUp
  case pageDown
  case delete
  case insert
  /// F1, F2 … as `.function(1)`, `.function(2)` …
  case function(Int)
  /// Ctrl plus a letter, lower-case: Ctrl-C is `.control("c")`.
  case control(Character)

  /// How the key is written in help text: "↑", "space", "Enter", "Esc", "q", "Ctrl-C".
  public var label: String {
    label(unicode: true)
  }

  /// The help-text label; with `unicode` off, arrows are spelled out for terminals without them.
  public func label(unicode: Bool) -> String {
    switch self {
    case .character(" "): "space"
    case .character(let character): TerminalText.sanitized(String(character))
    case .up: unicode ? "↑" : "Up"
    case .down: unicode ? "↓" : "Down"
    case .left: unicode ? "←" : "Left"
    case .right: unicode ? "→" : "Right"
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Backspace"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .delete: "Del"
    case .insert: "Ins"
    case .function(let number): "F\(number)"
    case .control(let character): "Ctrl-\(TerminalText.sanitized(character.uppercased()))"
    }
  }
}
