import RehabCore
import TerminalUI

/// A flag as the CLI says it: the engine's message, then what to do as a command.
enum FlagWording {
  /// The message with the remedy worded as a command (the disclaimer is separate).
  static func message(_ flag: ProgressFlag) -> String {
    guard let remedy = flag.remedy else { return flag.message }
    return "\(flag.message) \(command(for: remedy))"
  }

  static func command(for remedy: FlagRemedy) -> String {
    switch remedy {
    case .addCheckin(let week):
      "Add it with `rehabit checkin --date \(week.firstDay)` (any day of programme week \(week.programmeWeek))."
    }
  }
}

/// One flag in `flags --json` and `week --json`: `{"id", "rule", "since", "message",
/// "disclaimer", "evidence", "suggestsClinician"}`; `disclaimer` is null unless the flag
/// suggests seeing a clinician.
struct FlagJSON: Encodable {
  let flag: ProgressFlag

  private enum CodingKeys: String, CodingKey {
    case id, rule, since, message, disclaimer, evidence, suggestsClinician
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(flag.id, forKey: .id)
    try container.encode(flag.rule, forKey: .rule)
    try container.encode(flag.since, forKey: .since)
    try container.encode(FlagWording.message(flag), forKey: .message)
    try container.encode(flag.disclaimer, forKey: .disclaimer)
    try container.encode(flag.evidence, forKey: .evidence)
    try container.encode(flag.suggestsClinician, forKey: .suggestsClinician)
  }
}

/// `flags --json`: `{"asOf": "2026-12-20", "flags": [{"id", "rule", "since", "message", "evidence"}]}`.
struct FlagListJSON: Encodable {
  let asOf: CalendarDay
  @Nullable var programmeWeek: Int?
  let flags: [FlagJSON]
  /// Flags R-FLAG-BASELINE holds back, with the weeks of measurements so far and needed.
  let pending: [PendingFlag]
  /// The previous programme's last check-in, for reference only (never part of a flag's
  /// evidence: each programme has its own baseline); null for the first programme.
  @Nullable var previousProgramme: PreviousProgrammeJSON?

  init(
    asOf: CalendarDay, programmeWeek: Int?, flags: [ProgressFlag], pending: [PendingFlag],
    previousProgramme: PreviousProgrammeCheckin? = nil
  ) {
    self.asOf = asOf
    self.programmeWeek = programmeWeek
    self.flags = flags.map(FlagJSON.init)
    self.pending = pending
    self.previousProgramme = previousProgramme.map(PreviousProgrammeJSON.init)
  }
}

/// `previousProgramme` in `flags --json` and `week --json`: `{"id", "title", "start", "end",
/// "lastCheckin": {…as in a week file…} or null, "compared": false}`.
struct PreviousProgrammeJSON: Encodable {
  let id: String
  let title: String
  let start: CalendarDay
  let end: CalendarDay
  @Nullable var lastCheckin: Checkin?
  /// Always false: shown for reference, never judged against this programme's measures.
  let compared = false

  init(_ previous: PreviousProgrammeCheckin) {
    id = previous.programme.plan.id
    title = previous.programme.plan.title
    start = previous.programme.start
    end = previous.programme.end
    lastCheckin = previous.checkin
  }
}

/// Flags as plain text, wrapped to 80 columns: heading, since-day, message, then the numbers.
enum FlagListText {
  static let width = 80

  static func lines(_ flags: [ProgressFlag], programme: Programme) -> [String] {
    guard !flags.isEmpty else { return ["No flags."] }
    var lines: [String] = []
    for (index, flag) in flags.enumerated() {
      if index > 0 { lines.append("") }
      lines.append("! \(flag.kind.title) (\(flag.id), \(flag.rule)) since \(flag.since)")
      let message = [FlagWording.message(flag), flag.disclaimer].compactMap { $0 }
      lines += wrapped(message.joined(separator: " "), indent: "  ")
      for line in flag.evidence.lines {
        lines += wrapped(line.text, indent: "    ", first: "  - ")
      }
    }
    return lines
  }

  /// `text` word-wrapped to `width` columns, the first line after `first`, the rest `indent`.
  static func wrapped(_ text: String, indent: String, first: String? = nil) -> [String] {
    let lead = first ?? indent
    return WrappedText.lines(text, width: width - indent.count).enumerated().map {
      ($0.offset == 0 ? lead : indent) + $0.element
    }
  }
}
