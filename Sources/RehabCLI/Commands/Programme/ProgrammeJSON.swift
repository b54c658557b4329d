import RehabCore
import RehabStore

/// `programme show --json` and `programme history --json`, in the shapes docs/PRODUCT.md
/// promises scripts.
enum ProgrammeJSON {
  struct Overview: Encodable {
    let date: CalendarDay
    @Nullable var programmeWeek: Int?
    let programme: String
    let title: String
    let start: CalendarDay
    let end: CalendarDay
    let weeks: Int
    let treatments: [TreatmentLine]
    let revisions: [Revision]

    init(_ overview: ProgrammeOverview, programme: Programme) {
      date = overview.day
      programmeWeek = overview.programmeWeek
      self.programme = programme.plan.id
      title = overview.title
      start = overview.start
      end = overview.end
      weeks = overview.weeks
      treatments = overview.treatments.map { TreatmentLine($0, programme: programme) }
      revisions = overview.revisions.map { Revision($0, programme: programme) }
    }
  }

  struct TreatmentLine: Encodable {
    let id: String
    let name: String
    let kind: TreatmentKind
    /// `active`, `paused` or `removed`.
    let status: String
    /// The last paused day; null while active or when paused until resumed.
    @Nullable var pausedUntil: CalendarDay?
    /// The dose of the day's programme week (progression and pain holds applied); null outside
    /// the programme or the treatment's weeks.
    @Nullable var dose: String?
    /// The dose progression counts from (the template's, the added one or the latest revised).
    let baseDose: Dose
    let schedule: Schedule
    let scheduleText: String
    let side: SideRule
    let sides: [Side]
    @Nullable var weeks: WeekRange?
    @Nullable var progression: Progression?
    let progressionFromWeek: Int
    /// Ids of the revisions in force on the day that touched it.
    let revisions: [String]

    init(_ line: ProgrammeOverview.TreatmentLine, programme: Programme) {
      let treatment = line.treatment
      id = treatment.id
      name = treatment.name
      kind = treatment.kind
      switch line.status {
      case .active: status = "active"
      case .paused(let until):
        status = "paused"
        pausedUntil = until
      case .removed: status = "removed"
      }
      dose = line.dose?.text
      baseDose = treatment.dose
      schedule = treatment.schedule
      scheduleText = ItemCardText.scheduleWords(treatment.schedule, plan: programme.plan)
      side = treatment.side
      sides = treatment.side.sides(affected: programme.affectedSide)
      weeks = treatment.weeks
      progression = line.progression
      progressionFromWeek = line.progressionFromWeek
      revisions = line.revisions.map(\.id)
    }
  }

  struct History: Encodable {
    let revisions: [Revision]
  }

  /// A revision as stored (`programme.json`), with its kinds and a line of text.
  struct Revision: Encodable {
    let revision: ProgrammeRevision
    let kinds: [RevisionKind]
    let text: String

    init(_ revision: ProgrammeRevision, programme: Programme) {
      self.revision = revision
      kinds = revision.kinds
      text = RevisionText.change(revision, programme: programme)
    }

    private enum CodingKeys: String, CodingKey { case kinds, text }

    func encode(to encoder: any Encoder) throws {
      try revision.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kinds, forKey: .kinds)
      try container.encode(text, forKey: .text)
    }
  }
}
