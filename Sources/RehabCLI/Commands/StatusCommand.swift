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

/// `rehabit status [--format text|json|waybar]`: one line for a shell prompt or a status bar.
/// It must never break the prompt: no programme prints nothing, a damaged file prints a warning
/// mark, and both exit 0. It never writes.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract:
      "One line for a shell prompt or a status bar: items done today, programme week, flags.",
    discussion: """
      text: `rehab 2/4 · wk 3/8 · ⚑1` (done of scheduled while items are pending, ✓ when none \
      is; ⚑ and the number of flags when any holds). json: counts for scripts. waybar: \
      {"text", "tooltip", "class"} for a waybar custom module (class: pending, done, rest, \
      outside, flagged, warning, none). With no programme it prints nothing (json: state "none"); \
      with a damaged data file it prints `rehab ⚠` and still exits 0. Text is ASCII unless \
      LC_ALL, LC_CTYPE or LANG names a UTF-8 locale. It never writes.
      """)

  @OptionGroup var common: CommonOptions
  @Option(help: "One line of text, JSON for scripts, or waybar's custom-module JSON.")
  var format: StatusFormat = .text

  func run() throws {
    let day = try common.day()
    let reading = StatusReading.read(day: day, common: common)
    let glyphs = StatusGlyphs.forLocale()
    switch format {
    case .text:
      if let line = StatusText.line(reading, glyphs: glyphs) { Output.line(line) }
    case .json:
      try Output.json(StatusJSON(reading))
    case .waybar:
      // Waybar reads one JSON object per line.
      Output.line(try StatusWaybar(reading, glyphs: glyphs).oneLine())
    }
  }
}

enum StatusFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, waybar
}

/// What the status line is about: the day, no programme, or a data folder that cannot be read.
enum StatusReading {
  case status(DayStatus)
  case noProgramme(CalendarDay)
  case unreadable(CalendarDay, problem: String)

  /// Never throws: whatever goes wrong becomes a reading a prompt can show.
  static func read(day: CalendarDay, common: CommonOptions) -> StatusReading {
    do {
      guard let queries = try ProgressQueries.open(try common.store(), on: day) else {
        return .noProgramme(day)
      }
      return .status(try queries.status(on: day))
    } catch {
      let message = CLIErrorWording.message(for: error) ?? "\(error)"
      let line = message.split(separator: "\n").first.map(String.init) ?? "cannot read the data"
      return .unreadable(day, problem: Output.safe(line))
    }
  }

  var day: CalendarDay {
    switch self {
    case .status(let status): status.day
    case .noProgramme(let day), .unreadable(let day, _): day
    }
  }

  /// One word for scripts and waybar's `class`.
  var state: String {
    switch self {
    case .noProgramme: "none"
    case .unreadable: "warning"
    case .status(let status):
      if status.programmeWeek == nil {
        "outside"
      } else if status.pending > 0 {
        "pending"
      } else if status.scheduled == 0 {
        "rest"
      } else {
        "done"
      }
    }
  }
}

/// The marks of the text line, in Unicode or, without a UTF-8 locale, in ASCII.
struct StatusGlyphs {
  var separator: String
  var done: String
  var flag: String
  var warning: String

  static let unicode = StatusGlyphs(separator: " · ", done: "✓", flag: "⚑", warning: "⚠")
  static let ascii = StatusGlyphs(separator: " | ", done: "ok", flag: "!", warning: "?!")

  /// The locale as the C library would pick it: the first of LC_ALL, LC_CTYPE, LANG that is set.
  static func forLocale() -> StatusGlyphs {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { continue }
      let lowered = value.lowercased()
      return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
    }
    return .ascii
  }
}

enum StatusText {
  /// `rehab 2/4 · wk 3/8 · ⚑1`; nil when there is no programme (print nothing).
  static func line(_ reading: StatusReading, glyphs: StatusGlyphs) -> String? {
    switch reading {
    case .noProgramme: return nil
    case .unreadable: return "rehab \(glyphs.warning)"
    case .status(let status):
      var parts = [
        status.pending > 0
          ? "rehab \(status.done)/\(status.scheduled)" : "rehab \(glyphs.done)"
      ]
      if let week = status.programmeWeek { parts.append("wk \(week)/\(status.programmeWeeks)") }
      if !status.flags.isEmpty { parts.append("\(glyphs.flag)\(status.flags.count)") }
      return parts.joined(separator: glyphs.separator)
    }
  }

  /// A longer sentence for a tooltip or a reminder: counts only, never a name or a note.
  static func sentence(_ status: DayStatus) -> String {
    var text: String
    if status.scheduled == 0 {
      text = "Nothing scheduled on \(status.day)."
    } else if status.pending == 0 {
      text = "All \(status.scheduled) rehab items of \(status.day) are done or skipped."
    } else {
      text =
        "\(status.pending) of \(status.scheduled) rehab item\(status.scheduled == 1 ? "" : "s") still to do on \(status.day)."
    }
    if let week = status.programmeWeek {
      text += " Programme week \(week) of \(status.programmeWeeks)."
    }
    if !status.flags.isEmpty {
      text +=
        " Flags: \(status.flags.map(\.rawValue).joined(separator: ", ")) (see `rehabit flags`)."
    }
    return text
  }
}

/// `status --format json`.
struct StatusJSON: Encodable {
  var date: CalendarDay
  var state: String
  @Nullable var pending: Int?
  @Nullable var done: Int?
  @Nullable var skipped: Int?
  @Nullable var scheduled: Int?
  @Nullable var programmeWeek: Int?
  @Nullable var programmeWeeks: Int?
  var flags: [String]
  @Nullable var warning: String?

  init(_ reading: StatusReading) {
    date = reading.day
    state = reading.state
    flags = []
    switch reading {
    case .status(let status):
      pending = status.pending
      done = status.done
      skipped = status.skipped
      scheduled = status.scheduled
      programmeWeek = status.programmeWeek
      programmeWeeks = status.programmeWeeks
      flags = status.flags.map(\.rawValue)
    case .noProgramme:
      break
    case .unreadable(_, let problem):
      warning = problem
    }
  }
}

/// `status --format waybar`: a waybar custom module's JSON (`return-type: json`). Waybar hides
/// the module when `text` is empty.
struct StatusWaybar: Encodable {
  var text: String
  var tooltip: String
  var `class`: String

  /// Sorted keys on one line, as waybar reads them.
  func oneLine() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(
      decoding: TextSanitizer.escapingJSONControls(Array(try encoder.encode(self))), as: UTF8.self)
  }

  init(_ reading: StatusReading, glyphs: StatusGlyphs) {
    text = StatusText.line(reading, glyphs: glyphs) ?? ""
    switch reading {
    case .status(let status):
      tooltip = StatusText.sentence(status)
      `class` = status.flags.isEmpty ? reading.state : "flagged"
    case .noProgramme:
      tooltip = "No rehab programme yet: start one with `rehabit init`."
      `class` = reading.state
    case .unreadable(_, let problem):
      tooltip = problem
      `class` = reading.state
    }
  }
}
