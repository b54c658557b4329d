import RehabCore
import RehabQueries
import TerminalUI

/// Draws the setup wizard: a header with the step, the step's content, a problem line and the
/// step's keys.
extension SetupScreen {
  static func render(
    _ wizard: SetupWizard, app state: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    let stepText = "step \(wizard.step.rawValue + 1) of \(SetupWizard.Step.allCases.count)"
    buffer.put(
      stepText, at: Point(x: size.width - DisplayWidth.of(stepText) - 1, y: 0), style: theme.dim)
    buffer.put("rehabit: set up your programme", at: Point(x: 1, y: 0), style: theme.title)
    buffer.put(wizard.step.title, at: Point(x: 1, y: 2), style: theme.heading)
    let body = bodyRect(in: size)
    switch wizard.step {
    case .template: renderTemplates(wizard, into: &buffer, in: body, theme: theme)
    case .startDay:
      renderField(
        wizard.startField,
        intro:
          "The day you start (YYYY-MM-DD). Today is \(state.today.weekday.shortName) \(state.today); an earlier day lets you fill in what you have already done.",
        into: &buffer, in: body, theme: theme)
    case .weeks:
      let suggested = wizard.template.map { "\($0.plan.weeks)" } ?? "?"
      let limits = ProgrammePlan.weekLimits
      renderField(
        wizard.weeksField,
        intro:
          "How many weeks? The programme suggests \(suggested) (\(limits.lowerBound)–\(limits.upperBound)).",
        into: &buffer, in: body, theme: theme)
    case .side: renderSides(wizard, into: &buffer, in: body, theme: theme)
    case .preview: renderPreview(wizard, into: &buffer, in: body, theme: theme)
    case .confirm: renderConfirm(wizard, into: &buffer, in: body, theme: theme)
    }
    let problem = wizard.isSaving ? "Saving…" : wizard.problem
    if let problem {
      buffer.put(
        theme.truncated(theme.text(problem), to: size.width - 2),
        at: Point(x: 1, y: size.height - 3), style: wizard.isSaving ? .plain : theme.error)
    }
    theme.helpBar(keys(for: wizard), into: &buffer, row: size.height - 1)
  }

  private static func renderTemplates(
    _ wizard: SetupWizard, into buffer: inout ScreenBuffer, in body: Rect, theme: Theme
  ) {
    guard !wizard.templates.isEmpty else {
      buffer.put("No programme templates are available.", at: body.origin, style: theme.error)
      return
    }
    let (left, rest) = body.splitLeft(min(32, body.width / 2))
    let right = rest.inset(left: 2)
    let list = ListView(
      rows: wizard.templates.map { .item(" " + $0.plan.title) }, selection: wizard.templateIndex)
    list.render(into: &buffer, in: left)
    guard let plan = wizard.template?.plan else { return }
    var y = right.y
    for line in WrappedText.lines(plan.title, width: right.width) where y < right.maxY {
      buffer.put(line, at: Point(x: right.x, y: y), style: theme.title)
      y += 1
    }
    let treatments = plan.treatments.filter(\.kind.isHomeTask).count
    buffer.put(
      theme.text("\(plan.weeks) weeks · \(treatments) home treatments"),
      at: Point(x: right.x, y: y), style: theme.dim, maxWidth: right.width)
    y += 2
    WrappedText(theme.text(plan.description)).render(
      into: &buffer, in: Rect(x: right.x, y: y, width: right.width, height: right.maxY - y))
  }

  private static func renderField(
    _ field: TextField, intro: String, into buffer: inout ScreenBuffer, in body: Rect, theme: Theme
  ) {
    let lines = WrappedText.lines(theme.text(intro), width: body.width)
    for (index, line) in lines.enumerated() {
      buffer.put(line, at: Point(x: body.x, y: body.y + index))
    }
    let y = body.y + lines.count + 1
    buffer.put("> ", at: Point(x: body.x, y: y), style: theme.title)
    field.render(
      into: &buffer, in: Rect(x: body.x + 2, y: y, width: min(30, body.width - 2), height: 1))
  }

  private static func renderSides(
    _ wizard: SetupWizard, into buffer: inout ScreenBuffer, in body: Rect, theme: Theme
  ) {
    let intro =
      "Which ankle is affected? Exercises for the affected side go on this side; \"both\" is for both ankles."
    let lines = WrappedText.lines(intro, width: body.width)
    for (index, line) in lines.enumerated() {
      buffer.put(line, at: Point(x: body.x, y: body.y + index))
    }
    let list = ListView(
      rows: SetupWizard.sides.map { .item(" " + $0.rawValue) }, selection: wizard.sideIndex)
    list.render(
      into: &buffer,
      in: Rect(x: body.x, y: body.y + lines.count + 1, width: min(20, body.width), height: 3))
  }

