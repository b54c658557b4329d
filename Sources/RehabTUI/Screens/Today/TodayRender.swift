import RehabCore
import TerminalUI

/// Draws the Today screen: header, the day's items grouped by kind, the message line, the
/// status line (day, programme week, the week's adherence, flags) and the help bar.
extension TodayScreen {
  static func render(
    _ state: TodayState, app: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    render(TodayFrame(screen: state, app: app), into: &buffer, theme: theme)
  }

  static func render(_ state: TodayFrame, into buffer: inout ScreenBuffer, theme: Theme) {
    let size = buffer.size
    renderHeader(state, into: &buffer, theme: theme)
    renderList(state, into: &buffer, in: TodayLayout.listRect(in: size), theme: theme)
    renderMessage(state, into: &buffer, row: size.height - 3, theme: theme)
    renderStatus(state, into: &buffer, row: size.height - 2, theme: theme)
    theme.helpBar(keys(for: state.screen), into: &buffer, row: size.height - 1)
    if let modal = state.modal {
      FormScreen.render(modal, state: state, into: &buffer, theme: theme)
    }
  }

  // MARK: Header

  static func dayLabel(_ day: CalendarDay, today: CalendarDay) -> String {
    let distance = day.days(until: today)
    let when: String
    switch distance {
    case 0: when = "today"
    case 1: when = "yesterday"
    case 2...: when = "\(distance) days ago"
    default: when = "in \(-distance) days"
    }
    return "\(day.weekday.shortName) \(day) (\(when))"
  }

  private static func renderHeader(
    _ state: TodayFrame, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let width = buffer.size.width
    let right = dayLabel(state.day, today: state.today)
    let rightWidth = DisplayWidth.of(right)
    buffer.put(right, at: Point(x: width - rightWidth - 1, y: 0), style: theme.title)
    var x = 1
    x += buffer.put("rehabit", at: Point(x: x, y: 0), style: theme.title)
    let room = width - rightWidth - 3 - x
    if let programme = state.programme, room > 4 {
      buffer.put(
        theme.truncated(theme.text(theme.separator) + programme.plan.title, to: room),
        at: Point(x: x, y: 0))
    }
  }

  // MARK: List

  /// The columns of item rows, sized from every entry of the day so scrolling never shifts them.
  struct Columns {
    var name: Int
    var side: Int
    var dose: Int

    init(entries: [TodayEntry], width: Int, theme: Theme) {
      side = 6
      dose =
        min(22, (entries.map { DisplayWidth.of(theme.text($0.item.dose.text)) }.max() ?? 0)) + 2
      // Indent (3) and glyph (4) come first; whatever the name does not need is left for notes.
      let room = max(8, width - 7 - side - dose)
      let longest = (entries.map { DisplayWidth.of(TodayScreen.name(of: $0)) }.max() ?? 0) + 2
      let wantsNotes = entries.contains { !TodayScreen.notes(of: $0).isEmpty }
      name = min(longest, wantsNotes ? max(12, room - 16) : room)
    }
  }

  static func name(of entry: TodayEntry) -> String {
    let item = entry.item
    guard item.occurrencesPerDay > 1 else { return item.name }
    return "\(item.name) (\(item.occurrence) of \(item.occurrencesPerDay))"
  }

  /// The notes after an item: not saved, pain adjustments (R-PAIN-STEP, R-PAIN-HOLD), the skip
  /// reason.
  static func notes(of entry: TodayEntry) -> [(text: String, isError: Bool)] {
    var notes: [(String, Bool)] = []
    if entry.isUnsaved { notes.append(("not saved", true)) }
    for adjustment in entry.item.painAdjustments {
      switch adjustment {
      case .steppedDown: notes.append(("lighter: pain", false))
      case .held: notes.append(("held: pain", false))
      }
    }
    if entry.status == .skipped {
      let reason = entry.record?.reason.map { "skipped: \($0)" } ?? "skipped"
      notes.append((reason, false))
    }
    return notes
  }

  static func glyph(_ status: ItemStatus) -> String {
    switch status {
    case .pending: "[ ]"
    case .done: "[x]"
    case .skipped: "[-]"
    }
  }

