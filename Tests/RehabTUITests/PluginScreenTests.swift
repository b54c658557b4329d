import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// A throw-away screen defined entirely here, to show that a screen is a component the app can
/// host: its own state, actions, reducer, key table and render, plugged in as a `PluginScreen`.
enum AboutScreen: ScreenComponent {
  struct State: Equatable, Sendable {
    var page = 1
  }

  enum Action: Equatable, Sendable {
    case nextPage
    case close
  }

  static func title(_ state: State) -> String { "About" }

  static func keys(for state: State) -> ScreenKeys {
    ScreenKeys(keys, otherKeys: .globalKeys)
  }

  static let keys: KeyTable<AppAction> = [
    KeyBinding(keys: [.character("n")], action: action(.nextPage), help: "next page"),
    KeyBinding(keys: [.escape], action: action(.close), help: "back"),
  ]

  static func action(_ action: Action) -> AppAction {
    .plugin(PluginAction(AboutScreen.self, action))
  }

  static var screen: Screen { .plugin(PluginScreen(AboutScreen.self, state: State())) }

  static func reduce(_ state: inout State, _ action: Action, context: ScreenContext)
    -> ScreenReply
  {
    switch action {
    case .nextPage:
      state.page += 1
      return .none
    case .close:
      return ScreenReply(effects: [.loadDay(context.day)], show: .today)
    }
  }

  static func render(_ state: State, app: AppState, into buffer: inout ScreenBuffer, theme: Theme) {
    buffer.put("About rehabit, page \(state.page)", at: Point(x: 1, y: 0), style: theme.title)
    theme.helpBar(keys(for: state), into: &buffer, row: buffer.size.height - 1)
  }
}

@Suite("a screen plugged in from outside")
struct PluginScreenTests {
  @Test func aKeyBecomesAnActionThatChangesTheStateAndTheRender() throws {
    var state = try Fixtures.todayState()
    state.screen = AboutScreen.screen
    #expect(render(state, size: Fixtures.size, capabilities: .full).line(0).contains("page 1"))

    let action = try #require(AppKeys.action(for: .character("n"), in: state))
    #expect(action == AboutScreen.action(.nextPage))
    #expect(state.apply(action).isEmpty)
    guard case .plugin(let plugin) = state.screen else {
      Issue.record("not on the About screen")
      return
    }
    #expect(plugin.state(of: AboutScreen.self) == AboutScreen.State(page: 2))
    let screen = render(state, size: Fixtures.size, capabilities: .full)
    #expect(screen.line(0).contains("About rehabit, page 2"))
    #expect(screen.line(23).contains("n next page"))
    // The global keys follow the screen's own, in the help bar and the help overlay.
    #expect(screen.line(23).contains("?/F1 help"))
    #expect(AppKeys.action(for: .character("?"), in: state) == .help(.open))
    _ = state.apply(.help(.open))
    let help = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(help.contains("Keys on the About screen") && help.contains("next page"))
    _ = state.apply(.help(.close))

    // Navigation goes through the reply: Esc returns to Today and reloads it.
    let back = try #require(AppKeys.action(for: .escape, in: state))
    #expect(state.apply(back) == [.loadDay(Days.today)])
    #expect(state.screen == .today)
    // A stale action for a screen no longer showing does nothing.
    #expect(state.apply(AboutScreen.action(.nextPage)).isEmpty && state.screen == .today)
  }
}
