import RehabCore
import TerminalUI

extension AppState {
  /// The Today screen's actions, with an open form taking them first.
  mutating func applyToday(_ action: AppAction) -> [AppEffect] {
    if modal != nil { return applyForm(action) }
    switch action {
    case .moveDown: return moveSelection(to: selection + 1)
    case .moveUp: return moveSelection(to: selection - 1)
    case .moveToFirst: return moveSelection(to: 0)
    case .moveToLast: return moveSelection(to: (checklist?.entries.count ?? 0) - 1)
    case .toggleSelectedItem:
      guard let entry = requireSelectedEntry(for: "tick") else { return [] }
      let status: ItemStatus = entry.status == .done ? .pending : .done
      message = StatusMessage(
        status == .done ? "Done: \(entry.label)." : "Not done: \(entry.label).")
      return change(entry, to: status, reason: nil)
    case .skipSelectedItem:
      guard let entry = requireSelectedEntry(for: "skip") else { return [] }
      modal = .skipReason(
        SkipForm(itemId: entry.item.id, label: entry.label, reason: entry.record?.reason ?? ""))
      return []
    case .logPain:
      guard programme != nil else { return [] }
      let entry = selectedEntry
      modal = .pain(PainForm(itemId: entry?.item.id, itemLabel: entry?.label ?? ""))
      return []
    case .addNote:
      guard programme != nil else { return [] }
      let entry = selectedEntry
      modal = .note(NoteForm(itemId: entry?.item.id, itemLabel: entry?.label ?? ""))
      return []
    case .previousDay:
      guard let programme else { return [] }
      let target = min(day.adding(days: -1), programme.end)
      guard target >= programme.start else {
        message = StatusMessage(
          "The programme started on \(programme.start.weekdayName) \(programme.start); there is nothing earlier to fill in."
        )
        return []
      }
      message = nil
      return showDay(target)
    case .nextDay:
      guard day < today else {
        message = StatusMessage("No days after today: tick items once you have done them.")
        return []
      }
      message = nil
      return showDay(day.adding(days: 1))
    case .goToToday:
      message = nil
      return showDay(today)
    case .undo:
      return undo()
    case .showWeek:
      return openWeek(containing: day)
    case .openCheckin:
      // The form starts from the week's stored check-in, so wait until it is read.
      guard let loaded = checklist, loaded.day == day else {
        message = StatusMessage("Still reading \(day); try again in a moment.")
        return []
      }
      return openCheckin(on: day, existing: loaded.checkin, origin: .today)
    case .openExport:
      return openExportDialog()
    default:
      return []
    }
  }

  private mutating func moveSelection(to index: Int) -> [AppEffect] {
    let count = checklist?.entries.count ?? 0
    guard count > 0 else { return [] }
    selection = min(max(0, index), count - 1)
    keepSelectionVisible()
    return []
  }

  private mutating func requireSelectedEntry(for verb: String) -> TodayEntry? {
    if let entry = selectedEntry { return entry }
    message = StatusMessage("Nothing to \(verb) on \(day.weekdayName) \(day).")
    return nil
  }

  /// Shows the new status at once, remembers the old record for undo, and asks for the write
  /// (after any writes still waiting).
  private mutating func change(_ entry: TodayEntry, to status: ItemStatus, reason: String?)
    -> [AppEffect]
  {
    guard let index = checklist?.entries.firstIndex(where: { $0.item.id == entry.item.id }) else {
      return []
    }
    undoStack.append(
      UndoEntry(itemId: entry.item.id, day: day, previous: entry.record, label: entry.label))
    if undoStack.count > AppState.undoLimit { undoStack.removeFirst() }
    checklist?.entries[index].record =
      status == .pending ? nil : ItemRecord(status: status, at: "", reason: reason)
    return retryUnsaved() + [.setStatus(status, itemId: entry.item.id, day: day, reason: reason)]
  }

