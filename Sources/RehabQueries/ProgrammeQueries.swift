import RehabCore
import RehabStore

/// The programme and its revisions: what `rehabit programme …` and the app's Programme screen
/// ask. Values only; each front end words them.
extension ProgressQueries {
  /// The programme as of `day`: each treatment in force with the dose of the day's programme
  /// week (pain holds up to the day applied) and the revisions that touched it.
  public func programme(on day: CalendarDay) throws(StoreError) -> ProgrammeOverview {
    let through = max(programme.start, min(day, programme.end))
    let weeks = try store.readableWeeks(
      from: programme.start, through: through, required: [], damaged: damaged)
    let pain = weeks.flatMap { week in
      week.pain.filter { $0.day >= programme.start && $0.day <= day }.map(\.painEntry)
    }
    return ProgrammeOverview(programme: programme, day: day, pain: pain)
  }

  /// Every revision, in the order recorded.
  public var revisionHistory: [ProgrammeRevision] { programme.revisions }

  /// Why `revision` cannot be added to the programme as read; empty when it can.
  public func problems(of revision: ProgrammeRevision) -> [ProgrammeProblem] {
    RevisionCheck.problems(adding: revision, to: programme)
  }

  /// The `days` checklists from `revision`'s effective day (or `from`), now and with the
  /// revision applied, without saving anything.
  public func preview(
    _ revision: ProgrammeRevision, from: CalendarDay? = nil, days: Int = 7
  ) throws(StoreError) -> RevisionPreview {
    let first = from ?? revision.effective
    let last = first.adding(days: max(1, days) - 1)
    let problems = problems(of: revision)
    var revised = programme
    if problems.isEmpty { revised.revisions.append(revision) }
    let weeks = try store.readableWeeks(
      from: programme.start, through: max(programme.start, last), required: [], damaged: damaged)
    func checklists(_ programme: Programme) -> [DayChecklist] {
      let scheduler = Scheduler(programme: programme)
      return (0..<max(1, days)).map { offset in
        let day = first.adding(days: offset)
        let pain = weeks.flatMap { week in
          week.pain.filter { $0.day >= programme.start && $0.day <= day }.map(\.painEntry)
        }
        let week = weeks.first { $0.week == ISOWeek(containing: day) }
        return DayChecklist(
          programme: programme, day: day, items: scheduler.checklist(for: day, pain: pain),
          week: week)
      }
    }
    return RevisionPreview(
      revision: revision, problems: problems, current: checklists(programme),
      revised: checklists(revised))
  }

  /// Whether the latest revision can be taken back now (R-REV-UNDO).
  public func undoStatus() throws(StoreError) -> RevisionUndo {
    try store.undoVerdict(programme)
  }
}
