import RehabCore
import TerminalUI

/// The weekly check-in form: one field per measure the programme asks for
/// (`CheckinPlan.askedMeasures`), two for a sided one (left and right). Each field is checked
/// as it is typed with the core's rules (`CheckinProblem.check`: `Measure.range`, whole numbers
/// where the scale has no fractions); the whole check-in with `CheckinInput.values()` on save.
public struct CheckinForm: Equatable, Sendable {
  /// Where Esc or a save goes back to.
  public enum Origin: Equatable, Sendable {
    case today
    case week(ISOWeek)
  }

  public struct Field: Equatable, Sendable {
    public static let maxLength = 6

    public var measure: Measure
    /// nil for a single value; left or right for a sided measure.
    public var side: Side?
    public var input: TextField

    public init(measure: Measure, side: Side?, value: Double? = nil) {
      self.measure = measure
      self.side = side
      self.input = TextField(
        value: value.map { FlagText.number($0, decimals: 2) } ?? "",
        maxLength: Field.maxLength, placeholder: "")
    }

    /// The typed number, nil while empty or not a number ("," is read as a decimal point).
    public var number: Double? {
      let text = input.value.trimmingWhitespace.replacingCommas
      guard !text.isEmpty, let value = Double(text), value.isFinite else { return nil }
      return value
    }

    public var isEmpty: Bool { input.value.trimmingWhitespace.isEmpty }

    /// What is wrong with the value as typed (nil while empty or valid), in the core's words.
    public var problem: String? {
      guard !isEmpty else { return nil }
      guard let number else {
        return "'\(input.value)' is not a number; \(measure.title) takes a number"
      }
      return CheckinProblem.check(number, for: measure, side: side)?.description
    }

    /// "heel-raises:left", as the command line names it.
    public var name: String {
      side.map { "\(measure.rawValue):\($0.rawValue)" } ?? measure.rawValue
    }
  }

  /// The day the check-in is dated (it replaces the check-in of that ISO week): the stored
  /// check-in's day when there is one, else the day it was opened for.
  public var day: CalendarDay
  public var fields: [Field]
  /// Index into `fields` of the field being typed in.
  public var focus: Int
  /// The focused field was just entered: a number typed now replaces its value (as in most
  /// forms), so a prefilled value need not be erased first. Any other edit or move clears it.
  public var replacesOnType: Bool
  /// Why the check-in cannot be saved yet, or why saving failed.
  public var problem: String?
  /// The check-in is being written; keys wait until it is.
  public var isSaving: Bool
  /// The stored check-in of the week the form started from, if any.
  public var existing: Checkin?
  public var origin: Origin

  public init(
    day: CalendarDay, measures: [Measure], existing: Checkin?, origin: Origin = .today
  ) {
    // Editing keeps the stored check-in's day: the store holds one check-in per programme week,
    // and moving it could take it out of the programme week it was for (a "missing check-in").
    self.day = existing?.day ?? day
    self.fields = measures.flatMap { measure -> [Field] in
      let value = existing?[measure]
      if measure.isSided {
        return [
          Field(measure: measure, side: .left, value: value?.value(on: .left)),
          Field(measure: measure, side: .right, value: value?.value(on: .right)),
        ]
      }
      return [Field(measure: measure, side: nil, value: value?.single)]
    }
    self.focus = 0
    self.replacesOnType = true
    self.problem = nil
    self.isSaving = false
    self.existing = existing
    self.origin = origin
  }

  /// The measures in form order (each once).
  public var measures: [Measure] {
    var seen = Set<Measure>()
    return fields.map(\.measure).filter { seen.insert($0).inserted }
  }

  public var focusedField: Field? { fields.indices.contains(focus) ? fields[focus] : nil }

  public var isOnLastField: Bool { focus == fields.count - 1 }

  public mutating func moveFocus(by delta: Int) {
    guard !fields.isEmpty else { return }
    focus = (focus + delta + fields.count) % fields.count
    replacesOnType = true
  }

  /// The check-in the fields describe, or the first problem (and the field to fix).
  public func checkin(at timestamp: String = "") -> Result<Checkin, FormProblem> {
    if let index = fields.firstIndex(where: { $0.problem != nil }),
      let problem = fields[index].problem
    {
      return .failure(FormProblem(field: index, message: problem))
    }
    for measure in Measure.alwaysAsked {
      if let index = fields.firstIndex(where: { $0.measure == measure && $0.isEmpty }) {
        return .failure(
          FormProblem(
            field: index,
            message: "\(measure.title) is needed: every check-in has pain and function"))
      }
    }
    let entries = fields.compactMap { field in
      field.number.map { CheckinInput.Entry(measure: field.measure, side: field.side, value: $0) }
    }
    do {
      let values = try CheckinInput(entries: entries).values()
      return .success(Checkin(day: day, values: values, at: timestamp))
    } catch {
      // A sided measure with one side only: point at the empty side.
      let index =
        fields.firstIndex { $0.measure == error.measure && $0.isEmpty }
        ?? fields.firstIndex { $0.measure == error.measure } ?? focus
      return .failure(FormProblem(field: index, message: error.description))
    }
  }

  public struct FormProblem: Error, Equatable, Sendable {
    public var field: Int
    public var message: String
  }
}

extension String {
  var replacingCommas: String {
    String(map { $0 == "," ? "." : $0 })
  }
}
