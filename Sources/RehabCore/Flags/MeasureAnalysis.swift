/// Every measure of a programme's check-ins up to a day: trends, baselines and limb symmetry.
public struct MeasureAnalysis: Hashable, Sendable {
  public var programme: Programme
  /// The programme's asked measures in check-in order, then any other measure found.
  public var trends: [MeasureTrend]

  public init(programme: Programme, checkins: [Checkin]) {
    let checkin = programme.plan.checkin
    let main = Set(checkin.mainMeasures)
    let found = Set(checkins.flatMap { $0.values.keys })
    let asked = checkin.askedMeasures
    let measures = asked + Measure.allCases.filter { found.contains($0) && !asked.contains($0) }
    self.programme = programme
    self.trends = measures.map {
      MeasureTrend(
        measure: $0, isMain: main.contains($0), checkins: checkins, programme: programme)
    }
  }

  /// The analysis of the check-ins dated on or before `day` only: what
  /// `MeasureAnalysis(programme:checkins:)` gives for them, taken from this one's points (a
  /// point depends only on the check-ins before it), so walking back over earlier days does
  /// not build every trend again.
  public func through(_ day: CalendarDay) -> MeasureAnalysis {
    let asked = Set(programme.plan.checkin.askedMeasures)
    var earlier = self
    earlier.trends = trends.compactMap { trend in
      var trend = trend
      trend.points.removeAll { $0.day > day }
      // A measure no programme question asks is there only once a check-in has it.
      return asked.contains(trend.measure) || !trend.points.isEmpty ? trend : nil
    }
    return earlier
  }

  public subscript(measure: Measure) -> MeasureTrend? { trends.first { $0.measure == measure } }

  /// Pain, SANE and the primary measure.
  public var main: [MeasureTrend] { trends.filter(\.isMain) }

  public var sided: [MeasureTrend] { trends.filter(\.measure.isSided) }

  /// The day of the latest check-in of any measure.
  public var latestDay: CalendarDay? { trends.compactMap(\.latest?.day).max() }

  /// R-LSI-OK: every sided measure's latest LSI at or above the threshold; nil when no sided
  /// measure has been measured.
  public var symmetryResolved: Bool? {
    let indexes = sided.compactMap(\.latestSymmetryIndex)
    guard !indexes.isEmpty else { return nil }
    let threshold = programme.plan.thresholds.symmetryIndexOK
    return indexes.allSatisfy { FlagMath.atLeast($0, threshold) }
  }
}
