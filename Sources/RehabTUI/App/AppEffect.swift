import RehabCore

/// What the app asks the outside world to do, as data, so tests can compare effects. The runner
/// performs them through `ProgressStore` and reports back with `.saved`, `.saveFailed` or
/// `.dayLoaded`.
///
/// Records carry an empty `at` when the runner should stamp them with the time of the write.
public enum AppEffect: Equatable, Sendable {
  /// `ProgressStore.setStatus`: done, skipped (with a reason) or back to pending.
  case setStatus(ItemStatus, itemId: String, day: CalendarDay, reason: String?)
  /// `ProgressStore.restore`: an item's record exactly as it was (undo).
  case restore(ItemRecord?, itemId: String, day: CalendarDay)
  case addPain(PainRecord)
  case addNote(NoteRecord)
  /// Starts the programme (never replaces one).
  case saveProgramme(Programme)
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
  /// Renders the export (`ExportDocument`, as of today) and writes it to `path` (absolute) with
  /// `ExportFile.write`; an existing file is replaced only when `replacing`.
  case export(ExportFormat, path: String, replacing: Bool)
  /// Rings the terminal bell (a guided session's step changed).
  case bell
  case quit

  /// Whether the effect writes to the data directory (and may fail and be retried).
  public var isWrite: Bool {
    switch self {
    case .setStatus, .restore, .addPain, .addNote, .saveProgramme, .saveCheckin, .export: true
    case .loadDay, .loadWeek, .loadCard, .loadPainContext, .bell, .quit: false
    }
  }

  /// The item a status write concerns.
  var statusTarget: (itemId: String, day: CalendarDay)? {
    switch self {
    case .setStatus(_, let itemId, let day, _), .restore(_, let itemId, let day):
      (itemId, day)
    default: nil
    }
  }
}
