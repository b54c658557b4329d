import ArgumentParser
import RehabCore
import RehabStore
import RehabTUI

/// `rehabit note TEXT [--item N]`: a free-text note on the day, or on one of its items, for
/// the clinician's summary (the app's `n`).
struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Add a note to the day, or to one item (numbers from `today`, or an item id).",
    discussion: """
      Notes appear in `rehabit log` (with the id `rehabit remove` takes) and in the \
      clinician's summary. Control characters are never printed back raw.
      """)

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("What to note, in a few words or sentences.", valueName: "text"))
  var text: String
  @Option(
    help: ArgumentHelp(
      "The item the note is about: a number from `today`, or an item id.", valueName: "N"))
  var item: String?
  @Option(
    help: ArgumentHelp(
      "The note's id, to retry a write safely: a note already stored with it is not stored again.",
      valueName: "id"))
  var id: String?
  @Flag(help: "Print JSON.") var json = false

  /// The text without surrounding white space (what is stored).
  private var trimmed: String {
    String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  func validate() throws {
    if let id, RecordID(canonical: id)?.kind != .note {
      throw ValidationError("--id: '\(id)' is not a note's id (like n-20261202-8fq1)")
    }
    if trimmed.isEmpty {
      throw ValidationError(
        "the note is empty; write it in quotes, e.g. rehabit note \"stiff on waking\"")
    }
    // The app's note form has the same limit, so a note always fits where it is shown.
    if trimmed.count > NoteForm.maxLength {
      throw ValidationError(
        "the note is \(trimmed.count) characters long; keep it to \(NoteForm.maxLength)")
    }
  }

  func run() throws {
    let context = try ProgressContext(common)
    try context.requireLoggable(context.day)
    let target = try item.map { try context.resolveItems([$0]) }?.first
    if let target, target.item.day != context.day {
      throw CLIError(
        "item \(target.item.id) is not on \(context.day); a note is filed on its --date day, so give --date \(target.item.day) or a number from `rehabit today --date \(context.day)`"
      )
    }
    if let id, RecordID(id)?.day != context.day {
      throw CLIError(
        "--id \(id) is not of \(context.day); give the id the first try printed, with its --date")
    }
    // Chosen before the write, so an unconfirmed write can name it and its retry is safe.
    let id = try self.id ?? context.store.freshID(.note, on: context.day)
    let retry =
      "rehabit note \"…\" --date \(context.day)\(item.map { " --item \(Output.safe($0))" } ?? "") --id \(id)"
    let stored = try RetrySafe.write(id, retry: retry) {
      try context.store.addNote(
        NoteRecord(
          day: context.day, itemId: target?.item.id, text: trimmed, at: LocalClock.timestamp(),
          id: id))
    }
    if json {
      try Output.json(DayLogJSON.Record(.note(stored), programme: context.programme))
      return
    }
    let about = target.map { " (\(Output.safe($0.item.name)), \($0.item.side.rawValue))" } ?? ""
    Output.line(
      "Noted on \(context.day)\(about): \(stored.id). Remove it with `rehabit remove \(stored.id)`."
    )
  }
}
