import TerminalUI

/// The key tables: one per screen and form, plus the global keys. The same tables dispatch keys
/// and generate the help bar and the help overlay, so the two cannot drift apart.
///
/// Routing (ARCHITECTURE.md): an open form or overlay takes every key first, then the screen's
/// table, then the global keys.
public enum AppKeys {
  /// Keys that work on every screen without a text field.
  public static let global: KeyTable<AppAction> = [
    KeyBinding(keys: [.character("?"), .function(1)], action: .showHelp, help: "help"),
    KeyBinding(keys: [.character("q")], action: .quit, help: "quit"),
  ]

  /// The Today screen (PRODUCT.md, "Screens and keys").
  public static let today: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.down, .character("j")], action: .moveDown, help: "next item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.up, .character("k")], action: .moveUp, help: "previous item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.home, .character("g")], action: .moveToFirst, help: "first item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.end, .character("G")], action: .moveToLast, help: "last item",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.character(" "), .character("x")], action: .toggleSelectedItem,
      help: "done", label: "space/x"),
    KeyBinding(keys: [.character("s")], action: .skipSelectedItem, help: "skip"),
    KeyBinding(keys: [.character("p")], action: .logPain, help: "pain"),
    KeyBinding(
      keys: [.character("n")], action: .addNote, help: "note", showsInHelpBar: false),
    KeyBinding(
      keys: [.left, .character("h")], action: .previousDay, help: "previous day (back-fill)",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.right, .character("l")], action: .nextDay, help: "next day (up to today)",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.character("t")], action: .goToToday, help: "back to today", showsInHelpBar: false),
    KeyBinding(keys: [.character("u")], action: .undo, help: "undo"),
    KeyBinding(keys: [.character("w")], action: .showWeek, help: "week"),
    KeyBinding(keys: [.character("c")], action: .openCheckin, help: "check-in"),
    KeyBinding(
      keys: [.character("e")], action: .openExport, help: "export", showsInHelpBar: false),
  ]

  /// The Week screen. Scrolling is left out of the help bar: the message line says when there
  /// is more below.
  public static let week: KeyTable<AppAction> = [
    KeyBinding(keys: [.escape, .character("b")], action: .back, help: "back"),
    KeyBinding(keys: [.left, .character("h")], action: .previousWeek, help: "previous week"),
    KeyBinding(keys: [.right, .character("l")], action: .nextWeek, help: "next week"),
    KeyBinding(keys: [.character("c")], action: .openCheckin, help: "check-in"),
    KeyBinding(
      keys: [.character("t")], action: .goToThisWeek, help: "this week", showsInHelpBar: false),
    KeyBinding(
      keys: [.down, .character("j")], action: .scrollWeek(1), help: "scroll",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.up, .character("k")], action: .scrollWeek(-1), help: "scroll up",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.pageDown], action: .scrollWeek(10), help: "page down", showsInHelpBar: false),
    KeyBinding(
      keys: [.pageUp], action: .scrollWeek(-10), help: "page up", showsInHelpBar: false),
  ]

  /// The check-in form: printable keys go to the focused field (numbers only).
  public static let checkinForm: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .submit, help: "next/save"),
    KeyBinding(keys: [.function(2)], action: .saveForm, help: "save"),
    KeyBinding(keys: [.escape], action: .cancel, help: "cancel"),
    KeyBinding(keys: [.tab, .down], action: .nextField, help: "next"),
    KeyBinding(keys: [.backTab, .up], action: .previousField, help: "previous"),
    KeyBinding(keys: [.function(1)], action: .showHelp, help: "help"),
  ]

  /// The Export dialog: arrows choose the format, printable keys go to the path.
  public static let exportDialog: KeyTable<AppAction> = [
    KeyBinding(keys: [.down], action: .changeExportFormat(1), help: "next format"),
    KeyBinding(
      keys: [.up], action: .changeExportFormat(-1), help: "previous format",
      showsInHelpBar: false),
    KeyBinding(keys: [.enter], action: .submit, help: "export"),
    KeyBinding(keys: [.escape], action: .cancel, help: "cancel"),
    KeyBinding(keys: [.function(1)], action: .showHelp, help: "help"),
  ]

  /// "Replace? y/n" in the Export dialog; other keys are swallowed.
  public static let exportReplace: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.character("y"), .character("Y")], action: .confirmReplace, help: "replace", label: "y"
    ),
    KeyBinding(
      keys: [.character("n"), .character("N"), .escape], action: .cancel,
      help: "keep it, choose another name", label: "n/Esc"),
  ]

  /// The Export dialog after the file was written.
  public static let exportDone: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter, .escape], action: .cancel, help: "close")
  ]

  /// The help overlay: arrows scroll, anything else closes it.
  public static let help: KeyTable<AppAction> = [
    KeyBinding(keys: [.down, .character("j")], action: .scrollHelp(1), help: "scroll"),
    KeyBinding(
      keys: [.up, .character("k")], action: .scrollHelp(-1), help: "scroll up",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.pageDown], action: .scrollHelp(10), help: "page down", showsInHelpBar: false),
    KeyBinding(keys: [.pageUp], action: .scrollHelp(-10), help: "page up", showsInHelpBar: false),
    KeyBinding(
      keys: [.escape, .character("?"), .character("q"), .enter], action: .closeHelp,
      help: "close", label: "any other key"),
  ]

  /// A one-line text form (skip reason).
  public static let textForm: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .submit, help: "save"),
    KeyBinding(keys: [.escape], action: .cancel, help: "cancel"),
  ]

  /// The note form: a text field that can be about the selected item.
  public static let noteForm: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .submit, help: "save"),
    KeyBinding(keys: [.escape], action: .cancel, help: "cancel"),
    KeyBinding(keys: [.tab], action: .toggleAboutItem, help: "day or item"),
  ]

  /// The pain form: digits set the level, arrows change it.
  public static let painForm: KeyTable<AppAction> = {
    var bindings: [KeyBinding<AppAction>] = [
      KeyBinding(keys: [.enter], action: .submit, help: "save"),
      KeyBinding(keys: [.escape], action: .cancel, help: "cancel"),
    ]
    bindings += (0...9).map { digit in
      KeyBinding(
        keys: [.character(Character("\(digit)"))], action: .setPainLevel(digit),
        help: digit == 0 ? "level" : "level \(digit)", label: digit == 0 ? "0-9" : nil,
        showsInHelpBar: digit == 0)
    }
    bindings += [
      KeyBinding(keys: [.up, .character("+")], action: .changePainLevel(1), help: "more"),
      KeyBinding(
        keys: [.down, .character("-")], action: .changePainLevel(-1), help: "less",
        showsInHelpBar: false),
      KeyBinding(keys: [.tab], action: .togglePainTiming, help: "when"),
      KeyBinding(keys: [.character("i")], action: .toggleAboutItem, help: "item"),
    ]
    return KeyTable(bindings)
  }()

  // MARK: Setup wizard

  /// Choosing from a list (template, side).
  public static let setupChoice: KeyTable<AppAction> = [
    KeyBinding(keys: [.down, .character("j")], action: .moveDown, help: "next", label: nil),
    KeyBinding(keys: [.up, .character("k")], action: .moveUp, help: "previous"),
    KeyBinding(keys: [.enter], action: .submit, help: "choose"),
    KeyBinding(keys: [.escape], action: .cancel, help: "back"),
  ]

  /// Typing a value (start day, weeks); printable keys go to the field.
  public static let setupField: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .submit, help: "next"),
    KeyBinding(keys: [.escape], action: .cancel, help: "back"),
    KeyBinding(keys: [.function(1)], action: .showHelp, help: "help"),
  ]

  /// Reading (preview, red flags and confirmation).
  public static let setupReview: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .submit, help: "next"),
    KeyBinding(keys: [.escape], action: .cancel, help: "back"),
  ]

  public static let setupConfirm: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .submit, help: "start the programme"),
    KeyBinding(keys: [.escape], action: .cancel, help: "back"),
  ]

  // MARK: Routing

  /// The table of the screen showing (screen keys, then global keys): what the help overlay
  /// lists and what dispatches when no form is open.
  public static func screenTable(for state: AppState) -> KeyTable<AppAction> {
    let tables = helpBarTables(for: AppState.withoutForms(state))
    return tables.global.map { tables.screen.followed(by: $0) } ?? tables.screen
  }

  /// The table of the open form, if any (it takes keys before the screen).
  public static func formTable(for state: AppState) -> KeyTable<AppAction>? {
    if state.help != nil { return help }
    switch state.modal {
    case .skipReason: return textForm
    case .note: return noteForm
    case .pain: return painForm
    case nil: return nil
    }
  }

  /// The keys the bottom help bar shows: the open form's, or the screen's own and then the
  /// global keys (nil when the screen's table already holds them, as in a text field).
  public static func helpBarTables(for state: AppState) -> (
    screen: KeyTable<AppAction>, global: KeyTable<AppAction>?
  ) {
    // The help overlay shows its own keys in its frame.
    if state.help == nil, let form = formTable(for: state) { return (form, nil) }
    switch state.screen {
    case .today:
      return (today, global)
    case .setup(let wizard):
      switch wizard.step {
      case .template, .side: return (setupChoice, global)
      case .startDay, .weeks: return (setupField, nil)
      case .preview: return (setupReview, global)
      case .confirm: return (setupConfirm, global)
      }
    case .week:
      return (week, global)
    case .checkin:
      return (checkinForm, nil)
    case .export(let dialog):
      switch dialog.stage {
      case .editing: return (exportDialog, nil)
      case .confirmReplace: return (exportReplace, nil)
      case .done: return (exportDone, nil)
      case .writing: return (KeyTable([]), nil)
      }
    }
  }

  /// What `key` means in `state`, or nil when it means nothing (the key is ignored).
  public static func action(for key: Key, in state: AppState) -> AppAction? {
    // Too small to show anything: only quitting makes sense.
    if state.isTooSmall { return global.action(for: key) == .quit ? .quit : nil }
    if state.help != nil { return help.action(for: key) ?? .closeHelp }
    if let modal = state.modal {
      switch modal {
      case .skipReason: return textForm.action(for: key) ?? .editText(key)
      case .note: return noteForm.action(for: key) ?? .editText(key)
      // The form swallows keys it does not use.
      case .pain: return painForm.action(for: key)
      }
    }
    switch state.screen {
    case .setup(let wizard) where wizard.step.hasTextField:
      return setupField.action(for: key) ?? .editText(key)
    case .checkin:
      return checkinForm.action(for: key) ?? .editText(key)
    case .export(let dialog) where dialog.stage == .editing:
      return exportDialog.action(for: key) ?? .editText(key)
    default:
      // The replace question and the finished dialog swallow other keys (no global keys).
      return screenTable(for: state).action(for: key)
    }
  }
}

extension AppState {
  /// The same state with no form or overlay open (to ask for the screen's own keys).
  static func withoutForms(_ state: AppState) -> AppState {
    var plain = state
    plain.help = nil
    plain.modal = nil
    return plain
  }
}
