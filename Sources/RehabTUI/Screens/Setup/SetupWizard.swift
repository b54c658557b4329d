import RehabCore
import RehabStore
import TerminalUI

/// The first-run wizard: a template, the start day, the number of weeks, the affected side, a
/// preview of week 1, then the red flags and a confirmation. Each step is state; Enter goes on,
/// Esc goes back.
public struct SetupWizard: Equatable, Sendable {
  public enum Step: Int, CaseIterable, Equatable, Sendable {
    case template
    case startDay
    case weeks
    case side
    case preview
    case confirm

    public var title: String {
      switch self {
      case .template: "Choose a programme"
      case .startDay: "Start day"
      case .weeks: "Length"
      case .side: "Affected side"
      case .preview: "Your first week"
      case .confirm: "Before you start"
      }
    }

    /// Steps with a text field take printable keys as input.
    public var hasTextField: Bool { self == .startDay || self == .weeks }
  }

  public static let sides: [Side] = [.left, .right, .both]

  public var templates: [ProgrammeTemplate]
  public var step: Step
  public var templateIndex: Int
  public var startField: TextField
  public var weeksField: TextField
  public var sideIndex: Int
  /// What is wrong with the current step's input.
  public var problem: String?
  /// The programme is being written; Enter does nothing until it is.
  public var isSaving: Bool
  /// The first line shown of the last step (the summary and the red flags); render stops it
  /// where the last line is at the bottom.
  public var confirmScroll: Int

  public init(templates: [ProgrammeTemplate], today: CalendarDay) {
    self.templates = templates
    self.step = .template
    self.templateIndex = 0
    self.startField = TextField(value: today.description, maxLength: 10, placeholder: "YYYY-MM-DD")
    self.weeksField = TextField(
      value: templates.first.map { "\($0.plan.weeks)" } ?? "", maxLength: 2, placeholder: "weeks")
    self.sideIndex = 0
    self.problem = nil
    self.isSaving = false
    self.confirmScroll = 0
  }

  public var template: ProgrammeTemplate? {
    templates.indices.contains(templateIndex) ? templates[templateIndex] : nil
  }

  public var side: Side { SetupWizard.sides[min(max(0, sideIndex), SetupWizard.sides.count - 1)] }

  public var startDay: CalendarDay? { CalendarDay(startField.value) }

  public var weeks: Int? {
    guard let value = Int(weeksField.value), ProgrammePlan.weekLimits.contains(value) else {
      return nil
    }
    return value
  }

  /// The programme the answers describe, once every answer is valid.
  public var programme: Programme? {
    guard let template, let startDay, let weeks else { return nil }
    return Programme(plan: template.plan, start: startDay, weeks: weeks, affectedSide: side)
  }

  /// Why the current step cannot go on, in words a user can act on; nil when it can.
  public var problemWithCurrentStep: String? {
    switch step {
    case .template:
      return template == nil ? "no templates are available" : nil
    case .startDay:
      return startDay == nil
        ? CalendarDay.problem(parsing: startField.value) ?? "write the day as YYYY-MM-DD" : nil
    case .weeks:
      let limits = ProgrammePlan.weekLimits
      return weeks == nil
        ? "the length is a whole number of weeks from \(limits.lowerBound) to \(limits.upperBound)"
        : nil
    case .side, .preview, .confirm:
      return nil
    }
  }
}
