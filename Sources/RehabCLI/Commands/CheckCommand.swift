import ArgumentParser
import RehabCore
import RehabQueries
import RehabStore

/// `rehabit check N…`: mark items done (numbers from `today`, or item ids).
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Mark items done (numbers from `today`, or item ids).")

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("Item numbers from `rehabit today`, or item ids.", valueName: "N"))
  var items: [String]
  @Flag(help: "Print JSON.") var json = false

  func validate() throws { try ItemStatusChange.validate(items) }

  func run() throws {
    try ItemStatusChange(common: common, words: items, status: .done, reason: nil, json: json).run()
  }
}

/// What `check`, `uncheck` and `skip` share: the day checked, the items resolved, one write
/// per ISO week, then one line per item (or JSON).
struct ItemStatusChange {
  let common: CommonOptions
  let words: [String]
  let status: ItemStatus
  let reason: String?
  let json: Bool

  static func validate(_ words: [String]) throws {
    if words.isEmpty {
      throw ValidationError("give at least one item number from `rehabit today`, or an item id")
    }
  }

  func run() throws {
    let context = try ProgressContext(common)
    let targets = try context.resolveItems(words)
    let previous = try context.store.setStatus(
      status, ofItems: targets.map { ($0.item.id, $0.item.day) }, reason: reason,
      at: LocalClock.timestamp())
    let changes = zip(targets, previous).map { target, record in
      ItemChangeJSON.Item(
        number: target.number, id: target.item.id, treatment: target.item.name,
        side: target.item.side, status: status, previous: record?.status ?? .pending,
        reason: status == .skipped ? reason : nil)
    }
    if json {
      try Output.json(ItemChangeJSON(date: context.day, items: changes))
      return
    }
    for change in changes {
      let number = change.number.map { "\($0) " } ?? ""
      let label =
        "\(number)\(Output.safe(change.treatment)) (\(change.side.rawValue), \(dayOf(change.id)))"
      if change.previous == change.status {
        Output.line("Already \(change.status.word): \(label)")
      } else {
        let why = change.reason.map { ": \(Output.safe($0))" } ?? ""
        Output.line("\(change.status.word.capitalizedFirst): \(label)\(why)")
      }
    }
  }

  private func dayOf(_ id: String) -> String {
    ChecklistItem.parseID(id).map { "\($0.day)" } ?? ""
  }
}

/// `check --json`, `uncheck --json`, `skip --json`.
struct ItemChangeJSON: Encodable {
  struct Item: Encodable {
    /// The number in the day's list (`today`), when the item is on the --date day.
    let number: Int?
    let id: String
    let treatment: String
    let side: Side
    let status: ItemStatus
    let previous: ItemStatus
    let reason: String?
  }

  let date: CalendarDay
  let items: [Item]
}

/// The programme, the store and the --date day of a command that logs progress, checked: the
/// day is inside the programme and not after today.
struct ProgressContext {
  struct Target {
    /// The number in the --date day's list; nil for an id of another day.
    let number: Int?
    let item: ChecklistItem
  }

  let queries: ProgressQueries
  let day: CalendarDay
  let today: CalendarDay

  var store: ProgressStore { queries.store }
  var programme: Programme { queries.programme }

  init(_ common: CommonOptions) throws {
    queries = try common.queries()
    day = try common.day()
    today = LocalClock.today()
  }

  private init(queries: ProgressQueries, day: CalendarDay, today: CalendarDay) {
    self.queries = queries
    self.day = day
    self.today = today
  }

  /// The same --date and folder, checked against `programme` (one of the folder's): what a
  /// record about a day of another programme than the --date day's is checked with.
  func about(_ programme: Programme) -> ProgressContext {
    programme == self.programme
      ? self : ProgressContext(queries: queries.about(programme), day: day, today: today)
  }

  /// Throws unless progress can be logged for `day`: inside the programme, today or earlier.
  /// `readOnly` (a command that only shows) allows later days of the programme too.
  func requireLoggable(_ day: CalendarDay, what: String = "", readOnly: Bool = false) throws {
    if day > today && !readOnly {
      throw CLIError(
        "\(what)\(day) is after today (\(today)); progress can be logged for today or earlier")
    }
    if !programme.contains(day) {
      throw CLIError(
        "\(what)\(day) is outside the programme (\(programme.start) to \(programme.end)); choose a --date within it"
      )
    }
  }

  /// The day's items for resolving numbers and ids (`ProgressQueries.items(on:)`).
  func checklist(for day: CalendarDay, readOnly: Bool = false) throws -> [ChecklistItem] {
    try requireLoggable(day, readOnly: readOnly)
    return queries.items(on: day)
  }

  /// Numbers from the --date day's list, or item ids of any loggable day; each once.
  /// `readOnly` also resolves them on later days of the programme (for showing, not logging).
  func resolveItems(_ words: [String], listDay: CalendarDay? = nil, readOnly: Bool = false)
    throws -> [Target]
  {
    let listDay = listDay ?? day
    var lists: [CalendarDay: [ChecklistItem]] = [:]
    func list(_ day: CalendarDay) throws -> [ChecklistItem] {
      if let cached = lists[day] { return cached }
      let items = try checklist(for: day, readOnly: readOnly)
      lists[day] = items
      return items
    }
    var targets: [Target] = []
    var seen = Set<String>()
    for word in words {
      let target: Target
      if let number = Int(word) {
        let items = try list(listDay)
        guard (1...max(1, items.count)).contains(number), number <= items.count else {
          let has = items.isEmpty ? "nothing scheduled" : "items 1 to \(items.count)"
          throw CLIError(
            "there is no item \(number) on \(listDay) (\(has)); see `rehabit today --date \(listDay)`"
          )
        }
        target = Target(number: number, item: items[number - 1])
      } else if let parsed = ChecklistItem.parseID(word) {
        try requireLoggable(parsed.day, what: "item \(word): ", readOnly: readOnly)
        let items = try list(parsed.day)
        guard let index = items.firstIndex(where: { $0.id == word }) else {
          throw CLIError(
            "there is no item '\(word)' on \(parsed.day); see `rehabit today --date \(parsed.day) --json` for the ids"
          )
        }
        target = Target(number: parsed.day == listDay ? index + 1 : nil, item: items[index])
      } else {
        throw CLIError(
          "'\(word)' is not an item number or id; use the numbers of `rehabit today`, or ids such as \(listDay).calf-stretch.left"
        )
      }
      if seen.insert(target.item.id).inserted { targets.append(target) }
    }
    return targets
  }
}

extension ItemStatus {
  /// `done`, `skipped`, `not done`.
  var word: String {
    switch self {
    case .pending: "not done"
    case .done: "done"
    case .skipped: "skipped"
    }
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
