/// Judges the flags of docs/clinical-rules.md ("Flags") from a programme's records as of one day.
/// Pure: the records and the day are passed in. Every flag is recomputed from the data, so it
/// clears by itself when the data no longer supports it; thresholds come from
/// `programme.plan.thresholds` (named defaults a programme file may override).
public struct FlagEngine: Sendable {
  public let programme: Programme
  public let asOf: CalendarDay
  public let ledger: AdherenceLedger
  /// The check-ins within the programme dated on or before `asOf`.
  public let checkins: [Checkin]
  public let measures: MeasureAnalysis

  /// `layingOutEveryDay`: the ledger lays out every day's items at once (an export lists them
  /// all); judging needs only its tallies.
  public init(history: ProgressHistory, asOf: CalendarDay, layingOutEveryDay: Bool = false) {
    programme = history.programme
    self.asOf = asOf
    ledger = AdherenceLedger(history: history, asOf: asOf, layingOutEveryDay: layingOutEveryDay)
    checkins = history.checkins(through: asOf)
    measures = MeasureAnalysis(programme: programme, checkins: checkins)
  }

  /// The flags as of `asOf`, most pressing first, each with the day since which it holds:
  /// judged afresh on every call (the since-day walks back over earlier days' data).
  public var flags: [ProgressFlag] {
    let current = FlagEngine.judge(ledger: ledger, measures: measures)
    guard !current.isEmpty else { return [] }
    let since = sinceDays(of: Set(current.map(\.kind)))
    return current.map { judgement in
      ProgressFlag(
        kind: judgement.kind, since: since[judgement.kind] ?? asOf, message: judgement.message,
        evidence: judgement.evidence, suggestsClinician: judgement.suggestsClinician,
        remedy: judgement.remedy)
    }
  }

  /// The flags R-FLAG-BASELINE holds back as of `asOf`: their rule is met, but there are too
  /// few weeks of measurements since the baseline check-in to raise them.
  public var pending: [PendingFlag] {
    FlagRules(ledger: ledger, measures: measures).pending()
  }

  /// The kinds of the flags as of `asOf`, most pressing first, without walking back for their
  /// since-days: one judgement, which is what a status line can afford.
  public var currentKinds: [ProgressFlag.Kind] {
    FlagEngine.judge(ledger: ledger, measures: measures).map(\.kind)
  }

  /// Since when each of `kinds` holds: walk back one day at a time while it still holds on the
  /// data of that day. A day's judgement depends on the day only through the completed
  /// programme weeks, the current programme week and the check-ins made by then (every span
  /// the rules tally is of completed weeks), so it is made once per such state rather than once
  /// per day: about two a week instead of seven. `judgingEveryDay` judges every day, as the
  /// reference the tests compare with.
  func sinceDays(of kinds: Set<ProgressFlag.Kind>, judgingEveryDay: Bool = false)
    -> [ProgressFlag.Kind: CalendarDay]
  {
    struct State: Equatable {
      var completedWeeks: Int
      var currentWeek: Int
      var checkins: Int
    }
    var since: [ProgressFlag.Kind: CalendarDay] = [:]
    var open = kinds
    for kind in kinds { since[kind] = asOf }
    var judged: (state: State, held: Set<ProgressFlag.Kind>)?
    var day = asOf.adding(days: -1)
    while !open.isEmpty, day >= programme.start {
      let ledger = ledger.judged(asOf: day)
      let earlier = checkins.filter { $0.day <= day }
      let state = State(
        completedWeeks: ledger.completedWeeks, currentWeek: ledger.currentWeek,
        checkins: earlier.count)
      let held: Set<ProgressFlag.Kind>
      if !judgingEveryDay, let judged, judged.state == state {
        held = judged.held
      } else {
        held = Set(FlagEngine.judge(ledger: ledger, measures: measures.through(day)).map(\.kind))
        judged = (state, held)
      }
      for kind in open {
        if held.contains(kind) { since[kind] = day } else { open.remove(kind) }
      }
      day = day.adding(days: -1)
    }
    return since
  }

  /// A flag before its since-day is known.
  struct Judgement {
    var kind: ProgressFlag.Kind
    var message: String
    var evidence: FlagEvidence
    var suggestsClinician: Bool
    var remedy: FlagRemedy? = nil
  }

