/// Turns a programme into daily checklists. Pure and deterministic: no clock, no I/O; the same
/// programme, day and pain entries always give the same items with the same ids.
public struct Scheduler: Sendable {
  public let programme: Programme
  /// Each treatment's days within a programme week (day 0 = the start day's weekday).
  private let patterns: [String: WeeklyPattern]
  /// For each `sameDaysAs` treatment, its days in each programme week (index 0 = week 1):
  /// only the days on which one of its targets really has a session, so a target's `weeks`
  /// count too ("ice after every loading session").
  private let followerPatterns: [String: [WeeklyPattern]]

  public init(programme: Programme) {
    self.programme = programme
    let patterns = Scheduler.layOut(programme)
    self.patterns = patterns
    self.followerPatterns = Scheduler.followerPatterns(programme, patterns: patterns)
  }

  /// Whether `treatment` has a session on `day` (home task or not).
  public func isScheduled(_ treatment: Treatment, on day: CalendarDay) -> Bool {
    guard let week = programme.programmeWeek(of: day), treatment.runs(inWeek: week) else {
      return false
    }
    let position = programme.start.days(until: day) % 7
    if let byWeek = followerPatterns[treatment.id] {
      return byWeek.indices.contains(week - 1) && byWeek[week - 1].contains(position: position)
    }
    return patterns[treatment.id]?.contains(position: position) ?? false
  }

  /// The pain entries digested into painful sessions per treatment, for many checklists at once.
  public func painGuidance(_ entries: [PainEntry]) -> PainGuidance {
    PainGuidance(entries: entries, scheduler: self)
  }

  public func checklist(for day: CalendarDay, pain: [PainEntry] = []) -> [ChecklistItem] {
    checklist(for: day, guidance: painGuidance(pain))
  }

  /// The day's home items in session order (heat, stretching, activation, strengthening, ice).
  /// Ultrasound is clinic-delivered and never a home item (R-DOSE-ULTRASOUND).
  public func checklist(for day: CalendarDay, guidance: PainGuidance) -> [ChecklistItem] {
    guard let week = programme.programmeWeek(of: day) else { return [] }
    var items: [ChecklistItem] = []
    for kind in TreatmentKind.sessionOrder where kind.isHomeTask {
      for treatment in programme.plan.treatments
      where treatment.kind == kind && isScheduled(treatment, on: day) {
        let (dose, step, adjustments) = prescription(
          for: treatment, on: day, week: week, guidance: guidance)
        let timesPerDay = treatment.schedule.timesPerDay
        for side in treatment.side.sides(affected: programme.affectedSide) {
          for occurrence in 1...max(1, timesPerDay) {
            items.append(
              ChecklistItem(
                id: ChecklistItem.makeID(
                  day: day, treatmentId: treatment.id, side: side, occurrence: occurrence),
                day: day, programmeWeek: week, treatmentId: treatment.id, name: treatment.name,
                kind: treatment.kind, side: side, dose: dose, occurrence: occurrence,
                occurrencesPerDay: timesPerDay, instructions: treatment.instructions,
                progressionStep: step, painAdjustments: adjustments))
          }
        }
      }
    }
    return items
  }

  /// The ids of `checklist(for:)`'s items, without working out any dose: pain changes doses,
  /// never which items there are, so counting a day's records needs nothing more.
  public func itemIds(for day: CalendarDay) -> [String] {
    guard programme.programmeWeek(of: day) != nil else { return [] }
    var ids: [String] = []
    for treatment in programme.plan.treatments
    where treatment.kind.isHomeTask && isScheduled(treatment, on: day) {
      let timesPerDay = treatment.schedule.timesPerDay
      for side in treatment.side.sides(affected: programme.affectedSide) {
        for occurrence in 1...max(1, timesPerDay) {
          ids.append(
            ChecklistItem.makeID(
              day: day, treatmentId: treatment.id, side: side, occurrence: occurrence))
        }
      }
    }
    return ids
  }

  /// The most recent session of `treatment` strictly before `day`, within the programme.
  public func previousSession(of treatment: Treatment, before day: CalendarDay) -> CalendarDay? {
    var candidate = day.adding(days: -1)
    // Every pattern repeats weekly, so a session is at most 7 days back unless the
    // treatment's week range starts later; look one week further to cover that edge.
    for _ in 0..<14 where candidate >= programme.start {
      if isScheduled(treatment, on: candidate) { return candidate }
      candidate = candidate.adding(days: -1)
    }
    return nil
  }

