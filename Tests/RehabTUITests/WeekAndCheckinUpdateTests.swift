import Foundation
import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// `update` for the Week screen's actions: opening, moving between weeks within the programme,
/// scrolling, loading and going back.
@Suite("update: Week screen")
struct WeekUpdateTests {
  let thisWeek = ISOWeek(containing: WeekFixtures.today)

  func view(_ state: AppState) -> WeekView? {
    if case .week(let view) = state.screen { return view }
    return nil
  }

  /// The first body row the render shows (it clamps the scroll offset).
  func shownOffset(_ state: AppState, capabilities: TerminalCapabilities = .full) -> Int? {
    view(state).flatMap {
      WeekScreen.visibleOffset($0, app: state, size: state.size, theme: Theme(capabilities))
    }
  }

  @Test func wOpensTheWeekOfTheDayShownAndLoadsIt() throws {
    let state = try Fixtures.todayState()
    let (next, effects) = update(state, .today(.showWeek))
    #expect(effects == [.loadWeek(ISOWeek(containing: Days.today))])
    #expect(view(next) == WeekView(week: ISOWeek(containing: Days.today)))
    #expect(render(next, size: Fixtures.size, capabilities: .full).text.contains("Loading…"))
  }

  @Test func previousAndNextWeekStayWithinTheProgrammeAndToday() throws {
    var state = try WeekFixtures.weekState()
    var effects = state.apply(.week(.nextWeek))
    #expect(effects.isEmpty && view(state)?.week == thisWeek)
    #expect(view(state)?.problem == "No weeks after this one yet.")
    effects = state.apply(.week(.previousWeek))
    #expect(effects == [.loadWeek(thisWeek.previous)])
    #expect(view(state) == WeekView(week: thisWeek.previous))
    for _ in 0..<3 { _ = state.apply(.week(.previousWeek)) }
    let first = ISOWeek(containing: Days.start)
    #expect(view(state)?.week == first)
    effects = state.apply(.week(.previousWeek))
    #expect(effects.isEmpty && view(state)?.problem?.contains("starts in week") == true)
    effects = state.apply(.week(.goToThisWeek))
    #expect(effects == [.loadWeek(thisWeek)])
  }

  @Test func aStaleWeekIsIgnoredAndAFailureIsShown() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.showWeek))
    let earlier = ISOWeek(containing: Days.start).previous
    let other = WeekSummary(
      history: try WeekFixtures.history(), week: earlier,
      asOf: WeekSummary.asOf(week: earlier, today: Days.today))
    _ = state.apply(.weekLoaded(other))
    #expect(view(state)?.loaded == nil)
    _ = state.apply(.weekLoadFailed(ISOWeek(containing: Days.today), "damaged file"))
    #expect(view(state)?.problem == "Cannot read week 2026-W49: damaged file")
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("damaged file"))
  }

  @Test func scrollingStopsAtTheEndOfTheBody() throws {
    var state = try WeekFixtures.weekState()
    _ = state.apply(.week(.scroll(-5)))
    #expect(view(state)?.scrollOffset == 0)
    _ = state.apply(.week(.scroll(1000)))
    // The render stops the body at its end.
    let offset = try #require(shownOffset(state))
    #expect(offset > 0)
    let bottom = render(state, size: Fixtures.size, capabilities: .full)
    // The last section (adherence by day) is in view at the bottom.
    #expect(bottom.text.contains("Sun 27"))
    #expect(!bottom.text.contains("↓ more"))
    // At 120×40 more fits, so it scrolls less.
    var wide = try WeekFixtures.weekState(size: Size(width: 120, height: 40))
    _ = wide.apply(.week(.scroll(1000)))
    #expect((shownOffset(wide) ?? 0) < offset)
  }

  /// ASCII text wraps differently from Unicode ("≥" becomes ">="), so the body can be taller;
  /// only the render, which knows the terminal, can tell how far the body scrolls. With this
  /// history the ASCII body is one line taller at 73 columns; 80×24 is checked too.
  @Test(arguments: [Size(width: 80, height: 24), Size(width: 73, height: 24)])
  func inASCIIModeTheLastBodyLineCanBeScrolledIntoView(size: Size) throws {
    var state = try WeekFixtures.weekState(size: size)
    let ascii = TerminalCapabilities(colors: true, unicode: false)
    let loaded = try #require(view(state)?.loaded)
    let width = WeekScreen.bodyRect(in: size).width
    let content = WeekScreen.content(
      loaded, today: state.today, width: width, theme: Theme(ascii))
    let unicode = WeekScreen.content(
      loaded, today: state.today, width: width, theme: Theme(.full))
    if size.width == 73 {
      // The case this guards: laid out with Unicode, the last ASCII line was out of reach.
      #expect(content.size.height > unicode.size.height)
    }
    let last = try #require(
      content.lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    for _ in 0..<content.size.height { _ = state.apply(.week(.scroll(1))) }
    let bottom = render(state, size: size, capabilities: ascii)
    #expect(bottom.lines.contains { $0.contains(last.trimmingCharacters(in: .whitespaces)) })
    #expect(!bottom.text.contains("v more"))
  }

  @Test func backReturnsToTodayAndReloadsIt() throws {
    var state = try WeekFixtures.weekState()
    let effects = state.apply(.week(.back))
    #expect(state.screen == .today && effects == [.loadDay(WeekFixtures.today)])
  }

  @Test func aPastWeekIsJudgedAsOfItsSunday() throws {
    let past = ISOWeek(containing: Days.start)
    let state = try WeekFixtures.weekState(week: past)
    let loaded = try #require(view(state)?.loaded)
    #expect(loaded.asOf == Days.day("2026-12-06"))
    #expect(loaded.overview.days.allSatisfy { $0.standing != .upcoming })
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("As of 2026-12-06"))
    #expect(text.contains("programme week 1 of 8"))
  }

  @Test func theGridShowsEachOutcomeAndFlagsCarryTheDisclaimer() throws {
    var state = try WeekFixtures.weekState(size: Size(width: 120, height: 40))
    let text = render(state, size: state.size, capabilities: .full).lines
      .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    for glyph in ["✓", "–", "✗", "○", "·"] { #expect(text.contains(glyph), "\(glyph)") }
    #expect(text.contains("⚑ Insufficient dose"))
    #expect(text.contains("⚑ Left/right imbalance"))
    #expect(text.contains(SafetyText.disclaimer.prefix(40)))
    #expect(text.contains("LSI 55 %"))
    #expect(text.contains("counts as symmetric by"))
    #expect(text.contains("MCID 6"))
    state.size = Fixtures.size
    let ascii = render(state, size: Fixtures.size, capabilities: .minimal)
    for line in ascii.lines {
      #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
    }
    #expect(ascii.text.contains("x done  - skipped  o missed"))
  }
}

