import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

@Suite("Setup wizard rendering")
struct SetupScreenTests {
  @Test func templateStepMatchesTheSnapshot() throws {
    let state = try Fixtures.wizardState()
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "setup-template-80x24")
    let first = try #require(try Fixtures.templates().first)
    #expect(buffer.text.contains(String(first.plan.title.prefix(20))))
  }

  @Test func previewShowsTheSchedulersFirstWeek() throws {
    var state = try Fixtures.wizardState()
    for _ in 0..<4 { _ = state.apply(.setup(.submit)) }
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "setup-preview-80x24")
    guard case .setup(let wizard) = state.screen, let programme = wizard.programme else {
      Issue.record("no programme")
      return
    }
    let firstDay = Scheduler(programme: programme).checklist(for: Days.today)
    let line = try #require(buffer.lines.first { $0.contains("Wed 2026-12-02") })
    if let item = firstDay.first {
      #expect(line.contains(String(item.name.prefix(10))))
    } else {
      #expect(line.contains("rest day"))
    }
  }

  @Test func confirmShowsTheRedFlags() throws {
    var state = try Fixtures.wizardState()
    for _ in 0..<5 { _ = state.apply(.setup(.submit)) }
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "setup-confirm-80x24")
    #expect(buffer.text.contains(SafetyText.redFlagsHeading))
    #expect(buffer.text.contains("inability to take 4 steps"))
    #expect(buffer.line(23).contains("Enter start the programme"))
  }
}
