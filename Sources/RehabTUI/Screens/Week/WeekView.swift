import RehabCore

/// The Week screen's state: which ISO week, what was loaded for it, and how far it is scrolled.
public struct WeekView: Equatable, Sendable {
  public var week: ISOWeek
  /// nil while loading.
  public var loaded: WeekSummary?
  /// First body row shown (the body scrolls when it does not fit).
  public var scrollOffset: Int
  /// Why the week could not be read, when it could not.
  public var problem: String?

  public init(week: ISOWeek, loaded: WeekSummary? = nil, scrollOffset: Int = 0) {
    self.week = week
    self.loaded = loaded
    self.scrollOffset = scrollOffset
    self.problem = nil
  }
}
