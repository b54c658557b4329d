/// One check-in's value of one measure, as the flag engine judges it.
public struct MeasurePoint: Hashable, Sendable {
  public var day: CalendarDay
  public var programmeWeek: Int
  public var value: CheckinValue
  /// The number trends are judged by: the value, or the affected (weaker) side of a sided one.
  public var judged: Double
  /// R-M-PAIN: pain is judged on its 2-week rolling mean; other measures on `judged`.
  public var smoothed: Double
  /// R-LSI, for sided measures (nil when the unaffected side is 0).
  public var symmetryIndex: Double?

  public init(
    day: CalendarDay, programmeWeek: Int, value: CheckinValue, judged: Double, smoothed: Double,
    symmetryIndex: Double?
  ) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.value = value
    self.judged = judged
    self.smoothed = smoothed
    self.symmetryIndex = symmetryIndex
  }
}

/// One measure across the check-ins: baseline (the first check-in), latest, change against the
/// MCID and MDC of docs/clinical-rules.md ("Measures"), and the limb symmetry of sided measures.
public struct MeasureTrend: Hashable, Sendable {
  /// R-M-PAIN: pain is smoothed over the check-ins of the last 14 days before judging a trend.
  public static let painSmoothingDays = 14

  public var measure: Measure
  /// Pain, SANE or the template's primary measure (R-FLAG-PLATEAU, R-FLAG-REFER).
  public var isMain: Bool
  /// Every check-in that has this measure, oldest first.
  public var points: [MeasurePoint]

  public init(measure: Measure, isMain: Bool, points: [MeasurePoint]) {
    self.measure = measure
    self.isMain = isMain
    self.points = points
  }

  /// Builds the points of `measure` from check-ins (oldest first) of `programme`.
  public init(measure: Measure, isMain: Bool, checkins: [Checkin], programme: Programme) {
    var points: [MeasurePoint] = []
    for checkin in checkins {
      guard let value = checkin[measure] else { continue }
      let judged = LimbSymmetry.judgedValue(
        of: value, measure: measure, affected: programme.affectedSide)
      var smoothed = judged
      if measure == .pain {
        let recent =
          points.filter { $0.day.days(until: checkin.day) < MeasureTrend.painSmoothingDays }
          .map(\.judged) + [judged]
        smoothed = recent.reduce(0, +) / Double(recent.count)
      }
      points.append(
        MeasurePoint(
          day: checkin.day, programmeWeek: programme.start.days(until: checkin.day) / 7 + 1,
          value: value, judged: judged, smoothed: smoothed,
          symmetryIndex: LimbSymmetry.index(
            of: value, measure: measure, affected: programme.affectedSide)))
    }
    self.init(measure: measure, isMain: isMain, points: points)
  }

  public var baseline: MeasurePoint? { points.first }
  public var latest: MeasurePoint? { points.last }

  /// +1 when higher is better, -1 when lower is better (pain).
  public var direction: Double { measure.higherIsBetter ? 1 : -1 }

  public var mdc: Double { measure.mdc }
  /// The MCID for this baseline (pain's depends on it, R-M-PAIN).
  public var mcid: Double { measure.mcid(baseline: baseline?.judged) }

  /// A change can be judged once there is a check-in after the baseline.
  public var canJudgeChange: Bool { points.count >= 2 }

  /// Latest minus baseline in the measure's units (pain: rolling mean minus baseline).
  public var change: Double? {
    guard canJudgeChange, let baseline, let latest else { return nil }
    return latest.smoothed - baseline.judged
  }

  /// `change` oriented so that positive is better.
  public var improvement: Double? { change.map { $0 * direction } }

  /// How much worse than the baseline `point` is, in the measure's units (negative: better).
  public func worsening(at point: MeasurePoint) -> Double {
    guard let baseline else { return 0 }
    return (baseline.judged - point.smoothed) * direction
  }

  /// Improved by at least the MCID since the baseline.
  public var improvedByMCID: Bool {
    guard let improvement else { return false }
    return FlagMath.atLeast(improvement, mcid)
  }

  /// The change over about the last `weeks` weeks: latest minus the last check-in at least
  /// `weeks` weeks before it (the baseline when none is that old). nil with one check-in.
  public func recentChange(weeks: Int) -> (from: MeasurePoint, change: Double)? {
    guard canJudgeChange, let latest, let first = points.first else { return nil }
    let cutoff = latest.day.adding(days: -7 * weeks)
    let reference = points.last { $0.day <= cutoff } ?? first
    return (reference, latest.smoothed - reference.smoothed)
  }

  /// The latest check-in of each programme week, for charts by week.
  public var weekly: [MeasurePoint] {
    var byWeek: [Int: MeasurePoint] = [:]
    for point in points { byWeek[point.programmeWeek] = point }
    return byWeek.keys.sorted().compactMap { byWeek[$0] }
  }

  /// The latest limb symmetry index (sided measures).
  public var latestSymmetryIndex: Double? { points.last { $0.symmetryIndex != nil }?.symmetryIndex }
}

/// Comparisons with a tolerance, so that 0.7 done counts as 70 % and 11.9 − 10.0 as 1.9.
public enum FlagMath {
  public static let tolerance = 1e-9

  public static func atLeast(_ value: Double, _ threshold: Double) -> Bool {
    value >= threshold - tolerance
  }

  public static func below(_ value: Double, _ threshold: Double) -> Bool {
    !atLeast(value, threshold)
  }

  /// Two decimals, for JSON: 4.5 rather than 4.500000000000001.
  public static func rounded(_ value: Double) -> Double {
    let rounded = (value * 100).rounded() / 100
    return rounded == 0 ? 0 : rounded  // never -0
  }
}
