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
      let inner = dialog(
        title: "Pain on \(state.day.weekday.shortName) \(state.day)", height: 6, width: width,
        into: &buffer, theme: theme)
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
      let timing =
        form.timing == .during
        ? "When:  during or right after exercise" : "When:  on waking, the next morning"
      buffer.put(timing, at: row(inner, 2).origin, maxWidth: inner.width)
      let about: String
      if form.itemId == nil {
        about = "About: the whole session"
      } else {
        about = form.aboutItem ? "About: \(form.itemLabel)" : "About: the whole session"
      }
      buffer.put(about, at: row(inner, 3).origin, maxWidth: inner.width)
      keys(TodayScreen.painFormKeys, into: &buffer, in: row(inner, 5), theme: theme)
    }
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