  static func judge(ledger: AdherenceLedger, measures: MeasureAnalysis) -> [Judgement] {
    let rules = FlagRules(ledger: ledger, measures: measures)
    let lowAdherence = rules.lowAdherence()
    var found: [Judgement] = []
    if let worsening = rules.worsening() { found.append(worsening) }
    // R-ADH-LOW: on weeks of insufficient dose the treatment is never judged as not working.
    if lowAdherence == nil {
      if let referral = rules.seeSpecialist() { found.append(referral) }
      if let plateau = rules.plateau() { found.append(plateau) }
    }
    if let lowAdherence { found.append(lowAdherence) }
    if let imbalance = rules.imbalance() { found.append(imbalance) }
    if let missed = rules.missedCheckin() { found.append(missed) }
    // Every flag names the baseline it was judged against (R-FLAG-BASELINE).
    if let baseline = rules.baseline {
      for index in found.indices { found[index].evidence.baseline = baseline }
    }
    return found
  }
}

/// Each flag's rule on one day's data.
struct FlagRules {
  let ledger: AdherenceLedger
  let measures: MeasureAnalysis

  var programme: Programme { ledger.programme }
  var thresholds: FlagThresholds { programme.plan.thresholds }

  /// R-ADH-LOW: the last completed week's adherence, or the review window's, below the
  /// threshold. Reported as insufficient dose, with a question about barriers.
  func lowAdherence() -> FlagEngine.Judgement? {
    guard let lastWeek = ledger.lastCompletedWeek, let window = ledger.reviewWindow else {
      return nil
    }
    let threshold = thresholds.lowAdherence
    let lastLow = lastWeek.tally.ratio.map { FlagMath.below($0, threshold) } ?? false
    let windowLow = window.tally.ratio.map { FlagMath.below($0, threshold) } ?? false
    guard lastLow || windowLow else { return nil }
    var parts: [String] = []
    if lastLow, let ratio = lastWeek.tally.ratio {
      parts.append(
        "\(FlagText.percent(ratio, threshold: threshold)) of the items in programme week \(lastWeek.weeks.lowerBound) (\(lastWeek.tally.done) of \(lastWeek.tally.scheduled))"
      )
    }
    if windowLow, let ratio = window.tally.ratio, window.weeks.count > 1 || !lastLow {
      parts.append(
        "\(FlagText.percent(ratio, threshold: threshold)) over \(FlagText.weeks(window.weeks)) (\(window.tally.done) of \(window.tally.scheduled))"
      )
    }
    let message =
      "Insufficient dose: \(parts.joined(separator: " and ")) were done (self-reported; the programme needs at least \(FlagText.percent(threshold))). Results can't be judged on weeks like these, so this says nothing about whether the treatment works. What got in the way? A shorter list, another time of day or an easier start may help; talk it over with your clinician."
    return FlagEngine.Judgement(
      kind: .lowAdherence, message: message,
      evidence: FlagEvidence(
        adherence: AdherenceEvidence(threshold: threshold, lastWeek: lastWeek, reviewWindow: window)
      ), suggestsClinician: true)
  }

  /// Main measures with a change to judge, when the latest check-in is recent enough (within
  /// the review window); nil when there is nothing current to judge (missed-checkin says so).
  private func judgeableMainMeasures() -> [MeasureTrend]? {
    let trends = measures.main.filter(\.canJudgeChange)
    guard !trends.isEmpty, let window = ledger.reviewWindow,
      let latest = trends.compactMap(\.latest?.day).max(), latest >= window.firstDay
    else { return nil }
    return trends
  }

  /// R-FLAG-PLATEAU: from week `plateauFromWeek` on, with review-window adherence at or above
  /// the threshold, no main measure improved by its MCID since baseline and none changed by
  /// its MDC over the review window.
  func plateau() -> FlagEngine.Judgement? {
    enoughMeasurements(for: .plateau) ? plateauIgnoringBaseline() : nil
  }

