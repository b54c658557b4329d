import RehabCore
import TerminalUI

/// A guided session: the day's pending exercises one at a time, each a list of steps
/// (`SessionPlan`), with the countdown of the current step kept as monotonic times so a test
/// can run a 60 s hold in microseconds.
public struct SessionState: Equatable, Sendable {
  /// One exercise of the session.
  public struct Exercise: Equatable, Sendable {
    public var item: ChecklistItem
    /// "Calf stretch (left)".
    public var label: String
    public var load: String?
    public var steps: [SessionStep]
    public var isThermal: Bool

    public init(item: ChecklistItem, label: String, load: String?, steps: [SessionStep]) {
      self.item = item
      self.label = label
      self.load = load
      self.steps = steps
      self.isThermal = item.kind == .heat || item.kind == .ice
    }
  }

  /// What became of an exercise.
  public enum Outcome: Equatable, Sendable {
    case done(pain: Int?)
    case skipped(reason: String)
  }

  public enum Stage: Equatable, Sendable {
    /// Doing the steps of the current exercise.
    case steps
    /// The exercise is finished: one key for the pain felt, Enter for none.
    case pain
    /// Why the exercise is skipped.
    case skipReason(TextField)
    /// The session is over: done, skipped, minutes.
    case summary
  }

  public var day: CalendarDay
  public var exercises: [Exercise]
  public var index: Int
  public var step: Int
  public var stage: Stage
  /// The latest monotonic time the runner reported.
  public var now: Double
  /// When the current countdown ends; nil for a set, while paused, and outside the steps.
  public var endsAt: Double?
  /// Seconds left of a paused countdown.
  public var pausedRemaining: Double?
  /// By item id.
  public var outcomes: [String: Outcome]
  public var startedAt: Double
  /// Seconds spent paused, left out of the time spent.
  public var pausedSeconds: Double
  public var pausedSince: Double?
  /// Seconds the last countdown ran past its end before rehabit could say so (after Ctrl-Z,
  /// or a suspended machine): shown, and the step moves on.
  public var ranOver: Int?
  /// When the session ended (the summary's minutes).
  public var finishedAt: Double?

  /// The pain logged so far, as the Today pain form reads it (`ProgressQueries.painContext`),
  /// so the pain question says what pain above 5 would change; nil until it is read.
  public var painContext: PainContext?

  public init(day: CalendarDay, exercises: [Exercise], startingAt index: Int, now: Double) {
    self.painContext = nil
    self.day = day
    self.exercises = exercises
    self.index = min(max(0, index), max(0, exercises.count - 1))
    self.step = 0
    self.stage = exercises.isEmpty ? .summary : .steps
    self.now = now
    self.endsAt = nil
    self.pausedRemaining = nil
    self.outcomes = [:]
    self.startedAt = now
    self.pausedSeconds = 0
    self.pausedSince = nil
    self.ranOver = nil
    self.finishedAt = exercises.isEmpty ? now : nil
    startStep()
  }

  public var exercise: Exercise? { exercises.indices.contains(index) ? exercises[index] : nil }

  public var currentStep: SessionStep? {
    guard stage == .steps, let exercise, exercise.steps.indices.contains(step) else { return nil }
    return exercise.steps[step]
  }

  public var isPaused: Bool { pausedRemaining != nil }

  /// Whole seconds left of the current countdown, as shown (rounded up: 0.2 s left shows 1).
  public var secondsLeft: Int? {
    if let pausedRemaining { return Int(pausedRemaining.rounded(.up)) }
    guard let endsAt else { return nil }
    return max(0, Int((endsAt - now).rounded(.up)))
  }

  /// Minutes spent so far (paused time left out).
  public var minutesSpent: Double {
    let end = finishedAt ?? now
    let paused = pausedSeconds + (pausedSince.map { end - $0 } ?? 0)
    return max(0, end - startedAt - paused) / 60
  }

  public var doneCount: Int {
    outcomes.values.count { if case .done = $0 { true } else { false } }
  }

  public var skippedCount: Int {
    outcomes.values.count { if case .skipped = $0 { true } else { false } }
  }

  /// Milliseconds until the countdown shown changes (the runner sleeps that long); nil when
  /// nothing is counting down.
  public var millisecondsToNextSecond: Int? {
    guard stage == .steps, !isPaused, let endsAt else { return nil }
    let remaining = endsAt - now
    guard remaining > 0 else { return 0 }
    let fraction = remaining - remaining.rounded(.down)
    let wait = fraction > 0.000_5 ? fraction : 1
    return Int((wait * 1000).rounded(.up))
  }

  // MARK: Steps

  /// Starts the step at `step`: a countdown from now, or a set that waits for the person.
  mutating func startStep() {
    pausedRemaining = nil
    endsAt = currentStep?.seconds.map { now + Double($0) }
  }

  /// Moves to the next step, or to the pain question after the last.
  mutating func advance() {
    guard let exercise, stage == .steps else { return }
    if let pausedSince {
      pausedSeconds += now - pausedSince
      self.pausedSince = nil
    }
    if step + 1 < exercise.steps.count {
      step += 1
      startStep()
    } else {
      endsAt = nil
      pausedRemaining = nil
      stage = .pain
    }
  }

  /// The next exercise (or the summary after the last); the current one keeps its outcome.
  mutating func moveTo(exercise target: Int) {
    if let pausedSince {
      pausedSeconds += now - pausedSince
      self.pausedSince = nil
    }
    guard exercises.indices.contains(target) else {
      finish()
      return
    }
    index = target
    step = 0
    stage = .steps
    ranOver = nil
    startStep()
  }

  /// The next exercise without an outcome after the current one, or the summary.
  mutating func moveToNextUnfinished() {
    let later = exercises.indices.filter { $0 > index && outcomes[exercises[$0].item.id] == nil }
    moveTo(exercise: later.first ?? exercises.count)
  }

  mutating func finish() {
    endsAt = nil
    pausedRemaining = nil
    stage = .summary
    finishedAt = now
  }

  /// Time passed: a countdown that reached its end moves on. After a long gap (the process
  /// was stopped) the step is over, and the time it ran over is said.
  mutating func clock(_ time: Double) -> Bool {
    now = max(now, time)
    guard stage == .steps, !isPaused, let endsAt, now >= endsAt else { return false }
    let over = now - endsAt
    ranOver = over >= 2 ? Int(over.rounded()) : nil
    advance()
    return true
  }
}
