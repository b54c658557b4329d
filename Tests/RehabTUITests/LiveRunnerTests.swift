import FolderWatch
import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// A terminal whose script can also act between events: another process writing the data
/// folder while the app waits.
@MainActor
final class SteppedTerminal: Terminal {
  enum Step {
    case event(TerminalEvent)
    case run(() throws -> Void)
  }

  let size: Size
  let capabilities = TerminalCapabilities.full
  private(set) var frames: [ScreenBuffer] = []
  private(set) var watchedDescriptors: [Int32?] = []
  private(set) var requestedTimeouts: [Int?] = []
  private var steps: [Step]

  init(size: Size = Fixtures.size, steps: [Step]) {
    self.size = size
    self.steps = steps
  }

  var lastFrame: ScreenBuffer? { frames.last }

  func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }
  func bell() {}

  func nextEvent(timeoutMilliseconds: Int?, watching descriptor: Int32?) -> TerminalEvent? {
    watchedDescriptors.append(descriptor)
    requestedTimeouts.append(timeoutMilliseconds)
    while !steps.isEmpty {
      switch steps.removeFirst() {
      case .event(let event): return event
      case .run(let action):
        do { try action() } catch { Issue.record("a scripted write failed: \(error)") }
      }
    }
    return nil
  }
}

/// The runner against a real data folder that a second writer (as the CLI would, through its
/// own `ProgressStore`) changes while the app is open.
@MainActor
@Suite("AppRunner: other writers")
struct LiveRunnerTests {
  let data: TemporaryDataDirectory
  let programme: Programme
  let ids: [String]
  /// The other process: its own store on the same folder.
  let cli: ProgressStore

  init() throws {
    data = try TemporaryDataDirectory()
    programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    ids = Scheduler(programme: programme).checklist(for: Days.today).map(\.id)
    cli = ProgressStore(directory: data.path)
  }

  func runner(_ terminal: SteppedTerminal, watch: FolderWatch? = nil, tick: Int = 30_000)
    throws -> AppRunner
  {
    AppRunner(
      terminal: terminal, store: data.store, clock: .fixed(Days.today), programme: programme,
      templates: try Fixtures.templates(), tickMilliseconds: tick, watch: watch)
  }

  func stored(_ index: Int) throws -> ItemRecord? {
    try data.store.loadWeek(ISOWeek(containing: Days.today)).items[ids[index]]
  }

  @Test func aCheckOffByAnotherProcessIsDrawnWithNoKeyPressed() throws {
    defer { data.remove() }
    let watch = FolderWatch.dataFolder(of: data.store)
    let descriptor = try #require(watch.descriptor)
    let terminal = SteppedTerminal(steps: [
      .run { try cli.setStatus(.done, ofItem: ids[0], on: Days.today, at: "2026-12-02T11:00:00Z") },
      // inotify made the descriptor readable; the terminal reports it.
      .event(.filesChanged),
    ])
    let app = try runner(terminal, watch: watch)
    app.run()
    #expect(terminal.frames.count == 2)
    #expect(terminal.frames[0].text.contains("0/4 done"))
    #expect(terminal.frames[1].text.contains("1/4 done"))
    #expect(
      app.state.todayScreen.checklist?.entries[0].record
        == ItemRecord(status: .done, at: "2026-12-02T11:00:00Z"))
    // Every wait included the watch's descriptor, with the long tick (no polling).
    #expect(terminal.watchedDescriptors.allSatisfy { $0 == descriptor })
    #expect(terminal.requestedTimeouts.allSatisfy { $0 == 30_000 })
  }

  @Test func withoutInotifyTheTickPollsOnceASecond() throws {
    defer { data.remove() }
    let watch = FolderWatch.dataFolder(of: data.store, mode: .polling)
    let terminal = SteppedTerminal(steps: [
      .run {
        try cli.setStatus(
          .skipped, ofItem: ids[1], on: Days.today, reason: "rain", at: "2026-12-02T11:00:00Z")
      },
      .event(.tick),
    ])
    let app = try runner(terminal, watch: watch)
    app.run()
    #expect(terminal.requestedTimeouts.allSatisfy { $0 == FolderWatch.defaultPollMilliseconds })
    #expect(terminal.watchedDescriptors.allSatisfy { $0 == nil })
    #expect(terminal.lastFrame?.text.contains("skipped: rain") == true)
  }

  @Test func aTickOnAnItemSkippedElsewhereKeepsTheSkipAndSaysSo() throws {
    defer { data.remove() }
    let terminal = SteppedTerminal(steps: [
      // The app shows item 0 pending; the CLI skips it before the app hears of it.
      .run {
        try cli.setStatus(
          .skipped, ofItem: ids[0], on: Days.today, reason: "too sore", at: "2026-12-02T11:00:00Z")
      },
      .event(.key(.character(" "))),
      .event(.key(.character("u"))),
    ])
    let app = try runner(terminal)
    app.run()
    #expect(
      try stored(0) == ItemRecord(status: .skipped, at: "2026-12-02T11:00:00Z", reason: "too sore"))
    let frames = terminal.frames.map(\.text)
    #expect(
      frames[1].contains(
        "Calf stretch against a wall (left): skipped elsewhere, nothing overwritten"))
    // The screen shows the CLI's record, and there is nothing of this app's to undo.
    #expect(frames[1].contains("skipped: too sore"))
    #expect(frames[2].contains("Nothing to undo."))
    #expect(app.state.unsaved.isEmpty)
  }

  @Test func undoAfterAnotherWriterChangedTheRecordLeavesIt() throws {
    defer { data.remove() }
    let terminal = SteppedTerminal(steps: [
      .event(.key(.character(" "))),
      // The CLI unticks and ticks again: the same status, but not this app's record.
      .run {
        try cli.setStatus(.pending, ofItem: ids[0], on: Days.today, at: "2026-12-02T11:00:00Z")
        try cli.setStatus(.done, ofItem: ids[0], on: Days.today, at: "2026-12-02T11:30:00Z")
      },
      .event(.key(.character("u"))),
    ])
    let app = try runner(terminal)
    app.run()
    #expect(try stored(0) == ItemRecord(status: .done, at: "2026-12-02T11:30:00Z"))
    #expect(
      terminal.lastFrame?.text.contains(
        "Not undone: Calf stretch against a wall (left) was changed elsewhere") == true)
  }

  @Test func undoOfThisAppsOwnChangeStillWorks() throws {
    defer { data.remove() }
    let terminal = SteppedTerminal(steps: [
      .event(.key(.character(" "))),
      // Another item changed elsewhere does not block undoing this one.
      .run { try cli.setStatus(.done, ofItem: ids[1], on: Days.today, at: "2026-12-02T11:00:00Z") },
      .event(.key(.character("u"))),
    ])
    let app = try runner(terminal)
    app.run()
    #expect(try stored(0) == nil)
    #expect(try stored(1) == ItemRecord(status: .done, at: "2026-12-02T11:00:00Z"))
    #expect(terminal.lastFrame?.text.contains("Undone: Calf stretch against a wall (left)") == true)
  }
}
