/// The formats of `rehabit export --format`.
public enum ExportFormat: String, CaseIterable, Sendable {
  case markdown
  case csv
  case json
  case html
  case ics
  case fhir

  /// The usual file extension, for suggesting a file name.
  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .csv: "csv"
    case .json: "json"
    case .html: "html"
    case .ics: "ics"
    case .fhir: "fhir.json"
    }
  }

  /// A file name for the export of `day`, e.g. `rehabit-2026-12-20.md`.
  public func suggestedFileName(on day: CalendarDay) -> String {
    "rehabit-\(day).\(fileExtension)"
  }
}

/// Which table `--format csv` writes.
public enum ExportTable: String, CaseIterable, Sendable {
  /// One row per scheduled item per day.
  case items
  /// One row per check-in value (per side for sided measures).
  case checkins
  /// One row per note.
  case notes
}

/// Numbers and dates as the summaries print them.
enum ExportFormatting {
  /// At most one decimal, without a trailing `.0`: `12`, `4.5`, `-1.9`.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    let rounded = (value * 10).rounded() / 10
    if rounded == rounded.rounded(), abs(rounded) < 1e12 { return String(Int(rounded)) }
    return String(rounded)
  }

  /// A signed change: `+3`, `-1.5`, `0`.
  static func signed(_ value: Double) -> String {
    let text = number(value)
    return value > 0 && text != "0" ? "+" + text : text
  }

  /// A ratio as a percentage, `86 %`, never rounded across `threshold` (`FlagText.percent`).
  static func percent(_ ratio: Double?, threshold: Double? = nil) -> String {
    guard let ratio, ratio.isFinite else { return "–" }
    return FlagText.percent(ratio, threshold: threshold)
  }

  static func value(_ value: CheckinValue) -> String {
    switch value {
    case .single(let single): number(single)
    case .sided(let left, let right): "L \(number(left)) / R \(number(right))"
    }
  }

  static func day(_ day: CalendarDay?) -> String { day.map(\.description) ?? "–" }

  /// `dd.MM` is ambiguous across countries; summaries use ISO days throughout.
  static func range(_ from: CalendarDay, _ to: CalendarDay) -> String {
    from == to ? from.description : "\(from) to \(to)"
  }
}
