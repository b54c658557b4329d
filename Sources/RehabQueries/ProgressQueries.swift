import RehabCore
import RehabStore

/// The one place that answers "the day", "the week", "the flags as of" and "the export of" for
/// a data directory: it decides which progress files count, loads them through the store and
/// judges them with RehabCore. The CLI and the full-screen app both ask here; neither builds a
/// history, a checklist or a judged week itself.
public struct ProgressQueries: Sendable {
  public let store: ProgressStore
  /// The programme the answers are about: the one that ran on the day asked for.
  public let programme: Programme
  /// Every programme of the folder (phases), `programme` among them.
  public let timeline: ProgrammeTimeline
  /// The damaged week files the answers so far left out (read as empty weeks): a damaged
  /// earlier week degrades an answer, with this for the front end's warning, and never blocks
  /// it. The week an answer is about must read, or the answer is that week's error.
  public let damaged: DamagedFiles

  public init(
    store: ProgressStore, programme: Programme, timeline: ProgrammeTimeline? = nil,
    damaged: DamagedFiles = DamagedFiles()
  ) {
    self.store = store
    self.programme = programme
    self.timeline = timeline ?? ProgrammeTimeline(current: programme)
    self.damaged = damaged
  }

  /// The queries of the current (latest) programme in `store`; nil when there is none yet.
  public static func open(_ store: ProgressStore) throws(StoreError) -> ProgressQueries? {
    try store.loadTimeline().map {
      ProgressQueries(store: store, programme: $0.current, timeline: $0)
    }
  }

  /// The queries of the programme that ran on `day` (`ProgrammeTimeline.programme(on:)`): what
  /// every question about a day asks, so a day of an earlier programme is answered with it.
  public static func open(_ store: ProgressStore, on day: CalendarDay) throws(StoreError)
    -> ProgressQueries?
  {
    try store.loadTimeline().map {
      ProgressQueries(store: store, programme: $0.programme(on: day), timeline: $0)
    }
  }

  /// The same folder's queries about `programme` (one of the timeline's), sharing `damaged`.
  public func about(_ programme: Programme) -> ProgressQueries {
    ProgressQueries(store: store, programme: programme, timeline: timeline, damaged: damaged)
  }

  /// The same folder's queries about the programme that ran on `day`.
  public func on(_ day: CalendarDay) -> ProgressQueries {
    let ran = timeline.programme(on: day)
    return ran == programme ? self : about(ran)
  }

  /// The programme before this one and its last check-in, for reference only (never compared
  /// with this programme's measures); nil for the first programme.
  public func previousProgrammeCheckin() throws(StoreError) -> PreviousProgrammeCheckin? {
    guard let previous = timeline.previous(of: programme) else { return nil }
    return PreviousProgrammeCheckin(
      history: try about(previous).digestedHistory(
        asOf: previous.end, whole: [], tallying: false))
  }

  // MARK: Histories

  /// The progress weeks that count as of `day`: from the programme's start through `day`, and
  /// nothing after the programme's end (R-ADH). `including` adds a later day's own week (the
  /// Today screen can show a day after the end).
  ///
  /// `required` are the weeks the answer is about (a damaged one is an error); any other
  /// damaged week is left out and noted in `damaged`.
  public func history(
    asOf day: CalendarDay, including extra: CalendarDay? = nil, required: Set<ISOWeek> = []
  ) throws(StoreError) -> ProgressHistory {
    var last = max(programme.start, min(day, programme.end))
    if let extra { last = max(last, extra) }
    return ProgressHistory(
      programme: programme,
      weeks: try store.readableWeeks(
        from: programme.start, through: last, required: required, damaged: damaged))
  }

  /// What `history(asOf:including:required:)` holds, at the cost of the weeks `whole`: those
  /// are read from their files (and must read, as required weeks do), every other week of the
  /// range is its digest (`ProgressStore.weekDigests`: its pain, check-ins and, `tallying`,
  /// this programme's day tallies), so judging a week, the flags or a day's status reads the
  /// week shown and one cache file, however long the programme has run (issue 19). Every
  /// answer from it equals the answer from the whole history, which tests check.
  public func digestedHistory(
    asOf day: CalendarDay, including extra: CalendarDay? = nil, whole: Set<ISOWeek>,
    tallying: Bool = true
  ) throws(StoreError) -> ProgressHistory {
    var last = max(programme.start, min(day, programme.end))
    if let extra { last = max(last, extra) }
    var loaded: [ProgressWeek] = []
    var digested: [ISOWeek] = []
    var week = ISOWeek(containing: programme.start)
    let final = ISOWeek(containing: last)
    while week <= final {
      if whole.contains(week) {
        loaded.append(try store.readableWeek(week, required: true, damaged: damaged))
      } else {
        digested.append(week)
      }
      week = week.next
    }
    let digests = try store.weekDigests(
      digested, tallying: tallying ? programme : nil, damaged: damaged)
    return ProgressHistory(programme: programme, weeks: loaded, digests: digests)
  }

