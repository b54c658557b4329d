import FolderWatch
import RehabCore
import RehabQueries
import RehabStore
import TerminalUI

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The one impure loop: draw, wait for an event, map it to an action, update, perform the
/// effects through the store, feed their results back, redraw. Everything it decides is in
/// `update`; everything it shows is in `render`.
@MainActor
public final class AppRunner {
  public private(set) var state: AppState
  private let terminal: any Terminal
  private let store: ProgressStore
  private let clock: AppClock
  /// How long to wait for a key before checking the clock (midnight) and retrying saves.
  private let tickMilliseconds: Int
  /// Other processes' writes to the data folder: its descriptor is waited on with the keys.
  private let watch: FolderWatch?
  private var startupEffects: [AppEffect]

  /// `exportDirectory` is where the Export dialog suggests a file: by default the current
  /// directory when it can be written to, else the home directory.
  public init(
    terminal: any Terminal, store: ProgressStore, clock: AppClock, programme: Programme?,
    templates: [ProgrammeTemplate], tickMilliseconds: Int = 30_000,
    exportDirectory: String? = nil, bell: Bool = true, watch: FolderWatch? = nil
  ) {
    self.terminal = terminal
    self.store = store
    self.clock = clock
    self.tickMilliseconds = tickMilliseconds
    self.watch = watch
    let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    let (state, effects) = AppState.launch(
      today: clock.today(), size: terminal.size, programme: programme, templates: templates,
      exportDirectory: exportDirectory ?? AppRunner.defaultExportDirectory(home: home),
      homeDirectory: home)
    self.state = state
    self.state.bellEnabled = bell
    self.state.now = clock.monotonic()
    self.startupEffects = effects
  }

  /// Runs until the user quits or input ends.
  public func run() {
    start()
    while !state.isFinished {
      terminal.draw(render(state, size: terminal.size, capabilities: terminal.capabilities))
      settleScroll()
      guard
        let event = terminal.nextEvent(
          timeoutMilliseconds: waitMilliseconds(), watching: watch?.descriptor)
      else { break }
      handle(event)
    }
  }

  /// Performs the launch effects (loading today); `run` starts with it.
  public func start() {
    let effects = startupEffects
    startupEffects = []
    perform(effects)
  }

  /// Takes back what the frame showed of a scroll that ran past the end (`shownScroll` lays a
  /// body out again only when it is scrolled, so other frames cost nothing more).
  private func settleScroll() {
    let shown = shownScroll(state, size: terminal.size, capabilities: terminal.capabilities)
    if shown != ShownScroll() { send(.scrollShown(shown)) }
  }

  /// How long to wait for a key: until a countdown shows its next second (a guided session),
  /// else the tick that notices midnight and retries saves, or sooner for a watch that has no
  /// descriptor (stat polling, once a second). Never a busy loop.
  func waitMilliseconds() -> Int {
    send(.now(clock.monotonic()))
    let tick = min(tickMilliseconds, watch?.pollMilliseconds ?? tickMilliseconds)
    guard let due = state.wakeUpMilliseconds else { return tick }
    return min(tick, max(1, due))
  }

  /// One event from the terminal.
  public func handle(_ event: TerminalEvent) {
    send(.now(clock.monotonic()))
    switch event {
    case .key(let key):
      if let action = AppKeys.action(for: key, in: state) { send(action) }
    case .resize(let size):
      send(.resize(size))
    case .tick:
      let now = clock.today()
      if now != state.today { send(.dayChanged(now)) }
      send(.tick)
      // A polling watch is asked on each tick; inotify's also picks up a folder made since.
      if watch?.takeChanges() == true { send(.filesChanged) }
    case .filesChanged:
      // Without a watch (a scripted terminal) the event itself is the news.
      if watch?.takeChanges() ?? true { send(.filesChanged) }
    case .interrupt:
      break
    }
  }

  /// Applies an action and performs its effects, and theirs, in order.
  public func send(_ action: AppAction) {
    perform(state.apply(action))
  }

  private func perform(_ effects: [AppEffect]) {
    for effect in effects {
      if let result = perform(effect) { send(result) }
    }
  }

  /// The query layer for the current programme, with the folder's programmes as last read
  /// (nil while the setup wizard runs).
  private var queries: ProgressQueries? {
    state.timeline.map { ProgressQueries(store: store, programme: $0.current, timeline: $0) }
  }

