import RehabCore
import TerminalUI

/// Draws the Programme screen: the treatments in force on the day (a row each), the latest
/// revisions, or the open form, or the 7-day preview of the change; the message and the keys.
extension ProgrammeScreen {
  static func render(
    _ view: ProgrammeView, app: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    let subtitle: String
    switch view.form?.step {
    case nil: subtitle = "My programme"
    case .editing?, .loadingPreview?: subtitle = "My programme" + theme.separator + "change"
    case .previewing?, .saving?: subtitle = "My programme" + theme.separator + "preview"
    }
    renderHeader(subtitle, day: view.day, app: app, into: &buffer, theme: theme)
    if let form = view.form, let programme = app.programme {
      switch form.step {
      case .editing, .loadingPreview:
        renderForm(form, programme: programme, into: &buffer, theme: theme)
      case .previewing(let revision, let preview), .saving(let revision, let preview):
        renderPreview(
          form, revision: revision, preview: preview, programme: programme, into: &buffer,
          theme: theme)
      }
    } else {
      renderList(view, app: app, into: &buffer, theme: theme)
    }
    theme.helpBar(keys(for: view), into: &buffer, row: size.height - 1)
  }

  private static func renderHeader(
    _ title: String, day: CalendarDay, app: AppState, into buffer: inout ScreenBuffer,
    theme: Theme
  ) {
    let width = buffer.size.width
    let right = theme.text(TodayScreen.dayLabel(day, today: app.today))
    let rightWidth = DisplayWidth.of(right)
    buffer.put(right, at: Point(x: width - rightWidth - 1, y: 0), style: theme.title)
    var x = 1
    x += buffer.put("rehabit", at: Point(x: x, y: 0), style: theme.title)
    buffer.put(
      theme.truncated(theme.text(theme.separator + title), to: max(0, width - rightWidth - 3 - x)),
      at: Point(x: x, y: 0))
  }

  /// The message line: the app's message, else `fallback` (an error).
  private static func renderMessage(
    _ app: AppState, fallback: String?, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let row = buffer.size.height - 2
    let width = buffer.size.width - 2
    if let message = app.message {
      buffer.put(
        theme.truncated(theme.text(message.text), to: width), at: Point(x: 1, y: row),
        style: message.kind == .error ? theme.error : .plain)
    } else if let fallback {
      buffer.put(
        theme.truncated(theme.text(fallback), to: width), at: Point(x: 1, y: row),
        style: theme.error)
    }
  }

  // MARK: The list

  /// The columns of the treatment rows; kind and weeks only where there is room. The name
  /// gets what it needs first, the schedule the rest (the detail lines show both in full).
  struct Columns {
    var name: Int
    var kind: Int
    var side: Int
    var dose: Int
    var schedule: Int
    var weeks: Int

    init(width: Int, longestName: Int) {
      let wide = width >= 76
      kind = wide ? 14 : 0
      weeks = wide ? 6 : 0
      side = 6
      dose = 12
      let rest = max(20, width - 4 - kind - weeks - side - dose)
      name = min(longestName + 2, max(12, rest - 14))
      schedule = rest - name
    }
  }

  /// The rows of the list body (from row 4 to above the message line): the treatments, the
  /// selected one in full, the latest revisions.
  struct ListLayout {
    var listRows: Int
    var detailRows: Int
    var revisionRows: Int

    init(height: Int, treatments: Int, revisions: Int) {
      let body = max(0, height - 6)
      revisionRows = revisions == 0 ? 1 : 1 + min(revisions, body >= 16 ? 3 : 1)
      detailRows = body >= 14 ? 2 : 1
      listRows = max(1, min(treatments, body - revisionRows - detailRows - 2))
    }
  }

  /// Schedule words short enough for the list: "as Elastic band eversion".
  static func shortSchedule(_ schedule: Schedule, plan: ProgrammePlan) -> String {
    if case .sameDaysAs(let ids) = schedule.pattern {
      return "as " + ItemCardText.namesOf(ids, in: plan)
    }
    return ItemCardText.scheduleWords(schedule, plan: plan)
  }

