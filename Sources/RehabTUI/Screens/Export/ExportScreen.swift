import RehabCore
import TerminalUI

/// Draws the Export dialog over the Today screen: the formats, the path field, then what
/// happened (written where, "replace? y/n", or the one-line error) and the dialog's keys.
extension ExportScreen {
  static func render(
    _ dialog: ExportDialog, app state: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    // The Today screen underneath, as it is with no form open.
    var under = state.todayScreen
    under.modal = nil
    TodayScreen.render(under, app: state, into: &buffer, theme: theme)
    let formats = ExportDialog.formats
    let width = min(78, buffer.size.width - 2)
    // Format heading, the formats, a gap, the path, two or three status rows, the keys.
    let height = min(formats.count + 7, buffer.size.height - 4)
    let inner = FormScreen.dialog(
      title: "Export the progress summary", height: height, width: width, into: &buffer,
      theme: theme)
    buffer.put("Format", at: inner.origin, style: theme.heading)
    for (index, format) in formats.enumerated() {
      let y = inner.y + 1 + index
      let selected = index == dialog.formatIndex
      let line =
        (selected ? (theme.unicode ? "› " : "> ") : "  ")
        + DisplayWidth.padded(format.rawValue, to: 10) + theme.text(summary(of: format))
      buffer.put(
        theme.truncated(line, to: inner.width), at: Point(x: inner.x, y: y),
        style: selected ? theme.selected : .plain)
    }
    let fieldY = inner.y + formats.count + 2
    let label = "File "
    buffer.put(label, at: Point(x: inner.x, y: fieldY), style: theme.heading)
    var field = dialog.pathField
    field.style = Style(underline: true)
    if dialog.stage != .editing { field.cursorStyle = field.style }
    field.render(
      into: &buffer,
      in: Rect(x: inner.x + label.count, y: fieldY, width: inner.width - label.count, height: 1))
    let statusY = fieldY + 1
    let status = Rect(
      x: inner.x, y: statusY, width: inner.width, height: max(0, inner.maxY - 1 - statusY))
    switch dialog.stage {
    case .editing:
      if let problem = dialog.problem {
        WrappedText(theme.text(problem), style: theme.error).render(into: &buffer, in: status)
      } else {
        buffer.put(
          theme.truncated("Relative paths go in \(dialog.directory).", to: inner.width),
          at: status.origin, style: theme.dim)
      }
    case .writing:
      buffer.put("Writing…", at: status.origin)
    case .confirmReplace(let path):
      WrappedText(theme.text("\(path) already exists. Replace it? y/n"), style: theme.caution)
        .render(into: &buffer, in: status)
    case .done(let path):
      WrappedText(
        theme.text("Exported \(dialog.format.rawValue) to \(path) (private, 0600)."),
        style: theme.done
      )
      .render(into: &buffer, in: status)
    }
    // The dialog's keys, inside it and on the bottom line (Today's keys wait underneath).
    let keys = keys(for: dialog)
    FormScreen.keys(
      keys.table, into: &buffer, in: FormScreen.row(inner, inner.height - 1), theme: theme)
    theme.helpBar(keys, into: &buffer, row: buffer.size.height - 1)
  }

  /// What each format is for, in a few words.
  static func summary(of format: ExportFormat) -> String {
    switch format {
    case .markdown: "one-page summary for a clinician (.md)"
    case .csv: "one row per scheduled item per day, for spreadsheets"
    case .json: "every record, versioned (rehabit import restores it)"
    case .html: "printable page with charts, no scripts"
    case .ics: "the remaining schedule, for a calendar"
    case .fhir: "HL7 FHIR R4 Bundle for clinic systems"
    }
  }
}
