/// The numbers behind a flag, so the user sees why it was raised.
public struct FlagEvidence: Hashable, Sendable {
  public var adherence: AdherenceEvidence?
  public var measures: [MeasureEvidence]
  public var symmetry: [SymmetryEvidence]
  public var missedWeeks: [MissedWeek]
  /// The baseline check-in (day and programme week) and the latest (R-FLAG-BASELINE); nil
  /// before the first check-in.
  public var baseline: BaselineEvidence?

  public init(
    adherence: AdherenceEvidence? = nil, measures: [MeasureEvidence] = [],
    symmetry: [SymmetryEvidence] = [], missedWeeks: [MissedWeek] = [],
    baseline: BaselineEvidence? = nil
  ) {
    self.adherence = adherence
    self.measures = measures
    self.symmetry = symmetry
    self.missedWeeks = missedWeeks
    self.baseline = baseline
  }
}

/// R-ADH, R-ADH-LOW: the adherence a flag was judged on, against the threshold.
public struct AdherenceEvidence: Hashable, Sendable {
  public var threshold: Double
  public var lastWeek: WeekSpanAdherence?
  public var reviewWindow: WeekSpanAdherence?
  /// Every completed week (R-FLAG-REFER).
  public var completedWeeks: WeekSpanAdherence?

  public init(
    threshold: Double, lastWeek: WeekSpanAdherence? = nil, reviewWindow: WeekSpanAdherence? = nil,
    completedWeeks: WeekSpanAdherence? = nil
  ) {
    self.threshold = threshold
    self.lastWeek = lastWeek
    self.reviewWindow = reviewWindow
    self.completedWeeks = completedWeeks
  }
}

/// One measure against its baseline, MCID and MDC (R-FLAG-PLATEAU, R-FLAG-WORSE, R-FLAG-REFER).
public struct MeasureEvidence: Hashable, Sendable {
  public struct Reading: Hashable, Sendable {
    public var day: CalendarDay
    public var value: Double
    /// How much worse than the baseline (negative: better).
    public var worseBy: Double

    public init(day: CalendarDay, value: Double, worseBy: Double) {
      self.day = day
      self.value = value
      self.worseBy = worseBy
    }
  }

  public var measure: Measure
  public var baselineDay: CalendarDay
  public var baseline: Double
  public var latestDay: CalendarDay
  /// Pain: the 2-week rolling mean (R-M-PAIN).
  public var latest: Double
  public var change: Double
  /// `change` with positive meaning better.
  public var improvement: Double
  public var mcid: Double
  public var mdc: Double
  /// The change over the review window and where it was measured from (R-FLAG-PLATEAU).
  public var recentChange: Double?
  public var recentFrom: CalendarDay?
  /// The check-ins that were worse than the baseline (R-FLAG-WORSE).
  public var readings: [Reading]

  public init(
    measure: Measure, baselineDay: CalendarDay, baseline: Double, latestDay: CalendarDay,
    latest: Double, change: Double, improvement: Double, mcid: Double, mdc: Double,
    recentChange: Double? = nil, recentFrom: CalendarDay? = nil, readings: [Reading] = []
  ) {
    self.measure = measure
    self.baselineDay = baselineDay
    self.baseline = baseline
    self.latestDay = latestDay
    self.latest = latest
    self.change = change
    self.improvement = improvement
    self.mcid = mcid
    self.mdc = mdc
    self.recentChange = recentChange
    self.recentFrom = recentFrom
    self.readings = readings
  }

  /// From a trend that can judge change; nil otherwise.
  init?(_ trend: MeasureTrend, recentWeeks: Int?, readings: [Reading] = []) {
    guard let baseline = trend.baseline, let latest = trend.latest, let change = trend.change,
      let improvement = trend.improvement
    else { return nil }
    let recent = recentWeeks.flatMap { trend.recentChange(weeks: $0) }
    self.init(
      measure: trend.measure, baselineDay: baseline.day, baseline: baseline.judged,
      latestDay: latest.day, latest: latest.smoothed, change: change, improvement: improvement,
      mcid: trend.mcid, mdc: trend.mdc, recentChange: recent?.change, recentFrom: recent?.from.day,
      readings: readings)
  }
}

/// R-FLAG-LSI: a sided measure's limb symmetry in its last check-ins, with both sides' values.
public struct SymmetryEvidence: Hashable, Sendable {
  public struct Reading: Hashable, Sendable {
    public var day: CalendarDay
    public var left: Double
    public var right: Double
    public var symmetryIndex: Double

    public init(day: CalendarDay, left: Double, right: Double, symmetryIndex: Double) {
      self.day = day
      self.left = left
      self.right = right
      self.symmetryIndex = symmetryIndex
    }
  }

  public var measure: Measure
  public var affectedSide: Side
  public var threshold: Double
  public var readings: [Reading]

  public init(measure: Measure, affectedSide: Side, threshold: Double, readings: [Reading]) {
    self.measure = measure
    self.affectedSide = affectedSide
    self.threshold = threshold
    self.readings = readings
  }
}

/// A completed programme week with no check-in.
public struct MissedWeek: Hashable, Sendable {
  public var programmeWeek: Int
  public var firstDay: CalendarDay
  public var lastDay: CalendarDay

  public init(programmeWeek: Int, firstDay: CalendarDay, lastDay: CalendarDay) {
    self.programmeWeek = programmeWeek
    self.firstDay = firstDay
    self.lastDay = lastDay
  }
}

// MARK: JSON

extension FlagEvidence: Encodable {
  private enum CodingKeys: String, CodingKey {
    case adherence, measures, symmetry, missedWeeks, baseline
  }

