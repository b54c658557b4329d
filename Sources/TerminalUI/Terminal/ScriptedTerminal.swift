/// An in-memory terminal for tests: plays a queue of events and records every frame drawn.
@MainActor
public final class ScriptedTerminal: Terminal {
  public private(set) var size: Size
  public var capabilities: TerminalCapabilities
  public private(set) var frames: [ScreenBuffer] = []
  /// The timeout of each `nextEvent` call, to check that a runner asks for ticks when it should.
  public private(set) var requestedTimeouts: [Int?] = []
  private var events: [TerminalEvent]

  public init(
    size: Size, events: [TerminalEvent] = [], capabilities: TerminalCapabilities = .full
  ) {
    self.size = size
    self.events = events
    self.capabilities = capabilities
  }

  /// Convenience for the common case of a script made only of key presses.
  public convenience init(
    size: Size, keys: [Key], capabilities: TerminalCapabilities = .full
  ) {
    self.init(size: size, events: keys.map(TerminalEvent.key), capabilities: capabilities)
  }

  /// How many times the bell rang.
  public private(set) var bells = 0

  public func bell() { bells += 1 }

  public var lastFrame: ScreenBuffer? { frames.last }
  public var remainingEvents: [TerminalEvent] { events }

  public func enqueue(_ event: TerminalEvent) {
    events.append(event)
  }

  public func draw(_ buffer: ScreenBuffer) {
    frames.append(buffer)
  }

  /// The descriptor of each `nextEvent` call, to check that a runner waits on its watch.
  public private(set) var watchedDescriptors: [Int32?] = []

  /// The next scripted event, or nil once the script is exhausted. A `.resize` event changes
  /// `size` before it is returned, as a real terminal would. `.filesChanged` is scripted like
  /// any other event; the descriptor is only recorded.
  public func nextEvent(timeoutMilliseconds: Int?, watching descriptor: Int32?) -> TerminalEvent? {
    requestedTimeouts.append(timeoutMilliseconds)
    watchedDescriptors.append(descriptor)
    guard !events.isEmpty else { return nil }
    let event = events.removeFirst()
    if case .resize(let newSize) = event { size = newSize }
    return event
  }
}
