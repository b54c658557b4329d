import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// The Today screen rendered into the cell grid, compared with text snapshots.
@Suite("Today screen rendering")
struct TodayScreenTests {
  /// Done, skipped with a reason, pending selected, pending with a lighter dose, a flag.
  static func busyState(size: Size = Fixtures.size) throws -> AppState {
    var state = try Fixtures.todayState(size: size)
    var loaded = try #require(state.todayScreen.checklist)
    loaded.entries[0].record = ItemRecord(status: .done, at: "2026-12-02T08:00:00Z")
    loaded.entries[2].record = ItemRecord(
      status: .skipped, at: "2026-12-02T08:01:00Z", reason: "too sore")
    // Pain steps down exercises only (never heat or ice): the band eversion, pending.
    let band = try #require(
      loaded.entries.firstIndex { $0.item.treatmentId == "band-eversion" })
    loaded.entries[band].item.painAdjustments = [.steppedDown]
    loaded.weekTally = AdherenceTally(scheduled: 10, done: 6, skipped: 1)
    loaded.flags = [.lowAdherence]
    state.todayScreen.checklist = loaded
    state.todayScreen.selection = 1
    state.message = StatusMessage("Done: Calf stretch against a wall (left).")
    return state
  }

  @Test func todayAt80x24MatchesTheSnapshot() throws {
    let buffer = render(try Self.busyState(), size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "today-80x24")
  }

  @Test func tooSmallAt40x12SaysSoAndRecoversWhenEnlarged() throws {
    var state = try Self.busyState(size: Size(width: 40, height: 12))
    let small = render(state, size: state.size, capabilities: .full)
    Snapshot.expect(small, matches: "too-small-40x12")
    #expect(small.text.contains("terminal too small"))
    #expect(small.text.contains("(need 60×16, have 40×12)"))
    _ = state.apply(.resize(Fixtures.size))
    let big = render(state, size: state.size, capabilities: .full)
    #expect(!big.text.contains("too small"))
    #expect(big.text.contains("Calf stretch against a wall"))
  }

  @Test func theMinimumSizeStillShowsTheSelectionAndTheKeys() throws {
    let size = AppState.minimumSize
    var state = try Self.busyState(size: size)
    _ = state.apply(.today(.moveToLast))
    let buffer = render(state, size: size, capabilities: .full)
    #expect(buffer.text.contains("Ice after exercise"))
    #expect(buffer.line(size.height - 1).contains("q quit"))
    #expect(!buffer.text.contains("too small"))
  }

  @Test func theSelectedRowIsReversedAndNoOtherItemRowIs() throws {
    let state = try Self.busyState()
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    let selected = try #require(state.todayScreen.checklist?.entries[1].item.name)
    let selectedRow = try #require(buffer.lines.firstIndex { $0.contains(selected) })
    for x in 0..<80 { #expect(buffer[x, selectedRow].style.reverse, "column \(x)") }
    let otherRow = try #require(buffer.lines.firstIndex { $0.contains("Calf stretch against") })
    #expect((0..<80).allSatisfy { !buffer[$0, otherRow].style.reverse })
    // The status line is reversed too, so it reads as a bar without colour.
    #expect(buffer[0, 22].style.reverse)
    // Done is bold (visible without colour) and green where there is colour.
    let glyph = try #require(buffer.line(otherRow).range(of: "[x]"))
    let x = buffer.line(otherRow).distance(
      from: buffer.line(otherRow).startIndex, to: glyph.lowerBound)
    #expect(buffer[x, otherRow].style.bold)
    #expect(buffer[x, otherRow].style.foreground == .green)
  }

  @Test func skipFormMatchesTheSnapshot() throws {
    var state = try Self.busyState()
    _ = state.apply(.today(.skipSelectedItem))
    for character in "no time" { _ = state.apply(.today(.editText(.character(character)))) }
    Snapshot.expect(render(state, size: Fixtures.size, capabilities: .full), matches: "skip-80x24")
  }

  @Test func painFormMatchesTheSnapshot() throws {
    var state = try Self.busyState()
    Fixtures.openPainForm(&state)
    _ = state.apply(.today(.setPainLevel(6)))
    _ = state.apply(.today(.toggleAboutItem))
    Snapshot.expect(render(state, size: Fixtures.size, capabilities: .full), matches: "pain-80x24")
  }

  @Test func helpOverlayMatchesTheSnapshot() throws {
    var state = try Self.busyState()
    _ = state.apply(.help(.open))
    Snapshot.expect(render(state, size: Fixtures.size, capabilities: .full), matches: "help-80x24")
  }

  @Test func withoutUnicodeEveryCellIsASCII() throws {
    var state = try Self.busyState()
    Fixtures.openPainForm(&state)
    _ = state.apply(.today(.setPainLevel(7)))
    let buffer = render(state, size: Fixtures.size, capabilities: .minimal)
    for line in buffer.lines {
      #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
    }
    #expect(buffer.text.contains("3 x 30 s"))
    #expect(buffer.text.contains("[x] Calf stretch"))
  }

  @Test func accentedAndWideNamesKeepTheColumnsAligned() throws {
    var state = try Self.busyState()
    var loaded = try #require(state.todayScreen.checklist)
    loaded.entries[0].item.name = "Étirement du mollet"
    loaded.entries[1].item.name = "ふくらはぎのストレッチ"
    loaded.entries[2].item.name = "Cafe\u{301} stretch"
    state.todayScreen.checklist = loaded
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    let rows = buffer.lines.filter { $0.contains("left  ") && $0.contains("[") }
    #expect(rows.count == 4)
    let columns = Set(
      rows.map { row in
        DisplayWidth.of(String(row[..<(row.range(of: "left  ")?.lowerBound ?? row.endIndex)]))
      })
    #expect(columns.count == 1, "the side column starts at \(columns)")
  }

  @Test func programmeTextIsSanitizedBeforeItReachesTheTerminal() throws {
    var state = try Self.busyState()
    var loaded = try #require(state.todayScreen.checklist)
    loaded.entries[0].item.name = "Calf\u{1B}[2J stretch\u{7}"
    state.todayScreen.checklist = loaded
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    for line in buffer.lines {
      #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }
    #expect(buffer.text.contains("Calf"))
  }

  @Test func restDaysAndDaysOutsideTheProgrammeSaySo() throws {
    let programme = try Fixtures.programme()
    var state = AppState(today: Days.day("2026-12-05"), size: Fixtures.size, programme: programme)
    _ = state.apply(
      .dayLoaded(LoadedDay(day: state.todayScreen.day, programmeWeek: 1, entries: [])))
    #expect(render(state, size: Fixtures.size, capabilities: .full).text.contains("a rest day"))

    var before = AppState(today: Days.day("2026-11-20"), size: Fixtures.size, programme: programme)
    _ = before.apply(
      .dayLoaded(LoadedDay(day: before.todayScreen.day, programmeWeek: nil, entries: [])))
    let text = render(before, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("The programme starts on Mon 2026-11-30."))
    #expect(text.contains("starts 2026-11-30"))
  }

  @Test func aLongListScrollsToKeepTheSelectionAndItsHeadingVisible() throws {
    let size = AppState.minimumSize
    var state = try Fixtures.todayState(size: size)
    var loaded = try #require(state.todayScreen.checklist)
    let template = loaded.entries[3]
    for index in 0..<12 {
      var extra = template
      extra.item.id += ".\(index)"
      extra.item.name = "Extra ice \(index)"
      loaded.entries.append(extra)
    }
    _ = state.apply(.dayLoaded(loaded))
    _ = state.apply(.today(.moveToLast))
    let buffer = render(state, size: size, capabilities: .full)
    #expect(buffer.text.contains("Extra ice 11"))
    #expect(!buffer.text.contains("Calf stretch"))
    #expect(buffer.text.contains("↑"))
    _ = state.apply(.today(.moveToFirst))
    let top = render(state, size: size, capabilities: .full)
    #expect(top.line(2).contains("Stretching"))
    #expect(top.text.contains("↓"))
  }

  @Test func theStatusLineShowsWeekAdherenceAndFlags() throws {
    let text = render(try Self.busyState(), size: Fixtures.size, capabilities: .full).line(22)
    #expect(text.contains("week 1 of 8"))
    #expect(text.contains("1/4 done"))
    #expect(text.contains("this week 60% (self-reported)"))
    #expect(text.hasSuffix("⚑ Insufficient dose"))
    // Without flags there is room for the day too.
    var state = try Self.busyState()
    state.todayScreen.checklist?.flags = []
    let plain = render(state, size: Fixtures.size, capabilities: .full).line(22)
    #expect(plain.contains("Wed 2026-12-02 · week 1 of 8"))
  }
}
