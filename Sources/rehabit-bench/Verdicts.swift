/// Issue 7's targets, judged as the measures come in and printed together at the end as a
/// Markdown table (the README's "Performance" table is a copy of it).
struct Verdicts {
  struct Row {
    let measure: String
    let figure: String
    let target: String
    let passed: Bool
  }

  private(set) var rows: [Row] = []

  /// A figure against a ceiling: passes at or under `target`.
  mutating func judge(
    _ measure: String, _ value: Double, atMost target: Double, unit: String, figure: String? = nil
  ) {
    rows.append(
      Row(
        measure: measure, figure: figure ?? "\(Verdicts.format(value)) \(unit)",
        target: "≤ \(Verdicts.format(target)) \(unit)", passed: value <= target))
  }

  var table: [String] {
    var lines = ["| measure (10 years of history) | figure | target | |", "|---|---|---|---|"]
    for row in rows {
      lines.append(
        "| \(row.measure) | \(row.figure) | \(row.target) | \(row.passed ? "pass" : "MISS") |")
    }
    return lines
  }

  /// Two decimals under 10, one under 100, whole numbers above.
  static func format(_ value: Double) -> String {
    if value >= 100 { return String(Int(value.rounded())) }
    let decimals = value < 10 ? 100.0 : 10.0
    let rounded = (value * decimals).rounded() / decimals
    var text = String(rounded)
    if value < 10, let dot = text.firstIndex(of: ".") {
      let fraction = text[text.index(after: dot)...]
      if fraction.count < 2 { text += String(repeating: "0", count: 2 - fraction.count) }
    }
    return text
  }
}

extension Samples {
  /// `4.12 ms (3.98–4.40)`: median and the 10th–90th percentile spread.
  var summary: String {
    "\(Verdicts.format(median)) ms (\(Verdicts.format(p10))–\(Verdicts.format(p90)))"
  }
}