  /// Only the sections a flag has: `{"adherence": {…}}`, `{"measures": {"pain": {…}}}`,
  /// `{"symmetry": {"heel-raises": {…}}}`, `{"missedWeeks": […]}`, `{"baseline": {…}}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(baseline, forKey: .baseline)
    try container.encodeIfPresent(adherence, forKey: .adherence)
    if !measures.isEmpty {
      var nested = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .measures)
      for evidence in measures {
        try nested.encode(evidence, forKey: AnyCodingKey(evidence.measure.rawValue))
      }
    }
    if !symmetry.isEmpty {
      var nested = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .symmetry)
      for evidence in symmetry {
        try nested.encode(evidence, forKey: AnyCodingKey(evidence.measure.rawValue))
      }
    }
    if !missedWeeks.isEmpty { try container.encode(missedWeeks, forKey: .missedWeeks) }
  }
}

extension AdherenceEvidence: Encodable {
  private enum CodingKeys: String, CodingKey {
    case threshold, lastWeek, reviewWindow, completedWeeks, label
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(threshold, forKey: .threshold)
    try container.encodeIfPresent(lastWeek, forKey: .lastWeek)
    try container.encodeIfPresent(reviewWindow, forKey: .reviewWindow)
    try container.encodeIfPresent(completedWeeks, forKey: .completedWeeks)
    try container.encode(AdherenceLedger.label, forKey: .label)
  }
}

extension MeasureEvidence: Encodable {
  private enum CodingKeys: String, CodingKey {
    case rule, baseline, baselineDay, latest, latestDay, change, improvement, mcid, mdc
    case recentChange, recentFrom, checkins, smoothing
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(measure.rule, forKey: .rule)
    try container.encode(FlagMath.rounded(baseline), forKey: .baseline)
    try container.encode(baselineDay, forKey: .baselineDay)
    try container.encode(FlagMath.rounded(latest), forKey: .latest)
    try container.encode(latestDay, forKey: .latestDay)
    try container.encode(FlagMath.rounded(change), forKey: .change)
    try container.encode(FlagMath.rounded(improvement), forKey: .improvement)
    try container.encode(FlagMath.rounded(mcid), forKey: .mcid)
    try container.encode(mdc, forKey: .mdc)
    try container.encodeIfPresent(recentChange.map(FlagMath.rounded), forKey: .recentChange)
    try container.encodeIfPresent(recentFrom, forKey: .recentFrom)
    if !readings.isEmpty { try container.encode(readings, forKey: .checkins) }
    if measure == .pain {
      try container.encode(
        "\(MeasureTrend.painSmoothingDays)-day rolling mean (R-M-PAIN)", forKey: .smoothing)
    }
  }
}

extension MeasureEvidence.Reading: Encodable {
  private enum CodingKeys: String, CodingKey { case day, value, worseBy }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(day, forKey: .day)
    try container.encode(FlagMath.rounded(value), forKey: .value)
    try container.encode(FlagMath.rounded(worseBy), forKey: .worseBy)
  }
}

extension SymmetryEvidence: Encodable {
  private enum CodingKeys: String, CodingKey {
    case rule, affectedSide, threshold, convention, checkins
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("R-LSI", forKey: .rule)
    try container.encode(affectedSide, forKey: .affectedSide)
    try container.encode(threshold, forKey: .threshold)
    try container.encode(LimbSymmetry.convention, forKey: .convention)
    try container.encode(readings, forKey: .checkins)
  }
}

extension SymmetryEvidence.Reading: Encodable {
  private enum CodingKeys: String, CodingKey { case day, left, right, lsi }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(day, forKey: .day)
    try container.encode(left, forKey: .left)
    try container.encode(right, forKey: .right)
    try container.encode(FlagMath.rounded(symmetryIndex), forKey: .lsi)
  }
}

extension BaselineEvidence: Encodable {
  private enum CodingKeys: String, CodingKey {
    case rule, day, programmeWeek, latestDay, latestProgrammeWeek, weeksOfMeasurements
  }

  /// `{"rule": "R-FLAG-BASELINE", "day", "programmeWeek", "latestDay", "latestProgrammeWeek",
  /// "weeksOfMeasurements"}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(FlagBaseline.rule, forKey: .rule)
    try container.encode(day, forKey: .day)
    try container.encode(programmeWeek, forKey: .programmeWeek)
    try container.encode(latestDay, forKey: .latestDay)
    try container.encode(latestProgrammeWeek, forKey: .latestProgrammeWeek)
    try container.encode(weeksOfMeasurements, forKey: .weeksOfMeasurements)
  }
}

extension PendingFlag: Encodable {
  private enum CodingKeys: String, CodingKey {
    case id, flagRule, rule, message, baseline, weeksOfMeasurements, weeksNeeded
    case judgeableFromWeek
  }

  /// `{"id", "flagRule", "rule": "R-FLAG-BASELINE", "message", "baseline": {…},
  /// "weeksOfMeasurements", "weeksNeeded", "judgeableFromWeek"}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind.rule, forKey: .flagRule)
    try container.encode(rule, forKey: .rule)
    try container.encode(message, forKey: .message)
    try container.encode(baseline, forKey: .baseline)
    try container.encode(weeksOfMeasurements, forKey: .weeksOfMeasurements)
    try container.encode(weeksNeeded, forKey: .weeksNeeded)
    try container.encode(judgeableFromWeek, forKey: .judgeableFromWeek)
  }
}

extension MissedWeek: Encodable {
  private enum CodingKeys: String, CodingKey { case programmeWeek, from, to }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(programmeWeek, forKey: .programmeWeek)
    try container.encode(firstDay, forKey: .from)
    try container.encode(lastDay, forKey: .to)
  }
}
