/// Whether the latest revision can be taken back (R-REV-UNDO): only while no day it governs
/// has been logged, i.e. no item of a treatment it touches has a record on or after its
/// effective day. Otherwise the record would silently change meaning; a new revision is the
/// way to change course instead.
public enum RevisionUndo: Hashable, Sendable {
  /// There is no revision to take back.
  case nothingToUndo
  case allowed(ProgrammeRevision)
  /// `day` is the first day on or after the effective day with an item record of a touched
  /// treatment.
  case logged(ProgrammeRevision, firstLoggedDay: CalendarDay)

  /// The answer for `programme`'s latest revision, given the progress weeks from its
  /// effective day on (other weeks are ignored).
  public static func judge(_ programme: Programme, weeks: [ProgressWeek]) -> RevisionUndo {
    guard let latest = programme.revisions.last else { return .nothingToUndo }
    let touched = latest.treatmentId.map { Set([$0]) }
    var first: CalendarDay?
    for week in weeks {
      for (id, record) in week.items where record.status != .pending {
        guard let parsed = ChecklistItem.parseID(id), parsed.day >= latest.effective,
          touched?.contains(parsed.treatmentId) ?? true
        else { continue }
        if first.map({ parsed.day < $0 }) ?? true { first = parsed.day }
      }
    }
    if let first { return .logged(latest, firstLoggedDay: first) }
    return .allowed(latest)
  }
}
