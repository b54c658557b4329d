import RehabCore
import TerminalUI

/// What the user wants on the Week screen, and what the runner reports for it.
public enum WeekAction: Equatable, Sendable {
  case previousWeek
  case nextWeek
  case goToThisWeek
  /// Scrolls the body by this many rows (the render keeps it within the body).
  case scroll(Int)
  /// Opens the check-in form for the week shown.
  case openCheckin
  /// Back to the Today screen.
  case back
  /// The week arrived from the store.
  case loaded(WeekSummary)
  case loadFailed(ISOWeek, String)
}

/// A week at a glance: the grid, adherence, measure trends, limb symmetry and flags.
enum WeekScreen: ScreenComponent {
  static func title(_ state: WeekView) -> String { "Week" }

  static func keys(for state: WeekView) -> ScreenKeys {
    ScreenKeys(keys, otherKeys: .globalKeys)
  }

  /// Scrolling is left out of the help bar: the message line says when there is more below.
  static let keys: KeyTable<AppAction> = [
    KeyBinding(keys: [.escape, .character("b")], action: .week(.back), help: "back"),
    KeyBinding(
      keys: [.left, .character("h")], action: .week(.previousWeek), help: "previous week"),
    KeyBinding(keys: [.right, .character("l")], action: .week(.nextWeek), help: "next week"),
    KeyBinding(keys: [.character("c")], action: .week(.openCheckin), help: "check-in"),
    KeyBinding(
      keys: [.character("t")], action: .week(.goToThisWeek), help: "this week",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.down, .character("j")], action: .week(.scroll(1)), help: "scroll",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.up, .character("k")], action: .week(.scroll(-1)), help: "scroll up",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.pageDown], action: .week(.scroll(10)), help: "page down", showsInHelpBar: false),
    KeyBinding(
      keys: [.pageUp], action: .week(.scroll(-10)), help: "page up", showsInHelpBar: false),
  ]

  /// Opens the Week screen on the week of `day`, kept within the programme's weeks.
  static func open(containing day: CalendarDay, context: ScreenContext) -> ScreenReply {
    guard let range = context.weekRange else { return .none }
    let week = min(max(ISOWeek(containing: day), range.lowerBound), range.upperBound)
    return ScreenReply(
      effects: [.loadWeek(week)], message: .clear, show: .week(WeekView(week: week)))
  }

  static func reduce(_ view: inout WeekView, _ action: WeekAction, context: ScreenContext)
    -> ScreenReply
  {
    switch action {
    case .previousWeek: return go(&view, to: view.week.previous, context: context)
    case .nextWeek: return go(&view, to: view.week.next, context: context)
    case .goToThisWeek:
      guard let range = context.weekRange else { return .none }
      return go(&view, to: range.upperBound, context: context)
    case .scroll(let delta):
      // Only the top is known here; the render stops the body at its end.
      view.scrollOffset = max(0, view.scrollOffset + delta)
      return .none
    case .openCheckin:
      // The programme the week was judged with (an earlier one for its own weeks).
      guard let loaded = view.loaded else { return .none }
      let programme = loaded.programme
      // The week's own day: today in the current week, else its last programme day.
      let last = min(context.today, view.week.monday.adding(days: 6), programme.end)
      let checkinDay = max(programme.start, last)
      guard checkinDay <= context.today else {
        view.problem = "The programme starts on \(programme.start); check in from then."
        return .none
      }
      return CheckinScreen.open(
        on: checkinDay, existing: loaded.checkin, origin: .week(view.week), context: context)
    case .back:
      return ScreenReply(effects: [.loadDay(context.day)], show: .today)
    case .loaded(let loaded):
      // A stale week (the user moved on) is ignored.
      guard view.week == loaded.week else { return .none }
      view.loaded = loaded
      view.problem = nil
      return .none
    case .loadFailed(let week, let reason):
      guard view.week == week else { return .none }
      view.problem = "Cannot read week \(week): \(reason)"
      return .none
    }
  }

  private static func go(_ view: inout WeekView, to target: ISOWeek, context: ScreenContext)
    -> ScreenReply
  {
    guard let range = context.weekRange else { return .none }
    guard range.contains(target) else {
      view.problem =
        target < range.lowerBound
        ? "The programme starts in week \(range.lowerBound)." : "No weeks after this one yet."
      return .none
    }
    guard target != view.week else { return .none }
    view = WeekView(week: target)
    return ScreenReply(effects: [.loadWeek(target)])
  }
}
