import ArgumentParser
import RehabCore
import RehabStore

/// `rehabit checkin --pain N --function N [--measure NAME=VALUE]…`: the weekly check-in.
struct CheckinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkin",
    abstract: "Save the week's check-in: pain, function and the programme's measures.",
    discussion: """
      Measures (docs/clinical-rules.md): \(Measure.allCases.map(\.rawValue).joined(separator: ", ")). \
      Sided ones (\(Measure.allCases.filter(\.isSided).map(\.rawValue).joined(separator: ", "))) \
      take both sides: --measure heel-raises:left=12 --measure heel-raises:right=20. \
      One check-in per programme week (7 days from the start day's weekday): a second one in \
      the same programme week replaces the first, and says so; one in another programme week \
      never replaces anything. `rehabit log` lists check-ins with their ids; `rehabit remove \
      ID` removes one.
      """)

  @OptionGroup var common: CommonOptions
  @Option(help: ArgumentHelp("Pain over the week, 0–10 (NPRS).", valueName: "n"))
  var pain: Double
  @Option(help: ArgumentHelp("How normal the ankle feels, 0–100 % (SANE).", valueName: "n"))
  var function: Double
  @Option(
    name: .customLong("measure"),
    help: ArgumentHelp(
      "NAME=VALUE, or NAME:left=VALUE and NAME:right=VALUE.", valueName: "name=value"))
  var measures: [String] = []
  @Flag(help: "Print JSON.") var json = false

  func validate() throws { _ = try values() }

  /// The values, or the first problem in the words the user typed (`--pain`, `--function`).
  private func values() throws -> [Measure: CheckinValue] {
    for (option, measure, value) in [
      ("--pain", Measure.pain, pain), ("--function", .sane, function),
    ] {
      if let problem = CheckinProblem.check(value, for: measure, side: nil) {
        let message = problem.message.replacingPrefix(measure.rawValue, with: option)
        throw ValidationError("\(message); \(problem.fix)")
      }
    }
    do {
      return try CheckinInput(pain: pain, function: function, measures: measures).values()
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    let values = try values()
    let context = try ProgressContext(common)
    try context.requireLoggable(context.day)
    let save = try context.store.saveCheckin(
      Checkin(day: context.day, values: values, at: LocalClock.timestamp()),
      programmeStart: context.programme.start)
    let week = ISOWeek(containing: context.day)
    if json {
      try Output.json(CheckinJSON(week: week.description, save: save))
      return
    }
    let asked = context.programme.plan.checkin.askedMeasures
    let shown = asked + Measure.allCases.filter { values[$0] != nil && !asked.contains($0) }
    var parts: [String] = []
    for measure in shown {
      switch values[measure] {
      case .single(let value): parts.append("\(measure.rawValue) \(CheckinValueText.format(value))")
      case .sided(let left, let right):
        parts.append(
          "\(measure.rawValue) L \(CheckinValueText.format(left)) / R \(CheckinValueText.format(right))"
        )
      case nil: break
      }
    }
    Output.line(
      "Saved the check-in of \(context.day), programme week \(save.programmeWeek) (\(save.checkin.id)): \(parts.joined(separator: ", "))."
    )
    for old in save.replaced {
      Output.line(
        "It replaces the check-in of \(old.day), programme week \(save.programmeWeek) (one check-in per programme week; \(save.weekDays.lowerBound) to \(save.weekDays.upperBound))."
      )
    }
    let missing = asked.filter { values[$0] == nil }
    if !missing.isEmpty {
      Output.line(
        "Not given (the programme asks for them): \(missing.map(\.rawValue).joined(separator: ", "))."
      )
    }
  }
}

/// `checkin --json`: `{"week", "programmeWeek", "checkin": {"id", "day", "at", "values"},
/// "replaced": bool, "replacedCheckins": [{"id", "day", "at", "values"}]}`.
struct CheckinJSON: Encodable {
  let week: String
  let programmeWeek: Int
  let checkin: Checkin
  let replaced: Bool
  let replacedCheckins: [Checkin]

  init(week: String, save: CheckinSave) {
    self.week = week
    programmeWeek = save.programmeWeek
    checkin = save.checkin
    replaced = !save.replaced.isEmpty
    replacedCheckins = save.replaced
  }
}

enum CheckinValueText {
  static func format(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e9 ? String(Int(value)) : String(value)
  }
}

extension String {
  func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