  /// Every stored week, also those outside the programme (kept from an earlier one), all in
  /// memory: what the JSON archive holds (it reads them one at a time instead; the benchmark
  /// and the tests compare with this). A damaged week is left out and noted in `damaged`.
  public func fullHistory() throws(StoreError) -> ProgressHistory {
    let weeks = try store.storedWeeks().map { week throws(StoreError) in
      try store.readableWeek(week, damaged: damaged)
    }
    return ProgressHistory(programme: programme, weeks: weeks)
  }

  /// The stored weeks overlapping `first`…`last` (a damaged one left out and noted in
  /// `damaged`), for the exports other than the archive.
  private func history(covering first: CalendarDay, through last: CalendarDay) throws(StoreError)
    -> ProgressHistory
  {
    let (low, high) = (ISOWeek(containing: first), ISOWeek(containing: last))
    let weeks = try store.storedWeeks().filter { $0 >= low && $0 <= high }.map {
      week throws(StoreError) in try store.readableWeek(week, damaged: damaged)
    }
    return ProgressHistory(programme: programme, weeks: weeks)
  }

  // MARK: Days

  /// The day's checklist with its records, dosed by the pain entries up to the day. Reads the
  /// day's week file, and the earlier weeks' pain from their digests (`weekDigests`: one cache
  /// file, each digest checked against its week file), so the cost does not grow with the
  /// programme's length.
  public func checklist(on day: CalendarDay) throws(StoreError) -> DayChecklist {
    guard day >= programme.start else {
      return DayChecklist(
        programme: programme, day: day, items: Scheduler(programme: programme).checklist(for: day),
        week: nil)
    }
    let home = ISOWeek(containing: day)
    // The day's own week must read (a damaged earlier one is left out and noted in `damaged`).
    let week = try store.readableWeek(home, required: true, damaged: damaged)
    var earlier: [ISOWeek] = []
    var cursor = ISOWeek(containing: programme.start)
    while cursor < home {
      earlier.append(cursor)
      cursor = cursor.next
    }
    let digests = try store.weekDigests(earlier, damaged: damaged)
    let entries = earlier.flatMap { digests[$0]?.pain ?? [] } + week.pain.map(\.painEntry)
    let items = Scheduler(programme: programme).checklist(
      for: day, pain: entries.filter { $0.day >= programme.start && $0.day <= day })
    return DayChecklist(
      programme: programme, day: day, items: items, week: items.isEmpty ? nil : week)
  }

  /// The weeks from the programme's start through `day`'s week, each read once; `day`'s own
  /// week must read (a damaged earlier one is left out and noted in `damaged`).
  private func weeksThrough(_ day: CalendarDay) throws(StoreError) -> [ProgressWeek] {
    try store.readableWeeks(
      from: programme.start, through: day, required: [ISOWeek(containing: day)], damaged: damaged)
  }

  /// The pain entries of `weeks` from the programme's start through `day` (R-PAIN-STEP/HOLD).
  private func pain(in weeks: [ProgressWeek], through day: CalendarDay) -> [PainEntry] {
    weeks.flatMap { week in
      week.pain.filter { $0.day >= programme.start && $0.day <= day }.map(\.painEntry)
    }
  }

  /// The day's items in list order without pain guidance, for resolving numbers and ids: pain
  /// changes doses, never which items there are or their order, so nothing is read and a
  /// check-off costs the same whatever the length of the history.
  public func items(on day: CalendarDay) -> [ChecklistItem] {
    Scheduler(programme: programme).checklist(for: day)
  }

  /// The card of item `itemId` on `day` (`today`'s list, or a later day of the programme,
  /// read-only): its dose after pain guidance and why, its record and when it was last done.
  /// Reads the weeks from the programme's start through `day` (never beyond the programme, so
  /// the cost stays that of `today`); nil when `day` has no such item.
  public func card(_ itemId: String, on day: CalendarDay) throws(StoreError) -> ItemCard? {
    let scheduler = Scheduler(programme: programme)
    guard programme.contains(day),
      scheduler.checklist(for: day).contains(where: { $0.id == itemId })
    else { return nil }
    let weeks = try weeksThrough(day)
    let guidance = scheduler.painGuidance(pain(in: weeks, through: day))
    guard
      let item = scheduler.checklist(for: day, guidance: guidance).first(where: { $0.id == itemId })
    else { return nil }
    return ItemCard(item: item, programme: programme, guidance: guidance, weeks: weeks)
  }

