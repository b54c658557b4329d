import TerminalUI

/// The pure view: what the screen looks like for `state` at `size`.
public func render(_ state: AppState, size: Size, capabilities: TerminalCapabilities)
  -> ScreenBuffer
{
  var buffer = ScreenBuffer(size: size)
  let theme = Theme(capabilities)
  if size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height {
    TooSmallScreen.render(into: &buffer, theme: theme)
    return buffer
  }
  state.screen.render(app: state, into: &buffer, theme: theme)
  if state.help != nil {
    HelpScreen.render(state, into: &buffer, theme: theme)
  }
  return buffer
}

/// Where the scrolling parts of a frame stood as drawn: an offset past the end is drawn at the
/// end, and the runner hands that back (`.scrollShown`) so the next scroll up moves at once.
/// Layout stays in render; update only takes the numbers.
public struct ShownScroll: Equatable, Sendable {
  /// The Week screen's first body row, when it shows a loaded week.
  public var week: Int?
  /// The help overlay's first line, when it is open.
  public var help: Int?
  /// The item card's first body line, when it shows a loaded card.
  public var card: Int?
  /// The setup wizard's last step's first line, when it shows.
  public var setup: Int?

  public init(week: Int? = nil, help: Int? = nil, card: Int? = nil, setup: Int? = nil) {
    self.week = week
    self.help = help
    self.card = card
    self.setup = setup
  }
}

/// The offsets `render` draws for `state` at `size` (nil for what is not on screen, and for an
/// offset of 0, which is always drawn as it is: no second layout of the body then).
public func shownScroll(_ state: AppState, size: Size, capabilities: TerminalCapabilities)
  -> ShownScroll
{
  let theme = Theme(capabilities)
  var shown = ShownScroll()
  if case .week(let view) = state.screen, view.scrollOffset > 0 {
    shown.week = WeekScreen.visibleOffset(view, app: state, size: size, theme: theme)
  }
  if case .card(let view) = state.screen, view.scrollOffset > 0 {
    shown.card = CardScreen.visibleOffset(view, app: state, size: size, theme: theme)
  }
  if case .setup(let wizard) = state.screen, wizard.step == .confirm, wizard.confirmScroll > 0 {
    shown.setup = SetupScreen.visibleConfirmOffset(wizard, size: size, theme: theme)
  }
  if let help = state.help, help.scrollOffset > 0 {
    shown.help = HelpScreen.visibleOffset(for: state, size: size, unicode: theme.unicode)
  }
  return shown
}
