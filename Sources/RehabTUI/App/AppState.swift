import RehabCore
import RehabStore
import TerminalUI

/// Everything the app shows, as a plain value: `update` changes it, `render` draws it.
public struct AppState: Equatable, Sendable {
  /// Below this the screens cannot be laid out; a "too small" screen says so.
  public static let minimumSize = Size(width: 60, height: 16)
  /// How many changes `u` can take back.
  public static let undoLimit = 50

  /// The screen under any overlay.
  public var screen: Screen
  /// Today in the local time zone, from the runner's clock (it moves on at midnight).
  public var today: CalendarDay
  /// The terminal size as last reported, for layout decisions made in `update` (scrolling).
  public var size: Size
  /// nil until a programme exists (the setup wizard is showing).
  public var programme: Programme?
  /// The day the Today screen shows; never after `today`.
  public var day: CalendarDay
  /// The day's items as last loaded (plus unsaved changes); nil while loading.
  public var checklist: LoadedDay?
  /// Index into `checklist.entries` of the selected item.
  public var selection: Int
  /// First list row shown (rows include the kind headings).
  public var scrollOffset: Int
  /// An open form over the Today screen (skip reason, note, pain).
  public var modal: TodayModal?
  /// Status changes that can be taken back, newest last.
  public var undoStack: [UndoEntry]
  /// Writes that failed and are retried on the next change or tick; their changes stay on screen.
  public var unsaved: [AppEffect]
  /// The line above the status line: what just happened, or what went wrong.
  public var message: StatusMessage?
  /// The help overlay, when open.
  public var help: HelpOverlay?
  /// `q` was pressed once while changes were unsaved; a second `q` quits anyway.
  public var quitArmed: Bool
  /// The app has finished; the runner stops.
  public var isFinished: Bool
  /// Where the Export dialog suggests a file (the current directory, or the home directory).
  public var exportDirectory: String
  /// The home directory, for `~/` in an export path.
  public var homeDirectory: String?

  public init(
    today: CalendarDay, size: Size, programme: Programme?, templates: [ProgrammeTemplate] = [],
    exportDirectory: String = "/tmp", homeDirectory: String? = nil
  ) {
    self.today = today
    self.size = size
    self.programme = programme
    self.day = today
    self.screen =
      programme == nil ? .setup(SetupWizard(templates: templates, today: today)) : .today
    self.checklist = nil
    self.selection = 0
    self.scrollOffset = 0
    self.modal = nil
    self.undoStack = []
    self.unsaved = []
    self.message = nil
    self.help = nil
    self.quitArmed = false
    self.isFinished = false
    self.exportDirectory = exportDirectory
    self.homeDirectory = homeDirectory
  }

  /// The state to start with and the effects that fill it (loading today's list).
  public static func launch(
    today: CalendarDay, size: Size, programme: Programme?, templates: [ProgrammeTemplate],
    exportDirectory: String = "/tmp", homeDirectory: String? = nil
  ) -> (AppState, [AppEffect]) {
    let state = AppState(
      today: today, size: size, programme: programme, templates: templates,
      exportDirectory: exportDirectory, homeDirectory: homeDirectory)
    return (state, programme == nil ? [] : [.loadDay(today)])
  }

  public var isTooSmall: Bool {
    size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height
  }

  /// The selected item of the Today screen, if any.
  public var selectedEntry: TodayEntry? {
    guard let entries = checklist?.entries, entries.indices.contains(selection) else { return nil }
    return entries[selection]
  }
}

/// The screens of the app. Adding one is a case here, a key table in `AppKeys` and a branch in
/// `render`.
public enum Screen: Equatable, Sendable {
  /// The day's checklist (the main screen).
  case today
  /// First run: choose a template, start day, weeks and side, preview, confirm.
  case setup(SetupWizard)
  /// A week at a glance: the grid, adherence, measure trends, limb symmetry and flags.
  case week(WeekView)
  /// The weekly check-in form.
  case checkin(CheckinForm)
  /// The Export dialog, over the Today screen.
  case export(ExportDialog)
}

/// One line of feedback under the list.
public struct StatusMessage: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case info
    case error
  }

  public var text: String
  public var kind: Kind

  public init(_ text: String, kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }

  public static func error(_ text: String) -> StatusMessage { StatusMessage(text, kind: .error) }
}

/// A status change that `u` can take back: the item's record exactly as it was before.
public struct UndoEntry: Equatable, Sendable {
  public var itemId: String
  public var day: CalendarDay
  public var previous: ItemRecord?
  /// "Calf stretch (left)", for the message after undoing.
  public var label: String

  public init(itemId: String, day: CalendarDay, previous: ItemRecord?, label: String) {
    self.itemId = itemId
    self.day = day
    self.previous = previous
    self.label = label
  }
}
