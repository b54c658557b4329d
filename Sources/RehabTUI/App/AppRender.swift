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
  switch state.screen {
  case .today:
    TodayScreen.render(state, into: &buffer, theme: theme)
  case .setup(let wizard):
    SetupScreen.render(wizard, state: state, into: &buffer, theme: theme)
  case .week(let view):
    WeekScreen.render(view, state: state, into: &buffer, theme: theme)
  case .checkin(let form):
    CheckinScreen.render(form, state: state, into: &buffer, theme: theme)
  case .export(let dialog):
    ExportScreen.render(dialog, state: state, into: &buffer, theme: theme)
  }
  if state.help != nil {
    HelpScreen.render(state, into: &buffer, theme: theme)
  }
  return buffer
}
