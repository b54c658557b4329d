import RehabCore
import TerminalUI

/// What the user wants (from a key) or what happened (from the runner). `update` turns each into
/// a new state and a list of effects.
public enum AppAction: Equatable, Sendable {
  // MARK: Today screen
  case moveUp
  case moveDown
  case moveToFirst
  case moveToLast
  /// Done ⇄ not done (a skipped item becomes done).
  case toggleSelectedItem
  /// Opens the skip-reason form for the selected item.
  case skipSelectedItem
  /// Opens the pain form.
  case logPain
  /// Opens the note form.
  case addNote
  case previousDay
  case nextDay
  case goToToday
  /// Takes back the last status change.
  case undo
  /// Opens the Week screen on the week of the day shown.
  case showWeek
  /// Opens the check-in form for the week of the day shown.
  case openCheckin
  /// Opens the Export dialog.
  case openExport

  // MARK: Week screen
  case previousWeek
  case nextWeek
  case goToThisWeek
  /// Scrolls the Week screen by this many rows.
  case scrollWeek(Int)
  /// Back to the Today screen.
  case back

  // MARK: Check-in form and Export dialog
  case nextField
  case previousField
  /// The form's save key: saves from any field.
  case saveForm
  /// Another export format (±1 through `ExportFormat.allCases`).
  case changeExportFormat(Int)
  /// "Replace? y/n" answered yes.
  case confirmReplace

  // MARK: Anywhere
  case showHelp
  case closeHelp
  case scrollHelp(Int)
  case quit

  // MARK: Forms (modal first)
  /// A key for the open text field.
  case editText(Key)
  /// Enter: save the form, or go to the next wizard step.
  case submit
  /// Esc: close the form, or go back a wizard step.
  case cancel
  case setPainLevel(Int)
  case changePainLevel(Int)
  case togglePainTiming
  /// Pain or note about the selected item rather than the whole day.
  case toggleAboutItem

  // MARK: From the terminal and the runner
  case resize(Size)
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
  /// A write effect failed with this one-line reason.
  case saveFailed(AppEffect, String)
}
