/// One number behind a flag, named: `review window: weeks 1–3 (2026-11-02 to 2026-11-22): 65 %,
/// 13 of 20 done`. The same lines in `rehabit flags`, on screen and in every export.
public struct EvidenceLine: Hashable, Sendable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }

  public var text: String { "\(name): \(value)" }
}

extension FlagEvidence {
  /// Every number behind the flag, as named lines.
  public var lines: [EvidenceLine] {
    var lines: [EvidenceLine] = []
    if let baseline {
      lines.append(
        EvidenceLine(
          name: "baseline",
          value:
            "first check-in \(baseline.day.labelWithWeekday) (programme week \(baseline.programmeWeek)); latest \(baseline.latestDay.labelWithWeekday) (programme week \(baseline.latestProgrammeWeek)), \(baseline.weeksOfMeasurements) week\(baseline.weeksOfMeasurements == 1 ? "" : "s") of measurements"
        ))
    }
    if let adherence {
      let threshold = adherence.threshold
      lines.append(
        EvidenceLine(
          name: "adherence threshold",
          value: "\(FlagText.percent(threshold)) of the items (self-reported)"))
      func span(_ name: String, _ span: WeekSpanAdherence?) {
        guard let span else { return }
        let ratio = span.tally.ratio.map { FlagText.percent($0, threshold: threshold) } ?? "–"
        lines.append(
          EvidenceLine(
            name: name,
            value:
              "\(FlagText.weeks(span.weeks)) (\(span.firstDay) to \(span.lastDay)): \(ratio), \(span.tally.done) of \(span.tally.scheduled) done"
          ))
      }
      span("last completed week", adherence.lastWeek)
      span("review window", adherence.reviewWindow)
      span("all completed weeks", adherence.completedWeeks)
    }
    for item in measures {
      var value =
        "baseline \(FlagText.number(item.baseline)) (\(item.baselineDay)), latest \(FlagText.number(item.latest)) (\(item.latestDay)), change \(FlagText.signed(item.change)); MCID \(FlagText.number(item.mcid, decimals: 2)), MDC \(FlagText.number(item.mdc, decimals: 2))"
      if let recent = item.recentChange, let from = item.recentFrom {
        value += "; change since \(from): \(FlagText.signed(recent))"
      }
      if !item.readings.isEmpty {
        value +=
          "; worse by "
          + item.readings.map { "\(FlagText.number($0.worseBy)) on \($0.day)" }.joined(
            separator: ", ")
      }
      if item.measure == .pain { value += " (pain: 2-week rolling mean)" }
      lines.append(EvidenceLine(name: FlagText.name(of: item.measure), value: value))
    }
    for item in symmetry {
      let readings = item.readings.map {
        "\($0.day) left \(FlagText.number($0.left)), right \(FlagText.number($0.right)), LSI \(FlagText.number($0.symmetryIndex, keepingSideOf: item.threshold)) %"
      }
      lines.append(
        EvidenceLine(
          name:
            "\(FlagText.name(of: item.measure)) LSI (affected: \(item.affectedSide.rawValue); threshold \(FlagText.number(item.threshold)) %)",
          value: readings.joined(separator: "; ")))
    }
    if !missedWeeks.isEmpty {
      lines.append(
        EvidenceLine(
          name: "weeks without a check-in",
          value: missedWeeks.map {
            "programme week \($0.programmeWeek) (\($0.firstDay) to \($0.lastDay))"
          }.joined(separator: ", ")))
    }
    return lines
  }
}
