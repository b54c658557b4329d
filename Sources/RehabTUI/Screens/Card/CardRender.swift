import RehabCore
import TerminalUI

/// Draws the card: a header with the item and its day, a scrolling body of labelled rows
/// (dose, load, schedule, why, how, pain rule, last done), the message line and the keys.
extension CardScreen {
  /// Header on rows 0 and 1, the body from row 3, the message and key lines at the bottom.
  static func bodyRect(in size: Size) -> Rect {
    Rect(x: 1, y: 3, width: max(0, size.width - 2), height: max(0, size.height - 5))
  }

  static let labelWidth = 11

  static func render(
    _ view: CardView, app: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    renderHeader(view, app: app, into: &buffer, theme: theme)
    let body = bodyRect(in: size)
    var more = false
    if let card = view.card, let programme = app.programme(on: view.day) {
      let lines = self.lines(card, programme: programme, width: body.width, theme: theme)
      let offset = visibleOffset(view.scrollOffset, lineCount: lines.count, in: size)
      for (row, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
        let y = body.y + row
        buffer.put(line.label, at: Point(x: body.x, y: y), style: theme.heading)
        buffer.put(
          line.text, at: Point(x: body.x + labelWidth, y: y), style: line.style,
          maxWidth: body.width - labelWidth)
      }
      if offset > 0 {
        buffer.put(
          theme.unicode ? "↑" : "^", at: Point(x: size.width - 1, y: body.y), style: theme.dim)
      }
      more = offset + body.height < lines.count
    } else if view.problem == nil {
      buffer.put("Loading…", at: Point(x: 3, y: body.y), style: theme.dim)
    }
    let messageRow = size.height - 2
    var hintWidth = 0
    if more {
      let hint = theme.unicode ? "↓ more: ↓/j scrolls" : "v more: Down/j scrolls"
      hintWidth = DisplayWidth.of(hint) + 2
      buffer.put(hint, at: Point(x: size.width - hintWidth + 1, y: messageRow), style: theme.dim)
    }
    if let problem = view.problem {
      buffer.put(
        theme.truncated(theme.text(problem), to: size.width - 2 - hintWidth),
        at: Point(x: 1, y: messageRow), style: theme.error)
    }
    theme.helpBar(keys(for: view), into: &buffer, row: size.height - 1)
  }

  /// The first body line shown: the scroll offset, stopped where the last line is at the bottom.
  static func visibleOffset(_ scrollOffset: Int, lineCount: Int, in size: Size) -> Int {
    min(scrollOffset, max(0, lineCount - bodyRect(in: size).height))
  }

  /// The first body line shown for `view` at `size` (nil while nothing is loaded).
  static func visibleOffset(_ view: CardView, app: AppState, size: Size, theme: Theme) -> Int? {
    guard let card = view.card, let programme = app.programme(on: view.day) else { return nil }
    let count = lines(card, programme: programme, width: bodyRect(in: size).width, theme: theme)
      .count
    return visibleOffset(view.scrollOffset, lineCount: count, in: size)
  }

  private static func renderHeader(
    _ view: CardView, app: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let width = buffer.size.width
    let right = theme.text(TodayScreen.dayLabel(view.day, today: app.today))
    let rightWidth = DisplayWidth.of(right)
    buffer.put(right, at: Point(x: width - rightWidth - 1, y: 0), style: theme.title)
    var x = 1
    x += buffer.put("rehabit", at: Point(x: x, y: 0), style: theme.title)
    buffer.put(
      theme.truncated(
        theme.text(theme.separator + "Item card"), to: max(0, width - rightWidth - 3 - x)),
      at: Point(x: x, y: 0))
    var title = view.label
    if let card = view.card {
      let item = card.item
      var detail = "\(item.kind.rawValue), \(item.side.rawValue)"
      if item.occurrencesPerDay > 1 {
        detail += ", \(item.occurrence) of \(item.occurrencesPerDay)"
      }
      title = "\(item.name) (\(detail))"
    }
    buffer.put(
      theme.truncated(theme.text(title), to: width - 2), at: Point(x: 1, y: 1), style: theme.title)
  }

  /// One row of the body: a label (on the first row of a block only) and its text.
  struct Line: Equatable {
    var label: String
    var text: String
    var style: Style
  }

  /// The body at `width`: each block's text wrapped beside its label, stored text sanitised.
  static func lines(_ card: ItemCard, programme: Programme, width: Int, theme: Theme) -> [Line] {
    let item = card.item
    let status: String
    switch card.status {
    case .pending: status = "not done yet"
    case .done: status = "done"
    case .skipped: status = "skipped"
    }
    let blocks: [(String, String, Style)] = [
      (
        "Dose",
        "\(item.dose.text) (week \(item.programmeWeek) of \(programme.weeks))\(theme.separator)\(status)",
        theme.title
      ),
      ("Load", card.load ?? "none given", .plain),
      (
        "Schedule", ItemCardText.scheduleWords(card.treatment.schedule, plan: programme.plan),
        .plain
      ),
      ("Why", ItemCardText.doseReasons(card).joined(separator: " "), .plain),
      ("How", card.treatment.instructions, .plain),
      ("Pain", ItemCardText.painRule, theme.caution),
      ("Last done", card.lastDone?.labelWithWeekday ?? "not yet", .plain),
    ]
    let textWidth = max(1, width - labelWidth)
    var lines: [Line] = []
    for (label, text, style) in blocks {
      for (index, row) in WrappedText.lines(theme.text(text), width: textWidth).enumerated() {
        lines.append(Line(label: index == 0 ? label : "", text: row, style: style))
      }
    }
    return lines
  }
}
