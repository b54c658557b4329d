/// One step of a guided exercise: a countdown, or a set that ends when the person says so.
public struct SessionStep: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A countdown before the first hold of a side.
    case getReady
    /// Hold `repetition` of `of`.
    case hold(repetition: Int, of: Int)
    /// A rest between holds or between sets.
    case rest
    /// Set `set` of `of`, `reps` repetitions: untimed, done when the person says so.
    case set(set: Int, of: Int, reps: Int)
    /// Heat or ice for the whole duration.
    case timed
  }

  public var kind: Kind
  /// Which side this step is for (`both` for a step that covers both at once).
  public var side: Side
  /// Length of a countdown; nil for a set.
  public var seconds: Int?

  public init(kind: Kind, side: Side, seconds: Int?) {
    self.kind = kind
    self.side = side
    self.seconds = seconds
  }

  /// A countdown step (everything but a set).
  public var isTimed: Bool { seconds != nil }
}

/// The steps of one checklist item in a guided session.
public enum SessionPlan {
  /// Holds: get ready, hold, rest, hold … per side; sets × reps: set, rest, set … per side;
  /// minutes (heat, ice): one countdown. An item for both sides does the left side, then the
  /// right; heat and ice cover both at once. Rests of 0 s are left out.
  public static func steps(for item: ChecklistItem, timing: SessionTiming) -> [SessionStep] {
    let sides: [Side] = item.side == .both ? [.left, .right] : [item.side]
    switch item.dose.dose {
    case .holds(let seconds, let repetitions):
      return sides.flatMap { side -> [SessionStep] in
        var steps: [SessionStep] = []
        if timing.getReadySeconds > 0 {
          steps.append(SessionStep(kind: .getReady, side: side, seconds: timing.getReadySeconds))
        }
        for repetition in 1...max(1, repetitions) {
          if repetition > 1, timing.restSeconds > 0 {
            steps.append(SessionStep(kind: .rest, side: side, seconds: timing.restSeconds))
          }
          steps.append(
            SessionStep(
              kind: .hold(repetition: repetition, of: repetitions), side: side, seconds: seconds))
        }
        return steps
      }
    case .setsReps(let sets, let reps, _):
      return sides.flatMap { side -> [SessionStep] in
        var steps: [SessionStep] = []
        for set in 1...max(1, sets) {
          if set > 1, timing.setRestSeconds > 0 {
            steps.append(SessionStep(kind: .rest, side: side, seconds: timing.setRestSeconds))
          }
          steps.append(
            SessionStep(kind: .set(set: set, of: sets, reps: reps), side: side, seconds: nil))
        }
        return steps
      }
    case .time(let minutes):
      return [SessionStep(kind: .timed, side: item.side, seconds: minutes * 60)]
    }
  }
}
