/// The remaining schedule as an iCalendar file (RFC 5545): one all-day event per programme day
/// that has items, listing them, for calendar reminders. UIDs are stable (the same day of the
/// same programme always has the same UID, so a re-import updates rather than duplicates);
/// lines end in CRLF and are folded at 75 octets; text is escaped.
public enum ICSExport {
  public static let productId = "-//rehabit//progress summary//EN"

  public static func render(_ summary: ExportSummary) -> String {
    let programme = summary.programme
    var out = ""
    func line(_ text: String) { out += ExportEscaping.icsFold(text) }
    line("BEGIN:VCALENDAR")
    line("VERSION:2.0")
    line("PRODID:\(productId)")
    line("CALSCALE:GREGORIAN")
    line("METHOD:PUBLISH")
    line("X-WR-CALNAME:\(ExportEscaping.icsText("rehabit: " + programme.plan.title))")
    // DTSTAMP must be a UTC date-time; the export day keeps the file reproducible.
    let stamp = "\(compact(summary.asOf))T000000Z"
    for day in summary.remaining where !day.items.isEmpty {
      line("BEGIN:VEVENT")
      line("UID:\(uid(day.day, programme: programme))")
      line("DTSTAMP:\(stamp)")
      line("DTSTART;VALUE=DATE:\(compact(day.day))")
      line("DTEND;VALUE=DATE:\(compact(day.day.adding(days: 1)))")
      let count = day.items.count
      line(
        "SUMMARY:\(ExportEscaping.icsText("Rehab: \(count) item\(count == 1 ? "" : "s")\(day.programmeWeek.map { " (week \($0))" } ?? "")"))"
      )
      line("DESCRIPTION:\(ExportEscaping.icsText(description(of: day)))")
      line("TRANSP:TRANSPARENT")
      line("END:VEVENT")
    }
    line("END:VCALENDAR")
    return out
  }

  /// `20261202-lateral-ankle-sprain-20261130@rehabit`: day, programme id and start.
  public static func uid(_ day: CalendarDay, programme: Programme) -> String {
    "\(compact(day))-\(programme.plan.id)-\(compact(programme.start))@rehabit"
  }

  /// The day's items, one a line, then any notes already written for the day.
  static func description(of day: ExportDay) -> String {
    var lines = day.items.map { item -> String in
      var text = "\(item.title): \(item.dose ?? "")"
      if item.status == .done || item.status == .skipped { text += " [\(item.status.rawValue)]" }
      return text
    }
    for note in day.notes { lines.append("Note: " + note.text) }
    lines.append(SafetyText.disclaimer)
    return lines.joined(separator: "\n")
  }

  static func compact(_ day: CalendarDay) -> String {
    day.description.replacingEach("-", with: "")
  }
}
