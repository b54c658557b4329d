/// Turns a programme into daily checklists. Pure and deterministic: no clock, no I/O; the same
/// programme, day and pain entries always give the same items with the same ids.
///
/// A programme with revisions is scheduled in stretches ("eras") over which the treatments in
/// force stay the same (`Programme.inForce(on:)`); a day is scheduled by the era it falls in,
/// so a revision never changes a day before it (R-REV-EFFECTIVE).
public struct Scheduler: Sendable {
  public let programme: Programme
  /// One per stretch of unchanged treatments, by first day; the first starts on the start day.
  private let eras: [Era]
  /// Per treatment, the programme weeks (1-based) with at least one day on which it is in
  /// force (neither paused nor removed); empty without revisions, where every week counts.
  private let weeksInForce: [String: Set<Int>]

  /// The treatments in force over a stretch of days, with their laid-out days.
  private struct Era: Sendable {
    let first: CalendarDay
    /// Every treatment of the programme on these days, also paused and removed ones.
    let treatments: [String: TreatmentInForce]
    /// The treatments done on these days, in the plan's order.
    let active: [Treatment]
    /// Each active treatment's days within a programme week (day 0 = the start day's weekday).
    let patterns: [String: WeeklyPattern]
    /// For each `sameDaysAs` treatment, its days in each programme week (index 0 = week 1):
    /// only the days on which one of its targets really has a session, so a target's `weeks`
    /// count too ("ice after every loading session").
    let followerPatterns: [String: [WeeklyPattern]]
  }

  public init(programme: Programme) {
    self.programme = programme
    var eras: [Era] = []
    // A treatment keeps its days while its schedule and side stay as they were: a revision
    // of one treatment does not move another's days (R-REV-SCHEDULE).
    var laidOut: [String: (treatment: Treatment, pattern: WeeklyPattern)] = [:]
    for first in programme.revisionBoundaries {
      let inForce = programme.inForce(on: first)
      let active = inForce.active
      var fixed: [String: WeeklyPattern] = [:]
      for treatment in active {
        if let earlier = laidOut[treatment.id], earlier.treatment.schedule == treatment.schedule,
          earlier.treatment.side == treatment.side
        {
          fixed[treatment.id] = earlier.pattern
        }
      }
      let patterns = Scheduler.layOut(programme, treatments: active, fixed: fixed)
      for treatment in active {
        if let pattern = patterns[treatment.id] { laidOut[treatment.id] = (treatment, pattern) }
      }
      eras.append(
        Era(
          first: first,
          treatments: Dictionary(inForce.treatments.map { ($0.id, $0) }) { first, _ in first },
          active: active, patterns: patterns,
          followerPatterns: Scheduler.followerPatterns(
            programme, treatments: active, patterns: patterns)))
    }
    self.eras = eras
    self.weeksInForce = Scheduler.weeksInForce(programme, eras: eras)
  }

  private func era(for day: CalendarDay) -> Era? {
    eras.last { $0.first <= day } ?? eras.first
  }

  /// `treatment` as in force on `day` (its revised dose, schedule and side), nil when it is
  /// not part of the programme then.
  private func inForce(_ treatmentId: String, on day: CalendarDay) -> TreatmentInForce? {
    era(for: day)?.treatments[treatmentId]
  }

  /// The treatments done on `day` (neither paused nor removed), as revised by then.
  public func treatments(on day: CalendarDay) -> [Treatment] { era(for: day)?.active ?? [] }

  /// Whether `treatment` has a session on `day` (home task or not).
  public func isScheduled(_ treatment: Treatment, on day: CalendarDay) -> Bool {
    isScheduled(treatment.id, on: day)
  }

