/// Numbers as every front end and export shows them: few decimals, and never rounded across
/// the threshold they are compared with (69.6 % is not shown as "70 %" when 70 % is the bar).
public enum FlagText {
  /// `12`, `4.5`, `1.25`: up to `decimals` decimals, trailing zeros dropped.
  public static func number(_ value: Double, decimals: Int = 1) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      return String(Int(rounded))
    }
    var text = String(rounded)
    // String(Double) may give more digits than asked for (0.30000000000000004).
    if let dot = text.firstIndex(of: "."),
      let end = text.index(dot, offsetBy: decimals + 1, limitedBy: text.endIndex)
    {
      text = String(text[..<end])
    }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// `value` with as few decimals as keep it on the same side of `threshold`.
  public static func number(_ value: Double, keepingSideOf threshold: Double) -> String {
    for decimals in 0...3 {
      let text = number(value, decimals: decimals)
      guard let shown = Double(text) else { return text }
      if FlagMath.atLeast(shown, threshold) == FlagMath.atLeast(value, threshold) { return text }
    }
    return number(value, decimals: 4)
  }

  /// A 0…1 ratio as a percentage, `86 %` (or `86%` when `compact`, for narrow cells): kept on
  /// its side of `threshold` (a ratio too), and never "100" while something is left undone.
  /// The one percent formatter of every front end and export.
  public static func percent(_ ratio: Double, threshold: Double? = nil, compact: Bool = false)
    -> String
  {
    let value = ratio * 100
    var text =
      threshold.map { number(value, keepingSideOf: $0 * 100) } ?? number(value, decimals: 0)
    if ratio < 1, text == "100" { text = number(value, keepingSideOf: 100) }
    return text + (compact ? "%" : " %")
  }

  /// A change with its sign: `+3`, `-1.5`, `0`.
  public static func signed(_ value: Double, decimals: Int = 1) -> String {
    let text = number(value, decimals: decimals)
    return value > 0 && text != "0" ? "+\(text)" : text
  }

  /// `weeks 1–3`, or `week 3`.
  public static func weeks(_ range: ClosedRange<Int>) -> String {
    range.count == 1 ? "week \(range.lowerBound)" : "weeks \(range.lowerBound)–\(range.upperBound)"
  }

  /// A short name for running text: `pain`, `SANE`, `heel raises`.
  public static func name(of measure: Measure) -> String {
    switch measure {
    case .pain: "pain"
    case .sane: "SANE"
    case .faamADL: "FAAM daily living"
    case .faamSport: "FAAM sports"
    case .lefs: "LEFS"
    case .cait: "CAIT"
    case .heelRaises: "heel raises"
    case .balance: "single-leg balance"
    case .kneeToWall: "knee-to-wall"
    case .yBalance: "Y-balance"
    }
  }
}
