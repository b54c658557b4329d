import RehabCore
import TerminalUI

/// What the user wants on the Programme screen and in its form, and what the runner reports.
public enum ProgrammeAction: Equatable, Sendable {
  /// Back to the Today screen.
  case close
  case moveUp
  case moveDown
  /// Opens the form for the selected treatment.
  case openForm(ProgrammeForm.Kind)

  // MARK: The form
  case nextField
  case previousField
  /// A key for the focused text field.
  case editText(Key)
  /// The side choice: the next (1) or previous (-1) rule.
  case cycleSide(Int)
  /// Enter: the next field, or the preview on the last one.
  case submit
  /// The form's preview key: the preview from any field.
  case preview
  /// Esc: the form closes (editing), or back to the form (preview).
  case cancel
  /// Enter/y on the preview: writes the revision.
  case confirm

  // MARK: From the runner
  case loaded(ProgrammeOverview)
  case loadFailed(CalendarDay, String)
  case previewLoaded(RevisionPreview)
  case previewFailed(String)
  /// The revision was written (the app already holds the programme as stored).
  case saved(ProgrammeRevision)
  /// Writing it failed with this one-line reason; nothing was written.
  case saveFailed(String)
  /// Another writer changed programme.json since the preview: nothing was written.
  case changedElsewhere
}

/// The Programme screen's state: the day whose programme it shows (the Today screen's day),
/// the programme as of that day once read, the selected treatment, and the form open over it.
public struct ProgrammeView: Equatable, Sendable {
  public var day: CalendarDay
  public var overview: ProgrammeOverview?
  public var selection: Int
  /// Why the programme could not be read.
  public var problem: String?
  public var form: ProgrammeForm?

  public init(day: CalendarDay, overview: ProgrammeOverview? = nil) {
    self.day = day
    self.overview = overview
    self.selection = 0
    self.problem = nil
    self.form = nil
  }

  public var selectedLine: ProgrammeOverview.TreatmentLine? {
    guard let lines = overview?.treatments, lines.indices.contains(selection) else { return nil }
    return lines[selection]
  }
}

/// "My programme": the treatments in force on the day shown with their dose that week,
/// schedule, side and weeks (paused and removed ones marked), the latest revisions, and a form
/// to change a treatment from a day on, previewed over the next 7 days before it is saved.
enum ProgrammeScreen: ScreenComponent {
  static func title(_ state: ProgrammeView) -> String { "My programme" }

  static func keys(for state: ProgrammeView) -> ScreenKeys {
    guard let form = state.form else { return ScreenKeys(listKeys, otherKeys: .globalKeys) }
    switch form.step {
    case .editing:
      let table = form.focusedField == .side ? sideKeys.followed(by: formKeys) : formKeys
      return ScreenKeys(table, otherKeys: .action { .programme(.editText($0)) })
    case .previewing: return ScreenKeys(previewKeys, otherKeys: .ignored)
    // Keys wait while the preview is read or the revision written (Esc still goes back).
    case .loadingPreview, .saving: return ScreenKeys(waitingKeys, otherKeys: .ignored)
    }
  }

  static func helpKeys(for state: ProgrammeView) -> ScreenKeys {
    state.form == nil ? keys(for: state) : ScreenKeys(formKeys, otherKeys: .ignored)
  }

