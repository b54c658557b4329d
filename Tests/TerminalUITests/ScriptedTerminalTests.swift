import Testing

@testable import TerminalUI

@MainActor
@Suite struct ScriptedTerminalTests {
  @Test func playsEventsInOrderThenReportsEndOfInput() {
    let terminal = ScriptedTerminal(
      size: Size(width: 80, height: 24), events: [.key(.down), .tick, .key(.character("q"))])
    #expect(terminal.nextEvent(timeoutMilliseconds: nil) == .key(.down))
    #expect(terminal.nextEvent(timeoutMilliseconds: 500) == .tick)
    #expect(terminal.nextEvent(timeoutMilliseconds: nil) == .key(.character("q")))
    #expect(terminal.nextEvent(timeoutMilliseconds: nil) == nil)
    #expect(terminal.requestedTimeouts == [nil, 500, nil, nil])
  }

  @Test func resizeEventChangesTheSize() {
    let terminal = ScriptedTerminal(
      size: Size(width: 80, height: 24), events: [.resize(Size(width: 40, height: 12))])
    #expect(terminal.nextEvent(timeoutMilliseconds: nil) == .resize(Size(width: 40, height: 12)))
    #expect(terminal.size == Size(width: 40, height: 12))
  }

  @Test func recordsEveryFrameThroughTheProtocol() {
    let scripted = ScriptedTerminal(size: Size(width: 10, height: 2), keys: [.enter])
    let terminal: any Terminal = scripted
    var frame = ScreenBuffer(size: terminal.size)
    frame.put("one", at: .zero)
    terminal.draw(frame)
    frame.put("two", at: .zero)
    terminal.draw(frame)
    #expect(scripted.frames.count == 2)
    #expect(scripted.frames.first?.lines.first == "one")
    #expect(scripted.lastFrame?.lines.first == "two")
    #expect(terminal.capabilities == .full)
    scripted.enqueue(.interrupt)
    #expect(scripted.remainingEvents == [.key(.enter), .interrupt])
  }
}
