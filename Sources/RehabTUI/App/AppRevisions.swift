import RehabCore
import RehabStore

/// What became of a revision write (`AppEffect.addRevision`, `.undoRevision`).
public enum RevisionOutcome: Equatable, Sendable {
  /// Appended; the programme as stored, whose last revision is the new one.
  case saved(Programme)
  /// Taken back; the programme as stored and the revision removed.
  case undone(Programme, ProgrammeRevision)
  /// programme.json changed since it was read (nil: it is gone or unreadable); nothing written.
  case changedElsewhere(Programme?)
  /// The store would not take the revision back (`RevisionUndo`): nothing written.
  case undoRefused(RevisionUndo)
}

extension AppEffect {
  /// A write of programme.json's revisions: never queued and retried blindly, since the
  /// programme it was judged against may have changed (compare-and-swap instead).
  var isRevisionWrite: Bool {
    switch self {
    case .addRevision, .undoRevision: true
    default: false
    }
  }
}

/// Revisions written from the Programme screen and taken back with `u` on Today: the app
/// shows the programme as stored after each, and never overwrites another writer's.
extension AppState {
  mutating func revisionWritten(_ effect: AppEffect, _ outcome: RevisionOutcome) -> [AppEffect] {
    switch outcome {
    case .saved(let stored):
      programme = stored
      guard let revision = stored.revisions.last else { return [.loadDay(todayScreen.day)] }
      todayScreen.pushUndo(
        UndoEntry(
          .programmeRevised(revision),
          label: ProgrammeText.describe(revision, programme: stored)))
      var effects: [AppEffect] = []
      if case .programme = screen { effects += apply(.programme(.saved(revision))) }
      return effects + [.loadDay(todayScreen.day)]
    case .undone(let stored, let removed):
      // Named from the programme that still had it (a treatment it added is gone after).
      let current = programme
      programme = stored
      message = StatusMessage(
        "Undone: \(ProgrammeText.short(removed, programme: current ?? stored)) is taken back.")
      return reloadShown().filter { $0 != .loadProgramme }
    case .changedElsewhere(let found):
      if let found { programme = found }
      let undoing: Bool
      if case .undoRevision = effect { undoing = true } else { undoing = false }
      message = .error(
        undoing
          ? "Not undone: the programme was changed elsewhere; nothing was written."
          : "Not saved: the programme was changed elsewhere meanwhile; showing it now, check the change again."
      )
      var effects: [AppEffect] = []
      if !undoing, case .programme = screen { effects += apply(.programme(.changedElsewhere)) }
      return effects + reloadShown().filter { $0 != .loadProgramme && !effects.contains($0) }
    case .undoRefused(let reason):
      message = .error(AppState.undoRefusal(reason, programme: programme))
      return []
    }
  }

  /// A revision write failed for another reason (the disk, a problem the store found): the
  /// preview stays open with the reason, or the message line says it; nothing is queued.
  mutating func revisionFailed(_ effect: AppEffect, reason: String) -> [AppEffect] {
    if case .addRevision = effect, case .programme = screen {
      return apply(.programme(.saveFailed(reason)))
    }
    let undoing: Bool
    if case .undoRevision = effect { undoing = true } else { undoing = false }
    message = .error(undoing ? "Not undone: \(reason)" : "Not saved: \(reason)")
    return []
  }

  /// Why `u` cannot take the revision back, with what to do instead (R-REV-UNDO).
  static func undoRefusal(_ reason: RevisionUndo, programme: Programme?) -> String {
    let open = TodayScreen.keyLabel(for: .openProgramme)
    switch reason {
    case .nothingToUndo:
      return "Not undone: the programme has no change to take back."
    case .allowed(let revision):
      return "Not undone: \(ProgrammeText.describe(revision, programme: programme))."
    case .logged(let revision, let day):
      return
        "Not undone: \(day.labelWithWeekday) is logged under the change from \(revision.effective.labelWithWeekday); change it again with \(open) instead."
    }
  }
}
