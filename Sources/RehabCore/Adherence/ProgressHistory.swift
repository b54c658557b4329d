/// A programme and the progress files that exist for it, as plain values: what the adherence
/// and flag engines read. Built by the caller (the store loads the files); the engines never
/// touch a file or a clock.
public struct ProgressHistory: Hashable, Sendable {
  public var programme: Programme
  /// The progress files that exist, keyed by ISO week; a missing week means nothing was logged.
  public var weeks: [ISOWeek: ProgressWeek]
  /// Weeks known by their digest only (made for `programme`), none of them in `weeks`: their
  /// pain, check-ins and day tallies count as the week's would; their records are not here,
  /// so nothing asks for one of their days' items (the caller reads those weeks whole).
  public var digests: [ISOWeek: WeekDigest]

  public init(
    programme: Programme, weeks: [ISOWeek: ProgressWeek] = [:],
    digests: [ISOWeek: WeekDigest] = [:]
  ) {
    self.programme = programme
    self.weeks = weeks
    self.digests = digests.filter { weeks[$0.key] == nil }
  }

  /// From a list of weeks (e.g. `ProgressStore.weeks(from:through:)`); a later duplicate wins.
  public init(
    programme: Programme, weeks: [ProgressWeek], digests: [ISOWeek: WeekDigest] = [:]
  ) {
    var byWeek: [ISOWeek: ProgressWeek] = [:]
    for week in weeks { byWeek[week.week] = week }
    self.init(programme: programme, weeks: byWeek, digests: digests)
  }

  /// The stored check-ins of the week file `week`, whole or digested.
  private func storedCheckins(_ week: ISOWeek) -> [Checkin] {
    weeks[week]?.checkins ?? digests[week]?.checkins ?? []
  }

  /// Every stored check-in, whole weeks and digests.
  private var everyStoredCheckin: [Checkin] {
    weeks.values.flatMap(\.checkins) + digests.values.flatMap(\.checkins)
  }

  /// The stored status of a checklist item (`pending` when nothing was logged).
  public func status(of itemId: String, on day: CalendarDay) -> ItemStatus {
    weeks[ISOWeek(containing: day)]?.status(of: itemId) ?? .pending
  }

  /// The skip reason of an item, when it was skipped with one.
  public func skipReason(of itemId: String, on day: CalendarDay) -> String? {
    weeks[ISOWeek(containing: day)]?.items[itemId]?.reason
  }

  /// Pain entries dated from the programme's start through `day`, oldest first, for the
  /// scheduler's pain guidance (an earlier programme's pain in the same ISO week is not this
  /// programme's).
  public func painEntries(through day: CalendarDay) -> [PainEntry] {
    (Array(weeks.keys) + Array(digests.keys)).sorted().flatMap { week in
      let entries = weeks[week].map { $0.pain.map(\.painEntry) } ?? digests[week]?.pain ?? []
      return entries.filter { $0.day >= programme.start && $0.day <= day }
    }
  }

  /// The check-ins that count: dated within the programme and on or before `day`, the latest
  /// of each programme week (`CheckinResolution`), oldest first. Check-ins before the start
  /// (e.g. left from an earlier programme) are not this programme's.
  public func checkins(through day: CalendarDay) -> [Checkin] {
    let stored = everyStoredCheckin.filter { programme.contains($0.day) && $0.day <= day }
    return CheckinResolution.latestPerWeek(stored, start: programme.start)
  }

  /// Every stored check-in that counts, also outside the programme: the latest of each 7-day
  /// period counted from the start day, oldest first (what exports list).
  public var allCheckins: [Checkin] {
    CheckinResolution.latestPerWeek(everyStoredCheckin, start: programme.start)
  }

  /// The check-in that counts for the programme week of `day` (the one a new check-in on `day`
  /// would replace), if any. It may sit in the ISO week file before or after `day`'s.
  public func checkin(inProgrammeWeekOf day: CalendarDay) -> Checkin? {
    let range = CheckinResolution.days(
      ofPeriod: CheckinResolution.period(of: day, start: programme.start), start: programme.start)
    let files = Set([ISOWeek(containing: range.lowerBound), ISOWeek(containing: range.upperBound)])
    let stored = files.flatMap(storedCheckins).filter { range.contains($0.day) }
    return CheckinResolution.latestPerWeek(stored, start: programme.start).first
  }

  /// The records of `day` (`DayLog`), from the day's file and, for which check-in counts, the
  /// other file of its programme week when the history holds it. `dayBefore`: the programme
  /// of the day before when it is another one (`DayLog`).
  public func log(on day: CalendarDay, dayBefore: Programme? = nil) -> DayLog {
    let home = ISOWeek(containing: day)
    let range = CheckinResolution.days(
      ofPeriod: CheckinResolution.period(of: day, start: programme.start), start: programme.start)
    let others = Set([ISOWeek(containing: range.lowerBound), ISOWeek(containing: range.upperBound)])
      .subtracting([home]).sorted()
      .flatMap(storedCheckins).filter { range.contains($0.day) }
    return DayLog(
      programme: programme, day: day, week: weeks[home], otherCheckins: others,
      dayBefore: dayBefore)
  }
}