  private static func renderList(
    _ view: ProgrammeView, app: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    renderMessage(app, fallback: view.problem, into: &buffer, theme: theme)
    guard let overview = view.overview, let programme = app.programme else {
      if view.problem == nil {
        buffer.put("Loading…", at: Point(x: 3, y: 3), style: theme.dim)
      }
      return
    }
    let week = overview.programmeWeek.map { "week \($0) of \(overview.weeks)" } ?? "outside it"
    buffer.put(
      theme.truncated(
        theme.text(
          "\(week) (\(overview.start) – \(overview.end))\(theme.separator)\(overview.title)"),
        to: size.width - 2), at: Point(x: 1, y: 1), style: theme.dim)
    let lines = overview.treatments
    let longest = lines.map { DisplayWidth.of(theme.text($0.treatment.name)) }.max() ?? 0
    let columns = Columns(width: size.width, longestName: longest)
    var x = 3
    func head(_ text: String, _ width: Int) {
      guard width > 0 else { return }
      buffer.put(text, at: Point(x: x, y: 3), style: theme.dim, maxWidth: width - 1)
      x += width
    }
    head("Treatment", columns.name)
    head("Kind", columns.kind)
    head("Side", columns.side)
    head("Dose", columns.dose)
    head("Schedule", columns.schedule)
    head("Weeks", columns.weeks)

    let layout = ListLayout(
      height: size.height, treatments: lines.count, revisions: overview.revisions.count)
    let listRows = layout.listRows
    let offset = max(0, min(view.selection - listRows + 1, lines.count - listRows))
    for (row, index) in (offset..<min(lines.count, offset + listRows)).enumerated() {
      renderLine(
        lines[index], week: overview.programmeWeek, programme: programme, columns: columns,
        selected: index == view.selection, y: 4 + row, into: &buffer, theme: theme)
    }
    if offset > 0 {
      buffer.put(theme.unicode ? "↑" : "^", at: Point(x: size.width - 1, y: 4), style: theme.dim)
    }
    if offset + listRows < lines.count {
      buffer.put(
        theme.unicode ? "↓" : "v", at: Point(x: size.width - 1, y: 4 + listRows - 1),
        style: theme.dim)
    }
    let detailY = 4 + listRows + 1
    if let line = view.selectedLine {
      renderDetail(
        line, overview: overview, programme: programme,
        rect: Rect(x: 3, y: detailY, width: size.width - 4, height: layout.detailRows),
        into: &buffer, theme: theme)
    }
    let revisionsY = detailY + layout.detailRows + 1
    renderRevisions(
      overview.revisions, programme: programme,
      rect: Rect(x: 1, y: revisionsY, width: size.width - 2, height: layout.revisionRows),
      into: &buffer, theme: theme)
  }

  /// The selected treatment in full: its name, side rule and schedule, then its progression
  /// and the revisions in force on it.
  private static func renderDetail(
    _ line: ProgrammeOverview.TreatmentLine, overview: ProgrammeOverview, programme: Programme,
    rect: Rect, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let treatment = line.treatment
    let side = ProgrammeText.sideChoice(treatment.side, affected: programme.affectedSide)
    let schedule = ItemCardText.scheduleWords(treatment.schedule, plan: programme.plan)
    var first = "\(treatment.name): \(side), \(schedule)"
    if case .paused(let until) = line.status {
      first += until.map { ", paused through \($0.labelWithWeekday)" } ?? ", paused until resumed"
    }
    if line.status == .removed { first += ", removed" }
    let progression =
      line.progression.map {
        "progresses \(ItemCardText.progressionWords($0)) from week \(line.progressionFromWeek)"
      } ?? "no progression"
    let changed = line.revisions.count
    let second =
      "\(progression)\(theme.separator)"
      + (changed == 0 ? "as prescribed" : "\(changed) change\(changed == 1 ? "" : "s") in force")
    let rows = rect.height >= 2 ? [first, second] : [first + theme.separator + second]
    for (index, text) in rows.prefix(rect.height).enumerated() {
      buffer.put(
        theme.truncated(theme.text(text), to: rect.width), at: Point(x: rect.x, y: rect.y + index),
        style: index == 0 ? theme.title : theme.dim)
    }
  }

  private static func renderLine(
    _ line: ProgrammeOverview.TreatmentLine, week: Int?, programme: Programme, columns: Columns,
    selected: Bool, y: Int, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let inactive = line.status != .active
    let base: Style = line.status == .removed ? theme.dim : .plain
    let rowStyle = selected ? base.merged(with: theme.selected) : base
    if selected {
      buffer.fill(Rect(x: 1, y: y, width: buffer.size.width - 3, height: 1), with: rowStyle)
      buffer.put(theme.unicode ? "›" : ">", at: Point(x: 1, y: y), style: rowStyle)
    }
    let treatment = line.treatment
    var x = 3
    func cell(_ text: String, _ width: Int, _ style: Style) {
      guard width > 0 else { return }
      buffer.put(
        theme.truncated(theme.text(text), to: width - 1), at: Point(x: x, y: y),
        style: selected ? style.merged(with: theme.selected) : style)
      x += width
    }
    cell(treatment.name, columns.name, base)
    cell(treatment.kind.rawValue, columns.kind, base)
    cell(ProgrammeText.side(treatment.side, affected: programme.affectedSide), columns.side, base)
    cell(
      ProgrammeText.dose(line, week: week), columns.dose,
      line.status == .removed ? theme.dim : inactive ? theme.caution : theme.title)
    let schedule =
      ProgrammeText.pauseEnd(line.status)
      ?? shortSchedule(treatment.schedule, plan: programme.plan)
    cell(schedule, columns.schedule, inactive ? theme.caution.merged(with: base) : base)
    cell(ProgrammeText.weeks(treatment, programmeWeeks: programme.weeks), columns.weeks, base)
  }

