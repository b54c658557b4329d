/// Small inline SVG charts for the HTML summary, drawn to be read on paper: lines without fills,
/// round y ticks with the unit in the axis label, every check-in a point dated on the x axis,
/// the MCID band and the 70 % line labelled on the chart, and left told from right by dash,
/// marker shape and a legend, so a black-and-white printout still works.
enum SVGCharts {
  static let width = 640.0
  static let height = 236.0
  static let left = 48.0
  static let right = 30.0
  static let top = 30.0
  static let bottom = 42.0
  /// The charts' font size in px (the stylesheet sets it) and the label width estimate per character.
  static let fontSize = 11.0
  static let characterWidth = 6.5

  static var plotWidth: Double { width - left - right }
  static var plotHeight: Double { height - top - bottom }
  static var plotBottom: Double { top + plotHeight }

  static func coordinate(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func open(label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(ExportEscaping.html(label))\">\n<title>\(ExportEscaping.html(label))</title>\n"
  }

  static func text(
    _ content: String, x: Double, y: Double, anchor: String = "middle", classes: String? = nil
  ) -> String {
    let classAttribute = classes.map { " class=\"\($0)\"" } ?? ""
    return
      "<text\(classAttribute) x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" text-anchor=\"\(anchor)\">\(ExportEscaping.html(content))</text>\n"
  }

  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, classes: String)
    -> String
  {
    "<line class=\"\(classes)\" x1=\"\(coordinate(x1))\" y1=\"\(coordinate(y1))\" x2=\"\(coordinate(x2))\" y2=\"\(coordinate(y2))\"/>\n"
  }

  /// The y axis: a grid line and a label at each tick, the axis lines, and the axis label
  /// (with its unit) above the plot.
  static func yAxis(
    ticks: [Double], y: (Double) -> Double, label: String, format: (Double) -> String
  )
    -> String
  {
    var svg = ""
    for tick in ticks {
      svg += line(left, y(tick), width - right, y(tick), classes: "grid")
      svg += text(format(tick), x: left - 6, y: y(tick) + 4, anchor: "end", classes: "tick y")
    }
    svg += line(left, plotBottom, width - right, plotBottom, classes: "axis")
    svg += line(left, top, left, plotBottom, classes: "axis")
    svg += text(label, x: 4, y: 14, anchor: "start", classes: "axis-label")
    return svg
  }

  /// The x axis labels at `positions`, every k-th when they would not all fit, and its label.
  static func xAxis(positions: [Double], labels: [String], label: String) -> String {
    let stride = ChartScale.labelStride(
      positions: positions, widths: labels.map { ChartScale.labelWidth($0) })
    var svg = ""
    for index in Swift.stride(from: 0, to: positions.count, by: stride) {
      svg += line(positions[index], plotBottom, positions[index], plotBottom + 4, classes: "axis")
      svg += text(labels[index], x: positions[index], y: plotBottom + 16, classes: "tick x")
    }
    svg += text(label, x: left + plotWidth / 2, y: height - 6, classes: "axis-label")
    return svg
  }

  /// Bars of weekly adherence (0–100 %) with the R-ADH-LOW threshold as a labelled dashed line.
  static func weeklyAdherence(_ adherence: ExportAdherence) -> String {
    var svg = open(label: "Weekly adherence, self-reported, per programme week")
    let weeks = adherence.weeks
    let slot = plotWidth / Double(max(1, weeks.count))
    let barWidth = max(1, slot * 0.7)
    func y(_ percent: Double) -> Double { top + plotHeight * (1 - min(100, max(0, percent)) / 100) }
    svg += yAxis(
      ticks: ChartScale.ticks(low: 0, high: 100), y: y, label: "Adherence (%), self-reported",
      format: { "\(Int($0)) %" })
    var centres: [Double] = []
    for (index, week) in weeks.enumerated() {
      let ratio = week.figure.ratio ?? 0
      let x = left + slot * Double(index) + (slot - barWidth) / 2
      let barTop = y(ratio * 100)
      centres.append(x + barWidth / 2)
      svg +=
        "<rect class=\"bar\(week.isInsufficient ? " low" : "")\" x=\"\(coordinate(x))\" y=\"\(coordinate(barTop))\" width=\"\(coordinate(barWidth))\" height=\"\(coordinate(plotBottom - barTop))\"><title>Week \(week.programmeWeek): \(ExportFormatting.percent(week.figure.ratio)) (\(week.figure.done) of \(week.figure.scheduled))</title></rect>\n"
    }
    svg += xAxis(
      positions: centres, labels: weeks.map { String($0.programmeWeek) }, label: "Programme week")
    let threshold = y(adherence.lowThreshold * 100)
    svg += line(left, threshold, width - right, threshold, classes: "threshold")
    // The line's label sits above the plot, where no bar covers it, after a sample of the line.
    let label = "\(ExportFormatting.percent(adherence.lowThreshold)) (insufficient dose below)"
    let labelX = width - right - ChartScale.labelWidth(label)
    svg += line(labelX - 30, 10, labelX - 6, 10, classes: "threshold")
    svg += text(label, x: labelX, y: 14, anchor: "start", classes: "threshold-label")
    svg += "</svg>\n"
    return svg
  }

  /// The y-axis label of a measure: its title, with the unit when the title lacks one.
  static func axisLabel(_ measure: Measure) -> String {
    measure.title.contains("(") ? measure.title : "\(measure.title) (\(measure.unit))"
  }

