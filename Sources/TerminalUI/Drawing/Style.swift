/// How a cell looks. Attributes (bold, reverse…) still work on a monochrome terminal, so
/// anything that must stay visible without colour (the selection, warnings) should use them.
public struct Style: Hashable, Sendable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var bold: Bool
  public var dim: Bool
  public var reverse: Bool
  public var underline: Bool

  public init(
    foreground: TerminalColor = .default, background: TerminalColor = .default,
    bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  public static let plain = Style()

  public func bolded() -> Style { with { $0.bold = true } }
  public func dimmed() -> Style { with { $0.dim = true } }
  public func reversed() -> Style { with { $0.reverse = true } }
  public func underlined() -> Style { with { $0.underline = true } }
  public func withForeground(_ color: TerminalColor) -> Style { with { $0.foreground = color } }
  public func withBackground(_ color: TerminalColor) -> Style { with { $0.background = color } }

  /// Layers `overlay` on top: its attributes are added and its non-default colours win. Used to
  /// highlight a selected row without losing the colours of its text.
  public func merged(with overlay: Style) -> Style {
    Style(
      foreground: overlay.foreground == .default ? foreground : overlay.foreground,
      background: overlay.background == .default ? background : overlay.background,
      bold: bold || overlay.bold, dim: dim || overlay.dim,
      reverse: reverse || overlay.reverse, underline: underline || overlay.underline)
  }

  private func with(_ change: (inout Style) -> Void) -> Style {
    var copy = self
    change(&copy)
    return copy
  }
}
