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
  /// A write effect succeeded.
  case saved(AppEffect)
  /// A write effect failed with this one-line reason.
  case saveFailed(AppEffect, String)
}
