import RehabCore
import TerminalUI

/// Draws the Week screen: a header with the week and its adherence, then a scrolling body of
/// sections (the 7-day grid, the measures' trends with limb symmetry, the flags, adherence by
/// day), one column on a narrow terminal and two side by side on a wide one, then the message
/// line and the keys.
extension WeekScreen {
  /// From this width the body is laid out in two columns.
  static let twoColumnWidth = 110

  /// The scroll offset is clamped here, where the body is laid out with the terminal's real
  /// capabilities (ASCII text wraps differently), never in `update`.
  static func render(
    _ view: WeekView, app state: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let size = buffer.size
    renderHeader(view, state: state, into: &buffer, theme: theme)
    let body = bodyRect(in: size)
    var more = false
    if let loaded = view.loaded {
      let content = self.content(loaded, today: state.today, width: body.width, theme: theme)
      let offset = visibleOffset(view.scrollOffset, contentHeight: content.size.height, in: size)
      for row in 0..<body.height {
        copyLine(content, from: offset + row, into: &buffer, at: Point(x: body.x, y: body.y + row))
      }
      if offset > 0 {
        buffer.put(
          theme.unicode ? "↑" : "^", at: Point(x: size.width - 1, y: body.y), style: theme.dim)
      }
      more = offset + body.height < content.size.height
    } else if view.problem == nil {
      buffer.put("Loading…", at: Point(x: 3, y: body.y), style: theme.dim)
    }
    let messageRow = size.height - 2
    var hintWidth = 0
    if more {
      let hint = theme.unicode ? "↓ more: ↓/j scrolls" : "v more: Down/j scrolls"
      hintWidth = DisplayWidth.of(hint) + 2
      buffer.put(
        hint, at: Point(x: size.width - hintWidth + 1, y: messageRow), style: theme.dim)
    }
    if let problem = view.problem ?? state.message?.text {
      let isError = view.problem != nil || state.message?.kind == .error
      buffer.put(
        theme.truncated(theme.text(problem), to: size.width - 2 - hintWidth),
        at: Point(x: 1, y: messageRow), style: isError ? theme.error : .plain)
    }
    theme.helpBar(keys(for: view), into: &buffer, row: size.height - 1)
  }

  /// The first body row shown: the scroll offset, stopped where the body's last line is at the
  /// bottom.
  static func visibleOffset(_ scrollOffset: Int, contentHeight: Int, in size: Size) -> Int {
    min(scrollOffset, max(0, contentHeight - bodyRect(in: size).height))
  }

  /// The first body row shown for `view` at `size` with `theme`'s characters.
  static func visibleOffset(_ view: WeekView, app: AppState, size: Size, theme: Theme) -> Int? {
    guard let loaded = view.loaded else { return nil }
    let content = content(
      loaded, today: app.today, width: bodyRect(in: size).width, theme: theme)
    return visibleOffset(view.scrollOffset, contentHeight: content.size.height, in: size)
  }

  /// Header on rows 0 and 1, the body from row 3, the message and key lines at the bottom.
  static func bodyRect(in size: Size) -> Rect {
    Rect(x: 1, y: 3, width: max(0, size.width - 2), height: max(0, size.height - 5))
  }

  // MARK: Header