  /// The query layer for the programme that ran on `day`, read without a file: the Today
  /// screen moved to a day of an earlier programme lists that programme's items, and a week
  /// of the later one sees the earlier one's last check-in.
  private func queries(on day: CalendarDay) -> ProgressQueries? { queries?.on(day) }

  /// Performs one effect; returns what happened, as an action.
  private func perform(_ effect: AppEffect) -> AppAction? {
    do {
      switch effect {
      case .setStatus(let status, let itemId, let day, let reason, let expected):
        let stored = try store.setStatus(
          status, ofItem: itemId, on: day, reason: reason, at: clock.timestamp(),
          expected: expected)
        return .itemSaved(effect, stored)
      case .restore(let record, let itemId, let day, let expected):
        let restored = record.map(stamped)
        try store.restore(restored, ofItem: itemId, on: day, expected: expected)
        return .itemSaved(effect, restored)
      case .addPain(var record):
        if record.at.isEmpty { record.at = clock.timestamp() }
        return .recordAdded(effect, .pain(try store.addPain(record)))
      case .addNote(var record):
        if record.at.isEmpty { record.at = clock.timestamp() }
        return .recordAdded(effect, .note(try store.addNote(record)))
      case .removeRecord(let record):
        let at = clock.timestamp()
        try store.remove([record.id], at: at, expected: RecordExpectation(live: [record]))
        return .recordRemoved(effect, RemovedRecord(id: record.id, at: at))
      case .undoRecords(let remove, let reinstate, let tombstones):
        try store.reinstate(
          reinstate, replacing: remove.map(\.id), at: clock.timestamp(),
          programmeStart: (reinstate + remove).first.flatMap { state.programme(on: $0.day) }?
            .start ?? state.programme?.start,
          expected: RecordExpectation(live: remove, removed: tombstones))
      case .saveProgramme(let programme):
        try store.saveProgramme(programme, replacing: false)
      case .loadProgramme:
        do {
          return .programmeLoaded(try store.loadTimeline())
        } catch {
          // A damaged or half-edited programme file: keep showing the one read before.
          return nil
        }
      case .loadDay(let day):
        do {
          guard let queries = queries(on: day) else { return nil }
          return .dayLoaded(try AppRunner.loadedDay(day, today: state.today, queries: queries))
        } catch {
          return .loadFailed(day, AppRunner.describe(error))
        }
      case .loadWeek(let week):
        do {
          guard let queries = queries(on: WeekSummary.asOf(week: week, today: state.today))
          else { return nil }
          return .weekLoaded(try queries.week(week, today: state.today))
        } catch {
          return .weekLoadFailed(week, AppRunner.describe(error))
        }
      case .loadCard(let itemId, let day):
        do {
          guard let queries = queries(on: day) else { return nil }
          guard let card = try queries.card(itemId, on: day) else {
            return .card(.loadFailed(itemId: itemId, reason: "it is not on the list of \(day)"))
          }
          return .card(.loaded(card))
        } catch {
          return .card(.loadFailed(itemId: itemId, reason: AppRunner.describe(error)))
        }
      case .loadPainContext(let day):
        do {
          guard let queries = queries(on: day) else { return nil }
          return .today(
            .painContextLoaded(try queries.painContext(loggedOn: day, today: state.today)))
        } catch {
          return .loadFailed(day, AppRunner.describe(error))
        }
      case .saveCheckin(var checkin):
        if checkin.at.isEmpty { checkin.at = clock.timestamp() }
        // Filed in the programme week of the programme that ran on its day.
        return .checkinSaved(
          effect,
          try store.saveCheckin(
            checkin, programmeStart: queries(on: checkin.day)?.programme.start))
      case .loadProgrammeOverview(let day):
        guard let queries else { return nil }
        do {
          return .programme(.loaded(try queries.programme(on: day)))
        } catch {
          return .programme(.loadFailed(day, AppRunner.describe(error)))
        }
      case .previewRevision(let revision):
        guard let queries else { return nil }
        do {
          return .programme(.previewLoaded(try queries.preview(stamped(revision))))
        } catch {
          return .programme(.previewFailed(AppRunner.describe(error)))
        }
      case .addRevision(let revision, let expected):
        let stored = try store.addRevision(stamped(revision), expected: expected)
        return .revisionWritten(effect, .saved(stored))
      case .undoRevision(_, let expected):
        let (stored, removed) = try store.undoLatestRevision(
          expected: expected, at: clock.timestamp())
        return .revisionWritten(effect, .undone(stored, removed))
      case .export(let format, let path, let replacing):
        return .exportFinished(export(format, to: path, replacing: replacing))
      case .bell:
        terminal.bell()
        return nil
      case .quit:
        return nil
      }
      return .saved(effect)
    } catch let changed as ProgrammeChanged {
      return .revisionWritten(effect, .changedElsewhere(changed.found))
    } catch let refused as RevisionUndoRefused {
      return .revisionWritten(effect, .undoRefused(refused.reason))
    } catch let changed as RecordChanged {
      return .recordChangedElsewhere(effect, found: changed.found)
    } catch let conflict as RecordConflict {
      // Nothing was written, so nothing is retried: the record another process wrote stays.
      return .changedElsewhere(effect, found: conflict.found)
    } catch let error as StoreError where error.kind == .unconfirmed && effect.addsARecord {
      // The record is in the file (only the disk's confirmation failed): a retry would store
      // a second pain entry or note, so it counts as saved.
      return .saved(effect)
    } catch {
      return .saveFailed(effect, AppRunner.describe(error))
    }
  }

