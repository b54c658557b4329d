extension ExportSummary {
  /// The range a summary covers when none is given: from the programme's start to the export
  /// day, kept within the programme.
  public static func defaultRange(programme: Programme, asOf: CalendarDay) -> (
    from: CalendarDay, to: CalendarDay
  ) {
    let to = min(max(asOf, programme.start), programme.end)
    return (programme.start, to)
  }

  /// The summary of `history` over `from`…`to` as of `asOf`. Scheduled items, their outcomes
  /// and adherence come from the adherence engine (`AdherenceLedger`), flags from the flag
  /// engine (`FlagEngine`); this only joins them with notes, pain and check-ins. Days of the
  /// range outside the programme (history kept from an earlier one) list the items that were
  /// logged on them, which never count towards adherence (R-ADH).
  ///
  /// - Parameter calendarThrough: the last day of `remaining` (default: the programme's end).
  public static func make(
    history: ProgressHistory, asOf: CalendarDay, from: CalendarDay, to: CalendarDay,
    calendarThrough: CalendarDay? = nil
  ) -> ExportSummary {
    let programme = history.programme
    let engine = FlagEngine(history: history, asOf: asOf, layingOutEveryDay: true)
    let ledger = engine.ledger
    let records = Records(
      weeks: Array(history.weeks.values), checkins: history.allCheckins)

    func exportDay(_ day: CalendarDay, loggedOnly: Bool) -> ExportDay? {
      let dayNotes = records.notesByDay[day] ?? []
      let adherence = ledger.day(day)
      if let week = adherence.programmeWeek {
        let items = adherence.entries.map { entry in
          ExportItem(
            entry.item, status: entry.outcome, reason: entry.skipReason,
            pain: records.painLevel(
              itemId: entry.item.id, treatmentId: entry.item.treatmentId, day: day),
            notes: dayNotes.filter { $0.itemId == entry.item.id })
        }
        return ExportDay(day: day, programmeWeek: week, items: items, notes: dayNotes)
      }
      guard loggedOnly else { return nil }
      let logged = records.itemsByDay[day] ?? [:]
      let items = logged.keys.sorted().compactMap { id in
        logged[id].flatMap {
          records.loggedItem(id, record: $0, day: day, plan: programme.plan, notes: dayNotes)
        }
      }
      guard !items.isEmpty || !dayNotes.isEmpty else { return nil }
      return ExportDay(day: day, programmeWeek: nil, items: items, notes: dayNotes)
    }

    let rangeDays = from <= to ? (0...from.days(until: to)).map { from.adding(days: $0) } : []
    let days = rangeDays.compactMap { exportDay($0, loggedOnly: true) }
    var remaining: [ExportDay] = []
    let calendarStart = max(max(from, asOf), programme.start)
    let calendarEnd = min(calendarThrough ?? programme.end, programme.end)
    if calendarStart <= calendarEnd {
      for offset in 0...calendarStart.days(until: calendarEnd) {
        if let day = exportDay(calendarStart.adding(days: offset), loggedOnly: false) {
          remaining.append(day)
        }
      }
    }

    let checkins = records.checkins.filter { $0.day >= from && $0.day <= to }
    let measures = MeasureAnalysis(programme: programme, checkins: checkins).trends.map { trend in
      MeasureSummary(
        measure: trend.measure,
        points: trend.points.map {
          MeasureSummary.Point(
            day: $0.day, value: $0.value, rollingMean: trend.measure == .pain ? $0.smoothed : nil)
        },
        affectedSide: programme.affectedSide)
    }

    let rangePain = records.pain.filter { $0.day >= from && $0.day <= to }
    let log = clinicalLog(history: history, asOf: asOf, pain: rangePain)
    return ExportSummary(
      programme: programme, asOf: asOf, from: from, to: to, days: days, remaining: remaining,
      adherence: adherence(ledger: ledger, days: rangeDays), checkins: checkins,
      measures: measures, flags: engine.flags.map(ExportFlag.init),
      notes: records.notes.filter { $0.day >= from && $0.day <= to },
      pain: rangePain, prescribed: prescribed(history: history, asOf: asOf),
      painLog: log.pain, doseHistory: log.doses)
  }

  /// Every treatment with its dose as of `asOf` (kept within the programme), by the
  /// scheduler's rules and the pain logged up to that day.
  static func prescribed(history: ProgressHistory, asOf: CalendarDay) -> [ExportTreatment] {
    let programme = history.programme
    let day = min(max(asOf, programme.start), programme.end)
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance(history.painEntries(through: day))
    // The treatments as in force on the day: revised doses, without removed ones.
    let inForce = programme.inForce(on: day).treatments.filter { $0.status != .removed }
    return inForce.map(\.treatment).map { treatment in
      ExportTreatment(
        treatment: treatment, sides: treatment.side.sides(affected: programme.affectedSide),
        programmeWeek: programme.programmeWeek(of: day) ?? 1,
        currentDose: scheduler.prescription(for: treatment, on: day, guidance: guidance))
    }
  }

  /// The ledger's figures for the programme weeks the range touches, up to the export day.
  static func adherence(ledger: AdherenceLedger, days: [CalendarDay]) -> ExportAdherence {
    let programme = ledger.programme
    let threshold = programme.plan.thresholds.lowAdherence
    let inProgramme = days.filter { programme.contains($0) && $0 <= ledger.asOf }
    var weeks: [ExportAdherence.Week] = []
    if let first = inProgramme.first.flatMap(programme.programmeWeek(of:)),
      let last = inProgramme.last.flatMap(programme.programmeWeek(of:))
    {
      for number in first...last {
        let span = ledger.week(number)
        // A week still under way is shown but not judged (R-ADH-LOW judges completed weeks).
        let completed = span.lastDay < ledger.asOf
        let low = completed && (span.tally.ratio.map { FlagMath.below($0, threshold) } ?? false)
        weeks.append(
          ExportAdherence.Week(
            programmeWeek: number, firstDay: span.firstDay, lastDay: span.lastDay,
            figure: span.tally, isInsufficient: low))
      }
    }
    let treatments = ledger.treatments(on: inProgramme).map { treatment in
      ExportAdherence.Treatment(
        treatmentId: treatment.treatmentId, name: treatment.name, kind: treatment.kind,
        figure: treatment.tally)
    }
    return ExportAdherence(
      weeks: weeks, treatments: treatments, overall: ledger.tally(inProgramme),
      lowThreshold: threshold)
  }
}