  private func plateauIgnoringBaseline() -> FlagEngine.Judgement? {
    guard ledger.currentWeek >= thresholds.plateauFromWeek, let window = ledger.reviewWindow,
      let ratio = window.tally.ratio, FlagMath.atLeast(ratio, thresholds.lowAdherence),
      let trends = judgeableMainMeasures()
    else { return nil }
    let windowWeeks = max(1, thresholds.reviewWindowWeeks)
    for trend in trends {
      if trend.improvedByMCID { return nil }
      if let recent = trend.recentChange(weeks: windowWeeks),
        FlagMath.atLeast(abs(recent.change), trend.mdc)
      {
        return nil
      }
    }
    let evidence = trends.compactMap { MeasureEvidence($0, recentWeeks: windowWeeks) }
    let summary = evidence.map(FlagRules.summary).joined(separator: ", ")
    let message =
      "No real change yet: no main measure has improved by its MCID since the baseline (\(summary)), and none has changed by its MDC over the last \(windowWeeks) weeks, with \(FlagText.percent(ratio)) of the programme done in \(FlagText.weeks(window.weeks)) (self-reported). Many people improve slowly, so this is a prompt, not a verdict: review the programme with a clinician."
    return FlagEngine.Judgement(
      kind: .plateau, message: message,
      evidence: FlagEvidence(
        adherence: AdherenceEvidence(threshold: thresholds.lowAdherence, reviewWindow: window),
        measures: evidence), suggestsClinician: true)
  }

  /// R-FLAG-WORSE: a main measure worse than its baseline by at least its MDC in each of the
  /// two latest check-ins (pain on its rolling mean).
  func worsening() -> FlagEngine.Judgement? {
    var evidence: [MeasureEvidence] = []
    for trend in measures.main where trend.points.count >= 3 {
      let lastTwo = trend.points.suffix(2)
      guard lastTwo.allSatisfy({ FlagMath.atLeast(trend.worsening(at: $0), trend.mdc) }) else {
        continue
      }
      let readings = lastTwo.map {
        MeasureEvidence.Reading(day: $0.day, value: $0.smoothed, worseBy: trend.worsening(at: $0))
      }
      if let item = MeasureEvidence(trend, recentWeeks: nil, readings: readings) {
        evidence.append(item)
      }
    }
    guard !evidence.isEmpty else { return nil }
    let details = evidence.map { item in
      let values = item.readings.map { FlagText.number($0.value) }.joined(separator: " and ")
      return
        "\(FlagText.name(of: item.measure)) \(values) against \(FlagText.number(item.baseline)) at baseline (MDC \(FlagText.number(item.mdc, decimals: 2)))"
    }
    let message =
      "Worse than at the start in the last two check-ins: \(details.joined(separator: "; ")). Consider a lighter load and a review of the programme with your clinician; stop and seek care the same day for any red flag."
    return FlagEngine.Judgement(
      kind: .worsening, message: message, evidence: FlagEvidence(measures: evidence),
      suggestsClinician: true)
  }

  /// R-FLAG-LSI: from week `imbalanceFromWeek` on, a sided measure with LSI below
  /// `symmetryIndexOK` in each of its two latest check-ins.
  func imbalance() -> FlagEngine.Judgement? {
    guard ledger.currentWeek >= thresholds.imbalanceFromWeek else { return nil }
    let threshold = thresholds.symmetryIndexOK
    var evidence: [SymmetryEvidence] = []
    for trend in measures.sided {
      let lastTwo = trend.points.filter { $0.symmetryIndex != nil }.suffix(2)
      guard lastTwo.count == 2,
        lastTwo.allSatisfy({ FlagMath.below($0.symmetryIndex ?? threshold, threshold) })
      else { continue }
      let readings = lastTwo.compactMap { point -> SymmetryEvidence.Reading? in
        guard case .sided(let left, let right) = point.value, let index = point.symmetryIndex
        else { return nil }
        return SymmetryEvidence.Reading(
          day: point.day, left: left, right: right, symmetryIndex: index)
      }
      evidence.append(
        SymmetryEvidence(
          measure: trend.measure, affectedSide: programme.affectedSide, threshold: threshold,
          readings: readings))
    }
    guard !evidence.isEmpty else { return nil }
    let details = evidence.map { item in
      let indexes = item.readings.map {
        "\(FlagText.number($0.symmetryIndex, keepingSideOf: threshold)) %"
      }.joined(separator: " and ")
      let latest = item.readings.last.map {
        " (latest left \(FlagText.number($0.left)), right \(FlagText.number($0.right)))"
      }
      return "\(FlagText.name(of: item.measure)) LSI \(indexes)\(latest ?? "")"
    }
    let side =
      programme.affectedSide == .both
      ? "weaker ÷ stronger side" : "affected ÷ unaffected side"
    let message =
      "Left/right imbalance in the last two check-ins: \(details.joined(separator: "; ")); LSI is the \(side). Keep loading the weaker side; \(LimbSymmetry.convention)."
    return FlagEngine.Judgement(
      kind: .imbalance, message: message, evidence: FlagEvidence(symmetry: evidence),
      suggestsClinician: false)
  }

