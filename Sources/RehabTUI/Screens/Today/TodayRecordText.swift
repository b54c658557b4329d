import RehabCore
import TerminalUI

/// How the Today screen names the day's pain entries, notes and check-ins: in its list, in the
/// removal dialog and in the messages after a removal or an undo.
enum TodayRecordText {
  /// The longest piece of a note a message quotes.
  static let quotedNoteWidth = 24

  /// "pain 7/10", "note “felt stiff…”", "check-in of Mon 2026-11-30".
  static func label(_ record: LoggedRecord) -> String {
    switch record {
    case .pain(let pain): "pain \(pain.level)/10"
    case .note(let note):
      "note “\(DisplayWidth.truncated(oneLine(note.text), to: quotedNoteWidth, ellipsis: "…"))”"
    case .checkin(let checkin): "check-in of \(checkin.day.weekday.shortName) \(checkin.day)"
    }
  }

  /// The same, starting with a capital letter (at the start of a message).
  static func capitalised(_ record: LoggedRecord) -> String {
    let text = label(record)
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  /// The kind column of a list row.
  static func kind(_ entry: DayLog.Entry) -> String {
    switch entry {
    case .pain(let pain, _): "Pain \(pain.level)/10"
    case .note: "Note"
    case .checkin: "Check-in"
    case .item: "Item"
    }
  }

  /// What follows the kind in the list: when the pain was felt and what it was about, the
  /// note's text and what it is about, the check-in's day, programme week and values.
  static func detail(_ entry: DayLog.Entry, programme: Programme?) -> String {
    switch entry {
    case .pain(let pain, let treatment):
      let when = pain.timing == .during ? "during exercise" : "on waking"
      let about = treatment ?? treatmentName(of: pain.itemId, in: programme) ?? "whole session"
      return "\(when), \(about)"
    case .note(let note):
      let about = treatmentName(of: note.itemId, in: programme).map { " (\($0))" } ?? ""
      return oneLine(note.text) + about
    case .checkin(let checkin, let week):
      let when =
        "\(checkin.day.weekday.shortName) \(checkin.day)"
        + (week.map { ", programme week \($0)" } ?? "")
      let values = Measure.allCases.compactMap { measure -> String? in
        checkin[measure].map { "\(FlagText.name(of: measure)) \(CheckinScreen.describe($0))" }
      }
      return values.isEmpty ? when : "\(when): \(values.joined(separator: ", "))"
    case .item(let id, _, _, _):
      return id
    }
  }

  private static func treatmentName(of itemId: String?, in programme: Programme?) -> String? {
    guard let itemId, let parsed = ChecklistItem.parseID(itemId) else { return nil }
    return programme?.treatment(id: parsed.treatmentId)?.name
  }

  /// Stored text on one line (the buffer also replaces control characters).
  private static func oneLine(_ text: String) -> String {
    TerminalText.sanitized(text)
  }
}