  /// The dose of `treatment` for a session on `day` (scheduled or not) and how it came about:
  /// the same rules as the checklist, for the item card and the exports. nil outside the
  /// programme or outside the treatment's weeks.
  public func prescription(
    for treatment: Treatment, on day: CalendarDay, guidance: PainGuidance
  ) -> Prescription? {
    guard let week = programme.programmeWeek(of: day), treatment.runs(inWeek: week) else {
      return nil
    }
    let (dose, step, adjustments) = prescription(
      for: treatment, on: day, week: week, guidance: guidance)
    return Prescription(
      dose: dose, programmeWeek: week, progressionStep: step, painAdjustments: adjustments)
  }

  /// The progression step of `treatment` in programme week `week` before any step down: one
  /// per week since its first, less the weeks held by R-PAIN-HOLD.
  public func plannedStep(of treatment: Treatment, inWeek week: Int, guidance: PainGuidance)
    -> Int
  {
    guard week > treatment.firstWeek else { return 0 }
    return ((treatment.firstWeek + 1)...week).count {
      !guidance.holdsProgression(of: treatment.id, inWeek: $0)
    }
  }

  /// Dose after weekly progression, held weeks (R-PAIN-HOLD) and a step down after a painful
  /// session (R-PAIN-STEP). The step down is taken from the dose of the session that hurt
  /// (itself worked out by these rules, so painful sessions in a row keep stepping down), never
  /// from this session's newly scheduled dose, and it never makes a session heavier.
  private func prescription(
    for treatment: Treatment, on day: CalendarDay, week: Int, guidance: PainGuidance
  ) -> (PrescribedDose, Int, [ChecklistItem.PainAdjustment]) {
    let planned = plannedDose(for: treatment, week: week, guidance: guidance)
    var adjustments = planned.adjustments
    guard PainStep.applies(to: treatment.kind),
      let previous = previousSession(of: treatment, before: day),
      guidance.wasPainful(treatment.id, on: previous),
      let previousWeek = programme.programmeWeek(of: previous)
    else { return (planned.dose, planned.steps, adjustments) }
    let hurt = prescription(for: treatment, on: previous, week: previousWeek, guidance: guidance).0
    adjustments.append(.steppedDown)
    let lighter =
      PainStep.lighter(than: hurt, kind: treatment.kind, progression: treatment.progression)
      ?? hurt
    return (lighter, planned.steps, adjustments)
  }

  /// The week's dose before any step down: the starting dose after the week's progression
  /// steps, less the weeks held by R-PAIN-HOLD.
  private func plannedDose(for treatment: Treatment, week: Int, guidance: PainGuidance)
    -> (dose: PrescribedDose, steps: Int, adjustments: [ChecklistItem.PainAdjustment])
  {
    guard let progression = treatment.progression else {
      return (PrescribedDose(dose: treatment.dose), 0, [])
    }
    var adjustments: [ChecklistItem.PainAdjustment] = []
    let steps = plannedStep(of: treatment, inWeek: week, guidance: guidance)
    if week > treatment.firstWeek, guidance.holdsProgression(of: treatment.id, inWeek: week) {
      adjustments.append(.held)
    }
    return (progression.apply(steps: steps, to: treatment.dose), steps, adjustments)
  }

  /// The dose of `treatment` on `day` had no earlier session been painful: what a step down
  /// replaces ("3 × 10 instead of 3 × 12"). nil outside the treatment's weeks.
  public func plannedDose(
    for treatment: Treatment, on day: CalendarDay, guidance: PainGuidance
  ) -> PrescribedDose? {
    guard let week = programme.programmeWeek(of: day), treatment.runs(inWeek: week) else {
      return nil
    }
    return plannedDose(for: treatment, week: week, guidance: guidance).dose
  }

  /// The next session of `treatment` strictly after `day`, within the programme.
  public func nextSession(of treatment: Treatment, after day: CalendarDay) -> CalendarDay? {
    var candidate = day.adding(days: 1)
    // As in `previousSession`: two weeks cover a treatment whose weeks start later.
    for _ in 0..<14 where candidate <= programme.end {
      if isScheduled(treatment, on: candidate) { return candidate }
      candidate = candidate.adding(days: 1)
    }
    return nil
  }

