import RehabCore
import RehabStore
import RehabTUI
import TerminalUI
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A note saved while the disk does not confirm the folder's fsync is in the file: the app
/// counts it as saved and never retries it into a second note.
@MainActor
@Suite("Unconfirmed saves in the app")
struct UnconfirmedSaveTests {
  @Test("a note whose fsync fails after the rename is stored once, not retried")
  func unconfirmedNoteIsNotRetried() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let failing = ProgressStore(
      directory: data.path, faults: FileFaults(directorySync: { _ in EIO }))
    let terminal = ScriptedTerminal(size: Fixtures.size, events: [])
    let runner = AppRunner(
      terminal: terminal, store: failing, clock: .fixed(Days.today), programme: programme,
      templates: try Fixtures.templates(), tickMilliseconds: 1000)
    runner.start()
    for key in [Key.character("n")] + "sore".map(Key.character) + [.enter] {
      runner.handle(.key(key))
    }
    #expect(runner.state.unsaved.isEmpty)
    runner.handle(.tick)
    runner.handle(.tick)
    let notes = try data.store.loadWeek(ISOWeek(containing: Days.today)).notes
    #expect(notes.map(\.text) == ["sore"])
  }
}
