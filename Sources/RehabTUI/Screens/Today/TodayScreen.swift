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
  /// Takes back the last change (a tick or skip, pain, a note, a check-in, a removal).
  case undo
  /// Asks to remove the selected pain entry, note or check-in (a confirmation first).
  case removeSelected
  /// The confirmation: removes it, leaving a tombstone.
  case confirmRemoval
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
  /// Opens the Programme screen on the day shown ("my programme").
  case openProgramme

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
    // One key answers: y removes, anything else listed keeps it.
    case .confirmRemoval: ScreenKeys(removalKeys, otherKeys: .ignored)
    case nil: helpKeys(for: state)
    }
  }

  /// With a record selected the help bar offers removing it instead of ticking (the keys are
  /// the same; only what the bar shows differs).
  static func helpKeys(for state: TodayState) -> ScreenKeys {
    ScreenKeys(state.selectedRecord == nil ? keys : recordKeys, otherKeys: .globalKeys)
  }

  /// The Today screen (docs/PRODUCT.md, "Screens and keys").
  /// The keys of a Today action, for messages that tell the user what to press.
  static func keyLabel(for action: TodayAction) -> String {
    keys.keysLabel(for: .today(action)) ?? "?"
  }

  static let keys = table(recordSelected: false)
  static let recordKeys = table(recordSelected: true)

  private static func table(recordSelected: Bool) -> KeyTable<AppAction> {
    [
      KeyBinding(
        keys: [.down, .character("j")], action: .today(.moveDown), help: "next row",
        showsInHelpBar: false),
      KeyBinding(
        keys: [.up, .character("k")], action: .today(.moveUp), help: "previous row",
        showsInHelpBar: false),
      KeyBinding(
        keys: [.home], action: .today(.moveToFirst), help: "first row",
        showsInHelpBar: false),
      KeyBinding(
        keys: [.end, .character("G")], action: .today(.moveToLast), help: "last row",
        showsInHelpBar: false),
      KeyBinding(
        keys: [.character(" "), .character("x")], action: .today(.toggleSelectedItem),
        help: "done", label: "space/x", showsInHelpBar: !recordSelected),
      KeyBinding(
        keys: [.enter, .character("i")], action: .today(.openCard), help: "the item's card",
        label: "Enter/i", showsInHelpBar: false),
      KeyBinding(
        keys: [.character("s")], action: .today(.skipSelectedItem), help: "skip",
        showsInHelpBar: !recordSelected),
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
      KeyBinding(
        keys: [.character("d"), .delete], action: .today(.removeSelected),
        help: "remove record", label: "d/Del", showsInHelpBar: recordSelected),
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
      KeyBinding(
        keys: [.character("m")], action: .today(.openProgramme),
        help: "my programme (change a dose, pause)", showsInHelpBar: false),
    ]
  }

  static func reduce(_ state: inout TodayState, _ action: TodayAction, context: ScreenContext)
    -> ScreenReply
  {
    if state.modal != nil { return reduceForm(&state, action) }
    switch action {
    case .moveDown: return moveSelection(&state, to: state.selection + 1, context: context)
    case .moveUp: return moveSelection(&state, to: state.selection - 1, context: context)
    case .moveToFirst: return moveSelection(&state, to: 0, context: context)
    case .moveToLast:
      return moveSelection(
        &state, to: (state.checklist?.selectableCount ?? 0) - 1, context: context)
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
      // Back through every programme of the folder, into an earlier one's days too.
      guard let programme = context.programme, let first = context.firstDay else { return .none }
      let target = min(state.day.adding(days: -1), programme.end)
      guard target >= first else {
        return .say(
          StatusMessage(
            "The programme started on \(first.weekday.shortName) \(first); there is nothing earlier to fill in."
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
      return undo(&state, context: context)
    case .removeSelected:
      return askToRemove(&state)
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
        entries: loaded.entries, selected: state.selectedEntry == nil ? 0 : state.selection,
        day: state.day, context: context)
    case .openCard:
      guard let entry = state.selectedEntry else { return nothingSelected(state, verb: "show") }
      return CardScreen.open(entry, day: state.day)
    case .openProgramme:
      return ProgrammeScreen.open(day: state.day, context: context)
    case .editText, .submit, .cancel, .setPainLevel, .changePainLevel, .togglePainTiming,
      .toggleAboutItem, .painContextLoaded, .confirmRemoval:
      // Form keys with no form open (a stale key): nothing to do.
      return .none
    }
  }

  private static func moveSelection(
    _ state: inout TodayState, to index: Int, context: ScreenContext
  ) -> ScreenReply {
    let count = state.checklist?.selectableCount ?? 0
    guard count > 0 else { return .none }
    state.selection = min(max(0, index), count - 1)
    state.keepSelectionVisible(size: context.size)
    return .none
  }

  private static func nothingSelected(_ state: TodayState, verb: String) -> ScreenReply {
    if state.selectedRecord != nil {
      return .say(
        StatusMessage(
          "That is a record, not an item: \(keyLabel(for: .removeSelected)) removes it, \(keyLabel(for: .undo)) undoes the last change."
        ))
    }
    return .say(
      StatusMessage("Nothing to \(verb) on \(state.day.weekday.shortName) \(state.day)."))
  }

  /// Opens the one-key confirmation for removing the selected pain entry, note or check-in.
  private static func askToRemove(_ state: inout TodayState) -> ScreenReply {
    guard let selected = state.selectedRecord, let record = selected.record else {
      guard state.selectedEntry != nil else { return .none }
      return .say(
        StatusMessage(
          "Ticks and skips are not removed: \(keyLabel(for: .toggleSelectedItem)) unticks, \(keyLabel(for: .undo)) undoes."
        ))
    }
    guard !selected.isUnsaved, !record.id.isEmpty else {
      return .say(
        StatusMessage(
          "Not saved yet, so there is nothing to remove; \(keyLabel(for: .undo)) takes it back."))
    }
    state.modal = .confirmRemoval(RemovalConfirm(record: record, entry: selected.entry))
    return .none
  }

  /// Removes the record on screen at once and asks for the recorded removal (a tombstone),
  /// made against the record as shown; `u` puts it back.
  static func remove(_ state: inout TodayState, _ record: LoggedRecord) -> ScreenReply {
    state.pushUndo(.removed(record))
    state.checklist?.records.removeAll { $0.record?.id == record.id }
    if let loaded = state.checklist {
      state.selection = min(state.selection, max(0, loaded.selectableCount - 1))
    }
    return ScreenReply(
      effects: [.removeRecord(record)], sendsUnsavedFirst: true,
      message: .show(
        StatusMessage(
          "Removed: \(TodayRecordText.label(record)) (\(keyLabel(for: .undo)) puts it back).")))
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
    state.pushUndo(
      .item(entry.item.id, day: state.day, previous: entry.record, label: entry.label))
    state.checklist?.entries[index].record =
      status == .pending ? nil : ItemRecord(status: status, at: "", reason: reason)
    return ScreenReply(
      effects: [
        .setStatus(
          status, itemId: entry.item.id, day: state.day, reason: reason, expected: entry.record)
      ],
      sendsUnsavedFirst: true, message: .show(message))
  }
}
