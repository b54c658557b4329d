import RehabCore
import TerminalUI

/// A screen as a component: its own state and actions, a reducer that answers with a
/// `ScreenReply` (effects, a message, where to go) instead of changing the rest of the app, the
/// keys of its current sub-state, and a render. The app routes keys and actions to it in
/// `AppRoutes.swift`, the one place that knows every screen.
protocol ScreenComponent {
  associatedtype State: Equatable & Sendable
  associatedtype Action: Equatable & Sendable

  /// How the help overlay names the screen ("Keys on the Today screen").
  static func title(_ state: State) -> String
  /// The keys of the state shown (a form open, a wizard step): they dispatch keys and draw the
  /// help bar.
  static func keys(for state: State) -> ScreenKeys
  /// The keys the help overlay lists: the screen's own, with no form open.
  static func helpKeys(for state: State) -> ScreenKeys
  static func reduce(_ state: inout State, _ action: Action, context: ScreenContext)
    -> ScreenReply
  /// Draws the whole screen; `app` is read for what the app shares (today, the programme, the
  /// message line).
  static func render(_ state: State, app: AppState, into buffer: inout ScreenBuffer, theme: Theme)
}

extension ScreenComponent {
  static func helpKeys(for state: State) -> ScreenKeys { keys(for: state) }
}

/// A screen's keys for one sub-state, and what becomes of the keys its table does not list.
struct ScreenKeys {
  enum OtherKeys {
    /// The app's global keys (help, quit) apply; any other key is ignored.
    case globalKeys
    /// Every other key becomes this action (typing into a text field, closing the help).
    case action((Key) -> AppAction)
    /// Every other key is swallowed (no global keys either).
    case ignored
  }

  var table: KeyTable<AppAction>
  var otherKeys: OtherKeys

  init(_ table: KeyTable<AppAction>, otherKeys: OtherKeys) {
    self.table = table
    self.otherKeys = otherKeys
  }

  /// The global keys shown after the screen's own, when they apply, less any key the screen
  /// binds itself (the card's `q` closes the card), so the help bar never offers a key that
  /// does something else.
  var globalTable: KeyTable<AppAction>? {
    guard case .globalKeys = otherKeys else { return nil }
    let used = Set(table.bindings.flatMap(\.keys))
    return KeyTable(
      AppKeys.global.bindings.compactMap { binding in
        var remaining = binding
        remaining.keys = binding.keys.filter { !used.contains($0) }
        if remaining.keys.count != binding.keys.count { remaining.label = nil }
        return remaining.keys.isEmpty ? nil : remaining
      })
  }

  /// The table followed by the global keys that apply (what the help overlay lists).
  var fullTable: KeyTable<AppAction> {
    globalTable.map { table.followed(by: $0) } ?? table
  }
}

/// What a screen's reducer may read of the app.
struct ScreenContext: Sendable {
  var today: CalendarDay
  var programme: Programme?
  /// The terminal size as last reported (the Today list keeps its selection in view).
  var size: Size
  /// The day the Today screen shows, which "back" returns to.
  var day: CalendarDay
  var exportDirectory: String
  var homeDirectory: String?
  /// Monotonic seconds, as last reported by the runner.
  var now: Double = 0
  var bellEnabled: Bool = true
  /// The folder's earlier programmes (phases), oldest first.
  var earlierProgrammes: [Programme] = []

  /// Every programme of the folder, the current one last.
  var timeline: ProgrammeTimeline? {
    programme.map { ProgrammeTimeline(current: $0, earlier: earlierProgrammes) }
  }

  /// The programme that ran on `day`.
  func programme(on day: CalendarDay) -> Programme? { timeline?.programme(on: day) }

  /// The first day of the first programme: the earliest day the Today screen goes back to.
  var firstDay: CalendarDay? { timeline?.programmes[0].start }

  /// The weeks the Week screen can show: from the first programme's first week through the
  /// week of today (or of the current programme's last day, once it has ended).
  var weekRange: ClosedRange<ISOWeek>? {
    guard let programme, let firstDay else { return nil }
    let first = ISOWeek(containing: firstDay)
    let last = max(first, ISOWeek(containing: min(today, programme.end)))
    return first...last
  }
}

/// What a screen asks of the app after an action: effects to perform, a change to the message
/// line, and the screen to show next.
struct ScreenReply: Equatable, Sendable {
  var effects: [AppEffect]
  /// Writes go after the failed writes still waiting, so changes land in order.
  var sendsUnsavedFirst: Bool
  var message: MessageChange
  /// The screen to show instead; nil stays on this one.
  var show: Screen?

  init(
    effects: [AppEffect] = [], sendsUnsavedFirst: Bool = false, message: MessageChange = .keep,
    show: Screen? = nil
  ) {
    self.effects = effects
    self.sendsUnsavedFirst = sendsUnsavedFirst
    self.message = message
    self.show = show
  }

  /// Nothing to do.
  static let none = ScreenReply()

  /// Only a message.
  static func say(_ message: StatusMessage) -> ScreenReply { ScreenReply(message: .show(message)) }
}

/// What becomes of the message line.
enum MessageChange: Equatable, Sendable {
  case keep
  case clear
  case show(StatusMessage)
}
