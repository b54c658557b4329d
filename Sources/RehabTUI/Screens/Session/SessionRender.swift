import RehabCore
import TerminalUI

extension SessionScreen {
  static func render(
    _ state: SessionState, app: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    renderHeader(state, into: &buffer, theme: theme)
    let body = Rect(x: 2, y: 2, width: max(0, size.width - 4), height: max(0, size.height - 4))
    switch state.stage {
    case .steps: renderStep(state, into: &buffer, in: body, theme: theme)
    case .pain:
      renderPain(state, programme: app.programme, into: &buffer, in: body, theme: theme)
    case .skipReason(let field):
      renderSkip(state, field: field, into: &buffer, in: body, theme: theme)
    case .summary: renderSummary(state, into: &buffer, in: body, theme: theme)
    }
    if let message = app.message {
      buffer.put(
        theme.truncated(theme.text(message.text), to: size.width - 2),
        at: Point(x: 1, y: size.height - 2), style: message.kind == .error ? theme.error : .plain)
    }
    theme.helpBar(keys(for: state), into: &buffer, row: size.height - 1)
  }

  private static func renderHeader(
    _ state: SessionState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let width = buffer.size.width
    var right = "\(state.day.weekday.shortName) \(state.day)"
    if state.stage != .summary, !state.exercises.isEmpty {
      right = "exercise \(state.index + 1) of \(state.exercises.count) · " + right
    }
    right = theme.text(right)
    buffer.put(right, at: Point(x: width - DisplayWidth.of(right) - 1, y: 0), style: theme.title)
    buffer.put(theme.text("rehabit · Guided session"), at: Point(x: 1, y: 0), style: theme.title)
  }

  /// The exercise's name, dose and load, then its instructions in the rows `room` leaves.
  private static func renderExercise(
    _ exercise: SessionState.Exercise, into buffer: inout ScreenBuffer, in rect: Rect,
    instructionRows: Int, theme: Theme
  ) -> Int {
    var line = "\(exercise.label)  \(exercise.item.dose.text)"
    if let load = exercise.load { line += " · \(load)" }
    buffer.put(
      theme.truncated(theme.text(TerminalText.sanitized(line)), to: rect.width),
      at: rect.origin, style: theme.title)
    let text = theme.text(TerminalText.sanitized(exercise.item.instructions))
    var lines = WrappedText.lines(text, width: max(1, rect.width))
    if lines.count > instructionRows, instructionRows > 0 {
      lines = Array(lines.prefix(instructionRows))
      lines[lines.count - 1] = theme.truncated(lines[lines.count - 1] + " …", to: rect.width)
    }
    for (index, text) in lines.prefix(max(0, instructionRows)).enumerated() {
      buffer.put(text, at: Point(x: rect.x, y: rect.y + 1 + index), maxWidth: rect.width)
    }
    return 1 + min(lines.count, max(0, instructionRows))
  }

  /// "HOLD 2 of 3 · left", "GET READY · left", "SET 2 of 3 — 12 reps · right", "ICE".
  static func phase(_ step: SessionStep, exercise: SessionState.Exercise) -> String {
    let side = step.side == .both ? "" : " · \(step.side.rawValue)"
    switch step.kind {
    case .getReady: return "GET READY\(side)"
    case .hold(let repetition, let of): return "HOLD \(repetition) of \(of)\(side)"
    case .rest: return "REST\(side)"
    case .set(let set, let of, let reps): return "SET \(set) of \(of) — \(reps) reps\(side)"
    case .timed: return "\(exercise.item.kind.title.uppercased())\(side)"
    }
  }

  /// `m:ss`.
  static func clock(_ seconds: Int) -> String {
    let minutes = seconds / 60
    let rest = seconds % 60
    return "\(minutes):\(rest < 10 ? "0" : "")\(rest)"
  }

  private static func renderStep(
    _ state: SessionState, into buffer: inout ScreenBuffer, in body: Rect, theme: Theme
  ) {
    guard let exercise = state.exercise, let step = state.currentStep else { return }
    // Rows: name, instructions, a gap, the phase, the big timer, one line below it.
    let fixed = 1 + 1 + 1 + BigDigits.height + 2
    let instructionRows = min(6, max(1, body.height - fixed))
    let used = renderExercise(
      exercise, into: &buffer, in: body, instructionRows: instructionRows, theme: theme)
    var y = body.y + used + 1
    let phaseStyle = step.kind == .rest || step.kind == .getReady ? theme.heading : theme.caution
    buffer.put(
      theme.text(phase(step, exercise: exercise)), at: Point(x: body.x, y: y), style: phaseStyle)
    y += 1
    let big: String
    if let seconds = state.secondsLeft {
      big = clock(seconds)
    } else if case .set(let set, let of, _) = step.kind {
      big = "\(set)/\(of)"
    } else {
      big = ""
    }
    let timerRect = Rect(x: body.x, y: y, width: body.width, height: BigDigits.height)
    BigDigits(big, unicode: theme.unicode).render(
      into: &buffer, in: timerRect, style: state.isPaused ? theme.dim : theme.title)
    y += BigDigits.height
    guard y < body.maxY + 1 else { return }
    let detail: String
    if state.isPaused {
      detail = "Paused: p resumes."
    } else if let over = state.ranOver {
      detail = "The last step ran \(over) s over while rehabit was stopped; this one started now."
    } else if exercise.isThermal {
      detail = SafetyText.thermalSession
    } else if case .set = step.kind {
      detail = "Press space when the set is done."
    } else {
      detail = ""
    }
    let style = exercise.isThermal && !state.isPaused ? theme.caution : theme.dim
    for line in WrappedText.lines(theme.text(detail), width: max(1, body.width)).prefix(2)
    where y < body.maxY + 1 {
      buffer.put(line, at: Point(x: body.x, y: y), style: style, maxWidth: body.width)
      y += 1
    }
  }

