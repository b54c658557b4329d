import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// The Week screen rendered into the cell grid, compared with text snapshots.
@Suite("Week screen rendering")
struct WeekScreenTests {
  @Test func weekAt80x24MatchesTheSnapshot() throws {
    let state = try WeekFixtures.weekState()
    Snapshot.expect(render(state, size: Fixtures.size, capabilities: .full), matches: "week-80x24")
  }

  @Test func weekAt120x40MatchesTheSnapshot() throws {
    let size = Size(width: 120, height: 40)
    let state = try WeekFixtures.weekState(size: size)
    Snapshot.expect(render(state, size: size, capabilities: .full), matches: "week-120x40")
  }
}
