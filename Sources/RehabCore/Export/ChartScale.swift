/// The arithmetic of a readable chart axis: round tick values ("nice numbers": 1, 2 or 5 × 10ⁿ
/// apart) and which labels of a crowded date axis to show so none overlaps another.
enum ChartScale {
  /// The smallest step of 1, 2 or 5 × 10ⁿ that is at least `raw` (and at least `minimum`).
  static func niceStep(_ raw: Double, minimum: Double = 0) -> Double {
    let wanted = max(raw, minimum)
    guard wanted.isFinite, wanted > 0 else { return max(1, minimum) }
    var power = 1.0
    while power * 10 <= wanted { power *= 10 }
    while power > wanted { power /= 10 }
    for factor in [1.0, 2, 5, 10] where factor * power >= wanted * (1 - 1e-9) {
      return factor * power
    }
    return 10 * power
  }

  /// Round ticks covering `low…high` with at most `maxIntervals` steps between them: the first
  /// tick at or below `low`, the last at or above `high`. `minimumStep` keeps counts whole.
  static func ticks(low: Double, high: Double, maxIntervals: Int = 5, minimumStep: Double = 0)
    -> [Double]
  {
    var (low, high) = (min(low, high), max(low, high))
    if high - low < max(minimumStep, 1e-9) {
      low -= max(minimumStep, 1)
      high += max(minimumStep, 1)
    }
    let step = niceStep((high - low) / Double(max(1, maxIntervals)), minimum: minimumStep)
    let first = (low / step + 1e-9).rounded(.down)
    let last = (high / step - 1e-9).rounded(.up)
    return stride(from: first, through: last, by: 1).map { index in
      // Multiply a whole number by the step so 0.1 steps print as 0.3, not 0.30000000000000004.
      let value = index * step
      return (value * 1e6).rounded() / 1e6
    }
  }

  /// The estimated width in px of a label at the charts' font size.
  static func labelWidth(_ label: String, perCharacter: Double = 6.5) -> Double {
    Double(label.count) * perCharacter
  }

  /// The smallest k so that labelling every k-th position (0, k, 2k, …), each label centred on
  /// its position, leaves at least `gap` px between neighbours. 1 when every label fits.
  static func labelStride(positions: [Double], widths: [Double], gap: Double = 6) -> Int {
    guard positions.count > 1, positions.count == widths.count else { return 1 }
    for stride in 1..<positions.count {
      let shown = Swift.stride(from: 0, to: positions.count, by: stride).map { $0 }
      let fits = zip(shown, shown.dropFirst()).allSatisfy { a, b in
        positions[b] - widths[b] / 2 - (positions[a] + widths[a] / 2) >= gap
      }
      if fits { return stride }
    }
    return positions.count
  }

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// A short date label, "7 Sep"; the axis label carries the year.
  static func shortDate(_ day: CalendarDay) -> String {
    "\(day.day) \(monthNames[max(0, min(11, day.month - 1))])"
  }
}
