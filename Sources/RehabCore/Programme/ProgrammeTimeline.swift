/// The programmes of one data folder, one after another (phases): the current one and the
/// earlier ones kept when a next programme was started. Answers which programme ran on a day,
/// the one before a programme, and their order. Spans never overlap (`overlap` names the first
/// pair that does, for a reader to refuse); a day between two programmes, or after the last,
/// belongs to the programme before it, as a day after the end always did with one programme.
public struct ProgrammeTimeline: Hashable, Sendable {
  /// Oldest first; never empty.
  public let programmes: [Programme]

  /// `current` is the latest programme (`programme.json`); `earlier` the kept ones, in any
  /// order. An earlier one with the current's start is the copy an interrupted start of the
  /// next programme left, and is the same programme: it is not counted twice.
  public init(current: Programme, earlier: [Programme] = []) {
    let kept = earlier.filter { $0.start != current.start }.sorted { $0.start < $1.start }
    programmes =
      kept.filter { $0.start < current.start } + [current]
      + kept.filter { $0.start > current.start }
  }

  /// The latest programme, the one `programme.json` holds.
  public var current: Programme { programmes[programmes.count - 1] }

  /// The programme that ran on `day`: the latest that started on or before it; the first one
  /// for a day before every programme.
  public func programme(on day: CalendarDay) -> Programme {
    programmes.last { $0.start <= day } ?? programmes[0]
  }

  /// The programme before `programme`; nil for the first (or one not in the timeline).
  public func previous(of programme: Programme) -> Programme? {
    guard let index = index(of: programme), index > 0 else { return nil }
    return programmes[index - 1]
  }

  /// 0-based position of `programme`, oldest first.
  public func index(of programme: Programme) -> Int? {
    programmes.firstIndex { $0.start == programme.start && $0 == programme }
  }

  /// The programmes whose span meets `from`…`to`, oldest first.
  public func programmes(overlapping from: CalendarDay, _ to: CalendarDay) -> [Programme] {
    programmes.filter { $0.start <= to && $0.end >= from }
  }

  /// The first two programmes whose spans overlap, if any (a timeline must have none).
  public var overlap: (Programme, Programme)? {
    for (earlier, later) in zip(programmes, programmes.dropFirst()) where later.start <= earlier.end
    {
      return (earlier, later)
    }
    return nil
  }

  // MARK: The next programme

  /// Where a next programme starts by default: the day after the current one ends, or
  /// `today` when that day has passed.
  public func defaultNextStart(today: CalendarDay) -> CalendarDay {
    max(current.end.adding(days: 1), today)
  }

  /// Why `next` cannot follow the current programme, or nil when it can: it must start after
  /// the current programme's last day (a programme is never cut short, so no record of it
  /// ever changes programme).
  public func problem(startingNext next: Programme) -> NextProgrammeProblem? {
    guard next.start > current.end else {
      return NextProgrammeProblem(current: current, start: next.start)
    }
    return nil
  }
}

/// A next programme that would start on or before the current one's last day.
public struct NextProgrammeProblem: Error, Hashable, Sendable {
  public var current: Programme
  public var start: CalendarDay

  public init(current: Programme, start: CalendarDay) {
    self.current = current
    self.start = start
  }

  /// The first day a next programme may start on.
  public var earliestStart: CalendarDay { current.end.adding(days: 1) }
}

/// The previous programme's last check-in, for reference beside a programme's own measures:
/// never compared with them (each programme has its own baseline, R-FLAG-BASELINE).
public struct PreviousProgrammeCheckin: Hashable, Sendable {
  public var programme: Programme
  /// The last check-in that counts in that programme; nil when it has none.
  public var checkin: Checkin?

  public init(programme: Programme, checkin: Checkin?) {
    self.programme = programme
    self.checkin = checkin
  }

  /// The previous programme and its last check-in, from its history.
  public init(history: ProgressHistory) {
    self.init(
      programme: history.programme,
      checkin: history.checkins(through: history.programme.end).last)
  }
}
