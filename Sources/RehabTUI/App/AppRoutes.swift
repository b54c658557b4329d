import RehabCore
import TerminalUI

/// The screens of the app, and the one place that routes to them: each screen's title, keys and
/// render, and every action to its screen or to the app. Adding a screen is its folder, a case
/// here (with a branch in each switch below), a case in `AppAction`, and the key that opens it.
public enum Screen: Equatable, Sendable {
  /// The day's checklist (the main screen); its state is `AppState.todayScreen`.
  case today
  /// First run: choose a template, start day, weeks and side, preview, confirm.
  case setup(SetupWizard)
  /// A week at a glance: the grid, adherence, measure trends, limb symmetry and flags.
  case week(WeekView)
  /// The weekly check-in form.
  case checkin(CheckinForm)
  /// The Export dialog, over the Today screen.
  case export(ExportDialog)
  /// The guided session: one exercise at a time with a timer or counter.
  case session(SessionState)
  /// One item explained (instructions, load, dose and why), over the Today screen.
  case card(CardView)
  /// My programme: the treatments in force, the revisions, and the form that changes one.
  case programme(ProgrammeView)
  /// A screen registered from outside the app's own list.
  case plugin(PluginScreen)
}

extension Screen {
  /// How the help overlay names the screen.
  func title(in app: AppState) -> String {
    switch self {
    case .today: TodayScreen.title(app.todayScreen)
    case .setup(let wizard): SetupScreen.title(wizard)
    case .week(let view): WeekScreen.title(view)
    case .checkin(let form): CheckinScreen.title(form)
    case .export(let dialog): ExportScreen.title(dialog)
    case .session(let session): SessionScreen.title(session)
    case .card(let view): CardScreen.title(view)
    case .programme(let view): ProgrammeScreen.title(view)
    case .plugin(let plugin): plugin.title
    }
  }

  /// The keys of the screen's current sub-state.
  func keys(in app: AppState) -> ScreenKeys {
    switch self {
    case .today: TodayScreen.keys(for: app.todayScreen)
    case .setup(let wizard): SetupScreen.keys(for: wizard)
    case .week(let view): WeekScreen.keys(for: view)
    case .checkin(let form): CheckinScreen.keys(for: form)
    case .export(let dialog): ExportScreen.keys(for: dialog)
    case .session(let session): SessionScreen.keys(for: session)
    case .card(let view): CardScreen.keys(for: view)
    case .programme(let view): ProgrammeScreen.keys(for: view)
    case .plugin(let plugin): plugin.keys
    }
  }

  /// The keys the help overlay lists for the screen.
  func helpKeys(in app: AppState) -> ScreenKeys {
    switch self {
    case .today: TodayScreen.helpKeys(for: app.todayScreen)
    case .setup(let wizard): SetupScreen.helpKeys(for: wizard)
    case .week(let view): WeekScreen.helpKeys(for: view)
    case .checkin(let form): CheckinScreen.helpKeys(for: form)
    case .export(let dialog): ExportScreen.helpKeys(for: dialog)
    case .session(let session): SessionScreen.helpKeys(for: session)
    case .card(let view): CardScreen.helpKeys(for: view)
    case .programme(let view): ProgrammeScreen.helpKeys(for: view)
    case .plugin(let plugin): plugin.helpKeys
    }
  }

  func render(app: AppState, into buffer: inout ScreenBuffer, theme: Theme) {
    switch self {
    case .today: TodayScreen.render(app.todayScreen, app: app, into: &buffer, theme: theme)
    case .setup(let wizard): SetupScreen.render(wizard, app: app, into: &buffer, theme: theme)
    case .week(let view): WeekScreen.render(view, app: app, into: &buffer, theme: theme)
    case .checkin(let form): CheckinScreen.render(form, app: app, into: &buffer, theme: theme)
    case .export(let dialog): ExportScreen.render(dialog, app: app, into: &buffer, theme: theme)
    case .session(let session):
      SessionScreen.render(session, app: app, into: &buffer, theme: theme)
    case .card(let view): CardScreen.render(view, app: app, into: &buffer, theme: theme)
    case .programme(let view):
      ProgrammeScreen.render(view, app: app, into: &buffer, theme: theme)
    case .plugin(let plugin): plugin.render(app: app, into: &buffer, theme: theme)
    }
  }
}