extension ExportFlag {
  /// A flag of the flag engine, its evidence as readable lines and as `flags --json` JSON.
  public init(_ flag: ProgressFlag) {
    self.init(
      id: flag.id, rule: flag.rule, title: flag.kind.title, since: flag.since,
      message: ExportFlag.message(flag), evidence: ExportFlag.lines(flag.evidence),
      suggestsClinician: flag.suggestsClinician)
  }

  static func lines(_ evidence: FlagEvidence) -> [Evidence] {
    evidence.lines.map { Evidence(name: $0.name, value: $0.value) }
  }

  /// The flag's message with its remedy in plain words (an export names no command or key).
  static func message(_ flag: ProgressFlag) -> String {
    guard let remedy = flag.remedy else { return flag.message }
    switch remedy {
    case .addCheckin(let week):
      return
        "\(flag.message) Recording the check-in of programme week \(week.programmeWeek) lets the other flags be judged."
    }
  }
}

/// The stored records of many weeks, indexed for joining with the schedule.
private struct Records {
  /// Each day's item records by id, the later week's record winning (no merged dictionary of
  /// every record: ten years of them cost more to hash than to render).
  var itemsByDay: [CalendarDay: [String: ItemRecord]] = [:]
  var pain: [PainRecord] = []
  var painByDay: [CalendarDay: [PainRecord]] = [:]
  var notes: [NoteRecord] = []
  var notesByDay: [CalendarDay: [NoteRecord]] = [:]
  /// The check-ins that count (one per programme week), oldest first.
  var checkins: [Checkin] = []

  init(weeks: [ProgressWeek], checkins: [Checkin]) {
    self.checkins = checkins
    for week in weeks.sorted(by: { $0.week < $1.week }) {
      for (id, record) in week.items {
        if let day = ChecklistItem.parseID(id)?.day { itemsByDay[day, default: [:]][id] = record }
      }
      pain += week.pain
      notes += week.notes
    }
    pain.sort { ($0.day, $0.at) < ($1.day, $1.at) }
    notes.sort { ($0.day, $0.at) < ($1.day, $1.at) }
    for record in pain where record.timing == .during {
      painByDay[record.day, default: []].append(record)
    }
    for note in notes { notesByDay[note.day, default: []].append(note) }
  }

  /// The highest pain logged during the day about this item, its treatment, or the session.
  func painLevel(itemId: String, treatmentId: String, day: CalendarDay) -> Int? {
    (painByDay[day] ?? []).filter { record in
      if let loggedItem = record.itemId { return loggedItem == itemId }
      return record.treatmentId == nil || record.treatmentId == treatmentId
    }.map(\.level).max()
  }

  /// An item logged on a day the current programme does not cover, described from its id and,
  /// when the treatment still exists, from the current plan.
  func loggedItem(
    _ id: String, record: ItemRecord, day: CalendarDay, plan: ProgrammePlan,
    notes dayNotes: [NoteRecord]
  ) -> ExportItem? {
    guard record.status != .pending,
      let parsed = ChecklistItem.parseID(id)
    else { return nil }
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    let side = parts.count > 2 ? Side(rawValue: String(parts[2])) : nil
    let treatment = plan.treatment(id: parsed.treatmentId)
    return ExportItem(
      id: id, day: day, programmeWeek: nil, treatmentId: parsed.treatmentId,
      treatment: treatment?.name ?? parsed.treatmentId, kind: treatment?.kind, side: side,
      dose: nil, status: record.status == .done ? .done : .skipped, reason: record.reason,
      pain: painLevel(itemId: id, treatmentId: parsed.treatmentId, day: day),
      notes: dayNotes.filter { $0.itemId == id })
  }
}