  /// Week 1, one line per day: the items as the Today screen will list them.
  static func previewLines(_ programme: Programme, width: Int, theme: Theme) -> [String] {
    var lines: [String] = []
    for checklist in ProgressQueries.preview(of: programme, days: 7) {
      let day = checklist.day
      let items = checklist.entries.map(\.item)
      // Several sessions a day show once, with a count: "Heel drops (L) × 2".
      var labels: [(text: String, count: Int)] = []
      for item in items {
        let side = item.side == .both ? "" : " (\(item.side.rawValue.prefix(1).uppercased()))"
        let text = item.name + side
        if let last = labels.last, last.text == text {
          labels[labels.count - 1].count += 1
        } else {
          labels.append((text, 1))
        }
      }
      let names =
        labels.isEmpty
        ? "rest day"
        : labels.map { $0.count > 1 ? "\($0.text) × \($0.count)" : $0.text }.joined(
          separator: ", ")
      let lead = "\(day.weekday.shortName) \(day)  "
      let wrapped = WrappedText.lines(names, width: max(1, width - DisplayWidth.of(lead)))
      for (index, line) in wrapped.enumerated() {
        lines.append(
          (index == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))) + line)
      }
    }
    return lines.map(theme.text)
  }

  private static func renderPreview(
    _ wizard: SetupWizard, into buffer: inout ScreenBuffer, in body: Rect, theme: Theme
  ) {
    guard let programme = wizard.programme else { return }
    buffer.put(
      theme.truncated(
        theme.text(
          "\(programme.plan.title) · \(programme.weeks) weeks · affected side: \(programme.affectedSide.rawValue)"
        ), to: body.width),
      at: body.origin, style: theme.dim)
    let lines = previewLines(programme, width: body.width, theme: theme)
    for (index, line) in lines.enumerated() where index + 2 < body.height {
      buffer.put(line, at: Point(x: body.x, y: body.y + 2 + index), maxWidth: body.width)
    }
  }

  private static func renderConfirm(
    _ wizard: SetupWizard, into buffer: inout ScreenBuffer, in body: Rect, theme: Theme
  ) {
    let lines = confirmLines(wizard, width: body.width, theme: theme)
    let offset = confirmOffset(wizard.confirmScroll, lineCount: lines.count, in: body)
    for (row, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
      buffer.put(
        line.text, at: Point(x: body.x, y: body.y + row), style: line.style,
        maxWidth: body.width)
    }
    if offset > 0 {
      buffer.put(
        theme.unicode ? "↑" : "^", at: Point(x: body.maxX, y: body.y), style: theme.dim)
    }
    if offset + body.height < lines.count {
      let hint = theme.unicode ? "↓ more: ↓/j scrolls" : "v more: Down/j scrolls"
      buffer.put(
        hint, at: Point(x: body.maxX - DisplayWidth.of(hint) + 1, y: body.maxY + 1),
        style: theme.dim)
    }
  }

  /// The body of the last step: the programme in one sentence, then the whole red-flag list of
  /// `SafetyText` (heading, signs, cautions), wrapped to `width`.
  static func confirmLines(_ wizard: SetupWizard, width: Int, theme: Theme)
    -> [(text: String, style: Style)]
  {
    guard let programme = wizard.programme else { return [] }
    let summary =
      "\(programme.plan.title): \(programme.weeks) weeks, \(programme.start.weekday.shortName) \(programme.start) to \(programme.end.weekday.shortName) \(programme.end), affected side \(programme.affectedSide.rawValue)."
    var lines: [(text: String, style: Style)] = WrappedText.lines(
      theme.text(summary), width: width
    ).map { ($0, .plain) }
    lines.append(("", .plain))
    lines += WrappedText.lines(theme.text(SafetyText.redFlagsHeading), width: width).map {
      ($0, theme.caution)
    }
    let bullet = theme.unicode ? "• " : "- "
    for flag in SafetyText.redFlags {
      for (index, line) in WrappedText.lines(theme.text(flag), width: max(1, width - 2))
        .enumerated()
      {
        lines.append(((index == 0 ? bullet : "  ") + line, .plain))
      }
    }
    for caution in SafetyText.redFlagCautions {
      lines += WrappedText.lines(theme.text(caution), width: width).map { ($0, .plain) }
    }
    return lines
  }

  /// The first line of the last step shown: its scroll, stopped where the last line is at the
  /// bottom of `body`.
  static func confirmOffset(_ scroll: Int, lineCount: Int, in body: Rect) -> Int {
    min(scroll, max(0, lineCount - body.height))
  }

  /// The body of every step, below the step's title and above the problem line.
  static func bodyRect(in size: Size) -> Rect {
    Rect(x: 1, y: 4, width: size.width - 2, height: max(0, size.height - 7))
  }

  /// The first line of the last step as drawn for `wizard` at `size`.
  static func visibleConfirmOffset(_ wizard: SetupWizard, size: Size, theme: Theme) -> Int {
    let body = bodyRect(in: size)
    let count = confirmLines(wizard, width: body.width, theme: theme).count
    return confirmOffset(wizard.confirmScroll, lineCount: count, in: body)
  }
}
