import RehabCore
import TerminalUI

/// `flags --json`: `{"asOf": "2026-12-20", "flags": [{"id", "rule", "since", "message", "evidence"}]}`.
struct FlagListJSON: Encodable {
  let asOf: CalendarDay
  let programmeWeek: Int?
  let flags: [ProgressFlag]

  private enum CodingKeys: String, CodingKey { case asOf, programmeWeek, flags }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(asOf, forKey: .asOf)
    try container.encode(programmeWeek, forKey: .programmeWeek)
    try container.encode(flags, forKey: .flags)
  }
}

/// Flags as plain text, wrapped to 80 columns: heading, since-day, message, then the numbers.
enum FlagListText {
  static let width = 80

  static func lines(_ flags: [ProgressFlag], programme: Programme) -> [String] {
    guard !flags.isEmpty else { return ["No flags."] }
    var lines: [String] = []
    for (index, flag) in flags.enumerated() {
      if index > 0 { lines.append("") }
      lines.append("! \(flag.kind.title) (\(flag.id), \(flag.rule)) since \(flag.since)")
      lines += wrapped(flag.message, indent: "  ")
      for detail in details(flag.evidence, programme: programme) {
        lines += wrapped(detail, indent: "    ", first: "  - ")
      }
    }
    return lines
  }

  /// `text` word-wrapped to `width` columns, the first line after `first`, the rest `indent`.
  static func wrapped(_ text: String, indent: String, first: String? = nil) -> [String] {
    let lead = first ?? indent
    return WrappedText.lines(text, width: width - indent.count).enumerated().map {
      ($0.offset == 0 ? lead : indent) + $0.element
    }
  }

  /// One line per number behind the flag.
  static func details(_ evidence: FlagEvidence, programme: Programme) -> [String] {
    var lines: [String] = []
    if let adherence = evidence.adherence {
      let threshold = adherence.threshold
      func span(_ label: String, _ span: WeekSpanAdherence?) {
        guard let span, let ratio = span.tally.ratio else { return }
        lines.append(
          "\(label) (\(FlagText.weeks(span.weeks))): \(FlagText.percent(ratio, threshold: threshold)) done, \(span.tally.done) of \(span.tally.scheduled) items (self-reported; threshold \(FlagText.percent(threshold)))"
        )
      }
      span("last completed week", adherence.lastWeek)
      span("review window", adherence.reviewWindow)
      span("all completed weeks", adherence.completedWeeks)
    }
    for item in evidence.measures {
      var line =
        "\(item.measure.title): baseline \(FlagText.number(item.baseline)) (\(item.baselineDay)), latest \(FlagText.number(item.latest)) (\(item.latestDay)), change \(FlagText.signed(item.change)); MCID \(FlagText.number(item.mcid, decimals: 2)), MDC \(FlagText.number(item.mdc, decimals: 2))"
      if let recent = item.recentChange, let from = item.recentFrom {
        line += "; change since \(from): \(FlagText.signed(recent))"
      }
      if !item.readings.isEmpty {
        line +=
          "; worse by "
          + item.readings.map { "\(FlagText.number($0.worseBy)) on \($0.day)" }.joined(
            separator: ", ")
      }
      if item.measure == .pain { line += " (pain: 2-week rolling mean)" }
      lines.append(line)
    }
    for item in evidence.symmetry {
      let readings = item.readings.map {
        "\($0.day): left \(FlagText.number($0.left)), right \(FlagText.number($0.right)), LSI \(FlagText.number($0.symmetryIndex, keepingSideOf: item.threshold)) %"
      }
      lines.append(
        "\(item.measure.title) (affected: \(item.affectedSide.rawValue)): \(readings.joined(separator: "; ")); threshold \(FlagText.number(item.threshold)) %"
      )
    }
    for week in evidence.missedWeeks {
      lines.append("programme week \(week.programmeWeek): \(week.firstDay) to \(week.lastDay)")
    }
    return lines
  }
}
