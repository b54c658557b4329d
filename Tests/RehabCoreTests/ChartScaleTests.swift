import Testing

@testable import RehabCore

@Suite("Chart scales: nice ticks and date-label thinning")
struct ChartScaleTests {
  @Test(arguments: [
    (0.3, 0.5), (1.0, 1.0), (1.1, 2.0), (2.0, 2.0), (2.1, 5.0), (4.4, 5.0), (7.0, 10.0),
    (8.8, 10.0), (10.8, 20.0), (20.0, 20.0), (33.0, 50.0), (0.07, 0.1),
  ])
  func niceStepIsOneTwoOrFiveTimesAPowerOfTen(raw: Double, step: Double) {
    #expect(abs(ChartScale.niceStep(raw) - step) < 1e-9)
  }

  @Test func niceStepKeepsAMinimum() {
    #expect(ChartScale.niceStep(0.4, minimum: 1) == 1)
    #expect(ChartScale.niceStep(0, minimum: 0) == 1)
    #expect(ChartScale.niceStep(.nan) == 1)
  }

  @Test func painRunsZeroToTenInStepsOfTwo() {
    #expect(ChartScale.ticks(low: 0, high: 10) == [0, 2, 4, 6, 8, 10])
  }

  @Test func percentagesStepByTenOrTwenty() {
    #expect(ChartScale.ticks(low: 0, high: 100) == [0, 20, 40, 60, 80, 100])
    #expect(ChartScale.ticks(low: 40, high: 84) == [40, 50, 60, 70, 80, 90])
    #expect(ChartScale.ticks(low: 30, high: 84) == [20, 40, 60, 80, 100])
  }

  @Test func countsStepByOneTwoOrFive() {
    #expect(ChartScale.ticks(low: 8, high: 30, minimumStep: 1) == [5, 10, 15, 20, 25, 30])
    #expect(ChartScale.ticks(low: 2, high: 6, minimumStep: 1) == [2, 3, 4, 5, 6])
    #expect(
      ChartScale.ticks(low: 110, high: 190, minimumStep: 1) == [100, 120, 140, 160, 180, 200])
  }

  @Test func ticksCoverTheDataAndStayFew() {
    for (low, high) in [(0.0, 10.0), (3.0, 47.0), (12.5, 13.0), (0.2, 0.9), (8.0, 30.0)] {
      let ticks = ChartScale.ticks(low: low, high: high)
      #expect(ticks.count >= 2 && ticks.count <= 7, "\(low)…\(high): \(ticks)")
      #expect(ticks.first! <= low && ticks.last! >= high, "\(low)…\(high): \(ticks)")
    }
  }

  @Test func oneValueStillGetsTwoWholeTicks() {
    let ticks = ChartScale.ticks(low: 5, high: 5, minimumStep: 1)
    #expect(ticks.count >= 2)
    #expect(ticks.allSatisfy { $0 == $0.rounded() })
    #expect(ticks.first! < 5 && ticks.last! > 5)
  }

  @Test func decimalTicksPrintRound() {
    #expect(ChartScale.ticks(low: 0, high: 0.5) == [0, 0.1, 0.2, 0.3, 0.4, 0.5])
  }

  @Test func everyLabelWhenTheyFit() {
    let positions = (0..<12).map { 48 + Double($0) * 50 }
    let widths = Array(repeating: ChartScale.labelWidth("23 Nov"), count: 12)
    #expect(ChartScale.labelStride(positions: positions, widths: widths) == 1)
  }

  @Test func everyKthLabelWhenCrowdedAndNeverOverlapping() {
    let positions = (0..<52).map { 48 + Double($0) * 562 / 51 }
    let widths = Array(repeating: ChartScale.labelWidth("23 Nov"), count: 52)
    let stride = ChartScale.labelStride(positions: positions, widths: widths)
    #expect(stride == 5)
    let shown = Swift.stride(from: 0, to: 52, by: stride).map { $0 }
    for (a, b) in zip(shown, shown.dropFirst()) {
      #expect(positions[b] - widths[b] / 2 >= positions[a] + widths[a] / 2)
    }
    // One fewer would overlap.
    let tighter = Swift.stride(from: 0, to: 52, by: stride - 1).map { $0 }
    #expect(
      zip(tighter, tighter.dropFirst()).contains { a, b in
        positions[b] - widths[b] / 2 - (positions[a] + widths[a] / 2) < 6
      })
  }

  @Test func oneOrNoLabelIsStrideOne() {
    #expect(ChartScale.labelStride(positions: [], widths: []) == 1)
    #expect(ChartScale.labelStride(positions: [100], widths: [40]) == 1)
  }

  @Test func labelWidthEstimatesSixAndAHalfPixelsACharacter() {
    #expect(ChartScale.labelWidth("7 Sep") == 32.5)
  }

  @Test func shortDatesNameTheMonth() {
    #expect(ChartScale.shortDate(CalendarDay(year: 2026, month: 9, day: 7)!) == "7 Sep")
    #expect(ChartScale.shortDate(CalendarDay(year: 2027, month: 1, day: 25)!) == "25 Jan")
  }
}