  private static func renderList(
    _ state: TodayFrame, into buffer: inout ScreenBuffer, in rect: Rect, theme: Theme
  ) {
    guard rect.height > 0 else { return }
    guard let programme = state.programme, let loaded = state.checklist else {
      buffer.put("Loading…", at: Point(x: 3, y: rect.y), style: theme.dim)
      return
    }
    var rect = rect
    if loaded.entries.isEmpty {
      let text: String
      if state.day < programme.start {
        text = "The programme starts on \(programme.start.weekday.shortName) \(programme.start)."
      } else if state.day > programme.end {
        text =
          "The programme ended on \(programme.end.weekday.shortName) \(programme.end). Press \(TodayScreen.keyLabel(for: .openExport)) for a summary for your clinician."
      } else {
        text = "Nothing is scheduled on \(state.day.weekday.shortName) \(state.day): a rest day."
      }
      let textRows = min(TodayLayout.emptyDayTextRows - 1, rect.height)
      WrappedText(theme.text(text)).render(
        into: &buffer, in: Rect(x: 3, y: rect.y, width: rect.width - 4, height: textRows))
      rect = TodayLayout.listRect(in: buffer.size, loaded: loaded)
      guard rect.height > 0 else { return }
    }
    let rows = TodayLayout.rows(loaded)
    let list = TodayLayout.listView(
      loaded, selection: state.selection, scrollOffset: state.scrollOffset)
    let offset = list.visibleOffset(height: rect.height)
    let columns = Columns(entries: loaded.entries, width: rect.width, theme: theme)
    let selectedRow = TodayLayout.row(ofSelection: state.selection, in: loaded)
    for (line, rowRect) in rect.rows.enumerated() {
      let index = offset + line
      guard index < rows.count else { break }
      let row = rows[index]
      switch row {
      case .heading(let kind):
        buffer.put(kind.title, at: Point(x: rowRect.x + 1, y: rowRect.y), style: theme.heading)
      case .entry(let entryIndex):
        renderEntry(
          loaded.entries[entryIndex], into: &buffer, row: rowRect, columns: columns, theme: theme)
      case .recordsHeading:
        buffer.put(
          recordsHeading, at: Point(x: rowRect.x + 1, y: rowRect.y), style: theme.heading)
      case .record(let recordIndex):
        renderRecord(
          loaded.records[recordIndex], programme: programme, into: &buffer, row: rowRect,
          theme: theme)
      case .noRecords:
        let text =
          "None logged (\(TodayScreen.keyLabel(for: .logPain)) pain, \(TodayScreen.keyLabel(for: .addNote)) note)."
        buffer.put(
          theme.text(text), at: Point(x: rowRect.x + 3, y: rowRect.y), style: theme.dim,
          maxWidth: rowRect.width - 4)
      case .noCheckin(let week):
        let text =
          "No check-in for programme week \(week) yet (\(TodayScreen.keyLabel(for: .openCheckin)) adds it)."
        buffer.put(
          theme.text(text), at: Point(x: rowRect.x + 3, y: rowRect.y), style: theme.dim,
          maxWidth: rowRect.width - 4)
      }
      if row == selectedRow, row.isSelectable {
        buffer.restyle(rowRect) { $0.merged(with: theme.selected) }
      }
    }
    // Rows above or below the window: say so on the edges.
    if offset > 0 {
      buffer.put(
        theme.unicode ? "↑" : "^", at: Point(x: rect.maxX - 2, y: rect.y), style: theme.dim)
    }
    if offset + rect.height < rows.count {
      buffer.put(
        theme.unicode ? "↓" : "v", at: Point(x: rect.maxX - 2, y: rect.maxY - 1), style: theme.dim)
    }
  }

  /// The heading of the day's records under the items.
  static let recordsHeading = "Pain, notes, check-in"

  /// "Pain 7/10  during exercise, Heel raises"; "Note  felt stiff (Heel raises)";
  /// "Check-in  Mon 2026-11-30, programme week 1: pain 3, SANE 70".
  private static func renderRecord(
    _ record: TodayRecord, programme: Programme, into buffer: inout ScreenBuffer, row: Rect,
    theme: Theme
  ) {
    let limit = row.maxX - 1
    var x = row.x + 3
    let kind = TodayRecordText.kind(record.entry)
    x += buffer.put(
      DisplayWidth.padded(kind, to: 11), at: Point(x: x, y: row.y), style: theme.note,
      maxWidth: limit - x)
    x += 1
    if record.isUnsaved, x < limit {
      x += buffer.put(
        "not saved", at: Point(x: x, y: row.y), style: theme.error, maxWidth: limit - x)
      x += 1
    }
    guard x < limit else { return }
    buffer.put(
      theme.truncated(
        theme.text(TodayRecordText.detail(record.entry, programme: programme)), to: limit - x),
      at: Point(x: x, y: row.y))
  }

