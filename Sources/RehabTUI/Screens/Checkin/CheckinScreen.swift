import RehabCore
import TerminalUI

/// Draws the check-in form: a row per measure with its title, left and right side by side for
/// a sided measure, the unit and range; what the focused measure means; the problem with the
/// focused field (checked as typed); the keys.
extension CheckinScreen {
  /// "[", seven cells of input, "]".
  static let fieldWidth = 9

  static func render(
    _ form: CheckinForm, app state: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    renderHeader(form, state: state, into: &buffer, theme: theme)
    // The column heads on row 3, the fields from row 4, then the problem with the focused
    // field and what its measure means; at least two lines of that stay above the keys.
    let rows = min(form.measures.count, max(1, size.height - 10))
    let fieldsRect = Rect(x: 0, y: 4, width: size.width, height: rows)
    renderFields(form, into: &buffer, in: fieldsRect, theme: theme)
    let problemRow = fieldsRect.maxY + 1
    if let field = form.focusedField {
      let about = WrappedText.lines(
        theme.text(description(of: field.measure)), width: size.width - 4)
      let room = max(0, size.height - 2 - (problemRow + 2))
      for (index, line) in about.prefix(room).enumerated() {
        buffer.put(line, at: Point(x: 3, y: problemRow + 2 + index), style: theme.dim)
      }
    }
    if form.isSaving {
      buffer.put("Saving…", at: Point(x: 1, y: problemRow))
    } else if let problem = form.focusedField?.problem ?? form.problem {
      buffer.put(
        theme.truncated(theme.text(problem), to: size.width - 2), at: Point(x: 1, y: problemRow),
        style: theme.error)
    }
    theme.helpBar(keys(for: form), into: &buffer, row: size.height - 1)
  }

  private static func renderHeader(
    _ form: CheckinForm, state: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let width = buffer.size.width
    let right = "\(form.day.weekday.shortName) \(form.day)"
    let rightWidth = DisplayWidth.of(right)
    buffer.put(right, at: Point(x: width - rightWidth - 1, y: 0), style: theme.title)
    // Check-ins belong to programme weeks (one each), so the title names that week and its
    // days rather than the calendar week.
    let title: String
    if let programme = state.programme(on: form.day),
      let week = programme.programmeWeek(of: form.day)
    {
      let first = programme.firstDay(ofWeek: week)
      let last = first.adding(days: 6).description.dropFirst(5)  // "12-06": fits 80 columns
      title = "Check-in · programme week \(week) (\(first) – \(last))"
    } else {
      title = "Check-in for week \(ISOWeek(containing: form.day))"
    }
    var x = 1
    x += buffer.put("rehabit", at: Point(x: x, y: 0), style: theme.title)
    buffer.put(
      theme.truncated(theme.text(theme.separator + title), to: max(0, width - rightWidth - 3 - x)),
      at: Point(x: x, y: 0))
    let intro: String
    if let existing = form.existing {
      intro =
        "Editing the check-in of \(existing.day.weekday.shortName) \(existing.day): saving replaces it."
    } else {
      intro =
        "Numbers are checked as you type; pain and function are needed."
    }
    buffer.put(
      theme.truncated(theme.text(intro), to: width - 2), at: Point(x: 1, y: 1), style: theme.dim)
  }