/// `update` for the check-in form: opening with the stored check-in, validating as typed,
/// moving between fields, saving and cancelling.
@Suite("update: check-in form")
struct CheckinUpdateTests {
  func openForm(_ state: AppState) -> CheckinForm? {
    if case .checkin(let form) = state.screen { return form }
    return nil
  }

  func type(_ text: String, into state: inout AppState) {
    for character in text { _ = state.apply(.checkin(.editText(.character(character)))) }
  }

  @Test func cOpensAFieldPerAskedMeasureAndSide() throws {
    var state = try Fixtures.todayState()
    #expect(state.apply(.today(.openCheckin)).isEmpty)
    let form = try #require(openForm(state))
    #expect(form.day == Days.today && form.origin == .today && form.existing == nil)
    #expect(form.measures == [.pain, .sane, .faamADL, .heelRaises, .balance])
    #expect(
      form.fields.map(\.name) == [
        "pain", "sane", "faam-adl", "heel-raises:left", "heel-raises:right", "balance:left",
        "balance:right",
      ])
  }

  @Test func theFormStartsFromTheWeeksStoredCheckin() throws {
    var state = try Fixtures.todayState()
    let stored = Checkin(
      day: Days.start,
      values: [.pain: .single(4), .sane: .single(62.5), .heelRaises: .sided(left: 9, right: 18)],
      at: "2026-11-30T19:00:00Z")
    state.todayScreen.checklist?.checkin = stored
    _ = state.apply(.today(.openCheckin))
    let form = try #require(openForm(state))
    #expect(form.existing == stored)
    // It stays dated as stored, so it stays in its programme week.
    #expect(form.day == Days.start)
    #expect(form.fields.map(\.input.value) == ["4", "62.5", "", "9", "18", "", ""])
    // A number typed into a field just entered replaces the stored one; after that it edits.
    type("5", into: &state)
    #expect(openForm(state)?.fields[0].input.value == "5")
    _ = state.apply(.checkin(.nextField))
    _ = state.apply(.checkin(.editText(.end)))
    type("0", into: &state)
    #expect(openForm(state)?.fields[1].input.value == "62.50")
  }

  @Test func checkinWaitsForTheDayToLoad() throws {
    var state = try Fixtures.todayState()
    state.todayScreen.checklist = nil
    #expect(state.apply(.today(.openCheckin)).isEmpty)
    #expect(state.screen == .today && state.message?.text.contains("Still reading") == true)
  }

  @Test func valuesAreCheckedAsTypedWithTheCoreRules() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.openCheckin))
    type("11", into: &state)
    #expect(
      openForm(state)?.fields[0].problem == "pain 11 is out of range; Pain (0–10) takes 0 to 10")
    _ = state.apply(.checkin(.editText(.backspace)))
    #expect(openForm(state)?.fields[0].problem == nil)
    type(".5", into: &state)
    #expect(openForm(state)?.fields[0].problem?.contains("is not a whole number") == true)
    // Letters are not typed at all; a comma is a decimal point.
    _ = state.apply(.checkin(.nextField))
    type("6x0,5", into: &state)
    #expect(openForm(state)?.fields[1].input.value == "60,5")
    #expect(openForm(state)?.fields[1].number == 60.5)
    #expect(openForm(state)?.fields[1].problem == nil)
  }

  @Test func tabAndArrowsMoveAroundTheFieldsAndWrap() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.openCheckin))
    _ = state.apply(.checkin(.previousField))
    #expect(openForm(state)?.focus == 6)
    _ = state.apply(.checkin(.nextField))
    #expect(openForm(state)?.focus == 0)
    _ = state.apply(.checkin(.submit))
    #expect(openForm(state)?.focus == 1)
  }

  @Test func enterOnTheLastFieldSavesTheCheckin() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.openCheckin))
    type("3", into: &state)
    _ = state.apply(.checkin(.submit))
    type("70", into: &state)
    _ = state.apply(.checkin(.submit))
    _ = state.apply(.checkin(.submit))
    type("12", into: &state)
    _ = state.apply(.checkin(.submit))
    type("20", into: &state)
    _ = state.apply(.checkin(.submit))
    _ = state.apply(.checkin(.submit))
    let effects = state.apply(.checkin(.submit))
    let expected = Checkin(
      day: Days.today,
      values: [.pain: .single(3), .sane: .single(70), .heelRaises: .sided(left: 12, right: 20)],
      at: "")
    #expect(effects == [.saveCheckin(expected)])
    #expect(openForm(state)?.isSaving == true)
    // Keys wait while it is saved.
    #expect(state.apply(.checkin(.save)).isEmpty)
    let after = state.apply(.saved(.saveCheckin(expected)))
    #expect(state.screen == .today && after == [.loadDay(Days.today)])
    #expect(
      state.message?.text
        == "Check-in saved for Wed 2026-12-02: pain 3, SANE 70, heel raises L 12 R 20.")
  }

  @Test func savingRefusesMissingPainOrFunctionAndOneSidedMeasures() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.openCheckin))
    #expect(state.apply(.checkin(.save)).isEmpty)
    #expect(openForm(state)?.problem?.contains("Pain (0–10) is needed") == true)
    type("2", into: &state)
    _ = state.apply(.checkin(.nextField))
    type("50", into: &state)
    for _ in 0..<2 { _ = state.apply(.checkin(.nextField)) }
    type("12", into: &state)
    #expect(state.apply(.checkin(.save)).isEmpty)
    // The right side is missing: the focus goes to it, with the core's words.
    #expect(openForm(state)?.focus == 4)
    #expect(
      openForm(state)?.problem == "heel-raises has no right side; give the right side too"
    )
    // An invalid value is refused before anything else.
    _ = state.apply(.checkin(.previousField))
    type("9120", into: &state)
    #expect(openForm(state)?.fields[3].input.value == "9120")
    #expect(state.apply(.checkin(.save)).isEmpty)
    #expect(openForm(state)?.problem?.contains("out of range") == true)
  }

  @Test func aFailedSaveKeepsTheFormAndEverythingTyped() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.openCheckin))
    type("2", into: &state)
    _ = state.apply(.checkin(.nextField))
    type("50", into: &state)
    let effects = state.apply(.checkin(.save))
    let write = try #require(effects.first)
    _ = state.apply(.saveFailed(write, "disk full"))
    #expect(openForm(state)?.isSaving == false)
    #expect(openForm(state)?.problem == "Not saved: disk full")
    #expect(openForm(state)?.fields[1].input.value == "50")
    #expect(state.unsaved.isEmpty)
  }

  @Test func escCancelsWithoutWriting() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.openCheckin))
    type("2", into: &state)
    #expect(state.apply(.checkin(.cancel)) == [.loadDay(Days.today)])
    #expect(state.screen == .today)
    _ = state.apply(.today(.openCheckin))
    #expect(state.apply(.checkin(.editText(.escape))) == [.loadDay(Days.today)])
  }

  @Test func fromTheWeekScreenItChecksInForThatWeekAndReturnsThere() throws {
    var state = try WeekFixtures.weekState(week: ISOWeek(containing: Days.start).next)
    _ = state.apply(.week(.openCheckin))
    let form = try #require(openForm(state))
    // A past week: dated its Sunday, starting from its stored check-in.
    #expect(form.day == Days.day("2026-12-13"))
    #expect(form.existing?.day == Days.day("2026-12-13"))
    #expect(form.fields[0].input.value == "5")
    let week = ISOWeek(containing: Days.day("2026-12-13"))
    #expect(form.origin == .week(week))
    #expect(state.apply(.checkin(.cancel)) == [.loadWeek(week)])
    #expect(state.screen == .week(WeekView(week: week)))
  }
}
