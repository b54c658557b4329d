/// R-FLAG-BASELINE (product default): a flag that says the treatment is not working waits for
/// enough weeks of measurements. The baseline is the programme's first check-in; the weeks of
/// measurements are the programme weeks from the baseline check-in's week to the latest
/// check-in's week. Fixed in code, not overridable.
public enum FlagBaseline {
  public static let rule = "R-FLAG-BASELINE"
  /// `plateau` needs at least this many weeks between the baseline and the latest check-in.
  public static let plateauWeeks = 3
  /// `see-specialist` needs at least this many.
  public static let referralWeeks = 8

  /// The weeks of measurements `kind` needs; nil for a flag the rule does not gate.
  public static func weeksNeeded(for kind: ProgressFlag.Kind) -> Int? {
    switch kind {
    case .plateau: plateauWeeks
    case .seeSpecialist: referralWeeks
    case .worsening, .lowAdherence, .imbalance, .missedCheckin: nil
    }
  }
}

/// The baseline a flag was judged against, and the span of measurements since it.
public struct BaselineEvidence: Hashable, Sendable {
  /// The programme's first check-in.
  public var day: CalendarDay
  public var programmeWeek: Int
  /// The latest check-in judged.
  public var latestDay: CalendarDay
  public var latestProgrammeWeek: Int

  public init(
    day: CalendarDay, programmeWeek: Int, latestDay: CalendarDay, latestProgrammeWeek: Int
  ) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.latestDay = latestDay
    self.latestProgrammeWeek = latestProgrammeWeek
  }

  /// The first and latest of `days` (check-in days within `programme`); nil without any.
  public init?(checkinDays days: [CalendarDay], programme: Programme) {
    guard let first = days.min(), let latest = days.max(),
      let firstWeek = programme.programmeWeek(of: first),
      let latestWeek = programme.programmeWeek(of: latest)
    else { return nil }
    self.init(
      day: first, programmeWeek: firstWeek, latestDay: latest, latestProgrammeWeek: latestWeek)
  }

  /// Programme weeks from the baseline's week to the latest check-in's (R-FLAG-BASELINE).
  public var weeksOfMeasurements: Int { latestProgrammeWeek - programmeWeek }
}

/// A flag whose rule is otherwise met but which R-FLAG-BASELINE holds back: too few weeks of
/// measurements since the baseline. Not raised; `flags` says what is missing.
public struct PendingFlag: Hashable, Sendable {
  public var kind: ProgressFlag.Kind
  public var baseline: BaselineEvidence
  public var weeksNeeded: Int

  public init(kind: ProgressFlag.Kind, baseline: BaselineEvidence, weeksNeeded: Int) {
    self.kind = kind
    self.baseline = baseline
    self.weeksNeeded = weeksNeeded
  }

  public var id: String { kind.rawValue }
  /// The rule holding it back.
  public var rule: String { FlagBaseline.rule }
  public var weeksOfMeasurements: Int { baseline.weeksOfMeasurements }
  /// The first programme week whose check-in can make it judgeable.
  public var judgeableFromWeek: Int { baseline.programmeWeek + weeksNeeded }

  /// Plain words with the numbers; no command or key.
  public var message: String {
    let have = weeksOfMeasurements == 1 ? "1 week" : "\(weeksOfMeasurements) weeks"
    return
      "Not judged yet (\(FlagBaseline.rule)): \(kind.rawValue) needs \(weeksNeeded) weeks of measurements after the baseline check-in of \(baseline.day.labelWithWeekday) (programme week \(baseline.programmeWeek)); there \(weeksOfMeasurements == 1 ? "is" : "are") \(have) so far. A check-in in programme week \(judgeableFromWeek) or later lets it be judged."
  }
}
