import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The guided session as a state machine driven by an injected clock: a 30 s hold is walked
/// through in microseconds.
@Suite("Guided session")
struct SessionTests {
  /// The Today screen on 2026-12-02 (calf stretch 3 × 30 s, balance 3 × 30 s, band eversion
  /// 3 × 10, ice 15 min, all on the left) with a session started at `selection`.
  static func started(selection: Int = 0, bell: Bool = true) throws -> (AppState, [AppEffect]) {
    var state = try Fixtures.todayState()
    state.bellEnabled = bell
    state.todayScreen.selection = selection
    _ = state.apply(.now(100))
    let effects = state.apply(.today(.startSession))
    return (state, effects)
  }

  static func session(_ state: AppState) -> SessionState? {
    if case .session(let session) = state.screen { return session }
    return nil
  }

  /// Moves the clock to `time` and returns the effects.
  @discardableResult
  static func at(_ time: Double, _ state: inout AppState) -> [AppEffect] {
    state.apply(.now(time))
  }

  @Test func gStartsAtTheSelectedPendingItemAndRings() throws {
    let (state, effects) = try Self.started(selection: 2)
    let session = try #require(Self.session(state))
    #expect(session.exercises.count == 4)
    #expect(session.index == 2)
    #expect(session.exercise?.item.kind == .strengthening)
    // The pain context is read for the pain question.
    #expect(effects == [.loadPainContext(Days.today), .bell])
    #expect(
      AppKeys.action(for: .character("g"), in: try Fixtures.todayState()) == .today(.startSession))
  }

  @Test func aHoldCountsDownGetReadyHoldsAndRestsThenAsksForPain() throws {
    var (state, _) = try Self.started()
    var session = try #require(Self.session(state))
    #expect(session.currentStep?.kind == .getReady)
    #expect(session.secondsLeft == 5)
    Self.at(102.5, &state)
    #expect(Self.session(state)?.secondsLeft == 3)
    #expect(Self.session(state)?.millisecondsToNextSecond == 500)
    var bells = 0
    for time in stride(from: 103.0, through: 230, by: 0.5) {
      bells += Self.at(time, &state).count { $0 == .bell }
    }
    session = try #require(Self.session(state))
    // get ready → hold 1 → rest → hold 2 → rest → hold 3 → pain: six transitions.
    #expect(session.stage == .pain)
    #expect(bells == 6)
  }

  @Test func painAtTheEndIsLoggedAndTheItemTicked() throws {
    var (state, _) = try Self.started()
    for time in stride(from: 100.0, through: 300, by: 1) { Self.at(time, &state) }
    let item = try #require(Self.session(state)?.exercise?.item)
    #expect(AppKeys.action(for: .character("7"), in: state) == .session(.pain(7)))
    let effects = state.apply(.session(.pain(7)))
    #expect(
      effects == [
        .addPain(PainRecord(day: Days.today, level: 7, timing: .during, itemId: item.id, at: "")),
        .setStatus(.done, itemId: item.id, day: Days.today, reason: nil, expected: nil),
        .loadPainContext(Days.today), .bell,
      ])
    let session = try #require(Self.session(state))
    #expect(session.index == 1)
    #expect(session.outcomes[item.id] == .done(pain: 7))
  }

  @Test func thePainQuestionNamesTheNextSessionTheSchedulerWillGive() throws {
    var (state, _) = try Self.started()
    for time in stride(from: 100.0, through: 300, by: 1) { Self.at(time, &state) }
    let item = try #require(Self.session(state)?.exercise?.item)
    let programme = try #require(state.programme)
    // Before the day's pain is read: the rule in general words.
    var shown = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(shown.contains("will be a step lighter"))
    // The runner answers `.loadPainContext` as it does for the Today pain form.
    let context = PainContext(programme: programme, day: Days.today, earlier: [])
    _ = state.apply(.today(.painContextLoaded(context)))
    #expect(Self.session(state)?.painContext == context)
    let consequence = try #require(
      context.consequence(level: PainZones.acceptableMax + 1, timing: .during, itemId: item.id))
    let expected = PainConsequenceText.summary(consequence)
    #expect(expected.contains("next session"))
    shown = render(state, size: Fixtures.size, capabilities: .full).lines
      .joined(separator: " ").split(separator: " ").joined(separator: " ")
    #expect(shown.contains("above 5: not acceptable; \(expected)"))
    Snapshot.expect(
      render(state, size: Fixtures.size, capabilities: .full), matches: "session-pain-exact-80x24")
  }

  @Test func enterForNoPainTicksWithoutAPainEntry() throws {
    var (state, _) = try Self.started()
    for time in stride(from: 100.0, through: 300, by: 1) { Self.at(time, &state) }
    #expect(AppKeys.action(for: .enter, in: state) == .session(.pain(nil)))
    let effects = state.apply(.session(.pain(nil)))
    #expect(effects.count { if case .addPain = $0 { true } else { false } } == 0)
    #expect(effects.contains { if case .setStatus(.done, _, _, _, _) = $0 { true } else { false } })
  }

  @Test func setsWaitForSpaceWithARestCountdownBetween() throws {
    var (state, _) = try Self.started(selection: 2)
    let step = Self.session(state)?.currentStep
    #expect(step?.kind == .set(set: 1, of: 3, reps: 10))
    #expect(Self.session(state)?.secondsLeft == nil)
    // No countdown: time alone does not move a set on, and the runner need not wake.
    Self.at(500, &state)
    #expect(Self.session(state)?.currentStep?.kind == .set(set: 1, of: 3, reps: 10))
    #expect(state.wakeUpMilliseconds == nil)
    _ = state.apply(.session(.next))
    #expect(Self.session(state)?.currentStep?.kind == .rest)
    #expect(Self.session(state)?.secondsLeft == 60)
    Self.at(560, &state)
    #expect(Self.session(state)?.currentStep?.kind == .set(set: 2, of: 3, reps: 10))
  }

  @Test func pauseStopsTheCountdownAndResumeGoesOn() throws {
    var (state, _) = try Self.started()
    Self.at(102, &state)
    _ = state.apply(.session(.togglePause))
    #expect(Self.session(state)?.isPaused == true)
    #expect(state.wakeUpMilliseconds == nil)
    Self.at(1_000, &state)
    #expect(Self.session(state)?.secondsLeft == 3)
    #expect(Self.session(state)?.currentStep?.kind == .getReady)
    _ = state.apply(.session(.togglePause))
    Self.at(1_002.9, &state)
    #expect(Self.session(state)?.currentStep?.kind == .getReady)
    Self.at(1_003, &state)
    #expect(Self.session(state)?.currentStep?.kind == .hold(repetition: 1, of: 3))
    // Paused time is not time spent.
    #expect((Self.session(state)?.minutesSpent ?? 99) < 0.1)
  }

  @Test func plusAndMinusChangeTheCountdownByFiveSeconds() throws {
    var (state, _) = try Self.started()
    _ = state.apply(.session(.adjust(5)))
    #expect(Self.session(state)?.secondsLeft == 10)
    _ = state.apply(.session(.adjust(-5)))
    _ = state.apply(.session(.adjust(-5)))
    // Never below one second: the step still ends through the clock.
    #expect(Self.session(state)?.secondsLeft == 1)
    #expect(AppKeys.action(for: .character("-"), in: state) == .session(.adjust(-5)))
  }

  @Test func skipAsksWhyAndStoresTheSkip() throws {
    var (state, _) = try Self.started()
    _ = state.apply(.session(.skip))
    for character in "too sore" { _ = state.apply(.session(.editText(.character(character)))) }
    let item = try #require(Self.session(state)?.exercise?.item)
    let effects = state.apply(.session(.submitReason))
    #expect(
      effects.first
        == .setStatus(
          .skipped, itemId: item.id, day: Days.today, reason: "too sore", expected: nil))
    #expect(Self.session(state)?.outcomes[item.id] == .skipped(reason: "too sore"))
    #expect(Self.session(state)?.index == 1)
  }

  @Test func nextAndPreviousMoveWithoutTicking() throws {
    var (state, _) = try Self.started()
    let effects = state.apply(.session(.nextExercise))
    #expect(effects == [.bell])
    #expect(Self.session(state)?.index == 1)
    _ = state.apply(.session(.previousExercise))
    #expect(Self.session(state)?.index == 0)
    #expect(Self.session(state)?.currentStep?.kind == .getReady)
    #expect(Self.session(state)?.outcomes.isEmpty == true)
  }

  @Test func leavingMidwayKeepsWhatWasFinishedAndTicksNothingElse() throws {
    var (state, _) = try Self.started()
    for time in stride(from: 100.0, through: 300, by: 1) { Self.at(time, &state) }
    _ = state.apply(.session(.pain(nil)))
    let effects = state.apply(.session(.leave))
    #expect(effects == [.loadDay(Days.today)])
    guard case .today = state.screen else {
      Issue.record("not back on Today")
      return
    }
    #expect(state.message?.text.contains("1 done, 0 skipped") == true)
  }

  @Test func aStopInTheMiddleEndsOnlyThatStepAndSaysSo() throws {
    var (state, _) = try Self.started()
    // Ctrl-Z for two minutes during the get-ready countdown.
    Self.at(220, &state)
    let session = try #require(Self.session(state))
    #expect(session.currentStep?.kind == .hold(repetition: 1, of: 3))
    #expect(session.ranOver == 115)
    #expect(session.secondsLeft == 30)
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("ran 115 s over"))
  }

  @Test func theLastExerciseLeadsToTheSummary() throws {
    var (state, _) = try Self.started(selection: 3)
    // Ice: 15 minutes, with the safety line on screen.
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("never while asleep"))
    Self.at(100 + 900, &state)
    _ = state.apply(.session(.pain(nil)))
    // The earlier exercises are still open, so the session moves on to the summary only when
    // none is left after this one.
    let session = try #require(Self.session(state))
    #expect(session.stage == .summary)
    #expect(session.doneCount == 1)
    let summary = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(summary.contains("Session over: 1 done, 0 skipped, 15 min."))
    #expect(summary.contains("Calf stretch against a wall (left): not done"))
    _ = state.apply(.session(.close))
    guard case .today = state.screen else {
      Issue.record("not back on Today")
      return
    }
  }

  @Test func noBellWhenItIsTurnedOff() throws {
    var (state, effects) = try Self.started(bell: false)
    #expect(effects == [.loadPainContext(Days.today)])
    for time in stride(from: 100.0, through: 300, by: 1) {
      #expect(!Self.at(time, &state).contains(.bell))
    }
  }

  @Test func theSessionAt80x24And60x16MatchesItsSnapshots() throws {
    var (state, _) = try Self.started()
    state.message = nil
    Self.at(102.4, &state)
    Snapshot.expect(
      render(state, size: Fixtures.size, capabilities: .full), matches: "session-80x24")
    Snapshot.expect(
      render(state, size: Size(width: 60, height: 16), capabilities: .full),
      matches: "session-60x16")
    Snapshot.expect(
      render(
        state, size: Size(width: 60, height: 16),
        capabilities: TerminalCapabilities(colors: false, unicode: false)),
      matches: "session-ascii-60x16")
    for time in stride(from: 103.0, through: 300, by: 1) { Self.at(time, &state) }
    Snapshot.expect(
      render(state, size: Fixtures.size, capabilities: .full), matches: "session-pain-80x24")
  }
}

