import RehabCore
import RehabStore
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
    guard reply.sendsUnsavedFirst else { return reply.effects }
    let effects = merged(reply.effects)
    return retryUnsaved() + effects
  }

  /// A new write of an item that still has a queued write replaces it: the queued one never
  /// happened, so the file still holds what it expected, and the new one is made against that.
  /// A write that would then store what it expects is dropped.
  mutating func merged(_ effects: [AppEffect]) -> [AppEffect] {
    effects.compactMap { effect in
      if let queued = effect.queuedWritesUndone {
        // Undo of a change that never landed: its queued write is dropped, nothing written.
        unsaved.removeAll { queued.contains($0) }
        todayScreen.markUnsaved(unsaved)
        return nil
      }
      guard let target = effect.statusTarget else { return effect }
      var write = effect
      if let index = unsaved.firstIndex(where: {
        $0.statusTarget.map { $0 == target } ?? false
      }) {
        write = effect.expecting(unsaved[index].expectedRecord)
        unsaved.remove(at: index)
      }
      return write.changesNothing ? nil : write
    }
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

  /// An item write landed: undo now knows what this app stored.
  mutating func itemSaved(_ effect: AppEffect, stored record: ItemRecord?) -> [AppEffect] {
    if let target = effect.statusTarget {
      todayScreen.itemSaved(target.itemId, on: target.day, stored: record)
    }
    return saved(effect)
  }

  /// A pain entry or note landed: undo now knows its id.
  mutating func recordAdded(_ effect: AppEffect, stored: LoggedRecord) -> [AppEffect] {
    switch effect {
    case .addPain(let requested):
      todayScreen.recordAdded(requested: .pain(requested), stored: stored)
    case .addNote(let requested):
      todayScreen.recordAdded(requested: .note(requested), stored: stored)
    default: break
    }
    return saved(effect)
  }

  /// A check-in landed: undo can take it back and put back the one it replaced.
  mutating func checkinSaved(_ effect: AppEffect, _ save: CheckinSave) -> [AppEffect] {
    todayScreen.pushUndo(.checkin(save.checkin, replaced: save.replaced))
    let effects = saved(effect)
    if let old = save.replaced.first, let shown = message, !shown.text.isEmpty,
      shown.kind == .info
    {
      let which =
        old.day == save.checkin.day
        ? "the earlier one" : "the one of \(old.day.weekday.shortName) \(old.day)"
      message = StatusMessage(shown.text + " It replaces \(which).")
    }
    return effects
  }

  /// A removal or an undo found a pain entry, note or check-in changed by another process:
  /// nothing was written. Say so, and read again what is shown.
  mutating func recordChangedElsewhere(_ effect: AppEffect, found: RecordChanged.Found)
    -> [AppEffect]
  {
    switch effect {
    case .removeRecord(let record):
      todayScreen.removalRefused(record.id)
      let now: String
      switch found {
      case .removed: now = "was removed elsewhere already"
      case .live, .missing: now = "was changed elsewhere"
      }
      message = .error("Not removed: \(TodayRecordText.label(record)) \(now).")
    case .undoRecords(let remove, let reinstate, _):
      let label = (remove.first ?? reinstate.first).map(TodayRecordText.label) ?? "the record"
      message = .error("Not undone: \(label) was changed elsewhere.")
    default:
      break
    }
    if quitArmed, unsaved.isEmpty {
      isFinished = true
      return [.quit]
    }
    return reloadShown()
  }

  /// Another process changed the record under an item write: nothing was overwritten. Say what
  /// the record is now, and read again what is shown.
  mutating func changedElsewhere(_ effect: AppEffect, found: ItemRecord?) -> [AppEffect] {
    guard let target = effect.statusTarget else { return [] }
    let label = itemLabel(target.itemId, on: target.day)
    // Short enough for one line at 80 columns; the reloaded list shows the record itself.
    if case .restore = effect {
      message = .error("Not undone: \(label) was changed elsewhere.")
    } else {
      todayScreen.itemRefused(target.itemId, on: target.day)
      message = .error("\(label): \(AppState.describe(found)) elsewhere, nothing overwritten.")
    }
    if quitArmed, unsaved.isEmpty {
      isFinished = true
      return [.quit]
    }
    return reloadShown()
  }

  /// What an item's record says, as the message after a refused write words it.
  static func describe(_ record: ItemRecord?) -> String {
    switch record?.status ?? .pending {
    case .pending: "unticked"
    case .done: "done"
    case .skipped: "skipped"
    }
  }

  /// "Heel raises (left)": as the day's list shows it, else the treatment's name, else the id.
  func itemLabel(_ itemId: String, on day: CalendarDay) -> String {
    if let label = todayScreen.label(of: itemId, on: day) { return label }
    if let parsed = ChecklistItem.parseID(itemId),
      let treatment = programme?.treatment(id: parsed.treatmentId, on: parsed.day)
    {
      return treatment.name
    }
    return itemId
  }

  // MARK: Other writers

  /// Reads again what the app shows: the programme, the day, the week or card on screen.
  mutating func reloadShown() -> [AppEffect] {
    guard programme != nil else { return [] }
    var effects: [AppEffect] = [.loadProgramme, .loadDay(todayScreen.day)]
    switch screen {
    case .week(let view): effects.append(.loadWeek(view.week))
    case .card(let view): effects.append(.loadCard(itemId: view.itemId, day: view.day))
    case .programme(let view): effects.append(.loadProgrammeOverview(view.day))
    case .today, .setup, .checkin, .export, .session, .plugin: break
    }
    return effects
  }

  /// The folder's programmes as read again: a programme replaced elsewhere, or a next one
  /// started, is shown from now on, and the earlier ones are kept for their days (the setup
  /// wizard, and a programme file that went away, are left as they are).
  mutating func programmeLoaded(_ loaded: ProgrammeTimeline?) -> [AppEffect] {
    guard let loaded, let current = programme else { return [] }
    earlierProgrammes = Array(loaded.programmes.dropLast())
    guard loaded.current != current else { return [] }
    programme = loaded.current
    message = StatusMessage(
      loaded.previous(of: loaded.current) == current
        ? "A next programme was started elsewhere; showing it."
        : "The programme was changed elsewhere; showing it.")
    return []
  }

  mutating func saveFailed(_ effect: AppEffect, reason: String) -> [AppEffect] {
    if case .saveProgramme = effect, case .setup = screen {
      return apply(.setup(.saveFailed(reason)))
    }
    if case .saveCheckin = effect, case .checkin = screen {
      return apply(.checkin(.saveFailed(reason)))
    }
    if effect.isRevisionWrite { return revisionFailed(effect, reason: reason) }
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