  /// What pain above 5 about this exercise changes: once the day's pain is read, exactly what
  /// the scheduler will do (`PainContext.consequence`, as the Today pain form says it);
  /// before that, the rule (R-PAIN-STEP: a step lighter than this session; heat and ice never
  /// change).
  static func painConsequence(
    of exercise: SessionState.Exercise, programme: Programme?, context: PainContext? = nil
  ) -> String {
    let above = "above \(PainZones.acceptableMax): not acceptable"
    if let consequence = context?.consequence(
      level: PainZones.acceptableMax + 1, timing: .during, itemId: exercise.item.id)
    {
      return "\(above); \(PainConsequenceText.summary(consequence))"
    }
    if PainStep.applies(to: exercise.item.kind) {
      return
        "above \(PainZones.acceptableMax): not acceptable; the next session will be a step lighter than this one"
    }
    return
      "above \(PainZones.acceptableMax): not acceptable; pain never changes \(exercise.item.kind.rawValue): ease off, and tell your clinician if it keeps happening"
  }

  private static func renderPain(
    _ state: SessionState, programme: Programme?, into buffer: inout ScreenBuffer, in body: Rect,
    theme: Theme
  ) {
    guard let exercise = state.exercise else { return }
    var y = body.y
    buffer.put(
      theme.truncated(
        theme.text("Finished: \(TerminalText.sanitized(exercise.label))."), to: body.width),
      at: Point(x: body.x, y: y), style: theme.done)
    y += 2
    let question =
      "How much did it hurt during the exercise? Press 0–9 (t for 10), or Enter for none."
    for line in WrappedText.lines(theme.text(question), width: max(1, body.width)) {
      buffer.put(line, at: Point(x: body.x, y: y), style: theme.title)
      y += 1
    }
    y += 1
    let zones = [
      "0–\(PainZones.safeMax): safe",
      "\(PainZones.safeMax + 1)–\(PainZones.acceptableMax): acceptable",
      painConsequence(of: exercise, programme: programme, context: state.painContext),
      "Pain should settle by the next morning (R-PAIN-ZONES, R-PAIN-NEXT).",
    ]
    for zone in zones {
      for line in WrappedText.lines(theme.text(zone), width: max(1, body.width - 2)).enumerated()
      where y < body.maxY {
        buffer.put((line.offset == 0 ? "" : "  ") + line.element, at: Point(x: body.x, y: y))
        y += 1
      }
    }
  }

  private static func renderSkip(
    _ state: SessionState, field: TextField, into buffer: inout ScreenBuffer, in body: Rect,
    theme: Theme
  ) {
    guard let exercise = state.exercise else { return }
    buffer.put(
      theme.truncated(
        theme.text("Skip: \(TerminalText.sanitized(exercise.label))"), to: body.width),
      at: body.origin, style: theme.title)
    buffer.put("Why are you skipping it?", at: Point(x: body.x, y: body.y + 2))
    field.render(into: &buffer, in: Rect(x: body.x, y: body.y + 3, width: body.width, height: 1))
  }

  private static func renderSummary(
    _ state: SessionState, into buffer: inout ScreenBuffer, in body: Rect, theme: Theme
  ) {
    let minutes = Int(state.minutesSpent.rounded())
    let spent = minutes < 1 ? "under a minute" : "\(minutes) min"
    let headline =
      "Session over: \(state.doneCount) done, \(state.skippedCount) skipped, \(spent)."
    buffer.put(
      theme.truncated(theme.text(headline), to: body.width), at: body.origin, style: theme.title)
    var y = body.y + 2
    for exercise in state.exercises where y < body.maxY {
      let outcome: String
      let style: Style
      switch state.outcomes[exercise.item.id] {
      case .done(let pain)?:
        outcome = pain.map { "done, pain \($0)/10" } ?? "done"
        style = theme.done
      case .skipped(let reason)?:
        outcome = "skipped: \(TerminalText.sanitized(reason))"
        style = theme.skipped
      case nil:
        outcome = "not done"
        style = theme.dim
      }
      let line = "\(TerminalText.sanitized(exercise.label)): \(outcome)"
      buffer.put(
        theme.truncated(theme.text(line), to: body.width), at: Point(x: body.x, y: y), style: style)
      y += 1
    }
  }
}
