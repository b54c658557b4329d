import RehabCore
import TerminalUI

extension AppState {
  /// Opens the check-in form dated `day`, starting from the week's stored check-in.
  mutating func openCheckin(
    on day: CalendarDay, existing: Checkin?, origin: CheckinForm.Origin
  ) -> [AppEffect] {
    guard let programme else { return [] }
    guard programme.contains(day) else {
      message = StatusMessage(
        "Check-ins count from \(programme.start) to \(programme.end), the programme's days.")
      return []
    }
    modal = nil
    message = nil
    screen = .checkin(
      CheckinForm(
        day: day, measures: programme.plan.checkin.askedMeasures, existing: existing,
        origin: origin))
    return []
  }

  /// The check-in form's actions.
  mutating func applyCheckin(_ action: AppAction, form: CheckinForm) -> [AppEffect] {
    var form = form
    guard !form.isSaving else { return [] }
    defer { if case .checkin = screen { screen = .checkin(form) } }
    switch action {
    case .nextField:
      form.moveFocus(by: 1)
    case .previousField:
      form.moveFocus(by: -1)
    case .editText(let key):
      guard form.fields.indices.contains(form.focus) else { return [] }
      // Numbers only: other printable keys are swallowed.
      if case .character(let character) = key {
        guard CheckinForm.accepts(character) else { return [] }
        if form.replacesOnType { form.fields[form.focus].input.setValue("") }
      }
      if key != .enter { form.replacesOnType = false }
      switch form.fields[form.focus].input.handle(key) {
      case .submitted: return submitCheckin(&form, saveNow: false)
      case .cancelled: return closeCheckin(form, saved: nil)
      case .edited: form.problem = nil
      case .moved, .ignored: break
      }
    case .submit:
      return submitCheckin(&form, saveNow: false)
    case .saveForm:
      return submitCheckin(&form, saveNow: true)
    case .cancel:
      return closeCheckin(form, saved: nil)
    default:
      break
    }
    return []
  }

  /// Enter moves to the next field, and saves on the last one; the save key saves from any.
  private mutating func submitCheckin(_ form: inout CheckinForm, saveNow: Bool) -> [AppEffect] {
    if !saveNow, !form.isOnLastField {
      form.moveFocus(by: 1)
      return []
    }
    switch form.checkin() {
    case .failure(let problem):
      if form.focus != problem.field { form.replacesOnType = true }
      form.focus = problem.field
      form.problem = problem.message
      return []
    case .success(let checkin):
      form.problem = nil
      form.isSaving = true
      return retryUnsaved() + [.saveCheckin(checkin)]
    }
  }

  /// Back to where the form was opened; reloads what the check-in changes (flags, measures).
  mutating func closeCheckin(_ form: CheckinForm, saved: Checkin?) -> [AppEffect] {
    if let saved {
      let values = form.measures.compactMap { measure -> String? in
        saved[measure].map { "\(FlagText.name(of: measure)) \(Self.describe($0))" }
      }
      message = StatusMessage(
        "Check-in saved for \(saved.day.weekdayName) \(saved.day): \(values.joined(separator: ", "))."
      )
    }
    switch form.origin {
    case .today:
      screen = .today
      return [.loadDay(day)]
    case .week(let week):
      screen = .week(WeekView(week: week))
      return [.loadWeek(week)]
    }
  }

  static func describe(_ value: CheckinValue) -> String {
    switch value {
    case .single(let number): FlagText.number(number, decimals: 2)
    case .sided(let left, let right):
      "L \(FlagText.number(left, decimals: 2)) R \(FlagText.number(right, decimals: 2))"
    }
  }
}

extension CheckinForm {
  /// Characters a number field takes.
  static func accepts(_ character: Character) -> Bool {
    character.isASCII && (character.isNumber || character == "." || character == ",")
  }
}
