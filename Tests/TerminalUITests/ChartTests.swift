import Testing

@testable import TerminalUI

@Suite struct BarChartTests {
  @Test func barsUseEighthBlocks() {
    #expect(BarChart.barText(value: 1, width: 4, unicode: true) == "████")
    #expect(BarChart.barText(value: 0.5, width: 4, unicode: true) == "██")
    #expect(BarChart.barText(value: 0.5 + 1 / 32, width: 4, unicode: true) == "██▏")
    #expect(BarChart.barText(value: 0.375, width: 2, unicode: true) == "▊")
    #expect(BarChart.barText(value: 0, width: 4, unicode: true) == "")
  }

  @Test func outOfRangeValuesAreClamped() {
    #expect(BarChart.barText(value: 2, width: 3, unicode: true) == "███")
    #expect(BarChart.barText(value: -1, width: 3, unicode: true) == "")
    #expect(BarChart.barText(value: .nan, width: 3, unicode: true) == "")
  }

  @Test func asciiFallbackUsesHashes() {
    #expect(BarChart.barText(value: 0.5, width: 10, unicode: false) == "#####")
    #expect(BarChart.barText(value: 1, width: 3, unicode: false) == "###")
  }

  @Test func renderLaysOutLabelBarAndValue() {
    let chart = BarChart(bars: [
      Bar(label: "Mon", value: 1, valueText: "100%", style: Style(foreground: .green)),
      Bar(label: "Tuesday", value: 0.5, valueText: "50%"),
    ])
    let buffer = rendered(width: 20, height: 3) { chart.render(into: &$0, in: $1) }
    // Label column: min(7, 20/3 = 6) = 6; value column 4; bar 20 - 7 - 5 = 8 cells.
    #expect(buffer.lines == ["Mon    ████████ 100%", "Tuesd… ████      50%", ""])
    #expect(buffer[7, 0].style.foreground == .green)
  }

  @Test func asciiRender() {
    let chart = BarChart(bars: [Bar(label: "a", value: 0.5)], unicode: false)
    let buffer = rendered(width: 10, height: 1) { chart.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["a ####"])
  }
}

@Suite struct SparklineTests {
  @Test func valuesMapToBlockHeightsWithGaps() {
    let line = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, nil, 7])
    #expect(line.text() == "▁▂▃▄▅▆▇█ █")
  }

  @Test func explicitRangeClampsValues() {
    let line = Sparkline(values: [-5, 5, 10, 50], range: 0...10)
    #expect(line.text() == "▁▅██")
  }

  @Test func flatAndEmptySeries() {
    #expect(Sparkline(values: [3, 3, 3]).text() == "▄▄▄")
    #expect(Sparkline(values: [nil, nil]).text() == "  ")
  }

  @Test func narrowWidthShowsTheMostRecentValues() {
    let line = Sparkline(values: [0, 7, 0, 7], range: 0...7)
    let buffer = rendered(width: 2, height: 1) { line.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["▁█"])
  }

  @Test func asciiFallback() {
    #expect(Sparkline(values: [0, nil, 7], unicode: false).text() == "_ #")
  }
}
