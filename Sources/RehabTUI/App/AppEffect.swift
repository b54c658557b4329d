import RehabCore

/// What the app asks the outside world to do, as data, so tests can compare effects. The runner
/// performs them through `ProgressStore` and reports back with `.saved`, `.saveFailed` or
/// `.dayLoaded`.
///
/// Records carry an empty `at` when the runner should stamp them with the time of the write.
///
/// Item writes are compare-and-swaps: `expected` is the stored record the user acted on (what
/// the screen showed; nil for none). When the file holds another record, the store writes
/// nothing and the runner reports `.changedElsewhere`.
public enum AppEffect: Equatable, Sendable {
  /// `ProgressStore.setStatus(…, expected:)`: done, skipped (with a reason) or back to pending.
  case setStatus(
    ItemStatus, itemId: String, day: CalendarDay, reason: String?, expected: ItemRecord?)
  /// `ProgressStore.restore(…, expected:)`: an item's record exactly as it was (undo), only if
  /// the file still holds `expected`, the record this app wrote.
  case restore(ItemRecord?, itemId: String, day: CalendarDay, expected: ItemRecord?)
  /// `ProgressStore.addPain`: the runner reports the entry as stored, with its id.
  case addPain(PainRecord)
  /// `ProgressStore.addNote`: the runner reports the note as stored, with its id.
  case addNote(NoteRecord)
  /// `ProgressStore.remove(…, expected:)`: a recorded removal (a tombstone) of a pain entry,
  /// note or check-in, only while the file holds it exactly as the screen showed it.
  case removeRecord(LoggedRecord)
  /// Undo of a change of pain entries, notes or check-ins (`ProgressStore.reinstate(…,
  /// expected:)`): removes `remove` and puts back `reinstate`, only while the files hold
  /// `remove` as this app wrote it and `reinstate` removed with these tombstones (this app's).
  case undoRecords(remove: [LoggedRecord], reinstate: [LoggedRecord], tombstones: [RemovedRecord])
  /// Starts the programme (never replaces one).
  case saveProgramme(Programme)
  /// Reads programme.json again (another process may have replaced it).
  case loadProgramme
  /// Reads the day's items, the week's adherence and the flags.
  case loadDay(CalendarDay)
  /// Reads an ISO week for the Week screen, judged as of today or the week's last day.
  case loadWeek(ISOWeek)
  /// Reads one item's card (`ProgressQueries.card`) for the card screen.
  case loadCard(itemId: String, day: CalendarDay)
  /// Reads what the pain form needs for pain logged on the day (`ProgressQueries.painContext`).
  case loadPainContext(CalendarDay)
  /// `ProgressRecording.saveCheckin`: the week's check-in, replacing an earlier one.
  case saveCheckin(Checkin)
  /// Reads the programme as of the day (`ProgressQueries.programme(on:)`) for the Programme
  /// screen.
  case loadProgrammeOverview(CalendarDay)
  /// The next 7 days from the revision's effective day, now and with it
  /// (`ProgressQueries.preview`); the runner stamps an empty `at`.
  case previewRevision(ProgrammeRevision)
  /// `ProgressStore.addRevision(_:expected:)`: appends the revision only while programme.json
  /// holds `expected`, the programme it was judged and previewed against.
  case addRevision(ProgrammeRevision, expected: Programme)
  /// `ProgressStore.undoLatestRevision(expected:)`: takes back `revision` (this app's, the
  /// latest) only while programme.json holds `expected` and no day it governs is logged.
  case undoRevision(ProgrammeRevision, expected: Programme)
  /// Renders the export (`ExportDocument`, as of today) and writes it to `path` (absolute) with
  /// `ExportFile.write`; an existing file is replaced only when `replacing`.
  case export(ExportFormat, path: String, replacing: Bool)
  /// Rings the terminal bell (a guided session's step changed).
  case bell
  case quit

  /// Whether the effect writes to the data directory (and may fail and be retried).
  public var isWrite: Bool {
    switch self {
    case .setStatus, .restore, .addPain, .addNote, .removeRecord, .undoRecords, .saveProgramme,
      .saveCheckin, .export, .addRevision, .undoRevision:
      true
    case .loadProgramme, .loadDay, .loadWeek, .loadCard, .loadPainContext, .bell, .quit,
      .loadProgrammeOverview, .previewRevision:
      false
    }
  }

  /// The item a status write concerns.
  var statusTarget: (itemId: String, day: CalendarDay)? {
    switch self {
    case .setStatus(_, let itemId, let day, _, _), .restore(_, let itemId, let day, _):
      (itemId, day)
    default: nil
    }
  }

  /// The record a status write expects to find.
  var expectedRecord: ItemRecord? {
    switch self {
    case .setStatus(_, _, _, _, let expected), .restore(_, _, _, let expected): expected
    default: nil
    }
  }

  /// The same status write, made against `expected` instead (a queued write it replaces never
  /// happened, so the file still holds what that one expected).
  func expecting(_ expected: ItemRecord?) -> AppEffect {
    switch self {
    case .setStatus(let status, let itemId, let day, let reason, _):
      .setStatus(status, itemId: itemId, day: day, reason: reason, expected: expected)
    case .restore(let record, let itemId, let day, _):
      .restore(record, itemId: itemId, day: day, expected: expected)
    default: self
    }
  }

  /// The queued writes an undo takes back when they never landed: a pain entry or note with
  /// no id yet (its add is still queued), a record with no tombstone (its removal is still
  /// queued). nil for every other effect.
  var queuedWritesUndone: [AppEffect]? {
    guard case .undoRecords(let remove, let reinstate, let tombstones) = self else { return nil }
    var queued: [AppEffect] = []
    for record in remove where record.id.isEmpty {
      switch record {
      case .pain(let pain): queued.append(.addPain(pain))
      case .note(let note): queued.append(.addNote(note))
      case .checkin: break
      }
    }
    for record in reinstate where !tombstones.contains(where: { $0.id == record.id }) {
      queued.append(.removeRecord(record))
    }
    return queued.isEmpty ? nil : queued
  }

  /// A status write that would store what it expects to find: nothing to do.
  var changesNothing: Bool {
    switch self {
    case .setStatus(.pending, _, _, _, let expected): expected == nil
    case .restore(let record, _, _, let expected): record == expected
    default: false
    }
  }
}