  /// Whether the treatment `treatmentId` has a session on `day`: within the programme, in
  /// force that day (not paused or removed), in its weeks and on one of its days.
  public func isScheduled(_ treatmentId: String, on day: CalendarDay) -> Bool {
    guard let week = programme.programmeWeek(of: day), let era = era(for: day),
      let current = era.treatments[treatmentId], current.status.isActive,
      current.treatment.runs(inWeek: week)
    else { return false }
    let position = programme.start.days(until: day) % 7
    if let byWeek = era.followerPatterns[treatmentId] {
      return byWeek.indices.contains(week - 1) && byWeek[week - 1].contains(position: position)
    }
    return era.patterns[treatmentId]?.contains(position: position) ?? false
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
    guard let week = programme.programmeWeek(of: day), let era = era(for: day) else { return [] }
    var items: [ChecklistItem] = []
    for kind in TreatmentKind.sessionOrder where kind.isHomeTask {
      for treatment in era.active
      where treatment.kind == kind && isScheduled(treatment.id, on: day) {
        guard let current = era.treatments[treatment.id] else { continue }
        let (dose, step, adjustments) = prescription(
          for: current, on: day, week: week, guidance: guidance)
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
    guard programme.programmeWeek(of: day) != nil, let era = era(for: day) else { return [] }
    var ids: [String] = []
    for treatment in era.active
    where treatment.kind.isHomeTask && isScheduled(treatment.id, on: day) {
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
      if isScheduled(treatment.id, on: candidate) { return candidate }
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
    guard let week = programme.programmeWeek(of: day),
      let current = inForce(treatment.id, on: day), current.treatment.runs(inWeek: week)
    else {
      return nil
    }
    let (dose, step, adjustments) = prescription(
      for: current, on: day, week: week, guidance: guidance)
    return Prescription(
      dose: dose, programmeWeek: week, progressionStep: step, painAdjustments: adjustments)
  }

  /// The progression step of `treatment` in programme week `week` before any step down: one
  /// per week since its first (or since its latest dose revision), less the weeks held by
  /// R-PAIN-HOLD and those a pause holds (R-REV-PAUSE). As in force on the week's first day.
  public func plannedStep(of treatment: Treatment, inWeek week: Int, guidance: PainGuidance)
    -> Int
  {
    let day = max(programme.start, programme.firstDay(ofWeek: week))
    guard let current = inForce(treatment.id, on: day) else { return 0 }
    return plannedStep(of: current, inWeek: week, guidance: guidance)
  }

  private func plannedStep(of current: TreatmentInForce, inWeek week: Int, guidance: PainGuidance)
    -> Int
  {
    let base = current.progressionFromWeek
    guard week > base else { return 0 }
    return ((base + 1)...week).count {
      !guidance.holdsProgression(of: current.id, inWeek: $0)
        && inForce(current.id, inWeek: $0) && inForce(current.id, inWeek: $0 - 1)
    }
  }

  /// Whether the treatment is in force on at least one day of programme week `week`.
  private func inForce(_ treatmentId: String, inWeek week: Int) -> Bool {
    guard !weeksInForce.isEmpty else { return true }
    return weeksInForce[treatmentId]?.contains(week) ?? false
  }

  /// Dose after weekly progression, held weeks (R-PAIN-HOLD) and a step down after a painful
  /// session (R-PAIN-STEP). The step down is taken from the dose of the session that hurt
  /// (itself worked out by these rules, so painful sessions in a row keep stepping down), never
  /// from this session's newly scheduled dose, and it never makes a session heavier.
  private func prescription(
    for current: TreatmentInForce, on day: CalendarDay, week: Int, guidance: PainGuidance
  ) -> (PrescribedDose, Int, [ChecklistItem.PainAdjustment]) {
    let treatment = current.treatment
    let planned = plannedDose(for: current, week: week, guidance: guidance)
    var adjustments = planned.adjustments
    guard PainStep.applies(to: treatment.kind),
      let previous = previousSession(of: treatment, before: day),
      guidance.wasPainful(treatment.id, on: previous),
      let previousWeek = programme.programmeWeek(of: previous),
      let then = inForce(treatment.id, on: previous)
    else { return (planned.dose, planned.steps, adjustments) }
    // The session that hurt is dosed as in force on its own day.
    let hurt = prescription(for: then, on: previous, week: previousWeek, guidance: guidance).0
    adjustments.append(.steppedDown)
    let lighter =
      PainStep.lighter(than: hurt, kind: treatment.kind, progression: current.progression)
      ?? hurt
    return (lighter, planned.steps, adjustments)
  }

  /// The week's dose before any step down: the starting (or revised) dose after the week's
  /// progression steps, less the weeks held by R-PAIN-HOLD and R-REV-PAUSE.
  private func plannedDose(for current: TreatmentInForce, week: Int, guidance: PainGuidance)
    -> (dose: PrescribedDose, steps: Int, adjustments: [ChecklistItem.PainAdjustment])
  {
    let treatment = current.treatment
    guard let progression = current.progression else {
      return (PrescribedDose(dose: treatment.dose), 0, [])
    }
    var adjustments: [ChecklistItem.PainAdjustment] = []
    let steps = plannedStep(of: current, inWeek: week, guidance: guidance)
    if week > current.progressionFromWeek, guidance.holdsProgression(of: treatment.id, inWeek: week)
    {
      adjustments.append(.held)
    }
    return (progression.apply(steps: steps, to: treatment.dose), steps, adjustments)
  }

  /// The dose of `treatment` on `day` had no earlier session been painful: what a step down
  /// replaces ("3 × 10 instead of 3 × 12"). nil outside the treatment's weeks.
  public func plannedDose(
    for treatment: Treatment, on day: CalendarDay, guidance: PainGuidance
  ) -> PrescribedDose? {
    guard let week = programme.programmeWeek(of: day),
      let current = inForce(treatment.id, on: day), current.treatment.runs(inWeek: week)
    else {
      return nil
    }
    return plannedDose(for: current, week: week, guidance: guidance).dose
  }

  /// The next session of `treatment` strictly after `day`, within the programme.
  public func nextSession(of treatment: Treatment, after day: CalendarDay) -> CalendarDay? {
    var candidate = day.adding(days: 1)
    // As in `previousSession`: two weeks cover a treatment whose weeks start later.
    for _ in 0..<14 where candidate <= programme.end {
      if isScheduled(treatment.id, on: candidate) { return candidate }
      candidate = candidate.adding(days: 1)
    }
    return nil
  }

  /// Per treatment, the programme weeks with a day on which it is in force; empty without
  /// revisions (every week counts, and nothing needs working out).
  private static func weeksInForce(_ programme: Programme, eras: [Era]) -> [String: Set<Int>] {
    guard !programme.revisions.isEmpty else { return [:] }
    var result: [String: Set<Int>] = [:]
    for (index, era) in eras.enumerated() {
      let first = max(era.first, programme.start)
      let last = min(
        index + 1 < eras.count ? eras[index + 1].first.adding(days: -1) : programme.end,
        programme.end)
      guard first <= last, let from = programme.programmeWeek(of: first),
        let to = programme.programmeWeek(of: last)
      else { continue }
      for treatment in era.active { result[treatment.id, default: []].formUnion(from...to) }
    }
    return result
  }

  /// Chooses each treatment's days. Fixed patterns (daily, weekdays) go first; each
  /// `daysPerWeek` treatment then takes the rotation that keeps the busiest day lightest, so a
  /// day's list stays short (Bachmann 2018). Ties go to the smallest rotation: deterministic.
  ///
  /// `fixed` treatments keep the days they had in an earlier era and are placed first.
  private static func layOut(
    _ programme: Programme, treatments: [Treatment], fixed: [String: WeeklyPattern]
  ) -> [String: WeeklyPattern] {
    var plan = programme.plan
    plan.treatments = treatments
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
      guard let pattern = fixed[treatment.id] else { continue }
      if case .sameDaysAs = treatment.schedule.pattern { continue }
      place(treatment, pattern)
    }
    for treatment in plan.treatments where fixed[treatment.id] == nil {
      switch treatment.schedule.pattern {
      case .daily: place(treatment, .everyDay)
      case .weekdays(let days): place(treatment, .weekdays(days, firstWeekday: firstWeekday))
      default: break
      }
    }
    for treatment in plan.treatments where fixed[treatment.id] == nil {
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
          // A target paused or removed in this era has no days to lend (R-REV-PAUSE).
          guard plan.treatment(id: target) != nil else { continue }
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
    _ programme: Programme, treatments: [Treatment], patterns: [String: WeeklyPattern]
  ) -> [String: [WeeklyPattern]] {
    var plan = programme.plan
    plan.treatments = treatments
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
    for treatment in programme.allTreatments where PainStep.applies(to: treatment.kind) {
      var days: [CalendarDay: [PainEntry]] = [:]
      for entry in entries where entry.concerns(treatment.id) {
        let sessionDay = entry.sessionDay
        guard
          PainGuidance.makesPainful(entry, highestOnSessionDay: highestOnDay[sessionDay])
        else { continue }
        if scheduler.isScheduled(treatment.id, on: sessionDay) {
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