  /// One row per measure; the rows scroll to keep the focused one in view.
  private static func renderFields(
    _ form: CheckinForm, into buffer: inout ScreenBuffer, in rect: Rect, theme: Theme
  ) {
    let measures = form.measures
    let titleWidth = min(
      38, max(16, (measures.map { DisplayWidth.of($0.title) }.max() ?? 0) + 2),
      rect.width - 2 * fieldWidth - 20)
    let leftX = 3 + titleWidth
    let rightX = leftX + fieldWidth + 2
    let unitX = rightX + fieldWidth + 2
    let headY = rect.y - 1
    buffer.put("Measure", at: Point(x: 3, y: headY), style: theme.dim)
    buffer.put("value/left", at: Point(x: leftX, y: headY), style: theme.dim)
    buffer.put("right", at: Point(x: rightX, y: headY), style: theme.dim)
    buffer.put("unit, range", at: Point(x: unitX, y: headY), style: theme.dim)
    let focusedRow =
      form.focusedField.flatMap { field in measures.firstIndex(of: field.measure) } ?? 0
    let offset = max(0, focusedRow - rect.height + 1)
    for (row, measure) in measures.enumerated().dropFirst(offset) {
      let y = rect.y + row - offset
      guard y < rect.maxY else { break }
      let isFocusedRow = row == focusedRow
      if isFocusedRow {
        buffer.put(theme.unicode ? "›" : ">", at: Point(x: 1, y: y), style: theme.title)
      }
      buffer.put(
        theme.truncated(theme.text(measure.title), to: titleWidth - 1), at: Point(x: 3, y: y),
        style: isFocusedRow ? theme.title : .plain)
      for (index, field) in form.fields.enumerated() where field.measure == measure {
        let x = field.side == .right ? rightX : leftX
        var input = field.input
        let invalid = field.problem != nil
        input.style = invalid ? theme.error : Style(underline: true)
        if index != form.focus {
          input.cursorStyle = input.style
        } else if form.replacesOnType, !field.isEmpty {
          // Shown selected: typing replaces it.
          input.style = input.style.merged(with: theme.selected)
        }
        buffer.put("[", at: Point(x: x, y: y), style: theme.dim)
        input.render(into: &buffer, in: Rect(x: x + 1, y: y, width: fieldWidth - 2, height: 1))
        buffer.put("]", at: Point(x: x + fieldWidth - 1, y: y), style: theme.dim)
        if invalid {
          buffer.put(
            theme.unicode ? "✗" : "!", at: Point(x: x + fieldWidth, y: y), style: theme.error)
        }
      }
      buffer.put(
        theme.text(unitAndRange(measure)), at: Point(x: unitX, y: y), style: theme.dim,
        maxWidth: max(0, rect.maxX - unitX - 1))
    }
    if offset > 0 {
      buffer.put(
        theme.unicode ? "↑" : "^", at: Point(x: rect.maxX - 2, y: rect.y), style: theme.dim)
    }
    if offset + rect.height < measures.count {
      buffer.put(
        theme.unicode ? "↓" : "v", at: Point(x: rect.maxX - 2, y: rect.maxY - 1), style: theme.dim)
    }
  }

  /// "reps, 0–200", "/10, 0–10".
  static func unitAndRange(_ measure: Measure) -> String {
    let range = measure.range
    return
      "\(measure.unit), \(FlagText.number(range.lowerBound))–\(FlagText.number(range.upperBound))"
  }

  /// What a measure is, how to take it, and which change counts (docs/clinical-rules.md, "Measures").
  static func description(of measure: Measure) -> String {
    let what: String
    switch measure {
    case .pain: what = "Pain over the last week, 0 (none) to 10 (worst imaginable)."
    case .sane: what = "How normal does your ankle feel, 0 to 100 % (100: fully normal)?"
    case .faamADL:
      what = "FAAM daily-living score from the questionnaire (scored with 19 of 21 items or more)."
    case .faamSport: what = "FAAM sports score from the questionnaire (7 of 8 items or more)."
    case .lefs: what = "Lower Extremity Functional Scale total."
    case .cait: what = "Cumberland Ankle Instability Tool total; 27.5 or less suggests instability."
    case .heelRaises: what = "Single-leg heel raises to fatigue: full raises on each leg."
    case .balance:
      what = "Single-leg stance, eyes closed: seconds until you touch down (stop at 45)."
    case .kneeToWall:
      what = "Knee-to-wall: the furthest the toes can be from the wall with the knee touching it."
    case .yBalance: what = "Y-balance composite reach, as a percentage of leg length."
    }
    let whole = CheckinProblem.wholeNumberMeasures.contains(measure)
    let better =
      (whole ? "Whole numbers, " : "")
      + (measure.higherIsBetter
        ? (whole ? "higher" : "Higher") : (whole ? "lower" : "Lower")) + " is better"
    let mcid = FlagText.number(measure.mcid(baseline: nil), decimals: 2)
    let mdc = FlagText.number(measure.mdc, decimals: 2)
    return
      "\(what) \(better); a change of \(mcid) matters (MCID), less than \(mdc) is noise (MDC). \(measure.rule)"
  }
}