  /// Chooses each treatment's days. Fixed patterns (daily, weekdays) go first; each
  /// `daysPerWeek` treatment then takes the rotation that keeps the busiest day lightest, so a
  /// day's list stays short (Bachmann 2018). Ties go to the smallest rotation: deterministic.
  private static func layOut(_ programme: Programme) -> [String: WeeklyPattern] {
    let plan = programme.plan
    let firstWeekday = programme.start.weekday
    var patterns: [String: WeeklyPattern] = [:]
    var load = [Int](repeating: 0, count: 7)

    func itemsPerSession(_ treatment: Treatment) -> Int {
      guard treatment.kind.isHomeTask else { return 0 }
      return treatment.side.sides(affected: programme.affectedSide).count
        * treatment.schedule.timesPerDay
    }
    // A treatment's weight includes the exercises that follow it (sameDaysAs), so drills that
    // share its days count when its days are chosen; followers then add nothing themselves.
    // Heat and ice go wherever their target goes and are not counted: that keeps the days of
    // programmes written before followers were weighed where they were.
    var groupWeights: [String: Int] = [:]
    func groupWeight(_ treatment: Treatment, visiting: Set<String> = []) -> Int {
      if let known = groupWeights[treatment.id] { return known }
      guard !visiting.contains(treatment.id) else { return 0 }  // a cycle; validation reports it
      var weight = itemsPerSession(treatment)
      for follower in plan.treatments {
        guard case .sameDaysAs(let targets) = follower.schedule.pattern,
          targets.contains(treatment.id), !follower.kind.isThermal
        else { continue }
        weight += groupWeight(follower, visiting: visiting.union([treatment.id]))
      }
      groupWeights[treatment.id] = weight
      return weight
    }
    func place(_ treatment: Treatment, _ pattern: WeeklyPattern) {
      patterns[treatment.id] = pattern
      if case .sameDaysAs = treatment.schedule.pattern { return }
      let weight = groupWeight(treatment)
      for position in 0..<7 where pattern.contains(position: position) {
        load[position] += weight
      }
    }

    for treatment in plan.treatments {
      switch treatment.schedule.pattern {
      case .daily: place(treatment, .everyDay)
      case .weekdays(let days): place(treatment, .weekdays(days, firstWeekday: firstWeekday))
      default: break
      }
    }
    for treatment in plan.treatments {
      guard case .daysPerWeek(let count) = treatment.schedule.pattern else { continue }
      let weight = groupWeight(treatment)
      var best = (offset: 0, peak: Int.max, spread: Int.max)
      for offset in 0..<7 {
        let pattern = WeeklyPattern.spread(count, offset: offset)
        let loads = (0..<7).map { load[$0] + (pattern.contains(position: $0) ? weight : 0) }
        let peak = loads.max() ?? 0
        let spread = loads.reduce(0) { $0 + $1 * $1 }
        if (peak, spread) < (best.peak, best.spread) { best = (offset, peak, spread) }
      }
      place(treatment, .spread(count, offset: best.offset))
    }
    // sameDaysAs takes the union of its targets' days, once every target has its days.
    var unresolved = plan.treatments.filter {
      if case .sameDaysAs = $0.schedule.pattern { return true }
      return false
    }
    while !unresolved.isEmpty {
      let before = unresolved.count
      unresolved.removeAll { treatment in
        guard case .sameDaysAs(let targets) = treatment.schedule.pattern, !targets.isEmpty
        else { return false }
        var mask: UInt8 = 0
        for target in targets {
          guard let pattern = patterns[target] else { return false }
          mask |= pattern.mask
        }
        place(treatment, WeeklyPattern(mask: mask))
        return true
      }
      if unresolved.count == before { break }  // a cycle; validation reports it
    }
    return patterns
  }

  /// The week-by-week days of every `sameDaysAs` treatment: in each programme week, the union
  /// of the days of those targets that run that week (following chains of references).
  /// Treatments left without a pattern by `layOut` (a cycle, a missing target) get none.
  private static func followerPatterns(
    _ programme: Programme, patterns: [String: WeeklyPattern]
  ) -> [String: [WeeklyPattern]] {
    let plan = programme.plan
    let followers = plan.treatments.filter { treatment in
      guard case .sameDaysAs = treatment.schedule.pattern else { return false }
      return patterns[treatment.id] != nil
    }
    guard !followers.isEmpty else { return [:] }
    var result: [String: [WeeklyPattern]] = [:]
    for week in 1...max(1, programme.weeks) {
      var known: [String: WeeklyPattern] = [:]
      func days(of treatment: Treatment) -> WeeklyPattern {
        if let found = known[treatment.id] { return found }
        var pattern = WeeklyPattern(mask: 0)
        if treatment.runs(inWeek: week), let laidOut = patterns[treatment.id] {
          if case .sameDaysAs(let targets) = treatment.schedule.pattern {
            // layOut gave a pattern, so every target has one and there is no cycle.
            var mask: UInt8 = 0
            for target in targets.compactMap(plan.treatment(id:)) { mask |= days(of: target).mask }
            pattern = WeeklyPattern(mask: mask & laidOut.mask)
          } else {
            pattern = laidOut
          }
        }
        known[treatment.id] = pattern
        return pattern
      }
      for follower in followers { result[follower.id, default: []].append(days(of: follower)) }
    }
    return result
  }
}

