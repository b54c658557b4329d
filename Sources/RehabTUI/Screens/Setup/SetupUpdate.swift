import RehabCore
import TerminalUI

extension SetupWizard {
  /// The wizard's actions. `state` is the app, for messages.
  mutating func apply(_ action: AppAction, state: inout AppState) -> [AppEffect] {
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
      case .submitted: return apply(.submit, state: &state)
      case .cancelled: return apply(.cancel, state: &state)
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
      step = Step(rawValue: step.rawValue - 1) ?? .template
    default:
      break
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
    default:
      break
    }
  }
}
