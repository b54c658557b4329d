/// The programme as of a day, for `rehabit programme show` and the app's Programme screen:
/// each treatment with what is in force then, the dose of that day's programme week, and the
/// revisions that made it so.
public struct ProgrammeOverview: Hashable, Sendable {
  public struct TreatmentLine: Hashable, Sendable {
    /// As in force on the day (revised dose, schedule and side; `dose` is the dose its
    /// progression counts from).
    public var treatment: Treatment
    public var status: TreatmentStatus
    /// The dose of a session in the day's programme week (progression and pain holds
    /// applied, no step down); nil outside the programme or the treatment's weeks.
    public var dose: PrescribedDose?
    /// The progression in force (a staged one stops at a revised dose, R-REV-DOSE).
    public var progression: Progression?
    /// The programme week the progression counts from.
    public var progressionFromWeek: Int
    /// The revisions in force on the day that touched it, in effective order.
    public var revisions: [ProgrammeRevision]

    public init(
      treatment: Treatment, status: TreatmentStatus, dose: PrescribedDose?,
      progression: Progression?, progressionFromWeek: Int, revisions: [ProgrammeRevision]
    ) {
      self.treatment = treatment
      self.status = status
      self.dose = dose
      self.progression = progression
      self.progressionFromWeek = progressionFromWeek
      self.revisions = revisions
    }
  }

  public var day: CalendarDay
  public var start: CalendarDay
  public var end: CalendarDay
  public var weeks: Int
  /// The programme week of `day`; nil outside the programme.
  public var programmeWeek: Int?
  public var title: String
  public var treatments: [TreatmentLine]
  /// Every revision, in the order recorded (also those taking effect after `day`).
  public var revisions: [ProgrammeRevision]

  /// `programme` on `day`, with the pain entries up to the day for its holds (R-PAIN-HOLD).
  public init(programme: Programme, day: CalendarDay, pain: [PainEntry]) {
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance(pain)
    let byId = Dictionary(programme.revisions.map { ($0.id, $0) }) { first, _ in first }
    self.day = day
    start = programme.start
    end = programme.end
    weeks = programme.weeks
    programmeWeek = programme.programmeWeek(of: day)
    title = programme.plan.title
    revisions = programme.revisions
    treatments = programme.inForce(on: day).treatments.map { current in
      TreatmentLine(
        treatment: current.treatment, status: current.status,
        dose: scheduler.plannedDose(for: current.treatment, on: day, guidance: guidance),
        progression: current.progression, progressionFromWeek: current.progressionFromWeek,
        revisions: current.revisionIds.compactMap { byId[$0] })
    }
  }
}
