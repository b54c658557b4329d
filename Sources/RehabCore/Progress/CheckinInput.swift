/// Builds check-in values from typed entries (`heel-raises:left=12`, `heel-raises:right=20`),
/// checking names, sides and ranges.
public struct CheckinInput: Hashable, Sendable {
  /// One entry: `NAME=VALUE`, or `NAME:left=VALUE` / `NAME:right=VALUE`.
  public struct Entry: Hashable, Sendable {
    public var measure: Measure
    public var side: Side?
    public var value: Double

    public init(measure: Measure, side: Side?, value: Double) {
      self.measure = measure
      self.side = side
      self.value = value
    }

    public static func parse(_ text: String) throws(CheckinProblem) -> Entry {
      guard let equals = text.firstIndex(of: "=") else {
        throw CheckinProblem(
          measure: nil, message: "'\(text)' has no value",
          fix: "write NAME=VALUE, or NAME:left=VALUE and NAME:right=VALUE for a sided measure")
      }
      let target = text[..<equals]
      let valueText = String(text[text.index(after: equals)...])
      let nameAndSide = target.split(separator: ":", omittingEmptySubsequences: false)
      let name = String(nameAndSide[0])
      guard let measure = Measure(rawValue: name) else {
        throw CheckinProblem(
          measure: nil, message: "'\(name)' is not a measure",
          fix: "use one of \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      var side: Side?
      if nameAndSide.count > 1 {
        guard nameAndSide.count == 2, let parsed = Side(rawValue: String(nameAndSide[1])),
          parsed != .both
        else {
          throw CheckinProblem(
            measure: measure, message: "'\(target)' names no side",
            fix: "write \(name):left=VALUE or \(name):right=VALUE")
        }
        side = parsed
      }
      guard let value = Double(valueText), value.isFinite else {
        throw CheckinProblem(
          measure: measure, message: "'\(valueText)' is not a number for \(target)",
          fix: "write a number, e.g. \(target)=12")
      }
      return Entry(measure: measure, side: side, value: value)
    }
  }

  public var entries: [Entry]

  public init(entries: [Entry]) { self.entries = entries }

  /// Pain and function (SANE) first, then each typed entry.
  public init(pain: Double, function: Double, measures: [String]) throws(CheckinProblem) {
    var entries = [
      Entry(measure: .pain, side: nil, value: pain),
      Entry(measure: .sane, side: nil, value: function),
    ]
    for text in measures { entries.append(try Entry.parse(text)) }
    self.init(entries: entries)
  }

  /// The values, each checked (R-M-…: ranges of `Measure.range`); a sided measure needs both
  /// sides, and no measure or side may be given twice.
  public func values() throws(CheckinProblem) -> [Measure: CheckinValue] {
    var singles: [Measure: Double] = [:]
    var sides: [Measure: [Side: Double]] = [:]
    for entry in entries {
      let name =
        entry.side.map { "\(entry.measure.rawValue):\($0.rawValue)" } ?? entry.measure.rawValue
      if let problem = CheckinProblem.check(entry.value, for: entry.measure, side: entry.side) {
        throw problem
      }
      switch (entry.measure.isSided, entry.side) {
      case (true, nil):
        throw CheckinProblem(
          measure: entry.measure, message: "\(name) is measured on each side",
          fix: "give \(name):left=N and \(name):right=N")
      case (false, .some):
        throw CheckinProblem(
          measure: entry.measure, message: "\(entry.measure.rawValue) is not measured per side",
          fix: "give \(entry.measure.rawValue)=N")
      case (false, nil):
        guard singles.updateValue(entry.value, forKey: entry.measure) == nil else {
          throw CheckinProblem(
            measure: entry.measure, message: "\(name) is given twice", fix: "give it once")
        }
      case (true, .some(let side)):
        guard sides[entry.measure, default: [:]].updateValue(entry.value, forKey: side) == nil
        else {
          throw CheckinProblem(
            measure: entry.measure, message: "\(name) is given twice", fix: "give it once")
        }
      }
    }
    var values = singles.mapValues { CheckinValue.single($0) }
    for (measure, bySide) in sides {
      guard let left = bySide[.left], let right = bySide[.right] else {
        let missing = bySide[.left] == nil ? "left" : "right"
        throw CheckinProblem(
          measure: measure, message: "\(measure.rawValue) has no \(missing) side",
          fix: "give the \(missing) side too")
      }
      values[measure] = .sided(left: left, right: right)
    }
    return values
  }
}