  /// The measure over time: one line (or left and right), and the band baseline ± MCID.
  static func measure(_ summary: MeasureSummary) -> String {
    let measure = summary.measure
    var svg = open(label: "\(measure.title) at each check-in")
    let points = summary.points
    let sides: [Side?] = measure.isSided ? [.left, .right] : [nil]
    let bandSide: Side? = measure.isSided ? HTMLExport.bandSide(summary) : nil
    let baseline = summary.baseline.flatMap { MeasureSummary.number($0.value, side: bandSide) }
    let mcid = summary.mcid(side: bandSide)
    let range = measure.range
    func clamped(_ value: Double) -> Double { min(range.upperBound, max(range.lowerBound, value)) }

    var values: [Double] = []
    for point in points {
      for side in sides {
        if let value = MeasureSummary.number(point.value, side: side) { values.append(value) }
      }
    }
    if let baseline { values += [clamped(baseline - mcid), clamped(baseline + mcid)] }
    // A short scale (pain, 0–10) is shown whole; a long one round the data.
    let ticks =
      range.upperBound - range.lowerBound <= 10
      ? ChartScale.ticks(low: range.lowerBound, high: range.upperBound)
      : ChartScale.ticks(
        low: values.min() ?? range.lowerBound, high: values.max() ?? range.upperBound,
        minimumStep: 1)
    let low = ticks.first ?? range.lowerBound
    let high = ticks.last ?? range.upperBound
    let span = max(high - low, 0.000_1)

    guard let first = points.first?.day, let last = points.last?.day else {
      return svg + "</svg>\n"
    }
    let days = max(1, first.days(until: last))
    func x(_ day: CalendarDay) -> Double {
      points.count == 1
        ? left + plotWidth / 2 : left + plotWidth * Double(first.days(until: day)) / Double(days)
    }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / span) }

    if let baseline {
      let bandTop = y(min(high, baseline + mcid))
      let bandBottom = y(max(low, baseline - mcid))
      svg +=
        "<rect class=\"band\" x=\"\(coordinate(left))\" y=\"\(coordinate(bandTop))\" width=\"\(coordinate(plotWidth))\" height=\"\(coordinate(max(0, bandBottom - bandTop)))\"><title>Baseline \(ExportFormatting.number(baseline)) ± MCID \(ExportFormatting.number(mcid))</title></rect>\n"
    }
    svg += yAxis(ticks: ticks, y: y, label: axisLabel(measure), format: ExportFormatting.number)
    let years = Set([first.year, last.year]).sorted().map(String.init).joined(separator: "–")
    svg += xAxis(
      positions: points.map { x($0.day) }, labels: points.map { ChartScale.shortDate($0.day) },
      label: "Check-in date, \(years)")
    if let baseline {
      let bandTop = y(min(high, baseline + mcid))
      let bandBottom = y(max(low, baseline - mcid))
      // At the right end, where the line has usually left the band (it starts at the baseline).
      let labelY = bandBottom - bandTop >= fontSize + 6 ? bandBottom - 5 : bandTop - 4
      let whose = bandSide.map { "\($0.rawValue) " } ?? ""
      svg += text(
        "MCID band: \(whose)baseline \(ExportFormatting.number(baseline)) ± \(ExportFormatting.number(mcid))",
        x: width - right - 6, y: max(top + fontSize, labelY), anchor: "end",
        classes: "band-label halo")
    }

    for side in sides {
      let style = side?.rawValue ?? "single"
      let coordinates = points.compactMap { point -> (CalendarDay, Double, Double, Double)? in
        MeasureSummary.number(point.value, side: side).map { (point.day, x(point.day), y($0), $0) }
      }
      let path = coordinates.map { "\(coordinate($0.1)),\(coordinate($0.2))" }
      if path.count > 1 {
        svg +=
          "<polyline class=\"line \(style)\" fill=\"none\" points=\"\(path.joined(separator: " "))\"/>\n"
      }
      for (day, px, py, value) in coordinates {
        let title =
          "<title>\(day)\(side.map { ", \($0.rawValue)" } ?? ""): \(ExportFormatting.number(value))</title>"
        svg += marker(side: side, x: px, y: py, title: title)
      }
    }
    if measure.isSided { svg += legend(affected: summary.affectedSide) }
    svg += "</svg>\n"
    return svg
  }

  /// A check-in's point: a filled circle for left (or a single value), an open square for right.
  static func marker(side: Side?, x: Double, y: Double, title: String = "") -> String {
    if side == .right {
      return
        "<rect class=\"point right\" x=\"\(coordinate(x - 3.5))\" y=\"\(coordinate(y - 3.5))\" width=\"7\" height=\"7\">\(title)</rect>\n"
    }
    return
      "<circle class=\"point \(side?.rawValue ?? "single")\" cx=\"\(coordinate(x))\" cy=\"\(coordinate(y))\" r=\"3.5\">\(title)</circle>\n"
  }

  /// The legend above the plot, at the right: a sample of each side's line and marker.
  static func legend(affected: Side) -> String {
    var svg = "<g class=\"legend\">\n"
    var x = width - right - 230
    for side in [Side.left, .right] {
      let name = side.rawValue + (affected == side ? " (affected)" : "")
      svg += line(x, 10, x + 24, 10, classes: "line \(side.rawValue)")
      svg += marker(side: side, x: x + 12, y: 10)
      svg += text(name, x: x + 30, y: 14, anchor: "start")
      x += 30 + ChartScale.labelWidth(name) + 18
    }
    svg += "</g>\n"
    return svg
  }
}