  private static func renderHeader(
    _ view: WeekView, state: AppState, into buffer: inout ScreenBuffer, theme: Theme
  ) {
    let width = buffer.size.width
    let monday = view.week.monday
    let sunday = monday.adding(days: 6)
    let range = theme.text("\(monday) – \(sunday)")
    let rangeWidth = DisplayWidth.of(range)
    buffer.put(range, at: Point(x: width - rangeWidth - 1, y: 0), style: theme.title)
    var title = "Week \(view.week)"
    // The programme the week is judged with: the one of its last day counted.
    if let programme = view.loaded?.programme
      ?? state.programme(on: WeekSummary.asOf(week: view.week, today: state.today))
    {
      if let first = programme.programmeWeek(of: max(monday, programme.start)),
        let last = programme.programmeWeek(of: min(sunday, programme.end))
      {
        let weeks = first == last ? "week \(first)" : "weeks \(first)–\(last)"
        title += theme.separator + "programme \(weeks) of \(programme.weeks)"
      }
    }
    var x = 1
    x += buffer.put("rehabit", at: Point(x: x, y: 0), style: theme.title)
    buffer.put(
      theme.truncated(theme.text(theme.separator + title), to: max(0, width - rangeWidth - 3 - x)),
      at: Point(x: x, y: 0))
    guard let loaded = view.loaded else { return }
    buffer.put(
      theme.truncated(theme.text(summary(loaded, programme: loaded.programme)), to: width - 2),
      at: Point(x: 1, y: 1), style: theme.dim)
  }

  /// "As of 2026-12-02 · 60 % done this week (6/10), 58 % overall · self-reported".
  static func summary(_ loaded: WeekSummary, programme: Programme) -> String {
    var text = "As of \(loaded.asOf) · "
    let tally = loaded.overview.tally
    let threshold = programme.plan.thresholds.lowAdherence
    if let ratio = tally.ratio {
      text +=
        "\(FlagText.percent(ratio, threshold: threshold)) done this week (\(tally.done)/\(tally.scheduled))"
    } else {
      text += "nothing counted yet this week"
    }
    if let ratio = loaded.cumulative.ratio {
      text += ", \(FlagText.percent(ratio, threshold: threshold)) overall"
    }
    return text + " · " + AdherenceLedger.label
  }

  // MARK: Body

  /// The whole body at `width`, as a buffer as tall as it needs; the screen shows a window of it.
  /// The week is drawn with the programme it was judged with (`loaded.programme`).
  static func content(
    _ loaded: WeekSummary, today: CalendarDay, width: Int, theme: Theme
  ) -> ScreenBuffer {
    let sections = WeekSections(
      loaded: loaded, programme: loaded.programme, today: today, theme: theme)
    let columns: [(Rect, [WeekSection])]
    if width + 2 >= twoColumnWidth {
      // The grid and the measures need about 74 columns; the rest goes to the flags.
      let rightWidth = min(60, max(36, width - 76))
      let full = Rect(x: 0, y: 0, width: width, height: 0)
      let (left, right) = full.splitRight(rightWidth + 2)
      columns = [
        (left, [sections.grid, sections.measures] + sections.previousProgramme),
        (right.inset(left: 2), [sections.days, sections.flags]),
      ]
    } else {
      columns = [
        (
          Rect(x: 0, y: 0, width: width, height: 0),
          [sections.grid, sections.flags, sections.measures] + sections.previousProgramme
            + [sections.days]
        )
      ]
    }
    let heights = columns.map { column, list in
      list.reduce(0) { $0 + $1.height(column.width) } + max(0, list.count - 1)
    }
    var content = ScreenBuffer(size: Size(width: width, height: heights.max() ?? 0))
    for (column, list) in columns {
      var y = 0
      for section in list {
        let height = section.height(column.width)
        section.draw(&content, Rect(x: column.x, y: y, width: column.width, height: height))
        y += height + 1
      }
    }
    return content
  }

  /// Copies one row of `source` into `buffer` (styles kept, wide graphemes whole).
  static func copyLine(
    _ source: ScreenBuffer, from row: Int, into buffer: inout ScreenBuffer, at origin: Point
  ) {
    guard row >= 0, row < source.size.height else { return }
    for x in 0..<source.size.width {
      let cell = source[x, row]
      guard !cell.isContinuation else { continue }
      buffer.put(
        cell.grapheme, at: Point(x: origin.x + x, y: origin.y), style: cell.style,
        maxWidth: source.size.width - x)
    }
  }
}