  /// Renders the export as of today from every stored week (as `rehabit export` does) and
  /// writes it with `ExportFile.write`.
  private func export(_ format: ExportFormat, to path: String, replacing: Bool) -> ExportOutcome {
    guard let queries else { return .failed("no programme is set up yet") }
    let text: String
    do {
      text = try queries.export(format, asOf: state.today)
    } catch let problem as ExportProblem {
      return .failed("\(problem.message); \(problem.fix)")
    } catch {
      return .failed(AppRunner.describe(error))
    }
    do {
      try ExportFile.write(Array(text.utf8), to: path, replacing: replacing)
      return .written(path: path)
    } catch {
      return error.kind == .exists ? .exists(path: path) : .failed(error.description)
    }
  }

  /// The current directory when it can be written to (and is not the root), else the home
  /// directory, else the temporary directory.
  static func defaultExportDirectory(home: String?) -> String {
    let files = FileManager.default
    let current = files.currentDirectoryPath
    if current != "/", !current.isEmpty, files.isWritableFile(atPath: current) { return current }
    return home ?? temporaryDirectory()
  }

  /// NSTemporaryDirectory() without Foundation's ICU: $TMPDIR, else /tmp/, ending in a slash.
  static func temporaryDirectory() -> String {
    guard let directory = ProcessInfo.processInfo.environment["TMPDIR"], !directory.isEmpty
    else { return "/tmp/" }
    return directory.hasSuffix("/") ? directory : directory + "/"
  }

  private func stamped(_ revision: ProgrammeRevision) -> ProgrammeRevision {
    guard revision.at.isEmpty else { return revision }
    var stamped = revision
    stamped.at = clock.timestamp()
    return stamped
  }

  private func stamped(_ record: ItemRecord) -> ItemRecord {
    guard record.at.isEmpty else { return record }
    return ItemRecord(
      status: record.status, at: clock.timestamp(), reason: record.reason, by: record.by)
  }

  /// The day as the Today screen holds it, with the damaged earlier weeks the query layer left
  /// out of its guidance and flags named for the warning.
  nonisolated public static func loadedDay(
    _ day: CalendarDay, today: CalendarDay, queries: ProgressQueries
  )
    throws -> LoadedDay
  {
    var loaded = LoadedDay(try queries.day(day, today: today), programme: queries.programme)
    loaded.damagedFiles = queries.damaged.all.map { $0.error.file ?? "\($0.week)" }
    return loaded
  }

  /// One line, whatever the error.
  static func describe(_ error: any Error) -> String {
    let text = (error as? StoreError).map(AppWording.line) ?? "\(error)"
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

extension AppEffect {
  /// A write that appends a new record (a pain entry, a note), which a blind retry would store
  /// twice; the others replace or compare-and-swap (removals and undos by id), so a retry is
  /// harmless.
  var addsARecord: Bool {
    switch self {
    case .addPain, .addNote: true
    case .setStatus, .restore, .removeRecord, .undoRecords, .saveProgramme, .loadProgramme,
      .loadDay, .loadWeek, .loadCard,
      .loadPainContext, .saveCheckin, .export, .bell, .quit, .loadProgrammeOverview,
      .previewRevision, .addRevision, .undoRevision:
      false
    }
  }
}
