import RehabCore
import TerminalUI

/// What the user wants on the Today screen, and in the forms open over it.
public enum TodayAction: Equatable, Sendable {
  case moveUp
  case moveDown
  case moveToFirst
  case moveToLast
  /// Done ⇄ not done (a skipped item becomes done).
  case toggleSelectedItem
  /// Opens the skip-reason form for the selected item.
  case skipSelectedItem
  /// Opens the pain form.
  case logPain
  /// Opens the note form.
  case addNote
  case previousDay
  case nextDay
  case goToToday
  /// Takes back the last status change.
  case undo
  /// Opens the Week screen on the week of the day shown.
  case showWeek
  /// Opens the check-in form for the week of the day shown.
  case openCheckin
  /// Opens the Export dialog.
  case openExport
  /// Starts a guided session at the selected pending item.
  case startSession
  /// Opens the selected item's card.
  case openCard

  // MARK: Forms (skip reason, note, pain)
  /// A key for the open text field.
  case editText(Key)
  /// Enter: save the form.
  case submit
  /// Esc: close the form.
  case cancel
  case setPainLevel(Int)
  case changePainLevel(Int)
  case togglePainTiming
  /// Pain: the next item it is about; note: about the selected item rather than the whole day.
  case toggleAboutItem
  /// The query layer's pain context for the day shown arrived (the pain form's items).
  case painContextLoaded(PainContext)
}

/// The day's checklist (the main screen), with its forms.
enum TodayScreen: ScreenComponent {
  static func title(_ state: TodayState) -> String { "Today" }

  /// An open form takes every key first; printable keys go to its text field.
  static func keys(for state: TodayState) -> ScreenKeys {
    switch state.modal {
    case .skipReason: ScreenKeys(textFormKeys, otherKeys: .action { .today(.editText($0)) })
    case .note: ScreenKeys(noteFormKeys, otherKeys: .action { .today(.editText($0)) })
    // The pain form swallows keys it does not use.
    case .pain: ScreenKeys(painFormKeys, otherKeys: .ignored)
    case nil: helpKeys(for: state)
    }
  }

  static func helpKeys(for state: TodayState) -> ScreenKeys {
    ScreenKeys(keys, otherKeys: .globalKeys)
  }

  /// The Today screen (docs/PRODUCT.md, "Screens and keys").
  /// The keys of a Today action, for messages that tell the user what to press.
  static func keyLabel(for action: TodayAction) -> String {
    keys.keysLabel(for: .today(action)) ?? "?"
  }