  /// What logging pain on `day` needs (`PainContext`): the session day's items for either
  /// timing, the record to store and what it will change. The CLI's `pain` and the app's pain
  /// form both ask here, so pain on waking is filed the same way by both.
  /// On the first day of a next programme, pain on waking is about the last day of the one
  /// before, so the context also carries that programme and its pain (`dayBefore`).
  public func painContext(loggedOn day: CalendarDay, today: CalendarDay) throws(StoreError)
    -> PainContext
  {
    let dayBefore = day.adding(days: -1)
    var sessions: PainContext.Sessions?
    if let before = programme(before: day), before.contains(dayBefore) {
      sessions = PainContext.Sessions(
        history: try about(before).history(
          asOf: today, including: day, required: [ISOWeek(containing: dayBefore)]))
    }
    return PainContext(
      history: try history(asOf: today, including: day, required: [ISOWeek(containing: day)]),
      loggedOn: day, dayBefore: sessions)
  }

  /// The first `days` days of a programme that is not saved yet (the setup wizard's preview),
  /// listed as `today` will list them once it starts.
  public static func preview(of programme: Programme, days: Int = 7) -> [DayChecklist] {
    (0..<max(0, days)).map { offset in
      DayChecklist(
        programme: programme, day: programme.start.adding(days: offset), pain: [], week: nil)
    }
  }

  /// Everything recorded on `day`, each record with its id (`rehabit log`, and the app's list
  /// of the day's pain and notes). Reads the day's week file, and the other file of the day's
  /// programme week when it spans two (to tell which check-in counts). Any day, also outside
  /// the programme: it only reads.
  public func log(on day: CalendarDay) throws(StoreError) -> DayLog {
    let home = ISOWeek(containing: day)
    let range = CheckinResolution.days(
      ofPeriod: CheckinResolution.period(of: day, start: programme.start), start: programme.start)
    var others: [Checkin] = []
    for week in Set([ISOWeek(containing: range.lowerBound), ISOWeek(containing: range.upperBound)])
    where week != home {
      others += try store.loadWeek(week).checkins.filter { range.contains($0.day) }
    }
    return DayLog(
      programme: programme, day: day, week: try store.loadWeek(home), otherCheckins: others,
      dayBefore: programme(before: day))
  }

  /// The day for the Today screen, judged as of `today`.
  public func day(_ day: CalendarDay, today: CalendarDay) throws(StoreError) -> DaySummary {
    DaySummary(
      history: try digestedHistory(asOf: today, including: day, whole: [ISOWeek(containing: day)]),
      day: day, today: today, dayBefore: programme(before: day))
  }

  /// The programme of the day before `day` when it is another one than this (on the first day
  /// of a next programme): pain on waking that day is about its sessions.
  private func programme(before day: CalendarDay) -> Programme? {
    let before = timeline.programme(on: day.adding(days: -1))
    return before == programme ? nil : before
  }

  /// The day for a status line or a reminder: counts, the programme week and the flags as of
  /// the day. Reads what `checklist(on:)` reads (the day's week and the earlier weeks'
  /// digests) and judges the flags once, without their since-days.
  public func status(on day: CalendarDay) throws(StoreError) -> DayStatus {
    DayStatus(
      history: try digestedHistory(asOf: day, whole: [ISOWeek(containing: day)]), day: day)
  }

  // MARK: Weeks and flags

  /// `week` judged as of `asOf` (the data after it does not count).
  public func week(_ week: ISOWeek, asOf: CalendarDay) throws(StoreError) -> WeekSummary {
    var summary = WeekSummary(
      history: try digestedHistory(asOf: asOf, whole: [week]), week: week, asOf: asOf)
    summary.previousProgramme = try previousProgrammeCheckin()
    return summary
  }

  /// `week` as the app shows it on `today`: a past week as of its Sunday.
  public func week(_ week: ISOWeek, today: CalendarDay) throws(StoreError) -> WeekSummary {
    try self.week(week, asOf: WeekSummary.asOf(week: week, today: today))
  }

