/// What the running terminal can show, so screens can pick colours and line characters.
public struct TerminalCapabilities: Hashable, Sendable {
  /// Colours are available and the user has not asked for none (`NO_COLOR`).
  public var colors: Bool
  /// The terminal's encoding is UTF-8, so box lines, block bars and arrows can be drawn.
  public var unicode: Bool

  public init(colors: Bool, unicode: Bool) {
    self.colors = colors
    self.unicode = unicode
  }

  public static let full = TerminalCapabilities(colors: true, unicode: true)
  public static let minimal = TerminalCapabilities(colors: false, unicode: false)
}