/// One block of the Week screen's body: its height at a width, and how to draw it.
struct WeekSection {
  var height: (Int) -> Int
  var draw: (inout ScreenBuffer, Rect) -> Void
}

/// The sections of the Week screen for one loaded week.
struct WeekSections {
  let loaded: WeekSummary
  let programme: Programme
  let today: CalendarDay
  let theme: Theme

  var overview: WeekOverview { loaded.overview }

  // MARK: Grid

  static let cellWidth = 5

  /// Treatments down, days across; each row ends with the treatment's adherence bar, the last
  /// row gives each day's share done and the week's bar.
  var grid: WeekSection {
    let treatments = overview.treatments
    // Day names, a row per treatment, all items, the legend.
    let rows = treatments.isEmpty ? 2 : treatments.count + 3
    return WeekSection(
      height: { _ in rows },
      draw: { buffer, rect in
        buffer.put("This week", at: rect.origin, style: theme.heading)
        guard !treatments.isEmpty else {
          buffer.put(
            "Nothing is scheduled this week.", at: Point(x: rect.x, y: rect.y + 1),
            maxWidth: rect.width)
          return
        }
        let nameWidth = min(
          24, max(10, treatments.map { DisplayWidth.of($0.name) }.max() ?? 0) + 1,
          rect.width - 7 * Self.cellWidth - 12)
        let daysX = rect.x + nameWidth + 1
        let barX = daysX + 7 * Self.cellWidth + 1
        let barWidth = max(0, rect.maxX - barX)
        // Day names, today's reversed.
        for (index, day) in overview.days.enumerated() {
          let label = "\(day.day.weekday.shortName) \(day.day.day)"
          buffer.put(
            label, at: Point(x: daysX + index * Self.cellWidth, y: rect.y),
            style: day.day == today ? theme.selected : theme.dim, maxWidth: Self.cellWidth - 1)
        }
        if barWidth > 0 {
          buffer.put("done", at: Point(x: barX, y: rect.y), style: theme.dim, maxWidth: barWidth)
        }
        for (row, treatment) in treatments.enumerated() {
          let y = rect.y + 1 + row
          buffer.put(
            theme.truncated(treatment.name, to: nameWidth), at: Point(x: rect.x, y: y),
            maxWidth: nameWidth)
          for (index, entries) in overview.entries(of: treatment.treatmentId).enumerated() {
            let (text, style) = glyph(entries)
            buffer.put(
              text, at: Point(x: daysX + index * Self.cellWidth + 1, y: y), style: style,
              maxWidth: Self.cellWidth - 1)
          }
        }
        let totalY = rect.y + 1 + treatments.count
        buffer.put("All items", at: Point(x: rect.x, y: totalY), style: theme.title)
        for (index, day) in overview.days.enumerated() {
          guard let ratio = day.tally.ratio else { continue }
          buffer.put(
            FlagText.percent(ratio, compact: true),
            at: Point(x: daysX + index * Self.cellWidth, y: totalY),
            style: theme.dim, maxWidth: Self.cellWidth - 1)
        }
        // One chart for every row, so the bars and their numbers line up.
        let tallies = treatments.map(\.tally) + [overview.tally]
        BarChart(bars: tallies.map(bar), unicode: theme.unicode, labelWidth: 0).render(
          into: &buffer,
          in: Rect(x: barX, y: rect.y + 1, width: barWidth, height: tallies.count))
        let legend = OutcomeGlyphs.legend(unicode: theme.unicode) + "  (self-reported)"
        buffer.put(
          theme.truncated(legend, to: rect.width), at: Point(x: rect.x, y: totalY + 1),
          style: theme.dim)
      })
  }

