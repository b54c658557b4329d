/// The remaining schedule as an iCalendar file (RFC 5545): one event per programme day that has
/// items, listing them, each with a display alarm at its start, for calendar reminders. All-day
/// events, or with `at` 30-minute events at that floating local time (no time zone: the
/// session is at 18:00 wherever the patient is). UIDs are stable (the same day of the
/// same programme always has the same UID, so a re-import updates rather than duplicates);
/// lines end in CRLF and are folded at 75 octets; text is escaped.
public enum ICSExport {
  public static let productId = "-//rehabit//progress summary//EN"

  /// How long a timed event lasts: a typical session.
  public static let sessionLength = "PT30M"

  public static func render(_ summary: ExportSummary, at time: TimeOfDay? = nil) -> String {
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
      if let time {
        line("DTSTART:\(compact(day.day))T\(time.compact)")
        line("DURATION:\(sessionLength)")
      } else {
        line("DTSTART;VALUE=DATE:\(compact(day.day))")
        line("DTEND;VALUE=DATE:\(compact(day.day.adding(days: 1)))")
      }
      let count = day.items.count
      let title = "Rehab: \(count) item\(count == 1 ? "" : "s")"
      line(
        "SUMMARY:\(ExportEscaping.icsText("\(title)\(day.programmeWeek.map { " (week \($0))" } ?? "")"))"
      )
      line("DESCRIPTION:\(ExportEscaping.icsText(description(of: day)))")
      line("TRANSP:TRANSPARENT")
      // The alarm says only the count: a notification can show on a locked screen.
      line("BEGIN:VALARM")
      line("ACTION:DISPLAY")
      line("DESCRIPTION:\(ExportEscaping.icsText(title))")
      line("TRIGGER;RELATED=START:PT0S")
      line("END:VALARM")
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
