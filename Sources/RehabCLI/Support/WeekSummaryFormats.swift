import RehabCore
import TerminalUI

// MARK: JSON

/// `week --json`: `{"week": "2026-W49", "programmeWeek": 2, "adherence": 0.86, "days": […],
/// "treatments": […], "measures": {…}, "flags": […]}`; adherence is null while nothing counted
/// was scheduled.
struct WeekSummaryJSON: Encodable {
  let summary: WeekSummary

  private enum CodingKeys: String, CodingKey {
    case week, from, to, asOf, programme, programmeWeek, programmeWeeks, adherence, adherenceLabel
    case done, skipped, scheduled, cumulative, days, treatments, measures, symmetry, flags
    case previousProgramme
  }

  func encode(to encoder: any Encoder) throws {
    let overview = summary.overview
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(overview.week.description, forKey: .week)
    try container.encode(overview.week.monday, forKey: .from)
    try container.encode(overview.week.monday.adding(days: 6), forKey: .to)
    try container.encode(overview.asOf, forKey: .asOf)
    try container.encode(summary.programme.plan.id, forKey: .programme)
    try container.encode(overview.programmeWeek, forKey: .programmeWeek)
    try container.encode(summary.programme.weeks, forKey: .programmeWeeks)
    try container.encode(overview.tally.ratio, forKey: .adherence)
    try container.encode(AdherenceLedger.label, forKey: .adherenceLabel)
    try container.encode(overview.tally.done, forKey: .done)
    try container.encode(overview.tally.skipped, forKey: .skipped)
    try container.encode(overview.tally.scheduled, forKey: .scheduled)
    try container.encode(summary.cumulative, forKey: .cumulative)
    try container.encode(overview.days.map(DayJSON.init), forKey: .days)
    try container.encode(overview.treatments.map(TreatmentJSON.init), forKey: .treatments)
    var measures = container.nestedContainer(keyedBy: MeasureKey.self, forKey: .measures)
    for trend in summary.measures.trends {
      try measures.encode(
        MeasureJSON(trend, programme: summary.programme), forKey: MeasureKey(trend.measure))
    }
    try container.encode(
      SymmetryJSON(
        threshold: summary.programme.plan.thresholds.symmetryIndexOK,
        convention: LimbSymmetry.convention, resolved: summary.measures.symmetryResolved),
      forKey: .symmetry)
    try container.encode(summary.flags.map(FlagJSON.init), forKey: .flags)
    try container.encode(
      Nullable(summary.previousProgramme.map(PreviousProgrammeJSON.init)),
      forKey: .previousProgramme)
  }