  private static func renderRevisions(
    _ revisions: [ProgrammeRevision], programme: Programme, rect: Rect,
    into buffer: inout ScreenBuffer, theme: Theme
  ) {
    guard rect.height > 0 else { return }
    guard !revisions.isEmpty else {
      buffer.put(
        theme.truncated("No changes yet: the programme as prescribed.", to: rect.width),
        at: rect.origin, style: theme.dim)
      return
    }
    buffer.put(
      theme.truncated(
        "Changes (\(revisions.count), newest first; \(TodayScreen.keyLabel(for: .undo)) on Today undoes the last)",
        to: rect.width),
      at: rect.origin, style: theme.heading)
    for (row, revision) in revisions.reversed().prefix(max(0, rect.height - 1)).enumerated() {
      let day =
        "\(revision.effective.weekday.shortName) \(revision.effective.description.dropFirst(5))"
      var text = "from \(day)  \(ProgrammeText.describe(revision, programme: programme))"
      if let note = revision.note { text += theme.separator + note }
      buffer.put(
        theme.truncated(theme.text(text), to: rect.width - 2),
        at: Point(x: rect.x + 2, y: rect.y + 1 + row))
    }
  }

  // MARK: The form

  static let formLabelWidth = 13

  private static func renderForm(
    _ form: ProgrammeForm, programme: Programme, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    let treatment = form.treatment
    let what: String
    switch form.kind {
    case .change: what = "Change"
    case .pause: what = "Pause"
    case .resume: what = "Resume"
    }
    let now =
      "\((form.shownDose ?? treatment.dose).text), \(ItemCardText.scheduleWords(treatment.schedule, plan: programme.plan)), \(ProgrammeText.side(treatment.side, affected: programme.affectedSide))"
    buffer.put(
      theme.truncated(theme.text("\(what) \(treatment.name) (now \(now))"), to: size.width - 2),
      at: Point(x: 1, y: 1), style: theme.title)
    let fieldX = 3 + formLabelWidth
    // Fields from row 3; each field's hint goes after it where there is room.
    for (index, field) in form.fields.enumerated() {
      let y = 3 + index
      guard y < size.height - 4 else { break }
      let focused = index == form.focus
      if focused {
        buffer.put(theme.unicode ? "›" : ">", at: Point(x: 1, y: y), style: theme.title)
      }
      let invalid = form.problem?.field == field
      buffer.put(
        field.label, at: Point(x: 3, y: y), style: focused ? theme.title : .plain,
        maxWidth: formLabelWidth - 1)
      var x = fieldX
      if field == .side {
        let choice = ProgrammeText.sideChoice(form.side, affected: programme.affectedSide)
        let shown = theme.unicode ? "‹ \(choice) ›" : "< \(choice) >"
        x += buffer.put(
          shown, at: Point(x: x, y: y), style: focused ? theme.selected : Style(underline: true))
      } else if var input = form.inputs[field] {
        let width = fieldWidth(field, available: size.width - fieldX - 2)
        input.style = invalid ? theme.error : Style(underline: true)
        if !focused { input.cursorStyle = input.style }
        buffer.put("[", at: Point(x: x, y: y), style: theme.dim)
        input.render(into: &buffer, in: Rect(x: x + 1, y: y, width: width - 2, height: 1))
        buffer.put("]", at: Point(x: x + width - 1, y: y), style: theme.dim)
        x += width
      }
      if invalid {
        buffer.put(theme.unicode ? "✗" : "!", at: Point(x: x, y: y), style: theme.error)
      }
      if let hint = hint(field, form: form, programme: programme) {
        buffer.put(
          theme.truncated(theme.text(hint), to: max(0, size.width - x - 4)),
          at: Point(x: x + 2, y: y), style: theme.dim)
      }
    }
    let messageY = min(size.height - 3, 3 + form.fields.count + 1)
    if case .loadingPreview = form.step {
      buffer.put("Reading the next 7 days…", at: Point(x: 1, y: messageY))
    } else if let problem = form.problem {
      let lines = WrappedText.lines(theme.text(problem.message), width: size.width - 2)
      for (row, line) in lines.prefix(max(1, size.height - 2 - messageY)).enumerated() {
        buffer.put(line, at: Point(x: 1, y: messageY + row), style: theme.error)
      }
    } else {
      let preview = formKeys.keysLabel(for: .programme(.preview)) ?? "?"
      buffer.put(
        theme.truncated(
          theme.text(
            "Enter on the last field or \(preview) shows the next 7 days before anything is saved."
          ), to: size.width - 2), at: Point(x: 1, y: messageY), style: theme.dim)
    }
  }