  /// One day's items of a treatment: a glyph each (up to three), else "done/all".
  func glyph(_ entries: [DayAdherence.Entry]) -> (String, Style) {
    guard !entries.isEmpty else { return ("", .plain) }
    if entries.count > 3 {
      let done = entries.count { $0.outcome == .done }
      return ("\(done)/\(entries.count)", done == entries.count ? theme.done : .plain)
    }
    let outcomes = entries.map(\.outcome)
    let text = outcomes.map { symbol($0) }.joined()
    let style: Style
    if outcomes.allSatisfy({ $0 == .done }) {
      style = theme.done
    } else if outcomes.contains(.missed) {
      style = theme.error
    } else if outcomes.contains(.skipped) {
      style = theme.skipped
    } else {
      style = outcomes.allSatisfy({ $0 == .upcoming }) ? theme.dim : .plain
    }
    return (text, style)
  }

  func symbol(_ outcome: ItemOutcome) -> String {
    OutcomeGlyphs.glyph(outcome, unicode: theme.unicode)
  }

  /// An adherence bar with "done/scheduled percent"; empty before anything counted.
  func bar(_ tally: AdherenceTally) -> Bar {
    guard let ratio = tally.ratio else { return Bar(label: "", value: 0) }
    let threshold = programme.plan.thresholds.lowAdherence
    return Bar(
      label: "", value: ratio,
      valueText: "\(tally.done)/\(tally.scheduled) \(FlagText.percent(ratio, compact: true))",
      style: FlagMath.atLeast(ratio, threshold) ? theme.done : theme.caution)
  }

  // MARK: Days

