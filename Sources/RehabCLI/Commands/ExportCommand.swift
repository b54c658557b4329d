import ArgumentParser
import RehabCore
import RehabQueries
import RehabStore
import TextSafety

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// `rehabit export`: the progress summary in a format for a clinician, a spreadsheet, a
/// calendar, a clinic system or a backup; stdout unless `--output` names a file.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the progress summary (Markdown, HTML, CSV, JSON, iCalendar or FHIR).",
    discussion: """
      markdown and html: a one-page summary for a clinician. csv: one row per scheduled item \
      per day (--table checkins or notes for the other tables). json: every record, versioned \
      (`rehabit import` restores it). ics: the remaining schedule as all-day events (timed with --at), each with an alarm at its \
      start. fhir: an \
      HL7 FHIR R4 Bundle. The range defaults to the programme's start through --date. With \
      several programmes in the data folder, the export covers the programme of --date (or of \
      --from/--to), and --all-programmes covers each in a section of its own; the json archive \
      always holds every programme.
      """)

  @OptionGroup var common: CommonOptions
  @Option(help: "markdown, csv, json, html, ics or fhir.") var format: ExportFormat = .markdown
  @Option(
    help: ArgumentHelp(
      "Write to this file (0600, atomically) instead of stdout.", valueName: "path"))
  var output: String?
  @Option(help: ArgumentHelp("First day of the summary, YYYY-MM-DD.", valueName: "day"))
  var from: String?
  @Option(help: ArgumentHelp("Last day of the summary, YYYY-MM-DD.", valueName: "day"))
  var to: String?
  @Flag(help: "Overwrite the --output file if it exists.") var force = false
  @Flag(
    name: .customLong("all-programmes"),
    help:
      "Cover every programme of the data folder, one section each (default: the programme of --date, or of --from/--to)."
  )
  var allProgrammes = false
  @Option(help: "With --format csv: items, checkins or notes.") var table: ExportTable = .items
  @Option(
    help: ArgumentHelp(
      "With --format ics: timed 30-minute events at this local time, HH:MM (default: all-day).",
      valueName: "HH:MM"))
  var at: String?

  func validate() throws {
    let first = try from.map { try CommonOptions.parseDay($0, option: "--from") }
    let last = try to.map { try CommonOptions.parseDay($0, option: "--to") }
    if let first, let last, first > last {
      throw ValidationError(
        "--from \(first) is after --to \(last); give a --from on or before --to")
    }
    if table != .items, format != .csv {
      throw ValidationError("--table works with --format csv only")
    }
    if allProgrammes, format == .ics {
      throw ValidationError(
        "--all-programmes does not work with --format ics (the calendar is the schedule still to come); leave it out"
      )
    }
    if let output, output.isEmpty { throw ValidationError("--output is empty; give a file path") }
    if let at {
      _ = try CommonOptions.parseTime(at, option: "--at")
      if format != .ics { throw ValidationError("--at works with --format ics only") }
    }
  }

  func run() throws {
    let first = try from.map { try CommonOptions.parseDay($0, option: "--from") }
    let last = try to.map { try CommonOptions.parseDay($0, option: "--to") }
    // The programme of the range when one is given, else of --date.
    let queries = try common.queries(on: first ?? last ?? common.day())
    if !allProgrammes, let first, let last {
      let met = queries.timeline.programmes(overlapping: first, last)
      if met.count > 1 {
        throw CLIError(
          "--from \(first) to --to \(last) spans \(met.count) programmes; add --all-programmes for one section each, or give a range within one programme (\(met.map { "\($0.start) to \($0.end)" }.joined(separator: ", ")))"
        )
      }
    }
    let asOf = try common.day()
    let eventTime = try at.map { try CommonOptions.parseTime($0, option: "--at") }
    // The export's text to `sink`, a chunk at a time for the JSON archive.
    func export(to sink: @escaping ([UInt8]) throws -> Void) throws {
      do {
        try queries.export(
          format, asOf: asOf, from: first, to: last, table: table, eventTime: eventTime,
          allProgrammes: allProgrammes, to: sink)
      } catch let problem as ExportProblem {
        throw CLIError("\(problem.path) \(problem.message); \(problem.fix)")
      }
    }
    defer { Output.warnAboutDamagedWeeks(queries) }
    guard let output else {
      if isatty(STDOUT_FILENO) == 1 {
        // A terminal gets the text made safe line by line, so it is made whole first.
        var bytes: [UInt8] = []
        try export { bytes.append(contentsOf: $0) }
        ExportCommand.printToStandardOutput(String(decoding: bytes, as: UTF8.self))
      } else {
        try export { Output.write($0, to: STDOUT_FILENO) }
      }
      return
    }
    try ExportFileWriter.write(to: output, replacing: force) { put in try export(to: put) }
    Output.line("Exported \(format.rawValue) to \(Output.safe(output)).")
  }

  /// The export on stdout. On a terminal every control character but the line break is
  /// replaced (a note cannot send escape sequences to it); into a pipe or a file the bytes are
  /// exactly the format's.
  static func printToStandardOutput(_ text: String) {
    let shown = isatty(STDOUT_FILENO) == 1 ? terminalSafe(text) : text
    Output.write(shown, to: STDOUT_FILENO)
  }

  /// Each line through `TextSanitizer.terminalLine`, the line breaks kept.
  static func terminalSafe(_ text: String) -> String {
    // "\r\n" is one Character in Swift, so both line ends are split on.
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      .map { TextSanitizer.terminalLine(String($0)) }
      .joined(separator: "\n")
  }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportTable: ExpressibleByArgument {}

/// `ExportFile.write` (RehabStore) with the command's wording: the fixes name `--output` and
/// `--force`.
enum ExportFileWriter {
  static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws {
    try write(to: path, replacing: replacing) { put in try put(bytes) }
  }

  /// The file written from chunks `produce` hands over (`ExportFile.write(to:replacing:
  /// produce:)`); an error of `produce` comes out as it is, and nothing is left behind.
  static func write(
    to path: String, replacing: Bool,
    produce: (_ put: @escaping ([UInt8]) throws -> Void) throws -> Void
  ) throws {
    do {
      try ExportFile.write(to: path, replacing: replacing, produce: produce)
    } catch let error as ExportFileError {
      switch error.kind {
      case .exists: throw CLIError("\(path) already exists; use --force to overwrite it")
      case .isFolder: throw CLIError("\(path) is a folder; give a file name for --output")
      case .noFolder:
        throw CLIError(
          "\(path): the folder \(error.directory) does not exist; create it or choose another --output"
        )
      case .fileSystem: throw CLIError(error.description)
      }
    }
  }

  static func parent(of path: String) -> String { ExportFile.parentDirectory(of: path) }
}