  private static func renderEntry(
    _ entry: TodayEntry, into buffer: inout ScreenBuffer, row: Rect, columns: Columns,
    theme: Theme
  ) {
    let y = row.y
    let glyphStyle: Style
    switch entry.status {
    case .pending: glyphStyle = .plain
    case .done: glyphStyle = theme.done
    case .skipped: glyphStyle = theme.skipped
    }
    var x = row.x + 3
    buffer.put(glyph(entry.status), at: Point(x: x, y: y), style: glyphStyle)
    x += 4
    let limit = row.maxX - 1
    func column(_ text: String, width: Int, style: Style = .plain) {
      guard x < limit else { return }
      buffer.put(
        DisplayWidth.padded(text, to: width), at: Point(x: x, y: y), style: style,
        maxWidth: limit - x)
      x += width
    }
    column(name(of: entry), width: columns.name)
    column(entry.item.side.rawValue, width: columns.side)
    column(theme.text(entry.item.dose.text), width: columns.dose)
    for (index, note) in notes(of: entry).enumerated() {
      guard x < limit else { break }
      let text = (index > 0 ? theme.text(theme.separator).trimmingLeadingSpace : "") + note.text
      x += buffer.put(
        text, at: Point(x: x, y: y), style: note.isError ? theme.error : theme.note,
        maxWidth: limit - x)
      x += 1
    }
  }

  // MARK: Message and status lines

  private static func renderMessage(
    _ state: TodayFrame, into buffer: inout ScreenBuffer, row: Int, theme: Theme
  ) {
    guard let message = state.message else { return }
    let style = message.kind == .error ? theme.error : Style.plain
    buffer.put(
      theme.truncated(theme.text(message.text), to: buffer.size.width - 2),
      at: Point(x: 1, y: row), style: style)
  }

  /// The status line's parts, most important last so they are never the ones cut: the day,
  /// the programme week, the day's progress, the week's adherence (self-reported, R-ADH).
  static func statusParts(_ state: TodayFrame) -> [String] {
    var parts = ["\(state.day.weekday.shortName) \(state.day)"]
    if let programme = state.programme {
      if let week = programme.programmeWeek(of: state.day) {
        parts.append("week \(week) of \(programme.weeks)")
      } else if state.day < programme.start {
        parts.append("starts \(programme.start)")
      } else {
        parts.append("ended \(programme.end)")
      }
    }
    if let loaded = state.checklist {
      if !loaded.entries.isEmpty {
        let done = loaded.entries.count { $0.status == .done }
        parts.append("\(done)/\(loaded.entries.count) done")
      }
      if let ratio = loaded.weekTally.ratio {
        parts.append("this week \(FlagText.percent(ratio, compact: true)) (self-reported)")
      }
    }
    return parts
  }

  /// "⚑ Low adherence, Missed check-in", or nil without flags.
  static func flagText(_ state: TodayFrame, theme: Theme) -> String? {
    guard let flags = state.checklist?.flags, !flags.isEmpty else { return nil }
    return (theme.unicode ? "⚑ " : "! ") + flags.map(\.title).joined(separator: ", ")
  }

  /// The flags sit on the right and keep their room; the other parts drop the day (shown in
  /// the header) and then get cut when the line is short.
  private static func renderStatus(
    _ state: TodayFrame, into buffer: inout ScreenBuffer, row: Int, theme: Theme
  ) {
    let width = buffer.size.width
    let line = Rect(x: 0, y: row, width: width, height: 1)
    buffer.fill(line, with: theme.statusBar)
    var room = width - 2
    if let flags = flagText(state, theme: theme) {
      let shown = theme.truncated(flags, to: max(12, room / 2))
      let flagWidth = DisplayWidth.of(shown)
      buffer.put(
        shown, at: Point(x: width - 1 - flagWidth, y: row),
        style: theme.statusBar.merged(with: theme.caution))
      room -= flagWidth + 2
    }
    var parts = statusParts(state)
    let separator = theme.text(theme.separator)
    if parts.count > 1, DisplayWidth.of(theme.text(parts.joined(separator: separator))) > room {
      parts.removeFirst()
    }
    buffer.put(
      theme.truncated(theme.text(parts.joined(separator: separator)), to: room),
      at: Point(x: 1, y: row), style: theme.statusBar)
  }
}

/// What the Today screen's drawing reads: its own state, and the app's today, programme and
/// message line.
@dynamicMemberLookup
struct TodayFrame {
  let screen: TodayState
  let app: AppState

  subscript<Value>(dynamicMember path: KeyPath<TodayState, Value>) -> Value {
    screen[keyPath: path]
  }

  var today: CalendarDay { app.today }
  /// The programme of the day shown: an earlier programme's day is shown with its title and
  /// its programme weeks.
  var programme: Programme? { app.programme(on: screen.day) }
  var message: StatusMessage? { app.message }
}

extension String {
  var trimmingLeadingSpace: String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    return String(text)
  }
}
