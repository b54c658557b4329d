/// The pain zone of a level (R-PAIN-ZONES).
public enum PainZone: String, Hashable, Sendable, CaseIterable {
  case safe
  case acceptable
  case notAcceptable = "not acceptable"

  public init(level: Int) {
    if level <= PainZones.safeMax {
      self = .safe
    } else if level <= PainZones.acceptableMax {
      self = .acceptable
    } else {
      self = .notAcceptable
    }
  }
}

/// What one pain entry does to the schedule, worked out by the scheduler itself: the message
/// shown when pain is logged is worded from this value, and the doses in it are the scheduler's
/// own prescriptions with the entry counted, so the promise and the next session cannot differ
/// (R-PAIN-STEP, R-PAIN-HOLD). Values only; each front end words them.
public struct PainConsequence: Hashable, Sendable {
  /// Whether the entry makes its session painful, and if not, why not.
  public enum Verdict: Hashable, Sendable {
    /// Pain during above 5, or on waking higher than the highest pain of the session day.
    case painful
    /// Pain during exercise of 5 or less.
    case acceptable
    /// Pain on waking no higher than the highest pain logged on the session day.
    case notHigherThanSessionDay(highest: Int)
    /// Pain on waking with nothing logged on the session day to compare it with.
    case nothingLoggedOnSessionDay
  }

  /// What becomes of one treatment's next session.
  public enum Change: Hashable, Sendable {
    /// The next session, on `next`, is `dose` where it would have been `insteadOf`.
    case lighter(next: CalendarDay, dose: PrescribedDose, insteadOf: PrescribedDose)
    /// The dose that hurt is at every floor: the next session stays at `dose`.
    case atLightest(next: CalendarDay, dose: PrescribedDose)
    /// The programme has no later session of the treatment.
    case noNextSession
    /// Heat, ice and ultrasound: pain never changes them.
    case neverChanged
  }

  public struct TreatmentChange: Hashable, Sendable {
    public var treatmentId: String
    public var name: String
    public var kind: TreatmentKind
    public var change: Change
    /// The programme week whose progression step this entry now holds back (R-PAIN-HOLD), when
    /// it is the second painful session of its week.
    public var heldWeek: Int?

    public init(
      treatmentId: String, name: String, kind: TreatmentKind, change: Change,
      heldWeek: Int? = nil
    ) {
      self.treatmentId = treatmentId
      self.name = name
      self.kind = kind
      self.change = change
      self.heldWeek = heldWeek
    }
  }

  public var entry: PainEntry
  public var zone: PainZone
  /// The day of the sessions the entry is about (the day before, for pain on waking).
  public var sessionDay: CalendarDay
  public var verdict: Verdict
  /// Each treatment of the session the entry concerns, in session order; empty unless the
  /// session was painful.
  public var treatments: [TreatmentChange]

  public init(
    entry: PainEntry, sessionDay: CalendarDay, verdict: Verdict, treatments: [TreatmentChange]
  ) {
    self.entry = entry
    self.zone = PainZone(level: entry.level)
    self.sessionDay = sessionDay
    self.verdict = verdict
    self.treatments = treatments
  }
}

extension Scheduler {
  /// What `entry` changes, given the pain entries logged before it: the scheduler's own
  /// prescriptions for each concerned treatment's next session with and without a step down.
  public func consequence(of entry: PainEntry, after earlier: [PainEntry]) -> PainConsequence {
    let sessionDay = entry.sessionDay
    let highest = earlier.filter { $0.day == sessionDay }.map(\.level).max()
    let verdict: PainConsequence.Verdict
    if PainGuidance.makesPainful(entry, highestOnSessionDay: highest) {
      verdict = .painful
    } else {
      switch (entry.timing, highest) {
      case (.during, _): verdict = .acceptable
      case (.nextMorning, let highest?): verdict = .notHigherThanSessionDay(highest: highest)
      case (.nextMorning, nil): verdict = .nothingLoggedOnSessionDay
      }
    }
    guard verdict == .painful else {
      return PainConsequence(entry: entry, sessionDay: sessionDay, verdict: verdict, treatments: [])
    }
    let before = painGuidance(earlier)
    let after = painGuidance(earlier + [entry])
    var changes: [PainConsequence.TreatmentChange] = []
    for kind in TreatmentKind.sessionOrder where kind.isHomeTask {
      for treatment in treatments(on: sessionDay)
      where treatment.kind == kind && entry.concerns(treatment.id)
        && isScheduled(treatment, on: sessionDay)
      {
        changes.append(
          PainConsequence.TreatmentChange(
            treatmentId: treatment.id, name: treatment.name, kind: treatment.kind,
            change: change(of: treatment, after: sessionDay, guidance: after),
            heldWeek: heldWeek(of: treatment, session: sessionDay, before: before, after: after)))
      }
    }
    return PainConsequence(
      entry: entry, sessionDay: sessionDay, verdict: verdict, treatments: changes)
  }

  private func change(
    of treatment: Treatment, after sessionDay: CalendarDay, guidance: PainGuidance
  )
    -> PainConsequence.Change
  {
    guard PainStep.applies(to: treatment.kind) else { return .neverChanged }
    guard let next = nextSession(of: treatment, after: sessionDay),
      let scheduled = prescription(for: treatment, on: next, guidance: guidance),
      let planned = plannedDose(for: treatment, on: next, guidance: guidance),
      let hurt = prescription(for: treatment, on: sessionDay, guidance: guidance)?.dose
    else { return .noNextSession }
    guard
      PainStep.lighter(than: hurt, kind: treatment.kind, progression: treatment.progression)
        != nil
    else { return .atLightest(next: next, dose: scheduled.dose) }
    return .lighter(next: next, dose: scheduled.dose, insteadOf: planned)
  }

