import RehabCore
import TerminalUI

/// The pure heart of the app: the new state and the effects an action leads to.
public func update(_ state: AppState, _ action: AppAction) -> (AppState, [AppEffect]) {
  var next = state
  let effects = next.apply(action)
  return (next, effects)
}

extension AppState {
  /// Applies `action` and returns the effects for the runner to perform, in order.
  public mutating func apply(_ action: AppAction) -> [AppEffect] {
    switch action {
    case .resize(let newSize):
      size = newSize
      keepSelectionVisible()
      return []
    case .tick:
      return retryUnsaved()
    case .dayChanged(let newToday):
      return dayChanged(to: newToday)
    case .dayLoaded(let loaded):
      dayLoaded(loaded)
      return []
    case .loadFailed(let failedDay, let reason):
      guard failedDay == day else { return [] }
      message = .error("Cannot read \(failedDay): \(reason)")
      return []
    case .weekLoaded(let loaded):
      weekLoaded(loaded)
      return []
    case .weekLoadFailed(let week, let reason):
      weekLoadFailed(week, reason: reason)
      return []
    case .saved(let effect):
      return saved(effect)
    case .saveFailed(let effect, let reason):
      return saveFailed(effect, reason: reason)
    case .showHelp:
      help = HelpOverlay()
      return []
    case .closeHelp:
      help = nil
      return []
    case .scrollHelp(let delta):
      if var overlay = help {
        overlay.scrollOffset = min(
          max(0, overlay.scrollOffset + delta), HelpScreen.maxScroll(for: self, size: size))
        help = overlay
      }
      return []
    case .quit:
      return quit()
    default:
      break
    }
    switch screen {
    case .today:
      return applyToday(action)
    case .setup(var wizard):
      let effects = wizard.apply(action, state: &self)
      if case .setup = screen { screen = .setup(wizard) }
      return effects
    case .week(let view):
      return applyWeek(action, view: view)
    case .checkin(let form):
      return applyCheckin(action, form: form)
    case .export(let dialog):
      return applyExport(action, dialog: dialog)
    }
  }

  // MARK: Saving

  /// The failed writes, to send again before anything new (so changes land in order).
  mutating func retryUnsaved() -> [AppEffect] {
    let pending = unsaved
    unsaved = []
    return pending
  }

  private mutating func saved(_ effect: AppEffect) -> [AppEffect] {
    if case .saveProgramme(let saved) = effect {
      programme = saved
      screen = .today
      message = StatusMessage(
        "Programme started. Tick items with space; ? shows every key and the red flags.")
      return showDay(today)
    }
    if case .saveCheckin(let checkin) = effect, case .checkin(let form) = screen {
      return closeCheckin(form, saved: checkin)
    }
    if quitArmed, unsaved.isEmpty {
      isFinished = true
      return [.quit]
    }
    if unsaved.isEmpty, message?.kind == .error { message = StatusMessage("Saved.") }
    return [.loadDay(day)]
  }

  private mutating func saveFailed(_ effect: AppEffect, reason: String) -> [AppEffect] {
    if case .saveProgramme = effect, case .setup(var wizard) = screen {
      wizard.isSaving = false
      wizard.problem = "Not saved: \(reason)"
      screen = .setup(wizard)
      return []
    }
    if case .saveCheckin = effect, case .checkin(var form) = screen {
      // The form stays open with every number typed; Enter or F2 tries again.
      form.isSaving = false
      form.problem = "Not saved: \(reason)"
      screen = .checkin(form)
      return []
    }
    unsaved.append(effect)
    // A retry that failed on the way out: stay, so the change is not lost silently.
    isFinished = false
    markUnsaved()
    let count = unsaved.count
    message = .error(
      "Not saved (\(count) change\(count == 1 ? "" : "s") kept on screen, retried on the next change): \(reason)"
    )
    return []
  }

  private mutating func quit() -> [AppEffect] {
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

  private mutating func dayChanged(to newToday: CalendarDay) -> [AppEffect] {
    let wasOnToday = day == today
    today = newToday
    if case .setup(var wizard) = screen {
      if wizard.startField.value == newToday.adding(days: -1).description {
        wizard.startField.setValue(newToday.description)
        screen = .setup(wizard)
      }
      return []
    }
    guard programme != nil else { return [] }
    if wasOnToday || day > newToday { return showDay(newToday) }
    // The week's adherence "so far" now counts one more day.
    return [.loadDay(day)]
  }

  /// Switches the Today screen to `target` and asks for its items.
  mutating func showDay(_ target: CalendarDay) -> [AppEffect] {
    if target != day || checklist == nil {
      day = target
      checklist = nil
      selection = 0
      scrollOffset = 0
      modal = nil
    }
    return [.loadDay(target)]
  }

  private mutating func dayLoaded(_ loaded: LoadedDay) {
    guard loaded.day == day else { return }
    let keepSelection = checklist?.day == loaded.day
    checklist = loaded
    markUnsaved()
    if !keepSelection {
      selection = 0
      scrollOffset = 0
    }
    selection = min(selection, max(0, loaded.entries.count - 1))
    keepSelectionVisible()
  }

  /// Shows the unsaved status changes over what was loaded, so nothing typed is lost.
  mutating func markUnsaved() {
    guard var loaded = checklist else { return }
    for effect in unsaved {
      guard let target = effect.statusTarget, target.day == loaded.day,
        let index = loaded.entries.firstIndex(where: { $0.item.id == target.itemId })
      else { continue }
      switch effect {
      case .setStatus(let status, _, _, let reason):
        loaded.entries[index].record =
          status == .pending ? nil : ItemRecord(status: status, at: "", reason: reason)
      case .restore(let record, _, _):
        loaded.entries[index].record = record
      default:
        continue
      }
      loaded.entries[index].isUnsaved = true
    }
    checklist = loaded
  }

  /// Scrolls the list so the selected row (and its heading) is visible at the current size.
  mutating func keepSelectionVisible() {
    guard let entries = checklist?.entries else { return }
    var list = TodayLayout.listView(
      entries: entries, selection: selection, scrollOffset: scrollOffset)
    list.scrollToSelection(height: TodayLayout.listRect(in: size).height)
    scrollOffset = list.scrollOffset
  }
}
