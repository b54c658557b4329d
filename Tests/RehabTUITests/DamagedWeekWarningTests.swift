import RehabCore
import RehabQueries
import RehabStore
import RehabTUI
import TerminalUI
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A damaged earlier week file: the Today screen still shows the day's list, and says which file
/// was left out and what it may affect.
@Suite("Damaged week warning on Today")
struct DamagedWeekWarningTests {
  @Test("the day loads with the damaged file named, and Today shows its list and the warning")
  func todayWarnsAndShowsTheList() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    // Started a week earlier, so last week counts.
    let programme = try Fixtures.programme(start: Days.start.adding(days: -7))
    try data.store.saveProgramme(programme, replacing: false)
    let previous = ISOWeek(containing: Days.today.adding(days: -7))
    try data.store.addPain(PainRecord(day: previous.monday, level: 8, at: "2026-12-02T12:00:00Z"))
    let file = data.store.file(for: previous)
    let fd = open(file, O_WRONLY | O_TRUNC)
    close(fd)
    let queries = try #require(try ProgressQueries.open(data.store))
    let loaded = try AppRunner.loadedDay(Days.today, today: Days.today, queries: queries)
    #expect(loaded.damagedFiles == [file])
    #expect(!loaded.entries.isEmpty)

    var state = AppState(today: Days.today, size: Fixtures.size, programme: programme)
    _ = state.apply(.dayLoaded(loaded))
    #expect(state.message?.kind == .error)
    #expect(state.message?.text.contains("progress/\(previous).json") == true)
    #expect(state.message?.text.contains("pain guidance") == true)
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("Damaged, left out: progress/\(previous).json; pain guidance"))
    #expect(text.contains("Calf"))
  }
}
