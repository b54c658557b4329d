import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// The check-in form rendered into the cell grid, compared with text snapshots.
@Suite("Check-in form rendering")
struct CheckinScreenTests {
  /// The form on 2026-12-02 with pain typed, SANE empty and an out-of-range left heel raise
  /// being typed.
  static func typingState(size: Size = Fixtures.size) throws -> AppState {
    var state = try Fixtures.todayState(size: size)
    _ = state.apply(.today(.openCheckin))
    for character in "3" { _ = state.apply(.checkin(.editText(.character(character)))) }
    _ = state.apply(.checkin(.nextField))
    for character in "55" { _ = state.apply(.checkin(.editText(.character(character)))) }
    _ = state.apply(.checkin(.nextField))
    _ = state.apply(.checkin(.nextField))
    for character in "250" { _ = state.apply(.checkin(.editText(.character(character)))) }
    return state
  }

  @Test func checkinAt80x24MatchesTheSnapshot() throws {
    let state = try Self.typingState()
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "checkin-80x24")
    #expect(buffer.text.contains("heel-raises:left 250 is out of range"))
  }

  @Test func checkinAt120x40MatchesTheSnapshot() throws {
    let size = Size(width: 120, height: 40)
    let state = try Self.typingState(size: size)
    Snapshot.expect(render(state, size: size, capabilities: .full), matches: "checkin-120x40")
  }

  @Test func everyAskedMeasureHasARowWithItsTitleAndSidedOnesHaveTwoFields() throws {
    let state = try Self.typingState()
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    let programme = try Fixtures.programme()
    for measure in programme.plan.checkin.askedMeasures {
      let row = try #require(
        buffer.lines.first { $0.contains(measure.title) }, "no row for \(measure)")
      let fields = row.filter { $0 == "[" }.count
      #expect(fields == (measure.isSided ? 2 : 1), "\(measure): \(row)")
      #expect(row.contains(measure.unit))
    }
  }

  @Test func theInvalidFieldIsMarkedAndStyledAsAnError() throws {
    let buffer = render(try Self.typingState(), size: Fixtures.size, capabilities: .full)
    let row = try #require(buffer.lines.firstIndex { $0.contains("Single-leg heel raises") })
    let line = buffer.line(row)
    #expect(line.contains("✗"))
    let column = try #require(line.range(of: "250"))
    let x = DisplayWidth.of(String(line[..<column.lowerBound]))
    #expect(buffer[x, row].style.foreground == .red)
  }

  @Test func withoutUnicodeEveryCellIsASCII() throws {
    let buffer = render(try Self.typingState(), size: Fixtures.size, capabilities: .minimal)
    for line in buffer.lines {
      #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
    }
  }
}
