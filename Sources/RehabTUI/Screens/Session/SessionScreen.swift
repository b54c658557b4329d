import RehabCore
import TerminalUI

/// What the user wants during a guided session, and the runner's clock.
public enum SessionAction: Equatable, Sendable {
  /// Space: the set is done, or on to the next step of a countdown.
  case next
  case togglePause
  /// Adds (or takes) seconds from the countdown shown.
  case adjust(Int)
  /// Asks why the exercise is skipped.
  case skip
  case nextExercise
  case previousExercise
  /// Back to the Today screen; what was finished is kept.
  case leave
  /// The pain felt during the exercise just finished (nil: none worth logging).
  case pain(Int?)
  /// A key for the skip-reason field.
  case editText(Key)
  case submitReason
  case cancelReason
  /// From the summary back to the Today screen.
  case close
  /// The runner's monotonic time, in seconds.
  case clock(Double)
  /// The day's pain context arrived (what pain above 5 would change).
  case painContextLoaded(PainContext)
}

/// The guided session (`g` on the Today screen): one exercise at a time with its instructions
/// and a large timer or counter; each finished exercise asks for the pain felt and is ticked.
enum SessionScreen: ScreenComponent {
  static func title(_ state: SessionState) -> String { "Guided session" }

  static func keys(for state: SessionState) -> ScreenKeys {
    switch state.stage {
    case .steps: ScreenKeys(stepKeys, otherKeys: .ignored)
    case .pain: ScreenKeys(painKeys, otherKeys: .ignored)
    case .skipReason: ScreenKeys(reasonKeys, otherKeys: .action { .session(.editText($0)) })
    case .summary: ScreenKeys(summaryKeys, otherKeys: .ignored)
    }
  }

  static func helpKeys(for state: SessionState) -> ScreenKeys {
    ScreenKeys(stepKeys, otherKeys: .ignored)
  }