  /// R-FLAG-REFER: after `referralAfterWeeks` completed weeks of care with adherence at or
  /// above the threshold, no main measure improved by its MCID. Never earlier.
  func seeSpecialist() -> FlagEngine.Judgement? {
    enoughMeasurements(for: .seeSpecialist) ? seeSpecialistIgnoringBaseline() : nil
  }

  private func seeSpecialistIgnoringBaseline() -> FlagEngine.Judgement? {
    let weeks = thresholds.referralAfterWeeks
    guard ledger.completedWeeks >= weeks, let completed = ledger.completedSpan,
      let ratio = completed.tally.ratio, FlagMath.atLeast(ratio, thresholds.lowAdherence),
      let trends = judgeableMainMeasures(), !trends.contains(where: \.improvedByMCID)
    else { return nil }
    let evidence = trends.compactMap { MeasureEvidence($0, recentWeeks: nil) }
    let summary = evidence.map(FlagRules.summary).joined(separator: ", ")
    let message =
      "After \(ledger.completedWeeks) weeks of care with \(FlagText.percent(ratio)) of the programme done (self-reported), no main measure has improved by its MCID (\(summary)). Conservative care may not be enough: a specialist can judge whether other treatment, including surgery, fits."
    return FlagEngine.Judgement(
      kind: .seeSpecialist, message: message,
      evidence: FlagEvidence(
        adherence: AdherenceEvidence(
          threshold: thresholds.lowAdherence, completedWeeks: completed),
        measures: evidence), suggestsClinician: true)
  }

  // MARK: R-FLAG-BASELINE

  /// The programme's first check-in and the latest, as of the day judged.
  var baseline: BaselineEvidence? {
    BaselineEvidence(
      checkinDays: measures.trends.flatMap { $0.points.map(\.day) }, programme: programme)
  }

  /// Whether there are enough weeks of measurements since the baseline to raise `kind`.
  private func enoughMeasurements(for kind: ProgressFlag.Kind) -> Bool {
    guard let needed = FlagBaseline.weeksNeeded(for: kind) else { return true }
    guard let baseline else { return false }
    return baseline.weeksOfMeasurements >= needed
  }

  /// The flags whose rule is met but which R-FLAG-BASELINE holds back (never while
  /// low-adherence holds, which keeps them back anyway).
  func pending() -> [PendingFlag] {
    guard lowAdherence() == nil, let baseline else { return [] }
    let candidates: [(ProgressFlag.Kind, FlagEngine.Judgement?)] = [
      (.seeSpecialist, seeSpecialistIgnoringBaseline()), (.plateau, plateauIgnoringBaseline()),
    ]
    return candidates.compactMap { kind, judgement in
      guard judgement != nil, let needed = FlagBaseline.weeksNeeded(for: kind),
        baseline.weeksOfMeasurements < needed
      else { return nil }
      return PendingFlag(kind: kind, baseline: baseline, weeksNeeded: needed)
    }
  }

  /// A completed programme week without a check-in: flags can't be judged without data.
  func missedCheckin() -> FlagEngine.Judgement? {
    guard ledger.completedWeeks > 0 else { return nil }
    let checkinDays = measures.trends.flatMap { $0.points.map(\.day) }
    var missed: [MissedWeek] = []
    for week in 1...ledger.completedWeeks {
      let first = programme.firstDay(ofWeek: week)
      let last = first.adding(days: 6)
      if !checkinDays.contains(where: { $0 >= first && $0 <= last }) {
        missed.append(MissedWeek(programmeWeek: week, firstDay: first, lastDay: last))
      }
    }
    guard let latest = missed.last else { return nil }
    let list =
      missed.count == 1
      ? "programme week \(latest.programmeWeek) (\(latest.firstDay) to \(latest.lastDay))"
      : "programme weeks \(missed.map { String($0.programmeWeek) }.joined(separator: ", "))"
    let message =
      "No check-in for \(list): progress can't be judged without the measures, so other flags may be missing."
    return FlagEngine.Judgement(
      kind: .missedCheckin, message: message, evidence: FlagEvidence(missedWeeks: missed),
      suggestsClinician: false, remedy: .addCheckin(latest))
  }

  /// `pain 5 → 4.5, MCID 1.5`.
  static func summary(_ item: MeasureEvidence) -> String {
    "\(FlagText.name(of: item.measure)) \(FlagText.number(item.baseline)) → \(FlagText.number(item.latest)) against an MCID of \(FlagText.number(item.mcid, decimals: 2))"
  }
}
