import RehabCore
import TerminalUI

/// What the user wants in the setup wizard, and what the app tells it.
public enum SetupAction: Equatable, Sendable {
  case moveDown
  case moveUp
  /// A key for the step's text field.
  case editText(Key)
  /// Enter: the next step, or start the programme on the last one.
  case submit
  /// Esc: the step before.
  case cancel
  /// Writing the programme failed with this one-line reason.
  case saveFailed(String)
  /// The clock passed midnight: a start day of yesterday becomes today.
  case dayChanged(CalendarDay)
  /// Scroll the last step (the red flags) by this many lines.
  case scroll(Int)
}

/// First run: choose a template, start day, weeks and side, preview, confirm.
enum SetupScreen: ScreenComponent {
  static func title(_ state: SetupWizard) -> String { "setup" }

  static func keys(for state: SetupWizard) -> ScreenKeys {
    switch state.step {
    case .template, .side: ScreenKeys(choiceKeys, otherKeys: .globalKeys)
    case .startDay, .weeks: ScreenKeys(fieldKeys, otherKeys: .action { .setup(.editText($0)) })
    case .preview: ScreenKeys(reviewKeys, otherKeys: .globalKeys)
    case .confirm: ScreenKeys(confirmKeys, otherKeys: .globalKeys)
    }
  }

  /// Choosing from a list (template, side).
  static let choiceKeys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.down, .character("j")], action: .setup(.moveDown), help: "next", label: nil),
    KeyBinding(keys: [.up, .character("k")], action: .setup(.moveUp), help: "previous"),
    KeyBinding(keys: [.enter], action: .setup(.submit), help: "choose"),
    KeyBinding(keys: [.escape], action: .setup(.cancel), help: "back"),
  ]

  /// Typing a value (start day, weeks); printable keys go to the field.
  static let fieldKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .setup(.submit), help: "next"),
    KeyBinding(keys: [.escape], action: .setup(.cancel), help: "back"),
    KeyBinding(keys: [.function(1)], action: .help(.open), help: "help"),
  ]

  /// Reading (preview, red flags and confirmation).
  static let reviewKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .setup(.submit), help: "next"),
    KeyBinding(keys: [.escape], action: .setup(.cancel), help: "back"),
  ]

  /// The last step scrolls, so the whole red-flag list can be read on a small terminal.
  static let confirmKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .setup(.submit), help: "start the programme"),
    KeyBinding(keys: [.escape], action: .setup(.cancel), help: "back"),
    KeyBinding(keys: [.down, .character("j")], action: .setup(.scroll(1)), help: "scroll"),
    KeyBinding(
      keys: [.up, .character("k")], action: .setup(.scroll(-1)), help: "scroll up",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.pageDown], action: .setup(.scroll(10)), help: "page down", showsInHelpBar: false),
    KeyBinding(
      keys: [.pageUp], action: .setup(.scroll(-10)), help: "page up", showsInHelpBar: false),
  ]

  static func reduce(_ wizard: inout SetupWizard, _ action: SetupAction, context: ScreenContext)
    -> ScreenReply
  {
    ScreenReply(effects: wizard.apply(action))
  }
}

extension SetupWizard {
  /// The wizard's actions.
  mutating func apply(_ action: SetupAction) -> [AppEffect] {
    switch action {
    case .moveDown: move(by: 1)
    case .moveUp: move(by: -1)
    case .editText(let key):
      guard step.hasTextField else { return [] }
      let outcome: TextFieldOutcome
      if step == .startDay {
        outcome = startField.handle(key)
      } else {
        outcome = weeksField.handle(key)
      }
      switch outcome {
      case .submitted: return apply(.submit)
      case .cancelled: return apply(.cancel)
      case .edited: problem = nil
      case .moved, .ignored: break
      }
    case .submit:
      guard !isSaving else { return [] }
      if let found = problemWithCurrentStep {
        problem = found
        return []
      }
      problem = nil
      guard step == .confirm else {
        step = Step(rawValue: step.rawValue + 1) ?? .confirm
        return []
      }
      guard let programme else { return [] }
      isSaving = true
      return [.saveProgramme(programme)]
    case .cancel:
      guard !isSaving else { return [] }
      problem = nil
      confirmScroll = 0
      step = Step(rawValue: step.rawValue - 1) ?? .template
    case .saveFailed(let reason):
      isSaving = false
      problem = "Not saved: \(reason)"
    case .dayChanged(let newToday):
      if startField.value == newToday.adding(days: -1).description {
        startField.setValue(newToday.description)
      }
    case .scroll(let delta):
      guard step == .confirm else { return [] }
      confirmScroll = max(0, confirmScroll + delta)
    }
    return []
  }

  private mutating func move(by delta: Int) {
    switch step {
    case .template:
      guard !templates.isEmpty else { return }
      let target = min(max(0, templateIndex + delta), templates.count - 1)
      guard target != templateIndex else { return }
      templateIndex = target
      // A new template suggests its own length.
      weeksField.setValue("\(templates[target].plan.weeks)")
    case .side:
      sideIndex = min(max(0, sideIndex + delta), SetupWizard.sides.count - 1)
    case .startDay, .weeks, .preview, .confirm:
      break
    }
  }
}
