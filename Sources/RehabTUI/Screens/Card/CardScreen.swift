import RehabCore
import TerminalUI

/// What the user wants on an item's card, and what the runner reports for it.
public enum CardAction: Equatable, Sendable {
  /// Back to the Today screen.
  case close
  /// Scrolls the body by this many rows (the render keeps it within the body).
  case scroll(Int)
  /// The card arrived from the query layer.
  case loaded(ItemCard)
  case loadFailed(itemId: String, reason: String)
}

/// The card screen's state: which item, its card once read, and how far it is scrolled.
public struct CardView: Equatable, Sendable {
  public var itemId: String
  public var day: CalendarDay
  /// "Elastic band eversion (left)": shown while the card is read.
  public var label: String
  /// nil while loading.
  public var card: ItemCard?
  public var scrollOffset: Int
  /// Why the card could not be read, when it could not.
  public var problem: String?

  public init(itemId: String, day: CalendarDay, label: String, card: ItemCard? = nil) {
    self.itemId = itemId
    self.day = day
    self.label = label
    self.card = card
    self.scrollOffset = 0
    self.problem = nil
  }
}

/// One item explained: how to do it, its load, the day's dose and why, the pain rule, when it
/// was last done. Opened from the Today screen; read-only.
enum CardScreen: ScreenComponent {
  static func title(_ state: CardView) -> String { "Item card" }

  static func keys(for state: CardView) -> ScreenKeys {
    ScreenKeys(keys, otherKeys: .globalKeys)
  }

  /// `q` closes the card rather than quitting (it is bound here, so it wins over the global
  /// key); Enter closes it too, so the key that opened it also puts it away.
  static let keys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.escape, .character("q"), .enter], action: .card(.close), help: "back to Today",
      label: "Esc/q/Enter"),
    KeyBinding(
      keys: [.down, .character("j")], action: .card(.scroll(1)), help: "scroll",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.up, .character("k")], action: .card(.scroll(-1)), help: "scroll up",
      showsInHelpBar: false),
    KeyBinding(
      keys: [.pageDown], action: .card(.scroll(10)), help: "page down", showsInHelpBar: false),
    KeyBinding(
      keys: [.pageUp], action: .card(.scroll(-10)), help: "page up", showsInHelpBar: false),
  ]

  /// Opens the card of `entry` on `day`, and asks for it to be read.
  static func open(_ entry: TodayEntry, day: CalendarDay) -> ScreenReply {
    ScreenReply(
      effects: [.loadCard(itemId: entry.item.id, day: day)], message: .clear,
      show: .card(CardView(itemId: entry.item.id, day: day, label: entry.label)))
  }

  static func reduce(_ view: inout CardView, _ action: CardAction, context: ScreenContext)
    -> ScreenReply
  {
    switch action {
    case .close:
      return ScreenReply(effects: [.loadDay(context.day)], show: .today)
    case .scroll(let delta):
      view.scrollOffset = max(0, view.scrollOffset + delta)
      return .none
    case .loaded(let card):
      // A stale card (another item's) is ignored.
      guard card.item.id == view.itemId else { return .none }
      view.card = card
      view.problem = nil
      return .none
    case .loadFailed(let itemId, let reason):
      guard itemId == view.itemId else { return .none }
      view.problem = "Cannot read \(view.label): \(reason)"
      return .none
    }
  }
}