  /// The field's width with its brackets.
  private static func fieldWidth(_ field: ProgrammeForm.Field, available: Int) -> Int {
    let wanted: Int
    switch field {
    case .from, .until: wanted = 13
    case .sets, .reps, .holdSeconds, .repetitions, .minutes: wanted = 6
    case .load, .schedule: wanted = 24
    case .note: wanted = available
    case .side: wanted = 0
    }
    return max(4, min(wanted, available))
  }

  /// What the field takes, dimmed after it.
  private static func hint(_ field: ProgrammeForm.Field, form: ProgrammeForm, programme: Programme)
    -> String?
  {
    switch field {
    case .from:
      guard let day = CalendarDay(form.text(.from)) else { return "YYYY-MM-DD" }
      let week = programme.programmeWeek(of: day).map { ", week \($0)" } ?? ", outside it"
      return "\(day.weekday.shortName)\(week)"
    case .until:
      return CalendarDay(form.text(.until)).map { "last paused day: \($0.weekday.shortName)" }
        ?? "YYYY-MM-DD or empty"
    case .sets: return range(Dose.Limits.sets)
    case .reps: return range(Dose.Limits.reps)
    case .holdSeconds: return range(Dose.Limits.holdSeconds)
    case .repetitions: return range(Dose.Limits.repetitions)
    case .minutes:
      return range(form.treatment.kind.isThermal ? Dose.Limits.thermalMinutes : Dose.Limits.minutes)
    case .load: return nil
    case .schedule: return "daily, 3, mon,wed,fri"
    case .side: return "\(sideKeys.keysLabel(for: .programme(.cycleSide(1))) ?? "?") changes"
    case .note: return nil
    }
  }

  private static func range(_ range: ClosedRange<Int>) -> String {
    "\(range.lowerBound)–\(range.upperBound)"
  }

  // MARK: The preview

  private static func renderPreview(
    _ form: ProgrammeForm, revision: ProgrammeRevision, preview: RevisionPreview,
    programme: Programme, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    let width = size.width - 2
    buffer.put(
      theme.truncated(
        theme.text(
          "From \(revision.effective.labelWithWeekday): \(ProgrammeText.describe(revision, programme: programme))"
        ), to: width), at: Point(x: 1, y: 1), style: theme.title)
    if let note = revision.note {
      buffer.put(
        theme.truncated(theme.text("Note: \(note)"), to: width), at: Point(x: 1, y: 2),
        style: theme.dim)
    }
    let days = zip(preview.current, preview.revised).map { current, revised in
      (current.day, ProgrammeText.changes(current: current, revised: revised))
    }
    let changed = days.filter { !$0.1.isEmpty }.count
    let first = preview.current.first?.day ?? revision.effective
    let summary =
      changed == 0
      ? "No item changes in the \(days.count) days from \(first.labelWithWeekday); saving still records it."
      : "Changes on \(changed) of the \(days.count) days from \(first.labelWithWeekday):"
    buffer.put(
      theme.truncated(theme.text(summary), to: width), at: Point(x: 1, y: 3), style: theme.heading)
    for (row, (day, changes)) in days.enumerated() {
      let y = 5 + row
      guard y < size.height - 3 else { break }
      let label = "\(day.weekday.shortName) \(day.description.dropFirst(5))"
      let x = 3 + buffer.put(label, at: Point(x: 3, y: y), style: theme.title) + 2
      let text = changes.isEmpty ? "no change" : changes.joined(separator: "; ")
      buffer.put(
        theme.truncated(theme.text(text), to: max(0, size.width - x - 1)), at: Point(x: x, y: y),
        style: changes.isEmpty ? theme.dim : .plain)
    }
    let messageY = size.height - 3
    if case .saving = form.step {
      buffer.put("Saving…", at: Point(x: 1, y: messageY))
    } else if let problem = form.problem {
      buffer.put(
        theme.truncated(theme.text(problem.message), to: width), at: Point(x: 1, y: messageY),
        style: theme.error)
    } else {
      let save = previewKeys.keysLabel(for: .programme(.confirm)) ?? "?"
      let back = previewKeys.keysLabel(for: .programme(.cancel)) ?? "?"
      buffer.put(
        theme.truncated(
          theme.text("\(save) saves this change; \(back) goes back to the form."), to: width),
        at: Point(x: 1, y: messageY), style: theme.dim)
    }
  }
}