  static let stepKeys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.character(" ")], action: .session(.next), help: "next",
      label: "space"),
    KeyBinding(keys: [.character("p")], action: .session(.togglePause), help: "pause"),
    KeyBinding(keys: [.character("s")], action: .session(.skip), help: "skip"),
    KeyBinding(keys: [.character("n")], action: .session(.nextExercise), help: "next exercise"),
    KeyBinding(keys: [.character("q"), .escape], action: .session(.leave), help: "leave"),
    KeyBinding(
      keys: [.character("+")], action: .session(.adjust(5)), help: "5 s more", label: "+/-"),
    KeyBinding(
      keys: [.character("-")], action: .session(.adjust(-5)), help: "5 s less",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.character("b")], action: .session(.previousExercise), help: "previous exercise",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.character("?"), .function(1)], action: .help(.open), help: "help",
      showsInHelpBar: false),
  ]

  /// One key for the pain felt: 0–9, t for 10, Enter for none.
  static let painKeys: KeyTable<AppAction> = {
    var bindings: [KeyBinding<AppAction>] = (0...9).map { level in
      KeyBinding(
        keys: [.character(Character("\(level)"))], action: .session(.pain(level)),
        help: level == 0 ? "pain" : "pain \(level)", label: level == 0 ? "0-9" : nil,
        showsInHelpBar: level == 0)
    }
    bindings += [
      KeyBinding(keys: [.character("t")], action: .session(.pain(10)), help: "pain 10"),
      KeyBinding(keys: [.enter], action: .session(.pain(nil)), help: "no pain to log"),
      KeyBinding(keys: [.character("q"), .escape], action: .session(.leave), help: "leave"),
    ]
    return KeyTable(bindings)
  }()

  static let reasonKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter], action: .session(.submitReason), help: "skip it"),
    KeyBinding(keys: [.escape], action: .session(.cancelReason), help: "back to the exercise"),
  ]

  static let summaryKeys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.enter, .escape, .character("q")], action: .session(.close),
      help: "back to the day", label: "Enter")
  ]

  /// The session over the day's pending items in list order (the session order), starting at
  /// `selected` when it is pending, else at the first pending one.
  static func open(
    entries: [TodayEntry], selected: Int, day: CalendarDay, context: ScreenContext
  ) -> ScreenReply {
    guard let programme = context.programme else { return .none }
    let pending = entries.enumerated().filter { $0.element.status == .pending }
    guard !pending.isEmpty else {
      return .say(StatusMessage("Nothing left to do on \(day.weekday.shortName) \(day)."))
    }
    let exercises = pending.map { _, entry in
      let treatment = programme.treatment(id: entry.item.treatmentId, on: entry.item.day)
      return SessionState.Exercise(
        item: entry.item, label: entry.label, load: entry.item.dose.dose.load,
        steps: SessionPlan.steps(
          for: entry.item, timing: treatment?.sessionTiming ?? .defaults))
    }
    let start = pending.firstIndex { $0.offset == selected } ?? 0
    let state = SessionState(day: day, exercises: exercises, startingAt: start, now: context.now)
    return ScreenReply(
      effects: [.loadPainContext(day)] + (context.bellEnabled ? [.bell] : []), message: .clear,
      show: .session(state))
  }

  static func reduce(_ state: inout SessionState, _ action: SessionAction, context: ScreenContext)
    -> ScreenReply
  {
    state.now = max(state.now, context.now)
    let before = (state.index, state.step, state.stage)
    var effects: [AppEffect] = []
    switch action {
    case .clock(let time):
      _ = state.clock(time)
    case .painContextLoaded(let painContext):
      if painContext.day == state.day { state.painContext = painContext }
    case .next:
      guard state.stage == .steps else { break }
      state.ranOver = nil
      state.advance()
    case .togglePause:
      guard state.stage == .steps,
        let secondsLeft = state.endsAt.map({ $0 - state.now })
          ?? state.pausedRemaining
      else { break }
      if state.isPaused {
        state.endsAt = state.now + secondsLeft
        state.pausedRemaining = nil
        if let since = state.pausedSince { state.pausedSeconds += state.now - since }
        state.pausedSince = nil
      } else {
        state.pausedRemaining = max(0, secondsLeft)
        state.endsAt = nil
        state.pausedSince = state.now
      }
    case .adjust(let seconds):
      guard state.stage == .steps else { break }
      if let remaining = state.pausedRemaining {
        state.pausedRemaining = max(1, remaining + Double(seconds))
      } else if let endsAt = state.endsAt {
        state.endsAt = max(state.now + 1, endsAt + Double(seconds))
      }
    case .skip:
      guard state.stage == .steps || state.stage == .pain else { break }
      state.stage = .skipReason(
        TextField(maxLength: SkipForm.maxLength, placeholder: "e.g. too sore, no time"))
    case .editText(let key):
      guard case .skipReason(var field) = state.stage else { break }
      switch field.handle(key) {
      case .submitted: return reduce(&state, .submitReason, context: context)
      case .cancelled: return reduce(&state, .cancelReason, context: context)
      case .edited, .moved, .ignored: state.stage = .skipReason(field)
      }
    case .submitReason:
      guard case .skipReason(let field) = state.stage, let exercise = state.exercise else { break }
      let reason = field.value.trimmingWhitespace
      guard !reason.isEmpty else { break }
      state.outcomes[exercise.item.id] = .skipped(reason: reason)
      effects.append(
        .setStatus(
          .skipped, itemId: exercise.item.id, day: state.day, reason: reason, expected: nil))
      state.moveToNextUnfinished()
    case .cancelReason:
      guard case .skipReason = state.stage else { break }
      state.stage = .steps
      state.startStep()
    case .pain(let level):
      guard state.stage == .pain, let exercise = state.exercise else { break }
      if let level {
        effects.append(
          .addPain(
            PainRecord(
              day: state.day, level: level, timing: .during, itemId: exercise.item.id, at: "")))
      }
      // A session takes pending items only: each write expects no record.
      effects.append(
        .setStatus(.done, itemId: exercise.item.id, day: state.day, reason: nil, expected: nil))
      // Read again, so the next exercise's question counts this pain too.
      if level != nil { effects.append(.loadPainContext(state.day)) }
      state.outcomes[exercise.item.id] = .done(pain: level)
      state.moveToNextUnfinished()
    case .nextExercise:
      guard state.stage == .steps || state.stage == .pain else { break }
      state.moveTo(exercise: state.index + 1)
    case .previousExercise:
      guard state.stage == .steps || state.stage == .pain, state.index > 0 else { break }
      state.moveTo(exercise: state.index - 1)
    case .leave:
      let message = StatusMessage(
        "Session left: \(state.doneCount) done, \(state.skippedCount) skipped. What you finished is saved."
      )
      return ScreenReply(
        effects: [.loadDay(state.day)], message: .show(message), show: .today)
    case .close:
      let message = StatusMessage(
        "Session over: \(state.doneCount) done, \(state.skippedCount) skipped.")
      return ScreenReply(
        effects: [.loadDay(state.day)], message: .show(message), show: .today)
    }
    let moved = before != (state.index, state.step, state.stage)
    let bell = moved && context.bellEnabled && !isTyping(state.stage)
    return ScreenReply(
      effects: effects + (bell ? [.bell] : []), sendsUnsavedFirst: !effects.isEmpty)
  }

  private static func isTyping(_ stage: SessionState.Stage) -> Bool {
    if case .skipReason = stage { return true }
    return false
  }
}
