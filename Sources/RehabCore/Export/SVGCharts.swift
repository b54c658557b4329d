/// Small inline SVG charts for the HTML summary; styled by the page's CSS classes so they print
/// in black and white too (dashes tell right from left, not only colour).
enum SVGCharts {
  static let width = 640.0
  static let height = 200.0
  static let left = 40.0
  static let right = 10.0
  static let top = 12.0
  static let bottom = 24.0

  static var plotWidth: Double { width - left - right }
  static var plotHeight: Double { height - top - bottom }

  static func coordinate(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func open(label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(ExportEscaping.html(label))\">\n<title>\(ExportEscaping.html(label))</title>\n"
  }

  static func text(_ content: String, x: Double, y: Double, anchor: String = "middle") -> String {
    "<text x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" text-anchor=\"\(anchor)\">\(ExportEscaping.html(content))</text>\n"
  }

  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, classes: String)
    -> String
  {
    "<line class=\"\(classes)\" x1=\"\(coordinate(x1))\" y1=\"\(coordinate(y1))\" x2=\"\(coordinate(x2))\" y2=\"\(coordinate(y2))\"/>\n"
  }

  /// Bars of weekly adherence (0–100 %) with the R-ADH-LOW threshold as a dashed line.
  static func weeklyAdherence(_ adherence: ExportAdherence) -> String {
    var svg = open(label: "Weekly adherence, self-reported, per programme week")
    let weeks = adherence.weeks
    let slot = plotWidth / Double(max(1, weeks.count))
    let barWidth = max(1, slot * 0.7)
    func y(_ ratio: Double) -> Double { top + plotHeight * (1 - min(1, max(0, ratio))) }
    svg += line(left, top + plotHeight, width - right, top + plotHeight, classes: "axis")
    svg += line(left, top, left, top + plotHeight, classes: "axis")
    for tick in [0.0, 0.5, 1.0] {
      svg += text("\(Int(tick * 100)) %", x: left - 4, y: y(tick) + 3, anchor: "end")
    }
    let labelEvery = max(1, Int((Double(weeks.count) / 26).rounded(.up)))
    for (index, week) in weeks.enumerated() {
      let ratio = week.figure.ratio ?? 0
      let x = left + slot * Double(index) + (slot - barWidth) / 2
      let barTop = y(ratio)
      svg +=
        "<rect class=\"bar\(week.isInsufficient ? " low" : "")\" x=\"\(coordinate(x))\" y=\"\(coordinate(barTop))\" width=\"\(coordinate(barWidth))\" height=\"\(coordinate(top + plotHeight - barTop))\"><title>Week \(week.programmeWeek): \(ExportFormatting.percent(week.figure.ratio)) (\(week.figure.done) of \(week.figure.scheduled))</title></rect>\n"
      if index % labelEvery == 0 {
        svg += text(String(week.programmeWeek), x: x + barWidth / 2, y: height - 8)
      }
    }
    let threshold = y(adherence.lowThreshold)
    svg += line(left, threshold, width - right, threshold, classes: "threshold")
    svg += "</svg>\n"
    return svg
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

    var values: [Double] = []
    for point in points {
      for side in sides {
        if let value = MeasureSummary.number(point.value, side: side) { values.append(value) }
      }
    }
    if let baseline { values += [baseline - mcid, baseline + mcid] }
    var low = max(measure.range.lowerBound, values.min() ?? measure.range.lowerBound)
    var high = min(measure.range.upperBound, values.max() ?? measure.range.upperBound)
    if high - low < 1 {
      low = max(measure.range.lowerBound, low - 1)
      high = min(measure.range.upperBound, high + 1)
    }
    let padding = (high - low) * 0.08
    low = max(measure.range.lowerBound, low - padding)
    high = min(measure.range.upperBound, high + padding)
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
    svg += line(left, top + plotHeight, width - right, top + plotHeight, classes: "axis")
    svg += line(left, top, left, top + plotHeight, classes: "axis")
    svg += text(ExportFormatting.number(high), x: left - 4, y: y(high) + 3, anchor: "end")
    svg += text(ExportFormatting.number(low), x: left - 4, y: y(low) + 3, anchor: "end")
    svg += text(first.description, x: left, y: height - 8, anchor: "start")
    if last != first {
      svg += text(last.description, x: width - right, y: height - 8, anchor: "end")
    }

    for side in sides {
      let style = side?.rawValue ?? "single"
      let coordinates = points.compactMap { point -> (Double, Double, Double)? in
        MeasureSummary.number(point.value, side: side).map { (x(point.day), y($0), $0) }
      }
      let path = coordinates.map { "\(coordinate($0.0)),\(coordinate($0.1))" }
      if path.count > 1 {
        svg += "<polyline class=\"line \(style)\" points=\"\(path.joined(separator: " "))\"/>\n"
      }
      if coordinates.count <= 60 {
        for (px, py, value) in coordinates {
          svg +=
            "<circle class=\"\(style)\" cx=\"\(coordinate(px))\" cy=\"\(coordinate(py))\" r=\"2.5\"><title>\(side.map { "\($0.rawValue): " } ?? "")\(ExportFormatting.number(value))</title></circle>\n"
        }
      }
    }
    if measure.isSided {
      svg += text("— left   - - right", x: width - right, y: top + 8, anchor: "end")
    }
    svg += "</svg>\n"
    return svg
  }
}
