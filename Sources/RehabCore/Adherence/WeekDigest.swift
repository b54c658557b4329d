/// What judging a later day needs of a week it does not read whole (issue 19): the week's pain
/// entries (pain guidance, R-PAIN-STEP/HOLD), its check-ins (measures and flags) and, for one
/// programme, each day's tally of that programme's items (R-ADH). A `ProgressHistory` holds a
/// digest in place of such a week, and every answer that reads only these is the same as from
/// the week itself: `init(_:scheduler:)` is the one way a digest is made, and the ledger counts
/// a week it holds whole with the same `AdherenceTally.ofDay`.
public struct WeekDigest: Hashable, Sendable {
  /// The week file's pain entries, in file order.
  public var pain: [PainEntry]
  /// The week file's check-ins, every one stored (which counts is decided across weeks).
  public var checkins: [Checkin]
  /// Monday first, one per day: the day's items of the programme the digest was made for,
  /// counted with the week's statuses (`.empty` on a day outside it); nil in a digest made
  /// without a programme, which can stand in for the week's pain and check-ins only.
  public var dayTallies: [AdherenceTally]?

  public init(pain: [PainEntry], checkins: [Checkin] = [], dayTallies: [AdherenceTally]? = nil) {
    self.pain = pain
    self.checkins = checkins
    self.dayTallies = dayTallies
  }

  /// The digest of `week`, its days counted with `scheduler`'s programme when one is given.
  public init(_ week: ProgressWeek, scheduler: Scheduler?) {
    self.init(
      pain: week.pain.map(\.painEntry), checkins: week.checkins,
      dayTallies: scheduler.map { scheduler in
        week.week.days.map { AdherenceTally.ofDay($0, scheduler: scheduler, records: week.items) }
      })
  }
}

extension AdherenceTally {
  /// `day`'s items under `scheduler` (`Scheduler.itemIds(for:)`: no doses, as pain never
  /// changes which items there are), each counted with its status in `records`.
  public static func ofDay(
    _ day: CalendarDay, scheduler: Scheduler, records: [String: ItemRecord]
  ) -> AdherenceTally {
    var tally = AdherenceTally.empty
    for id in scheduler.itemIds(for: day) { tally.count(records[id]?.status ?? .pending) }
    return tally
  }
}
