import RehabCore
import RehabStore
import TerminalUI

/// What the user wants (from a key) or what happened (from the runner). Each screen's actions
/// are nested under its case; the rest concern the whole app. `update` turns each into a new
/// state and a list of effects.
public enum AppAction: Equatable, Sendable {
  // MARK: Screens
  case today(TodayAction)
  case week(WeekAction)
  case checkin(CheckinAction)
  case export(ExportAction)
  case card(CardAction)
  case setup(SetupAction)
  case session(SessionAction)
  case programme(ProgrammeAction)
  /// The help overlay, over any screen.
  case help(HelpAction)
  /// A screen registered from outside the app's own list (see `PluginScreen`).
  case plugin(PluginAction)

  // MARK: Anywhere
  case quit

  // MARK: From the terminal and the runner
  case resize(Size)
  /// The runner's monotonic clock, in seconds, before each event (the guided session's timers).
  case now(Double)
  /// The scroll offsets the last frame showed (offsets past the end come back to the end).
  case scrollShown(ShownScroll)
  /// The wait timed out: retry unsaved changes.
  case tick
  /// The clock passed midnight.
  case dayChanged(CalendarDay)
  case dayLoaded(LoadedDay)
  case loadFailed(CalendarDay, String)
  case weekLoaded(WeekSummary)
  case weekLoadFailed(ISOWeek, String)
  /// What became of an `.export` effect.
  case exportFinished(ExportOutcome)
  /// A write effect succeeded.
  case saved(AppEffect)
  /// An item write succeeded and the file now holds exactly this record (nil: none): what this
  /// app wrote, which its undo may later take back.
  case itemSaved(AppEffect, ItemRecord?)
  /// An item write found another record than the one it was made against: another process
  /// changed it. Nothing was written; `found` is what the file holds.
  case changedElsewhere(AppEffect, found: ItemRecord?)
  /// A pain entry or note was added; the file holds it as `stored` (with the id the store
  /// gave it), which undo may later remove.
  case recordAdded(AppEffect, LoggedRecord)
  /// A removal landed, leaving this tombstone (undo puts the record back while it is there).
  case recordRemoved(AppEffect, RemovedRecord)
  /// A check-in was saved: as stored, and what it replaced (undo puts that back).
  case checkinSaved(AppEffect, CheckinSave)
  /// A removal or an undo of pain entries, notes or check-ins found a record otherwise than it
  /// expected: another process changed it. Nothing was written.
  case recordChangedElsewhere(AppEffect, found: RecordChanged.Found)
  /// Another process changed the data folder: read what is shown again.
  case filesChanged
  /// The folder's programmes as read again: programme.json and the earlier ones (nil: there
  /// is none now).
  case programmeLoaded(ProgrammeTimeline?)
  /// A programme revision was written or taken back, or the store refused (`.addRevision`,
  /// `.undoRevision`).
  case revisionWritten(AppEffect, RevisionOutcome)
  /// A write effect failed with this one-line reason.
  case saveFailed(AppEffect, String)
}