  struct MeasureKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ measure: Measure) { stringValue = measure.rawValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  struct DayJSON: Encodable {
    let date: CalendarDay
    let weekday: Weekday
    @Nullable var programmeWeek: Int?
    let standing: DayAdherence.Standing
    @Nullable var adherence: Double?
    let done: Int
    let skipped: Int
    let scheduled: Int
    let items: [ItemJSON]

    init(_ day: DayAdherence) {
      date = day.day
      weekday = day.day.weekday
      programmeWeek = day.programmeWeek
      standing = day.standing
      adherence = day.tally.ratio
      done = day.tally.done
      skipped = day.tally.skipped
      scheduled = day.tally.scheduled
      items = day.entries.map(ItemJSON.init)
    }
  }

  struct ItemJSON: Encodable {
    let id: String
    let treatmentId: String
    let treatment: String
    let kind: TreatmentKind
    let side: Side
    let dose: String
    /// pending | done | skipped, as stored.
    let status: ItemStatus
    /// done | skipped | missed | pending | upcoming, as of the day judged.
    let outcome: ItemOutcome
    let reason: String?

    init(_ entry: DayAdherence.Entry) {
      id = entry.item.id
      treatmentId = entry.item.treatmentId
      treatment = entry.item.name
      kind = entry.item.kind
      side = entry.item.side
      dose = entry.item.dose.text
      status = entry.status
      outcome = entry.outcome
      reason = entry.skipReason
    }
  }

  struct TreatmentJSON: Encodable {
    let id: String
    let name: String
    let kind: TreatmentKind
    let tally: AdherenceTally

    init(_ treatment: TreatmentAdherence) {
      id = treatment.treatmentId
      name = treatment.name
      kind = treatment.kind
      tally = treatment.tally
    }

    private enum CodingKeys: String, CodingKey {
      case id, name, kind, adherence, done, skipped, scheduled
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(name, forKey: .name)
      try container.encode(kind, forKey: .kind)
      try container.encode(tally.ratio, forKey: .adherence)
      try container.encode(tally.done, forKey: .done)
      try container.encode(tally.skipped, forKey: .skipped)
      try container.encode(tally.scheduled, forKey: .scheduled)
    }
  }

  struct PointJSON: Encodable {
    let day: CalendarDay
    let programmeWeek: Int
    let value: CheckinValue
    /// The number trends are judged by (the affected or weaker side of a sided measure).
    let judged: Double
    let rollingMean: Double?
    let lsi: Double?

    init(_ point: MeasurePoint, measure: Measure) {
      day = point.day
      programmeWeek = point.programmeWeek
      value = point.value
      judged = point.judged
      rollingMean = measure == .pain ? FlagMath.rounded(point.smoothed) : nil
      lsi = point.symmetryIndex.map(FlagMath.rounded)
    }
  }

  struct MeasureJSON: Encodable {
    let trend: MeasureTrend
    let threshold: Double

    init(_ trend: MeasureTrend, programme: Programme) {
      self.trend = trend
      threshold = programme.plan.thresholds.symmetryIndexOK
    }

    private enum CodingKeys: String, CodingKey {
      case title, unit, rule, main, sided, higherIsBetter, mdc, mcid, baseline, latest, change
      case improvement, improvedByMCID, lsi, lsiOK, series
    }

    func encode(to encoder: any Encoder) throws {
      let measure = trend.measure
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(measure.title, forKey: .title)
      try container.encode(measure.unit, forKey: .unit)
      try container.encode(measure.rule, forKey: .rule)
      try container.encode(trend.isMain, forKey: .main)
      try container.encode(measure.isSided, forKey: .sided)
      try container.encode(measure.higherIsBetter, forKey: .higherIsBetter)
      try container.encode(measure.mdc, forKey: .mdc)
      try container.encode(FlagMath.rounded(trend.mcid), forKey: .mcid)
      try container.encode(
        trend.baseline.map { PointJSON($0, measure: measure) }, forKey: .baseline)
      try container.encode(trend.latest.map { PointJSON($0, measure: measure) }, forKey: .latest)
      try container.encode(trend.change.map(FlagMath.rounded), forKey: .change)
      try container.encode(trend.improvement.map(FlagMath.rounded), forKey: .improvement)
      try container.encode(trend.improvedByMCID, forKey: .improvedByMCID)
      if measure.isSided {
        let lsi = trend.latestSymmetryIndex
        try container.encode(lsi.map(FlagMath.rounded), forKey: .lsi)
        try container.encode(lsi.map { FlagMath.atLeast($0, threshold) }, forKey: .lsiOK)
      }
      try container.encode(
        trend.points.map { PointJSON($0, measure: measure) }, forKey: .series)
    }
  }

  struct SymmetryJSON: Encodable {
    let threshold: Double
    let convention: String
    /// R-LSI-OK on every sided measure; null before any was measured.
    @Nullable var resolved: Bool?
  }
}

// MARK: Text

/// `week` as plain text in 80 columns: a 7-day grid per treatment, the measures, the flags.
enum WeekSummaryText {
  static let nameWidth = 22
  static let cellWidth = 5

  static func lines(_ summary: WeekSummary) -> [String] {
    let overview = summary.overview
    let programme = summary.programme
    var lines: [String] = []
    let sunday = overview.week.monday.adding(days: 6)
    let position =
      overview.programmeWeek.map { "programme week \($0) of \(programme.weeks)" }
      ?? (overview.asOf < programme.start
        ? "the programme starts on \(programme.start)" : "the programme ended on \(programme.end)")
    lines.append(
      "Week \(overview.week) · Mon \(overview.week.monday) to Sun \(sunday) · \(position)")
    lines.append(DisplayWidth.truncated(Output.safe(programme.plan.title), to: FlagListText.width))
    lines.append(
      "As of \(overview.asOf.weekday.shortName) \(overview.asOf) · affected side: \(programme.affectedSide.rawValue)"
    )
    let threshold = programme.plan.thresholds.lowAdherence
    var adherence = "Adherence (self-reported): "
    if let ratio = overview.tally.ratio {
      adherence +=
        "\(FlagText.percent(ratio, threshold: threshold)) this week (\(overview.tally.done) of \(overview.tally.scheduled) items so far)"
    } else {
      adherence +=
        overview.treatments.isEmpty
        ? "nothing scheduled this week" : "nothing scheduled yet this week"
    }
    if let ratio = summary.cumulative.ratio {
      adherence += "; \(FlagText.percent(ratio)) since the start"
    }
    lines += FlagListText.wrapped(adherence, indent: "  ", first: "")
    lines.append("")
    lines += grid(overview)
    lines.append("")
    lines += measures(summary)
    if let previous = summary.previousProgramme {
      lines += FlagListText.wrapped(
        Output.safe(PreviousProgrammeText.line(previous)), indent: "  ", first: "")
    }
    lines.append("")
    lines.append("Flags")
    lines += FlagListText.lines(summary.flags, programme: programme)
    return lines.map(trimmed)
  }

