import RehabCore
import TerminalUI

/// What the user wants in the check-in form, and what became of its save.
public enum CheckinAction: Equatable, Sendable {
  case nextField
  case previousField
  /// A key for the focused field.
  case editText(Key)
  /// Enter: the next field, or save on the last one.
  case submit
  /// The form's save key: saves from any field.
  case save
  /// Esc: back to where the form was opened, nothing saved.
  case cancel
  /// The check-in was written.
  case saved(Checkin)
  /// Writing the check-in failed with this one-line reason.
  case saveFailed(String)
}

/// The weekly check-in form.
enum CheckinScreen: ScreenComponent {
  static func title(_ state: CheckinForm) -> String { "Check-in" }

  /// Printable keys go to the focused field (numbers only).
  static func keys(for state: CheckinForm) -> ScreenKeys {
    ScreenKeys(keys, otherKeys: .action { .checkin(.editText($0)) })
  }

  static let keys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .checkin(.submit), help: "next/save"),
    KeyBinding(keys: [.function(2)], action: .checkin(.save), help: "save"),
    KeyBinding(keys: [.escape], action: .checkin(.cancel), help: "cancel"),
    KeyBinding(keys: [.tab, .down], action: .checkin(.nextField), help: "next"),
    KeyBinding(keys: [.backTab, .up], action: .checkin(.previousField), help: "previous"),
    KeyBinding(keys: [.function(1)], action: .help(.open), help: "help"),
  ]

  /// Opens the check-in form dated `day`, starting from the week's stored check-in.
  static func open(
    on day: CalendarDay, existing: Checkin?, origin: CheckinForm.Origin, context: ScreenContext
  ) -> ScreenReply {
    // The programme of the check-in's day: an earlier programme's week files its own.
    guard let programme = context.programme(on: day) else { return .none }
    guard programme.contains(day) else {
      return .say(
        StatusMessage(
          "Check-ins count from \(programme.start) to \(programme.end), the programme's days."))
    }
    let form = CheckinForm(
      day: day, measures: programme.plan.checkin.askedMeasures, existing: existing,
      origin: origin)
    return ScreenReply(message: .clear, show: .checkin(form))
  }

  static func reduce(_ form: inout CheckinForm, _ action: CheckinAction, context: ScreenContext)
    -> ScreenReply
  {
    switch action {
    case .saved(let checkin):
      return close(form, saved: checkin, context: context)
    case .saveFailed(let reason):
      // The form stays open with every number typed; Enter or F2 tries again.
      form.isSaving = false
      form.problem = "Not saved: \(reason)"
      return .none
    case .nextField, .previousField, .editText, .submit, .save, .cancel:
      // Keys wait while the check-in is written.
      guard !form.isSaving else { return .none }
      return edit(&form, action, context: context)
    }
  }

  private static func edit(
    _ form: inout CheckinForm, _ action: CheckinAction, context: ScreenContext
  ) -> ScreenReply {
    switch action {
    case .nextField:
      form.moveFocus(by: 1)
    case .previousField:
      form.moveFocus(by: -1)
    case .editText(let key):
      guard form.fields.indices.contains(form.focus) else { return .none }
      // Numbers only: other printable keys are swallowed.
      if case .character(let character) = key {
        guard CheckinForm.accepts(character) else { return .none }
        if form.replacesOnType { form.fields[form.focus].input.setValue("") }
      }
      if key != .enter { form.replacesOnType = false }
      switch form.fields[form.focus].input.handle(key) {
      case .submitted: return submit(&form, saveNow: false)
      case .cancelled: return close(form, saved: nil, context: context)
      case .edited: form.problem = nil
      case .moved, .ignored: break
      }
    case .submit:
      return submit(&form, saveNow: false)
    case .save:
      return submit(&form, saveNow: true)
    case .cancel:
      return close(form, saved: nil, context: context)
    case .saved, .saveFailed:
      break
    }
    return .none
  }

  /// Enter moves to the next field, and saves on the last one; the save key saves from any.
  private static func submit(_ form: inout CheckinForm, saveNow: Bool) -> ScreenReply {
    if !saveNow, !form.isOnLastField {
      form.moveFocus(by: 1)
      return .none
    }
    switch form.checkin() {
    case .failure(let problem):
      if form.focus != problem.field { form.replacesOnType = true }
      form.focus = problem.field
      form.problem = problem.message
      return .none
    case .success(let checkin):
      form.problem = nil
      form.isSaving = true
      return ScreenReply(effects: [.saveCheckin(checkin)], sendsUnsavedFirst: true)
    }
  }

  /// Back to where the form was opened; reloads what the check-in changes (flags, measures).
  private static func close(_ form: CheckinForm, saved: Checkin?, context: ScreenContext)
    -> ScreenReply
  {
    var message = MessageChange.keep
    if let saved {
      let values = form.measures.compactMap { measure -> String? in
        saved[measure].map { "\(FlagText.name(of: measure)) \(Self.describe($0))" }
      }
      message = .show(
        StatusMessage(
          "Check-in saved for \(saved.day.weekday.shortName) \(saved.day): \(values.joined(separator: ", "))."
        ))
    }
    switch form.origin {
    case .today:
      return ScreenReply(effects: [.loadDay(context.day)], message: message, show: .today)
    case .week(let week):
      return ScreenReply(
        effects: [.loadWeek(week)], message: message, show: .week(WeekView(week: week)))
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
