/// The footnotes under a table of measures, the same in `rehabit week`, on the Week screen and
/// in the exports: what the mark means, how pain is smoothed, how the LSI is taken.
public enum MeasureNotes {
  public static let improvedMark = "*"

  public static let improved =
    "\(improvedMark) improved by at least its MCID since the baseline (the first check-in)"

  public static let painSmoothing = "pain: latest is the 2-week rolling mean (R-M-PAIN)"

  /// `LSI: affected (left) ÷ other side × 100; a convention …`.
  public static func symmetry(affectedSide: Side) -> String {
    let side =
      affectedSide == .both
      ? "weaker ÷ stronger side" : "affected (\(affectedSide.rawValue)) ÷ other side"
    return "LSI: \(side) × 100; \(LimbSymmetry.convention)"
  }

  /// The notes that apply to `trends` (only those with something to explain).
  public static func lines(for trends: [MeasureTrend], affectedSide: Side) -> [String] {
    var lines = [improved]
    if trends.contains(where: { $0.measure == .pain }) { lines.append(painSmoothing) }
    if trends.contains(where: { $0.measure.isSided }) {
      lines.append(symmetry(affectedSide: affectedSide))
    }
    return lines
  }
}
