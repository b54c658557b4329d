import ArgumentParser
import RehabCore
import RehabQueries

/// `rehabit log [--date DAY] [--json]`: the day's records, each with the id that corrects it.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "List the day's records (ticks, skips, pain, notes, check-in) with their ids.",
    discussion: """
      Pain entries, notes and check-ins have ids such as p-20261105-4k2m; `rehabit remove ID` \
      removes one. Ticks and skips are listed by item id; `rehabit uncheck` undoes them. Any \
      day can be listed, also outside the programme.
      """)

  @OptionGroup var common: CommonOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let log = try common.queries().log(on: try common.day())
    if json {
      try Output.json(DayLogJSON(log))
      return
    }
    let week = log.programmeWeek.map { ", programme week \($0)" } ?? ""
    guard !log.isEmpty else {
      Output.line("No records on \(log.day.weekday.shortName) \(log.day)\(week).")
      return
    }
    Output.line("Records of \(log.day.weekday.shortName) \(log.day)\(week):")
    let width = log.entries.map(\.id.count).max() ?? 0
    for entry in log.entries {
      let id = Output.safe(entry.id)
      Output.line(
        "  \(id)\(String(repeating: " ", count: max(0, width - id.count)))  \(RecordText.describe(entry))"
      )
    }
    if log.entries.contains(where: \.isRemovable) {
      Output.line("Remove a pain entry, note or check-in with `rehabit remove ID`.")
    }
    if log.entries.contains(where: { !$0.isRemovable }) {
      Output.line("Undo a tick or skip with `rehabit uncheck ITEM-ID`.")
    }
  }
}

/// Records in the CLI's words, one line each, user text made safe for the terminal.
enum RecordText {
  static func describe(_ entry: DayLog.Entry) -> String {
    switch entry {
    case .item(_, let record, let treatment, let side):
      let name = Output.safe(treatment ?? "(not in the programme)")
      let sideText = side.map { " (\($0.rawValue))" } ?? ""
      let reason = record.reason.map { ": \(Output.safe($0))" } ?? ""
      return "\(record.status.word) · \(name)\(sideText)\(reason)"
    case .pain(let record, let treatment):
      return pain(record, treatment: treatment)
    case .note(let note):
      return self.note(note)
    case .checkin(let checkin, let week):
      return self.checkin(checkin, programmeWeek: week)
    }
  }

  static func describe(_ record: LoggedRecord, programme: Programme) -> String {
    switch record {
    case .pain(let entry):
      pain(entry, treatment: entry.treatmentId.flatMap { programme.treatment(id: $0)?.name })
    case .note(let note): self.note(note)
    case .checkin(let checkin):
      self.checkin(checkin, programmeWeek: programme.programmeWeek(of: checkin.day))
    }
  }

  static func pain(_ record: PainRecord, treatment: String?) -> String {
    let when = record.timing == .nextMorning ? "on waking" : "during exercise"
    let about = treatment.map { ", \(Output.safe($0))" } ?? ""
    return "pain \(record.level)/10 \(when) on \(record.day)\(about)"
  }

  static func note(_ note: NoteRecord) -> String {
    let about = note.itemId.map { " on \(Output.safe($0))" } ?? ""
    return "note of \(note.day)\(about): \"\(Output.safe(note.text))\""
  }

  static func checkin(_ checkin: Checkin, programmeWeek: Int?) -> String {
    let week = programmeWeek.map { ", programme week \($0)" } ?? ""
    let values = Measure.allCases.compactMap { measure -> String? in
      switch checkin.values[measure] {
      case .single(let value): "\(measure.rawValue) \(CheckinValueText.format(value))"
      case .sided(let left, let right):
        "\(measure.rawValue) L \(CheckinValueText.format(left)) / R \(CheckinValueText.format(right))"
      case nil: nil
      }
    }
    return "check-in of \(checkin.day)\(week): \(values.joined(separator: ", "))"
  }
}

/// `log --json`: `{"date", "programmeWeek", "records": [{"id", "kind": "item|pain|note|checkin",
/// "at", …}]}`; items add `status`, `reason`?, `treatmentId`, `treatment`, `side`; pain adds
/// `level`, `timing`, `itemId`?, `treatmentId`?; notes `text`, `itemId`?; check-ins
/// `programmeWeek`, `values`.
struct DayLogJSON: Encodable {
  let date: CalendarDay
  @Nullable var programmeWeek: Int?
  let records: [Record]

  init(_ log: DayLog) {
    date = log.day
    programmeWeek = log.programmeWeek
    records = log.entries.map(Record.init)
  }

  struct Record: Encodable {
    let entry: DayLog.Entry

    private enum Keys: String, CodingKey {
      case id, kind, at, status, reason, treatmentId, treatment, side, level, timing, itemId
      case text, day, programmeWeek, values
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(entry.id, forKey: .id)
      try container.encode(entry.kind, forKey: .kind)
      switch entry {
      case .item(let id, let record, let treatment, let side):
        try container.encode(record.at, forKey: .at)
        try container.encode(record.status, forKey: .status)
        try container.encodeIfPresent(record.reason, forKey: .reason)
        try container.encodeIfPresent(ChecklistItem.parseID(id)?.treatmentId, forKey: .treatmentId)
        try container.encode(treatment, forKey: .treatment)
        try container.encode(side, forKey: .side)
      case .pain(let record, let treatment):
        try container.encode(record.at, forKey: .at)
        try container.encode(record.day, forKey: .day)
        try container.encode(record.level, forKey: .level)
        try container.encode(record.timing, forKey: .timing)
        try container.encodeIfPresent(record.itemId, forKey: .itemId)
        try container.encodeIfPresent(record.treatmentId, forKey: .treatmentId)
        try container.encodeIfPresent(treatment, forKey: .treatment)
      case .note(let note):
        try container.encode(note.at, forKey: .at)
        try container.encode(note.day, forKey: .day)
        try container.encode(note.text, forKey: .text)
        try container.encodeIfPresent(note.itemId, forKey: .itemId)
      case .checkin(let checkin, let week):
        try container.encode(checkin.at, forKey: .at)
        try container.encode(checkin.day, forKey: .day)
        try container.encode(week, forKey: .programmeWeek)
        try container.encode(
          Dictionary(uniqueKeysWithValues: checkin.values.map { ($0.key.rawValue, $0.value) }),
          forKey: .values)
      }
    }
  }
}