extension AppState {
  /// Applies `action` and returns the effects for the runner to perform, in order. A screen's
  /// action reaches it only while it shows; otherwise it is stale and does nothing.
  public mutating func apply(_ action: AppAction) -> [AppEffect] {
    switch action {
    case .today(let action):
      // The pain context is read for the guided session's pain question too.
      if case .painContextLoaded(let painContext) = action, case .session = screen {
        return apply(.session(.painContextLoaded(painContext)))
      }
      guard case .today = screen else { return [] }
      var state = todayScreen
      let reply = TodayScreen.reduce(&state, action, context: context)
      todayScreen = state
      return follow(reply)
    case .setup(let action):
      guard case .setup(var wizard) = screen else { return [] }
      let reply = SetupScreen.reduce(&wizard, action, context: context)
      screen = .setup(wizard)
      return follow(reply)
    case .week(let action):
      guard case .week(var view) = screen else { return [] }
      let reply = WeekScreen.reduce(&view, action, context: context)
      screen = .week(view)
      return follow(reply)
    case .checkin(let action):
      guard case .checkin(var form) = screen else { return [] }
      let reply = CheckinScreen.reduce(&form, action, context: context)
      screen = .checkin(form)
      return follow(reply)
    case .export(let action):
      guard case .export(var dialog) = screen else { return [] }
      let reply = ExportScreen.reduce(&dialog, action, context: context)
      screen = .export(dialog)
      return follow(reply)
    case .session(let action):
      guard case .session(var session) = screen else { return [] }
      let reply = SessionScreen.reduce(&session, action, context: context)
      screen = .session(session)
      return follow(reply)
    case .now(let time):
      now = max(now, time)
      if case .session = screen { return apply(.session(.clock(now))) }
      return []
    case .card(let action):
      guard case .card(var view) = screen else { return [] }
      let reply = CardScreen.reduce(&view, action, context: context)
      screen = .card(view)
      return follow(reply)
    case .programme(let action):
      guard case .programme(var view) = screen else { return [] }
      let reply = ProgrammeScreen.reduce(&view, action, context: context)
      screen = .programme(view)
      return follow(reply)
    case .plugin(let action):
      guard case .plugin(let plugin) = screen,
        let result = plugin.reduce(action, context: context)
      else { return [] }
      screen = .plugin(result.screen)
      return follow(result.reply)
    case .help(let action):
      help = HelpScreen.reduce(help, action)
      return []
    case .quit:
      return quit()
    case .scrollShown(let shown):
      if let offset = shown.week, case .week(var view) = screen, offset < view.scrollOffset {
        view.scrollOffset = offset
        screen = .week(view)
      }
      if let offset = shown.card, case .card(var view) = screen, offset < view.scrollOffset {
        view.scrollOffset = offset
        screen = .card(view)
      }
      if let offset = shown.setup, case .setup(var wizard) = screen, offset < wizard.confirmScroll {
        wizard.confirmScroll = offset
        screen = .setup(wizard)
      }
      if let offset = shown.help, var overlay = help, offset < overlay.scrollOffset {
        overlay.scrollOffset = offset
        help = overlay
      }
      return []
    case .resize(let newSize):
      size = newSize
      todayScreen.keepSelectionVisible(size: size)
      return []
    case .tick:
      return retryUnsaved()
    case .dayChanged(let newToday):
      return dayChanged(to: newToday)
    case .dayLoaded(let loaded):
      todayScreen.dayLoaded(loaded, unsaved: unsaved, size: size)
      if let file = loaded.damagedFiles.first, message == nil {
        // Short enough for 80 columns: the folder's own path is left out.
        let name = file.split(separator: "/").suffix(2).joined(separator: "/")
        message = .error("Damaged, left out: \(name); pain guidance and flags may be off")
      }
      return []
    case .loadFailed(let failedDay, let reason):
      guard failedDay == todayScreen.day else { return [] }
      message = .error("Cannot read \(failedDay): \(reason)")
      return []
    case .weekLoaded(let loaded):
      return apply(.week(.loaded(loaded)))
    case .weekLoadFailed(let week, let reason):
      return apply(.week(.loadFailed(week, reason)))
    case .exportFinished(let outcome):
      return apply(.export(.finished(outcome)))
    case .saved(let effect):
      return saved(effect)
    case .itemSaved(let effect, let record):
      return itemSaved(effect, stored: record)
    case .changedElsewhere(let effect, let found):
      return changedElsewhere(effect, found: found)
    case .recordAdded(let effect, let stored):
      return recordAdded(effect, stored: stored)
    case .recordRemoved(let effect, let tombstone):
      if case .removeRecord(let record) = effect {
        todayScreen.recordRemoved(record.id, tombstone: tombstone)
      }
      return saved(effect)
    case .checkinSaved(let effect, let save):
      return checkinSaved(effect, save)
    case .recordChangedElsewhere(let effect, let found):
      return recordChangedElsewhere(effect, found: found)
    case .filesChanged:
      return reloadShown()
    case .programmeLoaded(let loaded):
      return programmeLoaded(loaded)
    case .revisionWritten(let effect, let outcome):
      return revisionWritten(effect, outcome)
    case .saveFailed(let effect, let reason):
      return saveFailed(effect, reason: reason)
    }
  }
}