  static let listKeys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.escape, .character("q"), .character("m")], action: .programme(.close),
      help: "back to Today", label: "Esc/m"),
    KeyBinding(
      keys: [.down, .character("j")], action: .programme(.moveDown), help: "next treatment",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.up, .character("k")], action: .programme(.moveUp), help: "previous treatment",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.enter, .character("c")], action: .programme(.openForm(.change)),
      help: "change", label: "Enter/c"),
    KeyBinding(keys: [.character("p")], action: .programme(.openForm(.pause)), help: "pause"),
    KeyBinding(keys: [.character("r")], action: .programme(.openForm(.resume)), help: "resume"),
  ]

  static let formKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .programme(.submit), help: "next/preview"),
    KeyBinding(keys: [.function(2)], action: .programme(.preview), help: "preview"),
    KeyBinding(keys: [.escape], action: .programme(.cancel), help: "cancel"),
    KeyBinding(keys: [.tab, .down], action: .programme(.nextField), help: "next"),
    KeyBinding(keys: [.backTab, .up], action: .programme(.previousField), help: "previous"),
    KeyBinding(keys: [.function(1)], action: .help(.open), help: "help"),
  ]

  /// On the side choice, ←/→ and space change it (there is no text to move in).
  static let sideKeys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.right, .character(" ")], action: .programme(.cycleSide(1)), help: "side",
      label: "←/→"),
    KeyBinding(
      keys: [.left], action: .programme(.cycleSide(-1)), help: "previous side",
      showsInHelpBar: false),
  ]

  static let previewKeys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.enter, .character("y")], action: .programme(.confirm), help: "save",
      label: "Enter/y"),
    KeyBinding(
      keys: [.escape, .character("n")], action: .programme(.cancel), help: "back to the form",
      label: "Esc/n"),
    KeyBinding(keys: [.function(1), .character("?")], action: .help(.open), help: "help"),
  ]

  static let waitingKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.escape], action: .programme(.cancel), help: "back to the form")
  ]

  /// Opens the screen on `day` (the Today screen's) and asks for the programme as of then.
  static func open(day: CalendarDay, context: ScreenContext) -> ScreenReply {
    guard context.programme != nil else { return .none }
    return ScreenReply(
      effects: [.loadProgrammeOverview(day)], message: .clear,
      show: .programme(ProgrammeView(day: day)))
  }

  static func reduce(_ view: inout ProgrammeView, _ action: ProgrammeAction, context: ScreenContext)
    -> ScreenReply
  {
    switch action {
    case .loaded(let overview):
      guard overview.day == view.day else { return .none }
      view.overview = overview
      view.problem = nil
      view.selection = min(view.selection, max(0, overview.treatments.count - 1))
      return .none
    case .loadFailed(let day, let reason):
      guard day == view.day else { return .none }
      view.problem = "Cannot read the programme of \(day): \(reason)"
      return .none
    case .close:
      return ScreenReply(effects: [.loadDay(context.day)], show: .today)
    case .moveUp, .moveDown:
      let count = view.overview?.treatments.count ?? 0
      guard count > 0 else { return .none }
      view.selection = min(max(0, view.selection + (action == .moveUp ? -1 : 1)), count - 1)
      return .none
    case .openForm(let kind):
      return openForm(&view, kind, context: context)
    case .saved(let revision):
      view.form = nil
      let words = ProgrammeText.short(revision, programme: context.programme)
      let undo = TodayScreen.keyLabel(for: .undo)
      return ScreenReply(
        effects: [.loadProgrammeOverview(view.day)],
        message: .show(StatusMessage("Saved: \(words); \(undo) on Today undoes it.")))
    case .nextField, .previousField, .editText, .cycleSide, .submit, .preview, .cancel,
      .confirm, .previewLoaded, .previewFailed, .saveFailed, .changedElsewhere:
      guard var form = view.form else { return .none }
      let reply = reduceForm(&form, action, view: view, context: context)
      view.form = reply.closesForm ? nil : form
      return reply.reply
    }
  }

  private static func openForm(
    _ view: inout ProgrammeView, _ kind: ProgrammeForm.Kind, context: ScreenContext
  ) -> ScreenReply {
    guard let programme = context.programme, let line = view.selectedLine else {
      return .say(StatusMessage("Still reading the programme; try again in a moment."))
    }
    if line.status == .removed {
      return .say(
        StatusMessage(
          "\(line.treatment.name) was removed from the programme before \(view.day.labelWithWeekday): there is nothing to change."
        ))
    }
    var form = ProgrammeForm(
      kind, treatment: line.treatment, shownDose: line.dose?.dose, day: view.day,
      plan: programme.plan)
    // The first field to type in: the dose for a change (the day is usually right).
    if kind == .change, form.fields.count > 1 { form.focus = 1 }
    // A pause or resume Core refuses (already paused, not paused) says so at once; a change
    // is checked once something is typed.
    if kind != .change { form.validate(against: programme) }
    view.form = form
    return ScreenReply(message: .clear)
  }

  /// What the form's reducer asks: a reply, and whether the form closes.
  private struct FormReply {
    var reply: ScreenReply
    var closesForm: Bool = false

    static let none = FormReply(reply: .none)
  }

  private static func reduceForm(
    _ form: inout ProgrammeForm, _ action: ProgrammeAction, view: ProgrammeView,
    context: ScreenContext
  ) -> FormReply {
    switch (form.step, action) {
    case (.editing, .nextField): form.moveFocus(by: 1)
    case (.editing, .previousField): form.moveFocus(by: -1)
    case (.editing, .cycleSide(let delta)):
      guard form.focusedField == .side else { return .none }
      form.cycleSide(by: delta)
      form.validate(against: context.programme)
    case (.editing, .editText(let key)):
      guard let field = form.focusedField, var input = form.inputs[field] else { return .none }
      let outcome = input.handle(key)
      form.inputs[field] = input
      switch outcome {
      case .submitted: return submit(&form, previewNow: false, context: context)
      case .cancelled: return FormReply(reply: ScreenReply(message: .clear), closesForm: true)
      case .edited: form.validate(against: context.programme)
      case .moved, .ignored: break
      }
    case (.editing, .submit): return submit(&form, previewNow: false, context: context)
    case (.editing, .preview): return submit(&form, previewNow: true, context: context)
    case (.editing, .cancel):
      return FormReply(reply: ScreenReply(message: .clear), closesForm: true)
    case (.loadingPreview, .cancel), (.previewing, .cancel):
      form.step = .editing
    case (.loadingPreview(let asked), .previewLoaded(let preview)):
      // A stale preview (of an earlier version of the change) is ignored.
      guard preview.revision.effective == asked.effective, preview.revision.change == asked.change
      else { return .none }
      if let first = preview.problems.first {
        form.step = .editing
        form.problem = ProgrammeForm.problem(first)
        focus(&form, on: form.problem?.field)
      } else {
        form.step = .previewing(asked, preview)
      }
    case (.loadingPreview, .previewFailed(let reason)):
      form.step = .editing
      form.problem = ProgrammeForm.Problem(field: nil, message: "No preview: \(reason)")
    case (.previewing(let revision, let preview), .confirm):
      guard let programme = context.programme else { return .none }
      form.step = .saving(revision, preview)
      form.problem = nil
      return FormReply(
        reply: ScreenReply(effects: [.addRevision(revision, expected: programme)]))
    case (.saving(let revision, let preview), .saveFailed(let reason)):
      form.step = .previewing(revision, preview)
      form.problem = ProgrammeForm.Problem(field: nil, message: "Not saved: \(reason)")
    case (.saving, .changedElsewhere):
      // The app now shows the programme as stored; the change is judged against it again.
      form.step = .editing
      form.validate(against: context.programme)
      return FormReply(reply: ScreenReply(effects: [.loadProgrammeOverview(view.day)]))
    default:
      // A key or a report the step does not expect (stale): nothing to do.
      return .none
    }
    return .none
  }

  /// Enter moves to the next field, and previews on the last one; the preview key previews
  /// from any field. A change Core refuses is not previewed: its field is shown instead.
  private static func submit(
    _ form: inout ProgrammeForm, previewNow: Bool, context: ScreenContext
  ) -> FormReply {
    if !previewNow, !form.isOnLastField {
      form.moveFocus(by: 1)
      return .none
    }
    guard let programme = context.programme else { return .none }
    switch form.checked(against: programme) {
    case .failure(let problem):
      form.problem = problem
      focus(&form, on: problem.field)
      return .none
    case .success(let revision):
      form.problem = nil
      form.step = .loadingPreview(revision)
      return FormReply(reply: ScreenReply(effects: [.previewRevision(revision)]))
    }
  }

  private static func focus(_ form: inout ProgrammeForm, on field: ProgrammeForm.Field?) {
    if let field, let index = form.fields.firstIndex(of: field) { form.focus = index }
  }
}