  /// Without trailing spaces (padding of empty cells).
  static func trimmed(_ line: String) -> String {
    var line = line
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }

  // The 7-day grid: one row per treatment, one column per day, then the day row.
  static func grid(_ overview: WeekOverview) -> [String] {
    guard !overview.treatments.isEmpty else {
      return ["Nothing is scheduled this week."]
    }
    var lines: [String] = []
    let header = overview.days.map { cell($0.day.weekday.shortName) }.joined()
    lines.append(DisplayWidth.padded("", to: nameWidth) + header + "   done")
    for treatment in overview.treatments {
      let cells = overview.entries(of: treatment.treatmentId).map { cell(glyph($0)) }.joined()
      let tally = treatment.tally
      let count = tally.scheduled > 0 ? "\(tally.done)/\(tally.scheduled)" : ""
      let ratio = tally.ratio.map { FlagText.percent($0) } ?? ""
      lines.append(
        DisplayWidth.padded(Output.safe(treatment.name), to: nameWidth) + cells
          + DisplayWidth.padded(count, to: 7, alignment: .right)
          + DisplayWidth.padded(ratio, to: 7, alignment: .right))
    }
    let dayCells = overview.days.map { day -> String in
      guard day.standing == .past || day.standing == .today, let ratio = day.tally.ratio else {
        return cell("")
      }
      return cell(FlagText.percent(ratio, compact: true))
    }.joined()
    lines.append(DisplayWidth.padded("done that day", to: nameWidth) + dayCells)
    lines.append(OutcomeGlyphs.legend(unicode: true) + "  n/m done of m")
    return lines
  }

  static func cell(_ text: String) -> String {
    DisplayWidth.padded(text, to: cellWidth - 1, alignment: .right) + " "
  }

  /// One day's items of a treatment in one cell.
  static func glyph(_ entries: [DayAdherence.Entry]) -> String {
    guard let first = entries.first else { return "" }
    if entries.count > 1 {
      if first.outcome == .upcoming { return OutcomeGlyphs.glyph(.upcoming, unicode: true) }
      return "\(entries.count { $0.outcome == .done })/\(entries.count)"
    }
    return OutcomeGlyphs.glyph(first.outcome, unicode: true)
  }

  static func measures(_ summary: WeekSummary) -> [String] {
    let trends = summary.measures.trends.filter { !$0.points.isEmpty }
    guard !trends.isEmpty else {
      return ["Measures: no check-in yet; add one with `rehabit checkin --pain N --function N`."]
    }
    let programme = summary.programme
    let threshold = programme.plan.thresholds.symmetryIndexOK
    func column(_ text: String, _ width: Int) -> String {
      DisplayWidth.padded(text, to: width, alignment: .right)
    }
    var lines = [
      DisplayWidth.padded("Measures", to: 36) + column("base", 6) + column("latest", 8)
        + column("change", 8) + column("MCID", 6) + column("MDC", 5) + column("LSI", 7)
    ]
    for trend in trends {
      guard let baseline = trend.baseline, let latest = trend.latest else { continue }
      let mark = trend.improvedByMCID ? MeasureNotes.improvedMark : ""
      let lsi = trend.latestSymmetryIndex.map {
        "\(FlagText.number($0, keepingSideOf: threshold)) %"
      }
      lines.append(
        DisplayWidth.padded(trend.measure.title, to: 36)
          + column(FlagText.number(baseline.judged), 6)
          + column(FlagText.number(latest.smoothed), 8)
          + column(trend.change.map { FlagText.signed($0) + mark } ?? "", 8)
          + column(FlagText.number(trend.mcid, decimals: 2), 6)
          + column(FlagText.number(trend.mdc, decimals: 2), 5) + column(lsi ?? "", 7))
      if case .sided(let left, let right) = latest.value,
        case .sided(let firstLeft, let firstRight) = baseline.value
      {
        lines.append(
          "  left \(FlagText.number(firstLeft)) → \(FlagText.number(left)) · right \(FlagText.number(firstRight)) → \(FlagText.number(right)) (\(latest.day))"
        )
      }
    }
    for note in MeasureNotes.lines(for: trends, affectedSide: programme.affectedSide) {
      lines += FlagListText.wrapped(note, indent: "  ", first: "")
    }
    return lines
  }
}
