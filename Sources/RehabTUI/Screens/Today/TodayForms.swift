import RehabCore
import TerminalUI

/// The forms over the Today screen (skip reason, note, pain): their keys and their actions.
extension TodayScreen {
  /// A one-line text form (skip reason).
  static let textFormKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .today(.submit), help: "save"),
    KeyBinding(keys: [.escape], action: .today(.cancel), help: "cancel"),
  ]

  /// The note form: a text field that can be about the selected item.
  static let noteFormKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .today(.submit), help: "save"),
    KeyBinding(keys: [.escape], action: .today(.cancel), help: "cancel"),
    KeyBinding(keys: [.tab], action: .today(.toggleAboutItem), help: "day or item"),
  ]

  /// The removal confirmation: one key.
  static let removalKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.character("y")], action: .today(.confirmRemoval), help: "remove it"),
    KeyBinding(
      keys: [.character("n"), .escape], action: .today(.cancel), help: "keep it", label: "n/Esc"),
  ]

  /// The pain form: digits set the level, arrows change it.
  static let painFormKeys: KeyTable<AppAction> = {
    var bindings: [KeyBinding<AppAction>] = [
      KeyBinding(keys: [.enter], action: .today(.submit), help: "save"),
      KeyBinding(keys: [.escape], action: .today(.cancel), help: "cancel"),
    ]
    bindings += (0...9).map { digit in
      KeyBinding(
        keys: [.character(Character("\(digit)"))], action: .today(.setPainLevel(digit)),
        help: digit == 0 ? "level" : "level \(digit)", label: digit == 0 ? "0-9" : nil,
        showsInHelpBar: digit == 0)
    }
    bindings += [
      KeyBinding(keys: [.up, .character("+")], action: .today(.changePainLevel(1)), help: "more"),
      KeyBinding(
        keys: [.down, .character("-")], action: .today(.changePainLevel(-1)), help: "less",
        showsInHelpBar: false),
      KeyBinding(keys: [.tab], action: .today(.togglePainTiming), help: "when"),
      KeyBinding(keys: [.character("i")], action: .today(.toggleAboutItem), help: "which item"),
    ]
    return KeyTable(bindings)
  }()

  /// The open form's actions; Esc closes any form.
  static func reduceForm(_ state: inout TodayState, _ action: TodayAction)
    -> ScreenReply
  {
    guard let open = state.modal else { return .none }
    if action == .cancel {
      state.modal = nil
      return .none
    }
    switch open {
    case .skipReason(let form): return reduceSkip(&state, form, action)
    case .note(let form): return reduceNote(&state, form, action)
    case .pain(let form): return reducePain(&state, form, action)
    case .confirmRemoval(let confirm):
      guard action == .confirmRemoval else { return .none }
      state.modal = nil
      return remove(&state, confirm.record)
    }
  }

  private static func reduceSkip(_ state: inout TodayState, _ form: SkipForm, _ action: TodayAction)
    -> ScreenReply
  {
    var form = form
    switch action {
    case .editText(let key):
      switch form.field.handle(key) {
      case .submitted: return reduceSkip(&state, form, .submit)
      case .cancelled: return reduceForm(&state, .cancel)
      case .edited, .moved, .ignored:
        form.problem = nil
        state.modal = .skipReason(form)
        return .none
      }
    case .submit:
      let reason = form.field.value.trimmingWhitespace
      guard !reason.isEmpty else {
        form.problem = "Type a reason (Esc cancels)."
        state.modal = .skipReason(form)
        return .none
      }
      state.modal = nil
      guard let entry = state.checklist?.entries.first(where: { $0.item.id == form.itemId }) else {
        return .none
      }
      return change(
        &state, entry, to: .skipped, reason: reason,
        message: StatusMessage("Skipped: \(entry.label): \(reason)."))
    case .cancel, .moveUp, .moveDown, .moveToFirst, .moveToLast, .toggleSelectedItem,
      .skipSelectedItem, .logPain, .addNote, .previousDay, .nextDay, .goToToday, .undo,
      .removeSelected, .confirmRemoval, .showWeek,
      .openCheckin, .openExport, .startSession, .openCard, .openProgramme, .setPainLevel,
      .changePainLevel,
      .togglePainTiming,
      .toggleAboutItem, .painContextLoaded:
      return .none
    }
  }

  private static func reduceNote(_ state: inout TodayState, _ form: NoteForm, _ action: TodayAction)
    -> ScreenReply
  {
    var form = form
    switch action {
    case .editText(let key):
      switch form.field.handle(key) {
      case .submitted: return reduceNote(&state, form, .submit)
      case .cancelled: return reduceForm(&state, .cancel)
      case .edited, .moved, .ignored:
        state.modal = .note(form)
        return .none
      }
    case .submit:
      let text = form.field.value.trimmingWhitespace
      state.modal = nil
      guard !text.isEmpty else { return .none }
      let day = state.day
      let note = NoteRecord(day: day, itemId: form.noteItemId, text: text, at: "")
      state.pushUndo(.added(.note(note)))
      return ScreenReply(
        effects: [.addNote(note)],
        sendsUnsavedFirst: true,
        message: .show(
          StatusMessage(
            form.noteItemId == nil
              ? "Note added to \(day.weekday.shortName) \(day)."
              : "Note added to \(form.itemLabel).")))
    case .toggleAboutItem:
      if form.itemId != nil { form.aboutItem.toggle() }
      state.modal = .note(form)
      return .none
    case .cancel, .moveUp, .moveDown, .moveToFirst, .moveToLast, .toggleSelectedItem,
      .skipSelectedItem, .logPain, .addNote, .previousDay, .nextDay, .goToToday, .undo,
      .removeSelected, .confirmRemoval, .showWeek,
      .openCheckin, .openExport, .startSession, .openCard, .openProgramme, .setPainLevel,
      .changePainLevel,
      .togglePainTiming, .painContextLoaded:
      return .none
    }
  }

  private static func reducePain(_ state: inout TodayState, _ form: PainForm, _ action: TodayAction)
    -> ScreenReply
  {
    var form = form
    switch action {
    case .setPainLevel(let level): form.setLevel(level)
    case .changePainLevel(let delta): form.setLevel(form.level + delta)
    case .togglePainTiming: form.toggleTiming()
    case .toggleAboutItem: form.nextAbout()
    case .painContextLoaded(let context):
      guard context.day == state.day else { break }
      form.context = context
      form.problem = nil
    case .submit:
      guard let context = form.context else {
        form.problem = "Still reading \(state.day); try again in a moment."
        break
      }
      guard
        let record = context.record(
          level: form.level, timing: form.timing, itemId: form.aboutItemId, at: "")
      else {
        form.problem =
          "\(context.sessionDay(form.timing).labelWithWeekday) is before the programme: there is no session to be sore from."
        break
      }
      state.modal = nil
      state.pushUndo(.added(.pain(record)))
      let consequence = context.consequence(of: record)
      let timing =
        form.timing == .during
        ? "during exercise"
        : "on waking (about \(consequence.sessionDay.labelWithWeekday))"
      return ScreenReply(
        effects: [.addPain(record)],
        sendsUnsavedFirst: true,
        message: .show(
          StatusMessage(
            "Pain \(form.level)/10 \(timing) logged: \(consequence.zone.rawValue). \(PainConsequenceText.summary(consequence))"
          )))
    case .editText, .cancel, .moveUp, .moveDown, .moveToFirst, .moveToLast, .toggleSelectedItem,
      .skipSelectedItem, .logPain, .addNote, .previousDay, .nextDay, .goToToday, .undo,
      .removeSelected, .confirmRemoval, .showWeek,
      .openCheckin, .openExport, .startSession, .openCard, .openProgramme:
      break
    }
    state.modal = .pain(form)
    return .none
  }
}