  private mutating func undo() -> [AppEffect] {
    guard let last = undoStack.popLast() else {
      message = StatusMessage("Nothing to undo.")
      return []
    }
    let what: String
    switch last.previous?.status ?? .pending {
    case .pending: what = "not done"
    case .done: what = "done"
    case .skipped: what = "skipped"
    }
    message = StatusMessage("Undone: \(last.label) is \(what) again.")
    let write = AppEffect.restore(last.previous, itemId: last.itemId, day: last.day)
    if last.day != day {
      // Show the day the change was on, so the undo is visible.
      return retryUnsaved() + [write] + showDay(last.day)
    }
    if let index = checklist?.entries.firstIndex(where: { $0.item.id == last.itemId }) {
      checklist?.entries[index].record = last.previous
    }
    return retryUnsaved() + [write]
  }

  // MARK: Forms

  private mutating func applyForm(_ action: AppAction) -> [AppEffect] {
    guard let open = modal else { return [] }
    switch (open, action) {
    case (_, .cancel):
      modal = nil
      return []
    case (.skipReason(var form), .editText(let key)):
      switch form.field.handle(key) {
      case .submitted: return applyForm(.submit)
      case .cancelled: return applyForm(.cancel)
      case .edited, .moved, .ignored:
        form.problem = nil
        modal = .skipReason(form)
        return []
      }
    case (.note(var form), .editText(let key)):
      switch form.field.handle(key) {
      case .submitted: return applyForm(.submit)
      case .cancelled: return applyForm(.cancel)
      case .edited, .moved, .ignored:
        modal = .note(form)
        return []
      }
    case (.skipReason(var form), .submit):
      let reason = form.field.value.trimmingWhitespace
      guard !reason.isEmpty else {
        form.problem = "Type a reason (Esc cancels)."
        modal = .skipReason(form)
        return []
      }
      modal = nil
      guard let entry = checklist?.entries.first(where: { $0.item.id == form.itemId }) else {
        return []
      }
      message = StatusMessage("Skipped: \(entry.label): \(reason).")
      return change(entry, to: .skipped, reason: reason)
    case (.note(let form), .submit):
      let text = form.field.value.trimmingWhitespace
      modal = nil
      guard !text.isEmpty else { return [] }
      message = StatusMessage(
        form.noteItemId == nil
          ? "Note added to \(day.weekdayName) \(day)." : "Note added to \(form.itemLabel).")
      return retryUnsaved() + [
        .addNote(NoteRecord(day: day, itemId: form.noteItemId, text: text, at: ""))
      ]
    case (.note(var form), .toggleAboutItem):
      if form.itemId != nil { form.aboutItem.toggle() }
      modal = .note(form)
      return []
    case (.pain(var form), _):
      switch action {
      case .setPainLevel(let level): form.setLevel(level)
      case .changePainLevel(let delta): form.setLevel(form.level + delta)
      case .togglePainTiming: form.timing = form.timing == .during ? .nextMorning : .during
      case .toggleAboutItem: if form.itemId != nil { form.aboutItem.toggle() }
      case .submit:
        modal = nil
        let timing = form.timing == .during ? "during exercise" : "the next morning"
        message = StatusMessage("Pain \(form.level)/10 \(timing) logged: \(form.zone).")
        return retryUnsaved() + [
          .addPain(
            PainRecord(
              day: day, level: form.level, timing: form.timing, itemId: form.painItemId, at: ""))
        ]
      default: break
      }
      modal = .pain(form)
      return []
    default:
      return []
    }
  }
}

extension String {
  var trimmingWhitespace: String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }
}

extension CalendarDay {
  /// "Mon", "Tue" …
  var weekdayName: String {
    switch weekday {
    case .monday: "Mon"
    case .tuesday: "Tue"
    case .wednesday: "Wed"
    case .thursday: "Thu"
    case .friday: "Fri"
    case .saturday: "Sat"
    case .sunday: "Sun"
    }
  }
}
