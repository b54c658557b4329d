/// How an item's outcome is drawn in a week grid, the same in `rehabit week` and on the Week
/// screen: Unicode marks, or ASCII ones where the terminal has no UTF-8.
public enum OutcomeGlyphs {
  public static func glyph(_ outcome: ItemOutcome, unicode: Bool) -> String {
    switch outcome {
    case .done: unicode ? "✓" : "x"
    case .skipped: unicode ? "–" : "-"
    case .missed: unicode ? "✗" : "o"
    case .pending: unicode ? "○" : "_"
    case .upcoming: unicode ? "·" : "."
    }
  }

  /// Every outcome with its glyph, in grid order: `✓ done  – skipped  ✗ missed …`.
  public static func legend(unicode: Bool) -> String {
    let words: [(ItemOutcome, String)] = [
      (.done, "done"), (.skipped, "skipped"), (.missed, "missed"), (.pending, "to do today"),
      (.upcoming, "upcoming"),
    ]
    return words.map { "\(glyph($0.0, unicode: unicode)) \($0.1)" }.joined(separator: "  ")
  }
}