  /// Adherence by day as bars (days not counted yet say so).
  var days: WeekSection {
    WeekSection(
      height: { _ in 8 },
      draw: { buffer, rect in
        buffer.put("Adherence by day", at: rect.origin, style: theme.heading)
        let threshold = programme.plan.thresholds.lowAdherence
        let bars = overview.days.map { day -> Bar in
          let label = "\(day.day.weekday.shortName) \(day.day.day)"
          guard let ratio = day.tally.ratio else {
            let text: String
            switch day.standing {
            case .outside: text = "not in the programme"
            case .upcoming: text = day.entries.isEmpty ? "rest day" : "upcoming"
            case .past, .today: text = "rest day"
            }
            return Bar(label: label, value: 0, valueText: text)
          }
          return Bar(
            label: label, value: ratio,
            valueText:
              "\(day.tally.done)/\(day.tally.scheduled) \(FlagText.percent(ratio, compact: true))",
            style: FlagMath.atLeast(ratio, threshold) ? theme.done : theme.caution)
        }
        BarChart(bars: bars, unicode: theme.unicode, labelWidth: 6, labelStyle: .plain).render(
          into: &buffer, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 7))
      })
  }

  // MARK: Measures

  /// Trends by programme week, with baseline, latest and change against the MCID; sided
  /// measures left and right side by side with the LSI.
  var measures: WeekSection {
    let lines: (Int) -> [MeasureLine] = { width in measureLines(width: width) }
    return WeekSection(
      height: { lines($0).count },
      draw: { buffer, rect in
        for (row, line) in lines(rect.width).enumerated() {
          var x = rect.x
          for span in line.spans {
            guard x < rect.maxX else { break }
            x += buffer.put(
              span.text, at: Point(x: x, y: rect.y + row), style: span.style,
              maxWidth: rect.maxX - x)
          }
        }
      })
  }

  struct MeasureLine {
    var spans: [(text: String, style: Style)]

    init(_ spans: [(text: String, style: Style)]) { self.spans = spans }
    init(_ text: String, style: Style = .plain) { spans = [(text, style)] }
  }

  /// The programme weeks the charts run over: week 1 through the week judged.
  var chartWeeks: Int {
    let week =
      programme.programmeWeek(of: loaded.asOf)
      ?? (loaded.asOf > programme.end ? programme.weeks : 1)
    return max(1, week)
  }

  func measureLines(width: Int) -> [MeasureLine] {
    var lines = [MeasureLine("Measures by programme week", style: theme.heading)]
    let trends = loaded.measures.trends.filter { !$0.points.isEmpty }
    guard !trends.isEmpty else {
      let text =
        "No check-in yet. Press c to add this week's: pain, function and the programme's measures."
      return lines + WrappedText.lines(text, width: width).map { MeasureLine($0) }
    }
    let titleWidth = min(
      36, max(12, trends.map { DisplayWidth.of($0.measure.title) }.max() ?? 0) + 1, width / 2)
    let sparkWidth = min(chartWeeks, 16)
    let threshold = programme.plan.thresholds.symmetryIndexOK
    let check = theme.unicode ? " ✓" : " *"
    for trend in trends {
      guard let baseline = trend.baseline, let latest = trend.latest else { continue }
      let title = DisplayWidth.padded(
        theme.truncated(trend.measure.title, to: titleWidth - 1), to: titleWidth)
      let mcid = "MCID \(FlagText.number(trend.mcid, decimals: 2))"
      let improved = trend.improvedByMCID ? check : ""
      if case .sided(let left, let right) = latest.value {
        var first: [(text: String, style: Style)] = [(title, .plain)]
        if let index = trend.latestSymmetryIndex {
          let ok = FlagMath.atLeast(index, threshold)
          let text = "LSI \(FlagText.number(index, keepingSideOf: threshold)) %"
          first.append((text, ok ? theme.done : theme.caution))
          first.append(
            (
              ok
                ? " (≥ \(FlagText.number(threshold)) %)"
                : " (below \(FlagText.number(threshold)) %)",
              theme.dim
            ))
        } else {
          first.append(("LSI –", theme.dim))
        }
        first.append(("  \(mcid)\(improved)", theme.dim))
        lines.append(MeasureLine(first.map { (theme.text($0.text), $0.style) }))
        let range = chartRange(
          trend,
          values: trend.points.flatMap { point -> [Double] in
            guard case .sided(let l, let r) = point.value else { return [] }
            return [l, r]
          })
        var second: [(text: String, style: Style)] = [("  ", .plain)]
        for side in [Side.left, .right] {
          let values = weekly(trend) { $0.value.value(on: side) }
          let first = baseline.value.value(on: side) ?? 0
          let last = side == .left ? left : right
          let affected = programme.affectedSide == side ? " (affected)" : ""
          second.append(("\(side.rawValue)\(affected) ", .plain))
          second.append(
            (
              DisplayWidth.padded(
                Sparkline(values: values, range: range, unicode: theme.unicode).text(
                  width: sparkWidth), to: sparkWidth), theme.heading
            ))
          second.append(
            (
              " \(FlagText.number(first)) → \(FlagText.number(last)) (\(FlagText.signed(last - first)))   ",
              .plain
            ))
        }
        lines.append(MeasureLine(second.map { (theme.text($0.text), $0.style) }))
      } else {
        let values = weekly(trend) { $0.smoothed }
        let range = chartRange(trend, values: trend.points.map(\.smoothed))
        let change = trend.change.map { " (\(FlagText.signed($0)))" } ?? ""
        let spans: [(text: String, style: Style)] = [
          (title, .plain),
          (
            DisplayWidth.padded(
              Sparkline(values: values, range: range, unicode: theme.unicode).text(
                width: sparkWidth), to: sparkWidth), theme.heading
          ),
          (
            " \(FlagText.number(baseline.judged)) → \(FlagText.number(latest.smoothed))\(change)",
            .plain
          ),
          ("  \(mcid)\(improved)", theme.dim),
        ]
        lines.append(MeasureLine(spans.map { (theme.text($0.text), $0.style) }))
      }
    }
    var notes = [
      "\(check.trimmingLeadingSpace) improved by at least the MCID since the baseline (the first check-in). Charts: the latest check-in of each programme week; a change smaller than the MCID stays low."
    ]
    if trends.contains(where: { $0.measure == .pain }) {
      notes.append("Pain: the latest is the 2-week rolling mean (R-M-PAIN); lower is better.")
    }
    if trends.contains(where: { $0.measure.isSided }) {
      let side =
        programme.affectedSide == .both
        ? "weaker ÷ stronger side"
        : "affected (\(programme.affectedSide.rawValue)) ÷ other side"
      notes.append("LSI: \(side) × 100. \(LimbSymmetry.convention).")
    }
    for note in notes {
      lines += WrappedText.lines(theme.text(note), width: width).map {
        MeasureLine($0, style: theme.dim)
      }
    }
    return lines
  }

  /// One value per programme week (nil where a week has no check-in).
  func weekly(_ trend: MeasureTrend, _ value: (MeasurePoint) -> Double?) -> [Double?] {
    var byWeek: [Int: Double] = [:]
    for point in trend.weekly { byWeek[point.programmeWeek] = value(point) }
    return (1...chartWeeks).map { byWeek[$0] }
  }

  /// The values' own span, widened to at least the MCID so that noise draws flat.
  func chartRange(_ trend: MeasureTrend, values: [Double]) -> ClosedRange<Double>? {
    guard let low = values.min(), let high = values.max() else { return nil }
    let spread = max(high - low, trend.mcid)
    let middle = (low + high) / 2
    return (middle - spread / 2)...(middle + spread / 2)
  }

  // MARK: Previous programme

  /// The previous programme's last check-in, for reference only (each programme has its own
  /// baseline, R-FLAG-BASELINE), in the words `flags` and `week` print; none for the first.
  var previousProgramme: [WeekSection] {
    guard let previous = loaded.previousProgramme else { return [] }
    let text = theme.text(PreviousProgrammeText.line(previous))
    return [
      WeekSection(
        height: { WrappedText.lines(text, width: $0).count },
        draw: { buffer, rect in
          for (row, line) in WrappedText.lines(text, width: rect.width).enumerated() {
            buffer.put(
              line, at: Point(x: rect.x, y: rect.y + row), style: theme.dim, maxWidth: rect.width)
          }
        })
    ]
  }

  // MARK: Flags

  /// Each flag with its reason; the clinician disclaimer once when one suggests a clinician.
  var flags: WeekSection {
    let lines: (Int) -> [(String, Style)] = { width in flagLines(width: width) }
    return WeekSection(
      height: { lines($0).count },
      draw: { buffer, rect in
        for (row, line) in lines(rect.width).enumerated() {
          buffer.put(
            line.0, at: Point(x: rect.x, y: rect.y + row), style: line.1, maxWidth: rect.width)
        }
      })
  }

  func flagLines(width: Int) -> [(String, Style)] {
    var lines: [(String, Style)] = [
      ("Flags as of \(loaded.asOf.weekday.shortName) \(loaded.asOf)", theme.heading)
    ]
    guard !loaded.flags.isEmpty else {
      return lines
        + WrappedText.lines("None: nothing in the records calls for a change.", width: width).map {
          ($0, Style.plain)
        }
    }
    let mark = theme.unicode ? "⚑ " : "! "
    for flag in loaded.flags {
      // The rule id when it fits on the heading's line.
      var heading = "\(mark)\(flag.kind.title), since \(flag.since)"
      if DisplayWidth.of(heading) + DisplayWidth.of(flag.rule) + 3 <= width {
        heading += " (\(flag.rule))"
      }
      lines += WrappedText.lines(theme.text(heading), width: width).map { ($0, theme.caution) }
      let reason = AppWording.message(flag)
      lines += WrappedText.lines(theme.text(reason), width: max(1, width - 2)).map {
        ("  " + $0, Style.plain)
      }
    }
    if let disclaimer = loaded.flags.lazy.compactMap(\.disclaimer).first {
      lines += WrappedText.lines(theme.text(disclaimer), width: width).map {
        ($0, theme.title)
      }
    }
    return lines
  }
}
