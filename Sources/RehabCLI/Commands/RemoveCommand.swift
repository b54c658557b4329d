import ArgumentParser
import RehabCore
import RehabStore

/// `rehabit remove ID…`: removes pain entries, notes and check-ins by id (see `rehabit log`).
/// A removal is recorded (a tombstone in the week file), and everything computed afterwards
/// (flags, pain guidance, summaries, exports) goes without the record.
struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove pain entries, notes or check-ins by id (see `rehabit log`).",
    discussion: """
      All or nothing: with an id that names no record, nothing is removed. A removed \
      check-in is as if it had never been made (the baseline moves to the next one). Ticks \
      and skips are undone with `rehabit uncheck`.
      """)

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("Record ids from `rehabit log`.", valueName: "ID"))
  var ids: [String]
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if ids.isEmpty {
      throw ValidationError("give at least one record id; `rehabit log` lists them")
    }
  }

  func run() throws {
    let queries = try common.queries()
    let listDay = try common.day()
    // Every id is checked before anything is removed: one wrong id changes nothing.
    for id in ids {
      let shown = Output.safe(id)
      if ChecklistItem.parseID(id) != nil {
        throw CLIError(
          "\(shown) is an item id (a tick or skip), not a record that can be removed; use `rehabit uncheck \(shown)` to set it back to not done"
        )
      }
      guard let recordID = RecordID(canonical: id) else {
        throw CLIError(
          "'\(shown)' is not a record id; list the day's records and their ids with `rehabit log --date \(listDay)`"
        )
      }
      guard try queries.store.record(id: id) != nil else {
        if let removal = try queries.store.removal(id: id) {
          throw CLIError(
            "\(shown) was removed already (at \(Output.safe(removal.at))); list the records of \(recordID.day) with `rehabit log --date \(recordID.day)`"
          )
        }
        throw CLIError(
          "there is no record \(shown); list the records of \(recordID.day) and their ids with `rehabit log --date \(recordID.day)`"
        )
      }
    }
    let removed = try queries.store.remove(ids, at: LocalClock.timestamp())
    if json {
      try Output.json(
        RemovedJSON(
          removed: removed.map { DayLogJSON.Record($0, programme: queries.programme) }))
      return
    }
    for record in removed {
      Output.line(
        "Removed \(record.id): \(RecordText.describe(record, programme: queries.programme)).")
    }
    if removed.contains(where: { $0.kind == .checkin }) {
      Output.line(
        "Flags and measures now go without the removed check-in; `rehabit flags` shows them.")
    }
  }
}

/// `remove --json`: `{"removed": [records as in `log --json`]}`.
struct RemovedJSON: Encodable {
  let removed: [DayLogJSON.Record]
}

extension DayLogJSON.Record {
  init(_ record: LoggedRecord, programme: Programme) {
    switch record {
    case .pain(let entry):
      self.init(
        entry: .pain(
          entry, treatment: entry.treatmentId.flatMap { programme.treatment(id: $0)?.name }))
    case .note(let note): self.init(entry: .note(note))
    case .checkin(let checkin):
      self.init(entry: .checkin(checkin, programmeWeek: programme.programmeWeek(of: checkin.day)))
    }
  }
}
