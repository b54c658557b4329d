import RehabCore
import TerminalUI

/// The pure heart of the app: the new state and the effects an action leads to.
public func update(_ state: AppState, _ action: AppAction) -> (AppState, [AppEffect]) {
  var next = state
  let effects = next.apply(action)
  return (next, effects)
}

/// What the app does itself, whatever the screen: saving, quitting, the clock. `apply` (in
/// `AppRoutes.swift`) sends each action here or to its screen.
extension AppState {
  /// Does what a screen's reducer asked: the message line, the next screen, the effects (after
  /// the failed writes still waiting, for a write).
  mutating func follow(_ reply: ScreenReply) -> [AppEffect] {
    switch reply.message {
    case .keep: break
    case .clear: message = nil
    case .show(let shown): message = shown
    }
    if let next = reply.show { screen = next }
    return (reply.sendsUnsavedFirst ? retryUnsaved() : []) + reply.effects
  }

  // MARK: Saving

  /// The failed writes, to send again before anything new (so changes land in order).
  mutating func retryUnsaved() -> [AppEffect] {
    let pending = unsaved
    unsaved = []
    return pending
  }

  mutating func saved(_ effect: AppEffect) -> [AppEffect] {
    if case .saveProgramme(let saved) = effect {
      programme = saved
      screen = .today
      message = StatusMessage(
        "Programme started. Tick items with space; ? shows every key and the red flags.")
      return todayScreen.showDay(today)
    }
    if case .saveCheckin(let checkin) = effect, case .checkin = screen {
      return apply(.checkin(.saved(checkin)))
    }
    if quitArmed, unsaved.isEmpty {
      isFinished = true
      return [.quit]
    }
    if unsaved.isEmpty, message?.kind == .error { message = StatusMessage("Saved.") }
    return [.loadDay(todayScreen.day)]
  }

  mutating func saveFailed(_ effect: AppEffect, reason: String) -> [AppEffect] {
    if case .saveProgramme = effect, case .setup = screen {
      return apply(.setup(.saveFailed(reason)))
    }
    if case .saveCheckin = effect, case .checkin = screen {
      return apply(.checkin(.saveFailed(reason)))
    }
    unsaved.append(effect)
    // A retry that failed on the way out: stay, so the change is not lost silently.
    isFinished = false
    todayScreen.markUnsaved(unsaved)
    let count = unsaved.count
    message = .error(
      "Not saved (\(count) change\(count == 1 ? "" : "s") kept on screen, retried on the next change): \(reason)"
    )
    return []
  }

  mutating func quit() -> [AppEffect] {
    if !unsaved.isEmpty, !quitArmed {
      quitArmed = true
      let count = unsaved.count
      message = .error(
        "\(count) change\(count == 1 ? " is" : "s are") not saved; trying again. Press q again to quit without \(count == 1 ? "it" : "them")."
      )
      return retryUnsaved()
    }
    isFinished = true
    return [.quit]
  }

  // MARK: Days

  mutating func dayChanged(to newToday: CalendarDay) -> [AppEffect] {
    let wasOnToday = todayScreen.day == today
    today = newToday
    if case .setup = screen {
      return apply(.setup(.dayChanged(newToday)))
    }
    guard programme != nil else { return [] }
    if wasOnToday || todayScreen.day > newToday { return todayScreen.showDay(newToday) }
    // The week's adherence "so far" now counts one more day.
    return [.loadDay(todayScreen.day)]
  }
}