  static let keys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.down, .character("j")], action: .today(.moveDown), help: "next item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.up, .character("k")], action: .today(.moveUp), help: "previous item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.home], action: .today(.moveToFirst), help: "first item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.end, .character("G")], action: .today(.moveToLast), help: "last item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.character(" "), .character("x")], action: .today(.toggleSelectedItem),
      help: "done", label: "space/x"),
    KeyBinding(
      keys: [.enter, .character("i")], action: .today(.openCard), help: "the item's card",
      label: "Enter/i", showsInHelpBar: false),
    KeyBinding(keys: [.character("s")], action: .today(.skipSelectedItem), help: "skip"),
    KeyBinding(keys: [.character("p")], action: .today(.logPain), help: "pain"),
    KeyBinding(
      keys: [.character("n")], action: .today(.addNote), help: "note", showsInHelpBar: false),
    KeyBinding(
      keys: [.left, .character("h")], action: .today(.previousDay),
      help: "previous day (back-fill)", showsInHelpBar: false),
    KeyBinding(
      keys: [.right, .character("l")], action: .today(.nextDay), help: "next day (up to today)",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.character("t")], action: .today(.goToToday), help: "back to today",
      showsInHelpBar: false),
    KeyBinding(keys: [.character("u")], action: .today(.undo), help: "undo"),
    KeyBinding(keys: [.character("g")], action: .today(.startSession), help: "session"),
    KeyBinding(keys: [.character("w")], action: .today(.showWeek), help: "week"),
    // Weekly, so it leaves the help bar to the daily keys (the help overlay lists it).
    KeyBinding(
      keys: [.character("c")], action: .today(.openCheckin), help: "check-in",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.character("e")], action: .today(.openExport), help: "export",
      showsInHelpBar: false),
  ]

  static func reduce(_ state: inout TodayState, _ action: TodayAction, context: ScreenContext)
    -> ScreenReply
  {
    if state.modal != nil { return reduceForm(&state, action) }
    switch action {
    case .moveDown: return moveSelection(&state, to: state.selection + 1, context: context)
    case .moveUp: return moveSelection(&state, to: state.selection - 1, context: context)
    case .moveToFirst: return moveSelection(&state, to: 0, context: context)
    case .moveToLast:
      return moveSelection(&state, to: (state.checklist?.entries.count ?? 0) - 1, context: context)
    case .toggleSelectedItem:
      guard let entry = state.selectedEntry else { return nothingSelected(state, verb: "tick") }
      let status: ItemStatus = entry.status == .done ? .pending : .done
      let message = StatusMessage(
        status == .done ? "Done: \(entry.label)." : "Not done: \(entry.label).")
      return change(&state, entry, to: status, reason: nil, message: message)
    case .skipSelectedItem:
      guard let entry = state.selectedEntry else { return nothingSelected(state, verb: "skip") }
      state.modal = .skipReason(
        SkipForm(itemId: entry.item.id, label: entry.label, reason: entry.record?.reason ?? ""))
      return .none
    case .logPain:
      guard context.programme != nil else { return .none }
      state.modal = .pain(PainForm(selectedItemId: state.selectedEntry?.item.id))
      return ScreenReply(effects: [.loadPainContext(state.day)])
    case .addNote:
      guard context.programme != nil else { return .none }
      let entry = state.selectedEntry
      state.modal = .note(NoteForm(itemId: entry?.item.id, itemLabel: entry?.label ?? ""))
      return .none
    case .previousDay:
      guard let programme = context.programme else { return .none }
      let target = min(state.day.adding(days: -1), programme.end)
      guard target >= programme.start else {
        return .say(
          StatusMessage(
            "The programme started on \(programme.start.weekday.shortName) \(programme.start); there is nothing earlier to fill in."
          ))
      }
      return ScreenReply(effects: state.showDay(target), message: .clear)
    case .nextDay:
      guard state.day < context.today else {
        return .say(StatusMessage("No days after today: tick items once you have done them."))
      }
      return ScreenReply(effects: state.showDay(state.day.adding(days: 1)), message: .clear)
    case .goToToday:
      return ScreenReply(effects: state.showDay(context.today), message: .clear)
    case .undo:
      return undo(&state)
    case .showWeek:
      return WeekScreen.open(containing: state.day, context: context)
    case .openCheckin:
      // The form starts from the week's stored check-in, so wait until it is read.
      guard let loaded = state.checklist, loaded.day == state.day else {
        return .say(StatusMessage("Still reading \(state.day); try again in a moment."))
      }
      return CheckinScreen.open(
        on: state.day, existing: loaded.checkin, origin: .today, context: context)
    case .openExport:
      return ExportScreen.open(context: context)
    case .startSession:
      guard let loaded = state.checklist, loaded.day == state.day else {
        return .say(StatusMessage("Still reading \(state.day); try again in a moment."))
      }
      return SessionScreen.open(
        entries: loaded.entries, selected: state.selection, day: state.day, context: context)
    case .openCard:
      guard let entry = state.selectedEntry else { return nothingSelected(state, verb: "show") }
      return CardScreen.open(entry, day: state.day)
    case .editText, .submit, .cancel, .setPainLevel, .changePainLevel, .togglePainTiming,
      .toggleAboutItem, .painContextLoaded:
      // Form keys with no form open (a stale key): nothing to do.
      return .none
    }
  }

  private static func moveSelection(
    _ state: inout TodayState, to index: Int, context: ScreenContext
  ) -> ScreenReply {
    let count = state.checklist?.entries.count ?? 0
    guard count > 0 else { return .none }
    state.selection = min(max(0, index), count - 1)
    state.keepSelectionVisible(size: context.size)
    return .none
  }

  private static func nothingSelected(_ state: TodayState, verb: String) -> ScreenReply {
    .say(StatusMessage("Nothing to \(verb) on \(state.day.weekday.shortName) \(state.day)."))
  }

  /// Shows the new status at once, remembers the old record for undo, and asks for the write
  /// (after any writes still waiting), made against the record the screen showed.
  static func change(
    _ state: inout TodayState, _ entry: TodayEntry, to status: ItemStatus, reason: String?,
    message: StatusMessage
  ) -> ScreenReply {
    guard let index = state.checklist?.entries.firstIndex(where: { $0.item.id == entry.item.id })
    else {
      return .say(message)
    }
    state.undoStack.append(
      .item(entry.item.id, day: state.day, previous: entry.record, label: entry.label))
    if state.undoStack.count > TodayState.undoLimit { state.undoStack.removeFirst() }
    state.checklist?.entries[index].record =
      status == .pending ? nil : ItemRecord(status: status, at: "", reason: reason)
    return ScreenReply(
      effects: [
        .setStatus(
          status, itemId: entry.item.id, day: state.day, reason: reason, expected: entry.record)
      ],
      sendsUnsavedFirst: true, message: .show(message))
  }

  private static func undo(_ state: inout TodayState) -> ScreenReply {
    guard let last = state.undoStack.popLast() else {
      return .say(StatusMessage("Nothing to undo."))
    }
    switch last.change {
    case .itemStatus(let change): return undo(&state, change, label: last.label)
    }
  }

  /// Puts the item's record back, only if the file still holds what this app wrote (a write
  /// still queued is replaced instead: `AppState.follow` merges the two, and a merge that ends
  /// where the file already is writes nothing).
  private static func undo(_ state: inout TodayState, _ change: ItemUndo, label: String)
    -> ScreenReply
  {
    let what: String
    switch change.previous?.status ?? .pending {
    case .pending: what = "not done"
    case .done: what = "done"
    case .skipped: what = "skipped"
    }
    let message = MessageChange.show(StatusMessage("Undone: \(label) is \(what) again."))
    let expected: ItemRecord?
    switch change.written {
    case .stored(let record): expected = record
    // Replaced by the queued write's expectation when merged.
    case .awaitingSave: expected = change.previous
    }
    let write = AppEffect.restore(
      change.previous, itemId: change.itemId, day: change.day, expected: expected)
    if change.day != state.day {
      // Show the day the change was on, so the undo is visible.
      return ScreenReply(
        effects: [write] + state.showDay(change.day), sendsUnsavedFirst: true, message: message)
    }
    if let index = state.checklist?.entries.firstIndex(where: { $0.item.id == change.itemId }) {
      state.checklist?.entries[index].record = change.previous
    }
    return ScreenReply(effects: [write], sendsUnsavedFirst: true, message: message)
  }
}
