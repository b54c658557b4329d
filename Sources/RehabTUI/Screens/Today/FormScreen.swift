import RehabCore
import TerminalUI

/// Draws the open form (skip reason, note, pain) as a dialog over the Today screen, with its
/// keys from the form's own table.
enum FormScreen {
  static func render(
    _ modal: TodayModal, state: TodayFrame, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let width = min(68, buffer.size.width - 4)
    switch modal {
    case .skipReason(let form):
      let inner = dialog(
        title: "Skip: \(form.label)", height: 4, width: width, into: &buffer, theme: theme)
      buffer.put("Why are you skipping it?", at: inner.origin)
      form.field.render(into: &buffer, in: row(inner, 1))
      if let problem = form.problem {
        buffer.put(problem, at: row(inner, 2).origin, style: theme.error, maxWidth: inner.width)
      }
      keys(TodayScreen.textFormKeys, into: &buffer, in: row(inner, 3), theme: theme)
    case .note(let form):
      let inner = dialog(
        title: "Note on \(state.day.weekday.shortName) \(state.day)", height: 4, width: width,
        into: &buffer, theme: theme)
      let about =
        form.aboutItem ? "About: \(form.itemLabel)" : "About: the whole day"
      buffer.put(about, at: inner.origin, maxWidth: inner.width)
      form.field.render(into: &buffer, in: row(inner, 1))
      keys(TodayScreen.noteFormKeys, into: &buffer, in: row(inner, 3), theme: theme)
    case .pain(let form):
      renderPain(form, state: state, width: width, into: &buffer, theme: theme)
    case .confirmRemoval(let confirm):
      let inner = dialog(
        title: "Remove this record?", height: 3, width: width, into: &buffer, theme: theme)
      let what =
        TodayRecordText.kind(confirm.entry) + ": "
        + TodayRecordText.detail(confirm.entry, programme: state.programme)
      buffer.put(
        theme.truncated(theme.text(what), to: inner.width), at: inner.origin, style: theme.title)
      buffer.put(
        theme.truncated(
          theme.text(
            "Flags and pain guidance go without it; \(TodayScreen.keyLabel(for: .undo)) undoes."
          ), to: inner.width), at: row(inner, 1).origin, style: theme.dim)
      keys(TodayScreen.removalKeys, into: &buffer, in: row(inner, 2), theme: theme)
    }
  }

  /// The pain form: the level, its zone, when and what it is about, and what saving it will
  /// change (worded from the scheduler's `PainConsequence`, as `rehabit pain` says it).
  static let painConsequenceRows = 3

  private static func renderPain(
    _ form: PainForm, state: TodayFrame, width: Int, into buffer: inout ScreenBuffer,
    theme: Theme
  ) {
    let inner = dialog(
      title: "Pain on \(state.day.weekday.shortName) \(state.day)",
      height: 6 + painConsequenceRows, width: width, into: &buffer, theme: theme)
    let filled = theme.unicode ? "█" : "#"
    let empty = theme.unicode ? "·" : "."
    let bar =
      String(repeating: filled, count: form.level)
      + String(repeating: empty, count: PainEntry.levels.upperBound - form.level)
    var x = inner.x
    x += buffer.put("Level ", at: Point(x: x, y: inner.y))
    x += buffer.put(
      "\(form.level < 10 ? " " : "")\(form.level)/10", at: Point(x: x, y: inner.y),
      style: theme.title)
    buffer.put(" " + bar, at: Point(x: x, y: inner.y))
    let zoneStyle = form.level > PainZones.acceptableMax ? theme.caution : Style.plain
    buffer.put(
      theme.text(form.zone), at: row(inner, 1).origin, style: zoneStyle, maxWidth: inner.width)
    let session = form.sessionDay.map { " (about \($0.labelWithWeekday))" } ?? ""
    let timing =
      form.timing == .during
      ? "When:  during or right after exercise" : "When:  on waking\(session)"
    buffer.put(theme.text(timing), at: row(inner, 2).origin, maxWidth: inner.width)
    let about = form.aboutItem.map { "About: \(label(of: $0))" } ?? "About: the whole session"
    buffer.put(theme.text(about), at: row(inner, 3).origin, maxWidth: inner.width)
    let detail: String
    var style = theme.dim
    if let problem = form.problem {
      detail = problem
      style = theme.error
    } else if let consequence = form.consequence {
      detail = "Saving it: " + PainConsequenceText.summary(consequence)
    } else if let context = form.context, !context.canLog(form.timing) {
      detail =
        "\(context.sessionDay(form.timing).labelWithWeekday) is before the programme: nothing to log on waking."
      style = theme.error
    } else {
      detail = "Reading the day's pain…"
    }
    let lines = WrappedText.lines(theme.text(detail), width: max(1, inner.width))
    for (index, line) in lines.prefix(painConsequenceRows).enumerated() {
      let shown =
        index == painConsequenceRows - 1 && lines.count > painConsequenceRows
        ? DisplayWidth.truncated(
          line + " " + lines[index + 1], to: inner.width, ellipsis: theme.text("…"))
        : line
      buffer.put(shown, at: row(inner, 4 + index).origin, style: style, maxWidth: inner.width)
    }
    keys(
      TodayScreen.painFormKeys, into: &buffer, in: row(inner, 5 + painConsequenceRows),
      theme: theme)
  }

  /// "Calf stretch (left)", "… (left, 2 of 2)": as the Today list labels an item.
  private static func label(of item: ChecklistItem) -> String {
    TodayEntry(item: item).label
  }

  /// A centred box with a title; returns the area inside it, one column of padding each side.
  static func dialog(
    title: String, height: Int, width: Int, into buffer: inout ScreenBuffer, theme: Theme
  ) -> Rect {
    let rect = buffer.bounds.centered(Size(width: width, height: height + 2))
    Box(title: title, style: theme.title, unicode: theme.unicode).render(into: &buffer, in: rect)
    return Box.contentRect(of: rect).inset(top: 0, left: 1, bottom: 0, right: 1)
  }

  static func row(_ rect: Rect, _ index: Int) -> Rect {
    Rect(x: rect.x, y: rect.y + index, width: rect.width, height: 1)
  }

  static func keys(
    _ table: KeyTable<AppAction>, into buffer: inout ScreenBuffer, in rect: Rect, theme: Theme
  ) {
    HelpBar(items: table.helpBarItems(unicode: theme.unicode)).render(into: &buffer, in: rect)
  }
}
