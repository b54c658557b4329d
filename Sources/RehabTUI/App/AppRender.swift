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