/// The runner with a session: it sleeps until the countdown's next second, never spins, and
/// writes what the session finished.
@MainActor
@Suite("Guided session through the runner")
struct SessionRunnerTests {
  /// Time that moves on by `step` seconds each time it is read.
  final class SteppingClock: @unchecked Sendable {
    private var time: Double = 1_000
    private let step: Double

    init(step: Double) { self.step = step }

    func read() -> Double {
      time += step
      return time
    }
  }

  @Test func theRunnerWaitsForTheNextSecondAndTheFileHoldsWhatWasDone() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let time = SteppingClock(step: 0.25)
    // g, then ticks while the first exercise runs (each loop reads the clock twice), then
    // Enter (no pain), then leave and quit.
    let events: [TerminalEvent] =
      [.key(.character("g"))] + Array(repeating: .tick, count: 400)
      + [.key(.enter), .key(.character("q")), .key(.character("q"))]
    let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: events)
    let runner = AppRunner(
      terminal: terminal, store: data.store,
      clock: .fixed(Days.today, monotonic: { time.read() }), programme: programme,
      templates: [], tickMilliseconds: 30_000, exportDirectory: data.path)
    runner.run()
    #expect(runner.state.isFinished)
    // While a countdown ran the runner asked for at most a second, and never for nothing.
    let during = terminal.requestedTimeouts.dropFirst(2).prefix(100).compactMap { $0 }
    #expect(!during.isEmpty)
    #expect(during.allSatisfy { $0 >= 1 && $0 <= 1_000 })
    #expect(terminal.bells >= 7)
    let week = try data.week("2026-W49")
    let items = try #require(week["items"] as? [String: Any])
    #expect(items.count == 1)
    let record = try #require(items["2026-12-02.calf-stretch.left"] as? [String: Any])
    #expect(record["status"] as? String == "done")
    #expect((week["pain"] as? [Any])?.isEmpty ?? true)
  }
}
