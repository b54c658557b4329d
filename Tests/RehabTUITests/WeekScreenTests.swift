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

extension WeekScreenTests {
  @Test func theMinimumSizeStillShowsTheGridAndTheKeys() throws {
    let size = AppState.minimumSize
    for screen in ["week", "checkin"] {
      var state =
        screen == "week"
        ? try WeekFixtures.weekState(size: size) : try Fixtures.todayState(size: size)
      if screen == "checkin" { _ = state.apply(.today(.openCheckin)) }
      let buffer = render(state, size: size, capabilities: .full)
      #expect(!buffer.text.contains("too small"))
      #expect(buffer.line(size.height - 1).contains("Esc"), "\(screen)")
      if screen == "week" {
        #expect(buffer.text.contains("Calf"))
      } else {
        #expect(buffer.text.contains("Pain (0–10)"))
      }
    }
  }
}