extension TreatmentKind {
  /// The order of a session: warm up with heat, stretch, activate, strengthen, then ice.
  public static let sessionOrder: [TreatmentKind] = [
    .heat, .stretching, .activation, .strengthening, .ice, .ultrasound,
  ]
}

/// One session's dose as the scheduler prescribes it, with the facts behind it.
public struct Prescription: Hashable, Sendable {
  public var dose: PrescribedDose
  public var programmeWeek: Int
  /// Progression steps applied to the starting dose (after holds; a step down after pain is
  /// taken from the painful session's dose instead, see `painAdjustments`).
  public var progressionStep: Int
  public var painAdjustments: [ChecklistItem.PainAdjustment]

  public init(
    dose: PrescribedDose, programmeWeek: Int, progressionStep: Int,
    painAdjustments: [ChecklistItem.PainAdjustment]
  ) {
    self.dose = dose
    self.programmeWeek = programmeWeek
    self.progressionStep = progressionStep
    self.painAdjustments = painAdjustments
  }
}

/// Painful sessions per treatment, derived from pain entries (R-PAIN-STEP, R-PAIN-HOLD).
/// A session on day D was painful when pain logged during D was above 5, or when the pain
/// logged on waking on D+1 was higher than the highest pain logged on D.
public struct PainGuidance: Sendable {
  /// Per treatment, each painful session day with the entries that made it painful (kept so
  /// the item card can say which pain caused a lighter dose).
  private var painfulDays: [String: [CalendarDay: [PainEntry]]] = [:]
  private let programme: Programme

  init(entries: [PainEntry], scheduler: Scheduler) {
    programme = scheduler.programme
    guard !entries.isEmpty else { return }
    var highestOnDay: [CalendarDay: Int] = [:]
    for entry in entries {
      highestOnDay[entry.day] = max(highestOnDay[entry.day] ?? 0, entry.level)
    }
    for treatment in programme.plan.treatments where PainStep.applies(to: treatment.kind) {
      var days: [CalendarDay: [PainEntry]] = [:]
      for entry in entries where entry.concerns(treatment.id) {
        let sessionDay = entry.sessionDay
        guard
          PainGuidance.makesPainful(entry, highestOnSessionDay: highestOnDay[sessionDay])
        else { continue }
        if scheduler.isScheduled(treatment, on: sessionDay) {
          days[sessionDay, default: []].append(entry)
        }
      }
      if !days.isEmpty { painfulDays[treatment.id] = days }
    }
  }

  /// Whether `entry` makes its session painful: during, above 5; on waking, higher than the
  /// highest pain logged on the session day (nothing logged that day: not painful).
  public static func makesPainful(_ entry: PainEntry, highestOnSessionDay: Int?) -> Bool {
    switch entry.timing {
    case .during: entry.level > PainZones.acceptableMax
    case .nextMorning: highestOnSessionDay.map { entry.level > $0 } ?? false
    }
  }

  public func wasPainful(_ treatmentId: String, on day: CalendarDay) -> Bool {
    painfulDays[treatmentId]?[day] != nil
  }

  /// The pain entries that made the session of `treatmentId` on `day` painful, in the order
  /// they were logged; empty when it was not painful.
  public func painCausing(_ treatmentId: String, session day: CalendarDay) -> [PainEntry] {
    painfulDays[treatmentId]?[day] ?? []
  }

  /// Painful sessions of a treatment within programme week `week`.
  public func painfulSessions(of treatmentId: String, inWeek week: Int) -> Int {
    guard let days = painfulDays[treatmentId] else { return 0 }
    let first = programme.firstDay(ofWeek: week)
    let last = first.adding(days: 6)
    return days.keys.count { $0 >= first && $0 <= last }
  }

  /// The days of the painful sessions of a treatment within programme week `week`, in order.
  public func painfulSessionDays(of treatmentId: String, inWeek week: Int) -> [CalendarDay] {
    guard let days = painfulDays[treatmentId] else { return [] }
    let first = programme.firstDay(ofWeek: week)
    let last = first.adding(days: 6)
    return days.keys.filter { $0 >= first && $0 <= last }.sorted()
  }

  /// R-PAIN-HOLD: two painful sessions in the week before hold this week's progression.
  public func holdsProgression(of treatmentId: String, inWeek week: Int) -> Bool {
    week > 1 && painfulSessions(of: treatmentId, inWeek: week - 1) >= PainZones.sessionsToHold
  }
}
