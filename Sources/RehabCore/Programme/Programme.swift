/// A running programme: a plan tied to a start day, a length and the affected side.
/// This is what `programme.json` holds, so later template edits never change a running programme.
/// A clinician's changes are `revisions` on top of the plan, never edits of it, so the days
/// before a change keep the doses they had (R-REV-EFFECTIVE).
public struct Programme: Hashable, Sendable {
  /// Version 2 added `revisions`; version 1 files read as having none. Version 3 added the
  /// merge's fields (`by` on revisions, `removedRevisions`, `supersededRevisions`); version 2
  /// files read as having none, their revisions as written by the unknown machine.
  public static let schemaVersion = 3
  public static let readableSchemaVersions = 1...3

  public var plan: ProgrammePlan
  public var start: CalendarDay
  /// The length chosen at the start, before any `extend` revision.
  public var initialWeeks: Int
  public var affectedSide: Side
  /// In the order they were recorded.
  public var revisions: [ProgrammeRevision]
  /// Tombstones of revisions taken back (`programme undo`), so the undo travels in a sync
  /// instead of the revision coming back from another machine's copy.
  public var removedRevisions: [RemovedRecord]
  /// Revisions two machines made that no longer fit once merged (e.g. both paused the same
  /// treatment): kept out of force but kept, so nothing a clinician entered is lost
  /// (`ProgrammeMerge`).
  public var supersededRevisions: [ProgrammeRevision]

  public init(
    plan: ProgrammePlan, start: CalendarDay, weeks: Int? = nil, affectedSide: Side,
    revisions: [ProgrammeRevision] = [], removedRevisions: [RemovedRecord] = [],
    supersededRevisions: [ProgrammeRevision] = []
  ) {
    self.removedRevisions = removedRevisions
    self.supersededRevisions = supersededRevisions
    self.plan = plan
    self.start = start
    self.initialWeeks = weeks ?? plan.weeks
    self.affectedSide = affectedSide
    self.revisions = revisions
  }

  /// The length in weeks, with every `extend` revision counted: an extension takes effect the
  /// day after the old end, so it changes no earlier day.
  public var weeks: Int {
    get { initialWeeks + extensionWeeks }
    set { initialWeeks = newValue - extensionWeeks }
  }

  /// The weeks added by `extend` revisions.
  public var extensionWeeks: Int {
    revisions.reduce(0) { total, revision in
      if case .extend(let weeks) = revision.change { return total + weeks }
      return total
    }
  }

  /// Every treatment the programme ever had: the plan's, then those added by revisions, each
  /// as first prescribed (what `treatment(id:on:)` revises).
  public var allTreatments: [Treatment] {
    plan.treatments
      + revisions.compactMap { revision in
        if case .add(let treatment) = revision.change, plan.treatment(id: treatment.id) == nil {
          return treatment
        }
        return nil
      }
  }

  /// The treatment with `id` as last revised (names and kinds never change): for labels.
  public func treatment(id: String) -> Treatment? {
    afterAllRevisions.first { $0.id == id }?.treatment
  }

  /// The treatment with `id` as the revisions in force on `day` leave it (removed or paused
  /// ones too); nil when it is not part of the programme on that day.
  public func treatment(id: String, on day: CalendarDay) -> Treatment? {
    inForce(on: day).treatment(id: id)?.treatment
  }

  /// The last day of the programme.
  public var end: CalendarDay { start.adding(days: weeks * 7 - 1) }

  public func contains(_ day: CalendarDay) -> Bool { day >= start && day <= end }

  /// 1-based programme week of `day`, nil outside the programme.
  public func programmeWeek(of day: CalendarDay) -> Int? {
    guard contains(day) else { return nil }
    return start.days(until: day) / 7 + 1
  }

  /// The first day of programme week `week`.
  public func firstDay(ofWeek week: Int) -> CalendarDay {
    start.adding(days: (week - 1) * 7)
  }
}

extension Programme: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case schemaVersion, plan, start, weeks, affectedSide, revisions, removedRevisions
    case supersededRevisions
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.requireSchemaVersion(
      in: Programme.readableSchemaVersions, forKey: .schemaVersion)
    // Version 1 (before revisions) migrates on read: no revisions. Its `weeks` was the length.
    let revisions =
      version >= 2
      ? try container.decode([ProgrammeRevision].self, forKey: .revisions)
      : try container.decodeIfPresent([ProgrammeRevision].self, forKey: .revisions) ?? []
    self.init(
      plan: try container.decode(ProgrammePlan.self, forKey: .plan),
      start: try container.decode(CalendarDay.self, forKey: .start),
      weeks: try container.decode(Int.self, forKey: .weeks),
      affectedSide: try container.decode(Side.self, forKey: .affectedSide),
      revisions: revisions,
      removedRevisions: try container.decodeIfPresent(
        [RemovedRecord].self, forKey: .removedRevisions) ?? [],
      supersededRevisions: try container.decodeIfPresent(
        [ProgrammeRevision].self, forKey: .supersededRevisions) ?? [])
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Programme.schemaVersion, forKey: .schemaVersion)
    try container.encode(plan, forKey: .plan)
    try container.encode(start, forKey: .start)
    // The length as chosen at the start; `extend` revisions add to it when read.
    try container.encode(initialWeeks, forKey: .weeks)
    try container.encode(affectedSide, forKey: .affectedSide)
    try container.encode(revisions, forKey: .revisions)
    // Written only when there are some: most programmes never see a merge.
    if !removedRevisions.isEmpty {
      try container.encode(removedRevisions, forKey: .removedRevisions)
    }
    if !supersededRevisions.isEmpty {
      try container.encode(supersededRevisions, forKey: .supersededRevisions)
    }
  }
}
