/// One check-in measure across the range: its values, baseline and latest, the change judged
/// against its MDC and MCID (docs/clinical-rules.md, "Measures"), and for sided measures the limb
/// symmetry index (R-LSI).
public struct MeasureSummary: Hashable, Sendable {
  public struct Point: Hashable, Sendable {
    public var day: CalendarDay
    public var value: CheckinValue
    /// Pain: the 2-week rolling mean at this check-in (R-M-PAIN), what the flags judge.
    public var rollingMean: Double?

    public init(day: CalendarDay, value: CheckinValue, rollingMean: Double? = nil) {
      self.day = day
      self.value = value
      self.rollingMean = rollingMean
    }
  }

  /// How a change compares with the measure's MDC and MCID, in the measure's better direction.
  public enum Verdict: String, Hashable, Sendable {
    /// Better by at least the MCID: a change that matters.
    case improvedBeyondMCID = "improved by at least the MCID"
    /// Better by at least the MDC but less than the MCID: real, not yet important.
    case improvedBeyondMDC = "real improvement, below the MCID"
    /// Within the MDC: indistinguishable from measurement noise.
    case withinNoise = "within measurement noise (below the MDC)"
    /// Worse by at least the MDC.
    case worse = "worse by at least the MDC"

    public static func judge(change: Double, measure: Measure, baseline: Double) -> Verdict {
      let better = measure.higherIsBetter ? change : -change
      if FlagMath.atLeast(better, measure.mcid(baseline: baseline)) { return .improvedBeyondMCID }
      if FlagMath.atLeast(better, measure.mdc) { return .improvedBeyondMDC }
      if FlagMath.atLeast(-better, measure.mdc) { return .worse }
      return .withinNoise
    }
  }

  public var measure: Measure
  /// Oldest first; only check-ins that recorded this measure.
  public var points: [Point]
  /// The side treated as affected for R-LSI.
  public var affectedSide: Side

  public init(measure: Measure, points: [Point], affectedSide: Side) {
    self.measure = measure
    self.points = points
    self.affectedSide = affectedSide
  }

  public var baseline: Point? { points.first }
  public var latest: Point? { points.count > 1 ? points.last : nil }

  /// The value of one point on `side` (nil side: the single value).
  public static func number(_ value: CheckinValue, side: Side?) -> Double? {
    guard let side else { return value.single }
    return value.value(on: side)
  }

  /// The latest value as judged: pain's 2-week rolling mean (R-M-PAIN), else the value (of one
  /// side of a sided measure). The same number the flags, the week screen and `week` use.
  public func latestJudged(side: Side? = nil) -> Double? {
    guard let latest else { return nil }
    if side == nil, let mean = latest.rollingMean { return mean }
    return Self.number(latest.value, side: side)
  }

  /// Latest (as judged) minus baseline; nil with fewer than two points.
  public func change(side: Side? = nil) -> Double? {
    guard let first = baseline.flatMap({ Self.number($0.value, side: side) }),
      let last = latestJudged(side: side)
    else { return nil }
    return last - first
  }

  public func mcid(side: Side? = nil) -> Double {
    measure.mcid(baseline: baseline.flatMap { Self.number($0.value, side: side) })
  }

  public func verdict(side: Side? = nil) -> Verdict? {
    guard let change = change(side: side),
      let first = baseline.flatMap({ Self.number($0.value, side: side) })
    else { return nil }
    return Verdict.judge(change: change, measure: measure, baseline: first)
  }

  /// R-LSI of one check-in, as the flag engine computes it (`LimbSymmetry.index`).
  public func symmetryIndex(at point: Point?) -> Double? {
    point.flatMap {
      LimbSymmetry.index(of: $0.value, measure: measure, affected: affectedSide)
    }
  }
}
