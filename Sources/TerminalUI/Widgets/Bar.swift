/// One bar of a `BarChart`.
public struct Bar: Hashable, Sendable {
  public var label: String
  /// Fraction of the full length, clamped to 0…1 when drawn (NaN draws as empty).
  public var value: Double
  /// Text after the bar, such as "80%"; empty for none.
  public var valueText: String
  public var style: Style

  public init(label: String, value: Double, valueText: String = "", style: Style = .plain) {
    self.label = label
    self.value = value
    self.valueText = valueText
    self.style = style
  }
}
