import RehabCore
import RehabQueries
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The item card over the Today screen: Enter and i open it, Esc, q and Enter close it, and it
/// shows the item's instructions, load, dose and why, the pain rule and when it was last done.
@Suite("Item card screen")
struct CardScreenTests {
  /// The Today screen with the card of `index` (the band eversion by default) open and loaded.
  static func cardState(size: Size = Fixtures.size, index: Int = 2) throws -> AppState {
    var state = try Fixtures.todayState(size: size)
    for _ in 0..<index { _ = state.apply(.today(.moveDown)) }
    let effects = state.apply(.today(.openCard))
    guard case .card(let view) = state.screen,
      effects == [.loadCard(itemId: view.itemId, day: Days.today)]
    else {
      Issue.record("the card did not open: \(state.screen)")
      return state
    }
    let programme = try Fixtures.programme()
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance([])
    let item = try #require(scheduler.checklist(for: Days.today).first { $0.id == view.itemId })
    let card = try #require(
      ItemCard(item: item, programme: programme, guidance: guidance, weeks: []))
    _ = state.apply(.card(.loaded(card)))
    return state
  }

  @Test func cardAt80x24MatchesTheSnapshot() throws {
    let state = try Self.cardState()
    Snapshot.expect(render(state, size: Fixtures.size, capabilities: .full), matches: "card-80x24")
  }

  @Test func cardAt60x16MatchesTheSnapshot() throws {
    let size = AppState.minimumSize
    let state = try Self.cardState(size: size)
    Snapshot.expect(render(state, size: size, capabilities: .full), matches: "card-60x16")
  }

  @Test func enterAndIOpenTheCardAndEscQAndEnterCloseIt() throws {
    let today = try Fixtures.todayState()
    for key in [Key.enter, .character("i")] {
      #expect(AppKeys.action(for: key, in: today) == .today(.openCard))
    }
    let card = try Self.cardState()
    for key in [Key.escape, .character("q"), .enter] {
      #expect(AppKeys.action(for: key, in: card) == .card(.close))
      var state = card
      let effects = state.apply(.card(.close))
      #expect(state.screen == .today)
      #expect(effects == [.loadDay(Days.today)])
    }
  }

  @Test func itsHelpListsItsKeysAndTheBarOffersNoQuit() throws {
    var state = try Self.cardState()
    let bar = render(state, size: Fixtures.size, capabilities: .full).line(23)
    #expect(bar.contains("Esc/q/Enter back to Today"))
    #expect(!bar.contains("quit"))
    _ = state.apply(.help(.open))
    let help = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(help.contains("Keys on the Item card screen"))
    #expect(help.contains("Esc/q/Enter  back to Today"))
    #expect(help.contains("scroll"))
    let todayHelp = render(
      { () -> AppState in
        var today = (try? Fixtures.todayState()) ?? state
        _ = today.apply(.help(.open))
        return today
      }(), size: Fixtures.size, capabilities: .full
    ).text
    #expect(todayHelp.contains("Enter/i"))
    #expect(todayHelp.contains("the item's card"))
  }

  @Test func scrollingStopsAtTheEndOfTheCard() throws {
    let size = AppState.minimumSize
    var state = try Self.cardState(size: size)
    for _ in 0..<40 { _ = state.apply(.card(.scroll(1))) }
    let shown = shownScroll(state, size: size, capabilities: .full)
    let offset = try #require(shown.card)
    _ = state.apply(.scrollShown(shown))
    guard case .card(let view) = state.screen else { return }
    #expect(view.scrollOffset == offset)
    let text = render(state, size: size, capabilities: .full).text
    #expect(text.contains("Last done"))
  }

  @Test("the card shows every template treatment's instructions")
  func everyTemplateTreatment() throws {
    let size = Size(width: 200, height: 60)
    for template in try Fixtures.templates() {
      let programme = Programme(plan: template.plan, start: Days.start, affectedSide: .left)
      let data = try TemporaryDataDirectory()
      defer { data.remove() }
      let queries = ProgressQueries(store: data.store, programme: programme)
      for treatment in programme.plan.treatments where treatment.kind.isHomeTask {
        let item = try #require(
          (0..<(programme.weeks * 7)).lazy.compactMap { offset in
            queries.items(on: programme.start.adding(days: offset)).first {
              $0.treatmentId == treatment.id
            }
          }.first)
        let card = try #require(try queries.card(item.id, on: item.day))
        var state = AppState(today: Days.today, size: size, programme: programme)
        state.screen = .card(CardView(itemId: item.id, day: item.day, label: item.name, card: card))
        let text = render(state, size: size, capabilities: .full).lines.map {
          $0.trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        let flat = text.split(separator: " ").joined(separator: " ")
        let expected = treatment.instructions.split(whereSeparator: { $0 == " " || $0 == "\n" })
          .joined(separator: " ")
        #expect(flat.contains(expected), "\(template.plan.id): \(treatment.id)")
      }
    }
  }
}
