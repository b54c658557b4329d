/// How long the guided session of a checklist item takes: the countdowns of its plan
/// (get ready, holds, rests, heat or ice) plus an estimate for each untimed repetition of a
/// set. Used to judge a day's dose in minutes, e.g. R-DOSE-ACTIVATION's 20 minutes of balance
/// work on a drill day.
public enum SessionEstimate {
  /// R-SESSION-TIMING, product default: one controlled repetition of a set, about 2 s each way.
  public static let secondsPerRep = 4

  /// Seconds for `item` with `timing`'s pauses, from the steps a guided session would run.
  public static func seconds(for item: ChecklistItem, timing: SessionTiming) -> Int {
    SessionPlan.steps(for: item, timing: timing).reduce(0) { total, step in
      if case .set(_, _, let reps) = step.kind { return total + reps * secondsPerRep }
      return total + (step.seconds ?? 0)
    }
  }
}
