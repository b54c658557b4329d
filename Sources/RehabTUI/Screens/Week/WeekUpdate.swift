import RehabCore
import TerminalUI

extension AppState {
  /// The weeks the Week screen can show: from the programme's first week through the week of
  /// today (or of the programme's last day, once it has ended).
  var weekRange: ClosedRange<ISOWeek>? {
    guard let programme else { return nil }
    let first = ISOWeek(containing: programme.start)
    let last = max(first, ISOWeek(containing: min(today, programme.end)))
    return first...last
  }

  /// Opens the Week screen on the week of `day`, kept within `weekRange`.
  mutating func openWeek(containing day: CalendarDay) -> [AppEffect] {
    guard let range = weekRange else { return [] }
    let week = min(max(ISOWeek(containing: day), range.lowerBound), range.upperBound)
    modal = nil
    message = nil
    screen = .week(WeekView(week: week))
    return [.loadWeek(week)]
  }

  /// The Week screen's actions.
  mutating func applyWeek(_ action: AppAction, view: WeekView) -> [AppEffect] {
    var view = view
    defer { if case .week = screen { screen = .week(view) } }
    switch action {
    case .previousWeek, .nextWeek, .goToThisWeek:
      guard let range = weekRange else { return [] }
      let target: ISOWeek
      switch action {
      case .previousWeek: target = view.week.previous
      case .nextWeek: target = view.week.next
      default: target = range.upperBound
      }
      guard range.contains(target) else {
        view.problem =
          target < range.lowerBound
          ? "The programme starts in week \(range.lowerBound)." : "No weeks after this one yet."
        return []
      }
      guard target != view.week else { return [] }
      view = WeekView(week: target)
      return [.loadWeek(target)]
    case .scrollWeek(let delta):
      let maximum = WeekScreen.maxScroll(for: self, view: view, size: size)
      view.scrollOffset = min(max(0, view.scrollOffset + delta), maximum)
      return []
    case .openCheckin:
      guard let programme, let loaded = view.loaded else { return [] }
      // The week's own day: today in the current week, else its last programme day.
      let last = min(today, view.week.monday.adding(days: 6), programme.end)
      let checkinDay = max(programme.start, last)
      guard checkinDay <= today else {
        view.problem = "The programme starts on \(programme.start); check in from then."
        return []
      }
      return openCheckin(on: checkinDay, existing: loaded.checkin, origin: .week(view.week))
    case .back:
      screen = .today
      return [.loadDay(day)]
    default:
      return []
    }
  }

  /// A week arrived from the store; a stale one (the user moved on) is ignored.
  mutating func weekLoaded(_ loaded: WeekSummary) {
    guard case .week(var view) = screen, view.week == loaded.week else { return }
    view.loaded = loaded
    view.problem = nil
    view.scrollOffset = min(
      view.scrollOffset, WeekScreen.maxScroll(for: self, view: view, size: size))
    screen = .week(view)
  }

  mutating func weekLoadFailed(_ week: ISOWeek, reason: String) {
    guard case .week(var view) = screen, view.week == week else { return }
    view.problem = "Cannot read week \(week): \(reason)"
    screen = .week(view)
  }
}