  /// The week this entry holds (R-PAIN-HOLD) when it was not held without it.
  private func heldWeek(
    of treatment: Treatment, session: CalendarDay, before: PainGuidance, after: PainGuidance
  ) -> Int? {
    guard treatment.progression != nil, let week = programme.programmeWeek(of: session),
      week < programme.weeks, treatment.runs(inWeek: week + 1),
      after.holdsProgression(of: treatment.id, inWeek: week + 1),
      !before.holdsProgression(of: treatment.id, inWeek: week + 1)
    else { return nil }
    return week + 1
  }
}

/// What a pain form or `rehabit pain` needs about the day pain is logged on: the programme and
/// the pain logged so far. Pure, so a form can show the consequence of each level as it is
/// typed; both front ends build the record they store here.
public struct PainContext: Hashable, Sendable {
  public var programme: Programme
  /// The day the pain is logged on (for pain on waking, the morning it was felt).
  public var day: CalendarDay
  /// The pain entries already logged, oldest first.
  public var earlier: [PainEntry]
  /// On the first day of a next programme (phases), pain on waking is about the day before:
  /// the last session of the programme before. That programme and its pain entries, which
  /// pain on waking is judged with; nil when the day before is not another programme's day.
  public var dayBefore: Sessions?

  /// A programme and the pain logged in it, oldest first.
  public struct Sessions: Hashable, Sendable {
    public var programme: Programme
    public var earlier: [PainEntry]

    public init(programme: Programme, earlier: [PainEntry]) {
      self.programme = programme
      self.earlier = earlier
    }

    /// `history`'s programme with every pain entry it holds up to the morning after its last
    /// day (later ones are about no session of it).
    public init(history: ProgressHistory) {
      self.init(
        programme: history.programme,
        earlier: history.painEntries(through: history.programme.end.adding(days: 1)))
    }
  }

  public init(
    programme: Programme, day: CalendarDay, earlier: [PainEntry], dayBefore: Sessions? = nil
  ) {
    self.programme = programme
    self.day = day
    self.earlier = earlier
    self.dayBefore = dayBefore
  }

  /// `day` of `history`, with every pain entry the history holds up to the morning after the
  /// programme's last day; `dayBefore` for a day whose day before is an earlier programme's.
  public init(history: ProgressHistory, loggedOn day: CalendarDay, dayBefore: Sessions? = nil) {
    let sessions = Sessions(history: history)
    self.init(
      programme: sessions.programme, day: day, earlier: sessions.earlier, dayBefore: dayBefore)
  }

  /// The programme and pain that pain with `timing` is judged with: the day before's
  /// programme for pain on waking when that is an earlier one, else this one.
  public func sessions(_ timing: PainEntry.Timing) -> Sessions {
    if timing == .nextMorning, let dayBefore { return dayBefore }
    return Sessions(programme: programme, earlier: earlier)
  }

  /// The day of the sessions pain with `timing` is about (R-PAIN-NEXT).
  public func sessionDay(_ timing: PainEntry.Timing) -> CalendarDay {
    PainEntry.sessionDay(loggedOn: day, timing: timing)
  }

  /// The programme the session day of pain with `timing` belongs to.
  public func programme(_ timing: PainEntry.Timing) -> Programme { sessions(timing).programme }

  /// Whether pain with `timing` is about a day of a programme (on the first day of the first
  /// programme, pain on waking is about a day before it).
  public func canLog(_ timing: PainEntry.Timing) -> Bool {
    programme(timing).contains(sessionDay(timing))
  }

  /// The items pain with `timing` can be about: the session day's list.
  public func items(_ timing: PainEntry.Timing) -> [ChecklistItem] {
    guard canLog(timing) else { return [] }
    return Scheduler(programme: programme(timing)).checklist(for: sessionDay(timing))
  }

  /// The record to store: dated `day`, about the session day's item `itemId` (nil: the whole
  /// session). nil when the session day is outside the programme or the item is not on its
  /// list.
  public func record(level: Int, timing: PainEntry.Timing, itemId: String?, at: String)
    -> PainRecord?
  {
    guard canLog(timing), PainEntry.levels.contains(level) else { return nil }
    var treatmentId: String?
    if let itemId {
      guard let item = items(timing).first(where: { $0.id == itemId }) else { return nil }
      treatmentId = item.treatmentId
    }
    return PainRecord(
      day: day, level: level, timing: timing, itemId: itemId, treatmentId: treatmentId, at: at)
  }

  /// What storing `record` will change (`Scheduler.consequence`), in the programme of its
  /// session day.
  public func consequence(of record: PainRecord) -> PainConsequence {
    let sessions = sessions(record.timing)
    return Scheduler(programme: sessions.programme).consequence(
      of: record.painEntry, after: sessions.earlier)
  }

  /// What pain of `level` with `timing` about `itemId` would change, before it is stored.
  public func consequence(level: Int, timing: PainEntry.Timing, itemId: String?)
    -> PainConsequence?
  {
    record(level: level, timing: timing, itemId: itemId, at: "").map(consequence(of:))
  }
}
