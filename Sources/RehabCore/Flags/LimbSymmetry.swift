/// Limb symmetry (R-LSI, R-LSI-OK).
public enum LimbSymmetry {
  /// R-LSI-OK is a convention borrowed from ACL return-to-sport testing; no ankle-specific
  /// validation exists, so every screen that uses it says so.
  public static let convention =
    "LSI ≥ 90 % counts as symmetric by convention (ACL return-to-sport; not validated for the ankle)"

  /// R-LSI: affected side ÷ unaffected side × 100, oriented so that below 100 means the
  /// affected side does worse (for a lower-is-better measure the ratio is inverted). When both
  /// sides are affected: the weaker side ÷ the stronger. nil when the divisor is zero.
  public static func index(of value: CheckinValue, measure: Measure, affected: Side) -> Double? {
    guard case .sided(let left, let right) = value else { return nil }
    let (worse, better): (Double, Double)
    switch affected {
    case .left: (worse, better) = (left, right)
    case .right: (worse, better) = (right, left)
    case .both:
      (worse, better) =
        measure.higherIsBetter
        ? (min(left, right), max(left, right)) : (max(left, right), min(left, right))
    }
    let (numerator, denominator) = measure.higherIsBetter ? (worse, better) : (better, worse)
    guard denominator > 0 else { return nil }
    return numerator / denominator * 100
  }

  /// The number a sided measure is judged by for trends (R-FLAG-PLATEAU, R-FLAG-WORSE): the
  /// affected side, or the weaker side when both are affected. A single value is itself.
  public static func judgedValue(of value: CheckinValue, measure: Measure, affected: Side) -> Double
  {
    switch value {
    case .single(let number):
      return number
    case .sided(let left, let right):
      switch affected {
      case .left: return left
      case .right: return right
      case .both: return measure.higherIsBetter ? min(left, right) : max(left, right)
      }
    }
  }
}
