import RehabCore
import RehabStore
import TerminalUI

/// Everything the app shows, as a plain value: `update` changes it, `render` draws it.
public struct AppState: Equatable, Sendable {
  /// Below this the screens cannot be laid out; a "too small" screen says so.
  public static let minimumSize = Size(width: 60, height: 16)

  /// The screen under any overlay.
  public var screen: Screen
  /// Today in the local time zone, from the runner's clock (it moves on at midnight).
  public var today: CalendarDay
  /// The terminal size as last reported: the Today list keeps its selection within its height.
  public var size: Size
  /// nil until a programme exists (the setup wizard is showing). The current (latest)
  /// programme of the folder, the one `programme.json` holds.
  public var programme: Programme?
  /// The folder's earlier programmes (phases), oldest first: a day of one of them is shown
  /// with it (`programme(on:)`).
  public var earlierProgrammes: [Programme] = []
  /// The Today screen: the day shown, its checklist, the selection, a form open over it. It
  /// stays under every other screen, which return to it.
  public var todayScreen: TodayState
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
  /// The latest monotonic time the runner reported, in seconds (the guided session's clock).
  public var now: Double
  /// Whether a guided session rings the bell at each step (`--no-bell`, `REHABIT_NO_BELL`).
  public var bellEnabled: Bool

  public init(
    today: CalendarDay, size: Size, programme: Programme?, templates: [ProgrammeTemplate] = [],
    exportDirectory: String = "/tmp", homeDirectory: String? = nil
  ) {
    self.today = today
    self.size = size
    self.programme = programme
    self.todayScreen = TodayState(day: today)
    self.screen =
      programme == nil ? .setup(SetupWizard(templates: templates, today: today)) : .today
    self.unsaved = []
    self.message = nil
    self.help = nil
    self.quitArmed = false
    self.isFinished = false
    self.exportDirectory = exportDirectory
    self.homeDirectory = homeDirectory
    self.now = 0
    self.bellEnabled = true
  }

  /// The state to start with and the effects that fill it (loading today's list).
  public static func launch(
    today: CalendarDay, size: Size, programme: Programme?, templates: [ProgrammeTemplate],
    exportDirectory: String = "/tmp", homeDirectory: String? = nil
  ) -> (AppState, [AppEffect]) {
    let state = AppState(
      today: today, size: size, programme: programme, templates: templates,
      exportDirectory: exportDirectory, homeDirectory: homeDirectory)
    // The folder's programmes are read first, so a day of an earlier one shows with it.
    return (state, programme == nil ? [] : [.loadProgramme, .loadDay(today)])
  }

  /// Milliseconds until the screen must be drawn again without a key (a countdown's next
  /// second); nil when nothing is due.
  public var wakeUpMilliseconds: Int? {
    if case .session(let session) = screen { return session.millisecondsToNextSecond }
    return nil
  }

  public var isTooSmall: Bool {
    size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height
  }

  /// Every programme of the folder, the current one last; nil before there is one.
  public var timeline: ProgrammeTimeline? {
    programme.map { ProgrammeTimeline(current: $0, earlier: earlierProgrammes) }
  }

  /// The programme that ran on `day` (`ProgrammeTimeline.programme(on:)`): what a screen
  /// about that day shows.
  public func programme(on day: CalendarDay) -> Programme? { timeline?.programme(on: day) }

  /// What the screens' reducers may read of the app.
  var context: ScreenContext {
    ScreenContext(
      today: today, programme: programme, size: size, day: todayScreen.day,
      exportDirectory: exportDirectory, homeDirectory: homeDirectory, now: now,
      bellEnabled: bellEnabled, earlierProgrammes: earlierProgrammes)
  }
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
