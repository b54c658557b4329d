/// One checklist item explained: what the exercise is, how to do it, today's dose and why it is
/// that dose, the pain rule, and when it was last done. The facts only (days, numbers, typed
/// reasons); the CLI and the card screen word them. Built by `ProgressQueries.card`.
public struct ItemCard: Hashable, Sendable {
  /// Why the dose is what it is, from the scheduler's own rules.
  public enum DoseBasis: Hashable, Sendable {
    /// The treatment does not progress: the programme's dose every session.
    case fixed
    /// Weekly progression: `steps` steps above the starting dose in programme week `week`;
    /// the treatment starts progressing after `firstWeek`.
    case progression(week: Int, firstWeek: Int, steps: Int)
  }

  /// R-PAIN-STEP: the session before this one was painful, so this one is a step lighter.
  public struct StepDown: Hashable, Sendable {
    /// The painful earlier session.
    public var session: CalendarDay
    /// The pain entries that made it painful (during that day, or on waking the day after).
    public var pain: [PainEntry]
    /// The dose of the session that hurt, which this one is a step below.
    public var from: PrescribedDose?

    public init(session: CalendarDay, pain: [PainEntry], from: PrescribedDose? = nil) {
      self.session = session
      self.pain = pain
      self.from = from
    }
  }

  /// R-PAIN-HOLD: the painful sessions of the programme week before held this week.
  public struct Hold: Hashable, Sendable {
    /// The programme week whose painful sessions held progression (the one before the card's).
    public var painfulWeek: Int
    public var painfulSessions: [CalendarDay]

    public init(painfulWeek: Int, painfulSessions: [CalendarDay]) {
      self.painfulWeek = painfulWeek
      self.painfulSessions = painfulSessions
    }
  }

  public var item: ChecklistItem
  public var treatment: Treatment
  /// What was logged for the item on its day (pending when nothing).
  public var status: ItemStatus
  public var basis: DoseBasis
  /// Earlier programme weeks whose progression was held (R-PAIN-HOLD), oldest first; the
  /// card's own week is in `hold`.
  public var earlierHeldWeeks: [Int]
  public var hold: Hold?
  public var stepDown: StepDown?
  /// The latest day before the item's day on which its treatment and side were ticked done.
  public var lastDone: CalendarDay?

  public init(
    item: ChecklistItem, treatment: Treatment, status: ItemStatus, basis: DoseBasis,
    earlierHeldWeeks: [Int] = [], hold: Hold? = nil, stepDown: StepDown? = nil,
    lastDone: CalendarDay? = nil
  ) {
    self.item = item
    self.treatment = treatment
    self.status = status
    self.basis = basis
    self.earlierHeldWeeks = earlierHeldWeeks
    self.hold = hold
    self.stepDown = stepDown
    self.lastDone = lastDone
  }

  /// The card of `item` (as the scheduler listed it with `guidance`), with what `weeks` say:
  /// its record and the latest earlier day it was done. `weeks` are the ISO weeks read for the
  /// day (any order); days after `item.day` are not looked at. nil when the programme has no
  /// such treatment (the item is not the scheduler's).
  public init?(
    item: ChecklistItem, programme: Programme, guidance: PainGuidance, weeks: [ProgressWeek]
  ) {
    // As in force on the item's day: a revised dose is the dose progression counts from, from
    // the week of its revision (R-REV-DOSE).
    guard let current = programme.inForce(on: item.day).treatment(id: item.treatmentId) else {
      return nil
    }
    let treatment = current.treatment
    let firstWeek = current.progressionFromWeek
    let week = item.programmeWeek
    var basis = DoseBasis.fixed
    var earlierHeld: [Int] = []
    var hold: Hold?
    var stepDown: StepDown?
    if current.progression != nil {
      basis = .progression(week: week, firstWeek: firstWeek, steps: item.progressionStep)
      if week > firstWeek {
        for progressionWeek in (firstWeek + 1)..<week
        where guidance.holdsProgression(of: treatment.id, inWeek: progressionWeek) {
          earlierHeld.append(progressionWeek)
        }
      }
      if item.painAdjustments.contains(.held) {
        hold = Hold(
          painfulWeek: week - 1,
          painfulSessions: guidance.painfulSessionDays(of: treatment.id, inWeek: week - 1))
      }
    }
    let scheduler = Scheduler(programme: programme)
    if item.painAdjustments.contains(.steppedDown),
      let previous = scheduler.previousSession(of: treatment, before: item.day)
    {
      stepDown = StepDown(
        session: previous, pain: guidance.painCausing(treatment.id, session: previous),
        from: scheduler.prescription(for: treatment, on: previous, guidance: guidance)?.dose)
    }
    let record = weeks.first { $0.week == ISOWeek(containing: item.day) }?.items[item.id]
    self.init(
      item: item, treatment: treatment, status: record?.status ?? .pending, basis: basis,
      earlierHeldWeeks: earlierHeld, hold: hold, stepDown: stepDown,
      lastDone: ItemCard.lastDone(
        treatmentId: item.treatmentId, side: item.side,
        timesPerDay: max(item.occurrencesPerDay, 1), before: item.day, in: weeks))
  }

  /// The programme's starting dose for the treatment (before any progression).
  public var startingDose: Dose { treatment.dose }

  /// The load of the day's dose ("light elastic band"; a staged progression's stage may name
  /// its own, such as "10RM"), nil when none is given.
  public var load: String? { item.dose.dose.load ?? treatment.dose.load }

  /// The latest day before `day` on which any daily session of `treatmentId` on `side` was
  /// ticked done in `weeks`; nil when none was.
  public static func lastDone(
    treatmentId: String, side: Side, timesPerDay: Int, before day: CalendarDay,
    in weeks: [ProgressWeek]
  ) -> CalendarDay? {
    var latest: CalendarDay?
    for week in weeks where week.week <= ISOWeek(containing: day) {
      for weekDay in week.week.days where weekDay < day && latest.map({ weekDay > $0 }) ?? true {
        let done = (1...timesPerDay).contains { occurrence in
          week.status(
            of: ChecklistItem.makeID(
              day: weekDay, treatmentId: treatmentId, side: side, occurrence: occurrence))
            == .done
        }
        if done { latest = weekDay }
      }
    }
    return latest
  }
}
