import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

@Suite("SVG charts of the HTML summary")
struct SVGChartTests {
  func chart(_ measure: Measure) throws -> String {
    let summary = try ExportFixture.summary()
    let found = try #require(summary.measures.first { $0.measure == measure })
    return SVGCharts.measure(found)
  }

  func texts(_ svg: String, class name: String) -> [String] {
    let pattern = "<text class=\"\(name)\"[^>]*>([^<]*)</text>"
    let regex = try! NSRegularExpression(pattern: pattern)
    let range = NSRange(svg.startIndex..., in: svg)
    return regex.matches(in: svg, range: range).compactMap { match in
      Range(match.range(at: 1), in: svg).map { String(svg[$0]) }
    }
  }

  @Test func everyTrendLineSaysFillNone() throws {
    for measure in [Measure.pain, .sane, .heelRaises] {
      let svg = try chart(measure)
      let lines = svg.components(separatedBy: "<polyline").dropFirst()
      #expect(!lines.isEmpty)
      for line in lines {
        #expect(line.hasPrefix(" class=\"line") && line.contains("fill=\"none\""))
      }
      #expect(!svg.contains("<path"))
    }
    #expect(HTMLExport.stylesheet.contains(".line { fill: none;"))
  }

  @Test func painRunsZeroToTenInStepsOfTwoWithItsUnit() throws {
    let svg = try chart(.pain)
    #expect(texts(svg, class: "tick y") == ["0", "2", "4", "6", "8", "10"])
    #expect(texts(svg, class: "axis-label").contains("Pain (0–10)"))
  }

  @Test func heelRaisesNameTheirUnitAndTellSidesApart() throws {
    let svg = try chart(.heelRaises)
    #expect(texts(svg, class: "axis-label").contains("Single-leg heel raises (reps)"))
    #expect(svg.contains("<circle class=\"point left\""))
    #expect(svg.contains("<rect class=\"point right\""))
    #expect(svg.contains("<g class=\"legend\">"))
    #expect(svg.contains(">left (affected)</text>") || svg.contains(">right (affected)</text>"))
    #expect(HTMLExport.stylesheet.contains(".line.right { stroke: #b03a2e; stroke-dasharray"))
    #expect(texts(svg, class: "band-label halo").first?.hasPrefix("MCID band: ") == true)
  }

  @Test func everyCheckinIsAPointAndDated() throws {
    let summary = try ExportFixture.summary()
    let pain = try #require(summary.measures.first { $0.measure == .pain })
    let svg = SVGCharts.measure(pain)
    #expect(
      svg.components(separatedBy: "<circle class=\"point single\"").count - 1 == pain.points.count)
    #expect(texts(svg, class: "tick x") == pain.points.map { ChartScale.shortDate($0.day) })
    #expect(texts(svg, class: "axis-label").contains("Check-in date, 2026"))
  }

  @Test func adherenceChartLabelsTheLowDoseLine() throws {
    let summary = try ExportFixture.summary()
    let svg = SVGCharts.weeklyAdherence(summary.adherence)
    #expect(texts(svg, class: "threshold-label") == ["70 % (insufficient dose below)"])
    #expect(texts(svg, class: "tick y") == ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"])
    #expect(texts(svg, class: "tick x") == summary.adherence.weeks.map { String($0.programmeWeek) })
  }

  @Test func printStylesheetKeepsFiguresWholeOnA4AndLetter() {
    let css = HTMLExport.stylesheet
    #expect(css.contains("@page { margin: 15mm"))
    #expect(css.contains("figure, table, svg { break-inside: avoid;"))
    #expect(css.contains("print-color-adjust: exact"))
    // 640 px of chart fits the narrower printable width: A4, 210 mm less two 15 mm margins.
    #expect(SVGCharts.width <= (210 - 30) / 25.4 * 96)
  }

  @Test func everyChartIsInAFigure() throws {
    let html = HTMLExport.render(try ExportFixture.summary())
    let charts = html.components(separatedBy: "<svg").count - 1
    #expect(charts > 1)
    #expect(html.components(separatedBy: "<figure>\n<svg").count - 1 == charts)
  }
}
