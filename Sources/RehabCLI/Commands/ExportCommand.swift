import ArgumentParser
import Foundation
import RehabCore
import RehabStore
import TerminalUI

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
      (`rehabit import` restores it). ics: the remaining schedule as all-day events. fhir: an \
      HL7 FHIR R4 Bundle. The range defaults to the programme's start through --date.
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
  @Option(help: "With --format csv: items, checkins or notes.") var table: ExportTable = .items

  func validate() throws {
    if let from { _ = try CommonOptions.parseDay(from, option: "--from") }
    if let to { _ = try CommonOptions.parseDay(to, option: "--to") }
    if table != .items, format != .csv {
      throw ValidationError("--table works with --format csv only")
    }
    if let output, output.isEmpty { throw ValidationError("--output is empty; give a file path") }
  }

  func run() throws {
    let store = try common.store()
    let programme = try common.requireProgramme(in: store)
    let asOf = try common.day()
    let history = try ExportCommand.history(programme: programme, store: store)
    let text: String
    do {
      text = try ExportDocument.render(
        format, history: history, asOf: asOf,
        from: try from.map { try CommonOptions.parseDay($0, option: "--from") },
        to: try to.map { try CommonOptions.parseDay($0, option: "--to") }, table: table)
    } catch let problem as ExportProblem {
      throw CLIError("\(problem.path) \(problem.message); \(problem.fix)")
    }
    guard let output else {
      ExportCommand.printToStandardOutput(text)
      return
    }
    try ExportFileWriter.write(Array(text.utf8), to: output, replacing: force)
    Output.line("Exported \(format.rawValue) to \(Output.safe(output)).")
  }

  /// The programme and every stored progress week: what the export engines read.
  static func history(programme: Programme, store: ProgressStore) throws -> ProgressHistory {
    let weeks = try store.storedWeeks().map { week throws(StoreError) in
      try store.loadWeek(week)
    }
    return ProgressHistory(programme: programme, weeks: weeks)
  }

  /// The export on stdout. On a terminal every control character but the line break is
  /// replaced (a note cannot send escape sequences to it); into a pipe or a file the bytes are
  /// exactly the format's.
  static func printToStandardOutput(_ text: String) {
    let shown = isatty(STDOUT_FILENO) == 1 ? terminalSafe(text) : text
    FileHandle.standardOutput.write(Data(shown.utf8))
  }

  /// Each line through `TerminalText.sanitized`, the line breaks kept.
  static func terminalSafe(_ text: String) -> String {
    // "\r\n" is one Character in Swift, so both line ends are split on.
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      .map { TerminalText.sanitized(String($0)) }
      .joined(separator: "\n")
  }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportTable: ExpressibleByArgument {}

/// Writes an export file the way the data files are written: a private temporary file in the
/// same directory (0600 whatever the umask), fsync'd, then moved into place and the directory
/// fsync'd, so a crash leaves the old file or the new one, never half of one. Without
/// `replacing`, the move is a hard link, which fails if the name exists even when another
/// process creates it meanwhile.
///
/// RehabStore's `DurableFiles.writeAtomically` does the same for the data directory but is
/// internal to that module; this can become a call to it once it is public.
enum ExportFileWriter {
  static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws {
    let directory = parent(of: path)
    let name = String(path.split(separator: "/").last ?? Substring(path))
    var status = stat()
    guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
      throw CLIError(
        "\(path): the folder \(directory) does not exist; create it or choose another --output")
    }
    if lstat(path, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFDIR {
        throw CLIError("\(path) is a folder; give a file name for --output")
      }
      if !replacing {
        throw CLIError("\(path) already exists; use --force to overwrite it")
      }
    }
    var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard fd >= 0 else { throw failure(errno, directory, "cannot create a file in") }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var open = true
    var keep = false
    defer {
      if open { close(fd) }
      if !keep { unlink(temporary) }
    }
    guard fchmod(fd, 0o600) == 0 else { throw failure(errno, temporary, "cannot protect") }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(errno, path, "cannot write")
      }
      written += count
    }
    guard fsync(fd) == 0 else { throw failure(errno, path, "cannot flush") }
    open = false
    guard close(fd) == 0 else { throw failure(errno, path, "cannot finish writing") }
    if replacing {
      guard rename(temporary, path) == 0 else { throw failure(errno, path, "cannot replace") }
      keep = true
    } else if link(temporary, path) != 0 {
      let code = errno
      if code == EEXIST { throw CLIError("\(path) already exists; use --force to overwrite it") }
      // File systems without hard links: the name was free a moment ago.
      guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP, lstat(path, &status) != 0,
        rename(temporary, path) == 0
      else { throw failure(code, path, "cannot create") }
      keep = true
    }
    let directoryFD = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      _ = fsync(directoryFD)
      close(directoryFD)
    }
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func failure(_ code: Int32, _ path: String, _ action: String) -> CLIError {
    CLIError("\(path): \(action): \(String(cString: strerror(code))); nothing was written")
  }
}