  /// The flags as of `day`, judged on this programme's own history (its own baseline), with
  /// the previous programme's last check-in beside them for reference.
  public func flags(asOf day: CalendarDay) throws(StoreError) -> FlagsSummary {
    var summary = FlagsSummary(history: try digestedHistory(asOf: day, whole: []), asOf: day)
    summary.previousProgramme = try previousProgrammeCheckin()
    return summary
  }

  // MARK: Exports

  /// The export in `format` as of `asOf`, over `from`…`to` (default: the programme's start
  /// through `asOf`), of this programme, or of every programme with `allProgrammes` (one
  /// section each, the range cut to each one's span). The JSON archive always carries every
  /// programme and every stored week, so an import restores the whole folder.
  public func export(
    _ format: ExportFormat, asOf: CalendarDay, from: CalendarDay? = nil, to: CalendarDay? = nil,
    table: ExportTable = .items, eventTime: TimeOfDay? = nil, allProgrammes: Bool = false
  ) throws -> String {
    var bytes: [UInt8] = []
    try export(
      format, asOf: asOf, from: from, to: to, table: table, eventTime: eventTime,
      allProgrammes: allProgrammes
    ) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `export`'s text handed to `sink` in order, the JSON archive a chunk at a time as it is
  /// printed (so neither its text nor all its weeks are ever whole in memory), any other
  /// format whole.
  public func export(
    _ format: ExportFormat, asOf: CalendarDay, from: CalendarDay? = nil, to: CalendarDay? = nil,
    table: ExportTable = .items, eventTime: TimeOfDay? = nil, allProgrammes: Bool = false,
    to sink: @escaping ([UInt8]) throws -> Void
  ) throws {
    let (summaries, archive) = try exported(
      format, asOf: asOf, from: from, to: to, allProgrammes: allProgrammes)
    try ExportDocument.write(
      format, summaries: summaries, archive: archive, table: table, eventTime: eventTime,
      to: sink)
  }

  /// What an export holds: the summary of each programme it covers, and the archive.
  private func exported(
    _ format: ExportFormat, asOf: CalendarDay, from: CalendarDay?, to: CalendarDay?,
    allProgrammes: Bool
  ) throws -> ([ExportSummary], StreamedArchive) {
    let covered = allProgrammes ? exportedProgrammes(from: from, to: to) : [programme]
    // A summary reads only the records of its range and of its programme's span (adherence,
    // pain guidance, flags and check-ins are judged within the programme), so it reads the
    // weeks around those and no more: a week on either side for a programme week's check-in
    // kept in its neighbouring file.
    let first = ([from, to].compactMap { $0 } + covered.map(\.start)).min() ?? programme.start
    let last = ([from, to, asOf].compactMap { $0 } + covered.map(\.end)).max() ?? asOf
    let stored = try history(covering: first.adding(days: -7), through: last.adding(days: 7))
    // The archive holds every stored week; those the summaries did not read are read as the
    // archive prints them, by a second thread a few weeks ahead of the printing.
    var archive = StreamedArchive(ExportArchive(timeline: timeline, weeks: []))
    if format == .json {
      let weeks = try store.storedWeeks()
      let readAhead = WeekReadAhead(weeks) {
        [store, damaged, known = stored.weeks] week throws(StoreError) in
        if let known = known[week] { return known }
        return try store.readableWeek(week, damaged: damaged)
      }
      archive.weekCount = weeks.count
      archive.week = { index in try readAhead.week(index) }
    }
    let summaries = try covered.map { covered throws(ExportProblem) in
      let history = ProgressHistory(programme: covered, weeks: stored.weeks)
      guard allProgrammes else {
        return try ExportDocument.summary(history: history, asOf: asOf, from: from, to: to)
      }
      // Each programme over its own span only; an earlier one as of its own end at the latest.
      let isCurrent = covered == timeline.current
      return try ExportDocument.summary(
        history: history, asOf: isCurrent ? asOf : min(asOf, covered.end),
        from: from.map { max($0, covered.start) },
        to: isCurrent ? to.map { min($0, covered.end) } : min(to ?? covered.end, covered.end))
    }
    return (summaries, archive)
  }

  /// The programmes an `allProgrammes` export covers: those meeting `from`…`to`, or all.
  private func exportedProgrammes(from: CalendarDay?, to: CalendarDay?) -> [Programme] {
    guard from != nil || to != nil else { return timeline.programmes }
    let first = from ?? timeline.programmes[0].start
    let last = to ?? max(timeline.current.end, first)
    let met = timeline.programmes(overlapping: first, last)
    return met.isEmpty ? [timeline.programme(on: first)] : met
  }
}
