import ArgumentParser
import RehabCore
import RehabQueries
import RehabStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// `rehabit remind [--if-pending]`, `--install [--at HH:MM]`, `--uninstall`: a reminder without
/// a daemon of rehabit's own. The notification and the printed line carry counts only: a
/// notification can show on a locked or shared screen.
struct RemindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remind",
    abstract: "Remind about the day's pending items: a desktop notification, else one line.",
    discussion: """
      Notifies through notify-send when DISPLAY or WAYLAND_DISPLAY is set and notify-send is on \
      PATH; otherwise prints one line (for cron mail or a login shell). --install adds a daily \
      systemd user timer (rehabit-remind.timer and .service in $XDG_CONFIG_HOME/systemd/user, \
      default ~/.config/systemd/user) running this binary with this data folder, or, without \
      systemd, prints the crontab line to add; --uninstall removes what --install wrote. Both \
      are safe to run twice. REHABIT_SYSTEMCTL=PATH uses another systemctl, and \
      REHABIT_SYSTEMCTL=none acts as if there were no systemd (for tests).
      """)

  static let defaultTime = "18:00"

  @OptionGroup var common: CommonOptions
  @Flag(
    name: .customLong("if-pending"),
    help: "Say nothing and exit 0 when nothing is pending or there is no programme.")
  var ifPending = false
  @Flag(help: "Install a daily reminder (a systemd user timer, else the crontab line to add).")
  var install = false
  @Flag(help: "Remove the reminder that --install installed.") var uninstall = false
  @Option(
    help: ArgumentHelp(
      "With --install: the time of the daily reminder, HH:MM (default: \(defaultTime)).",
      valueName: "HH:MM"))
  var at: String?

  func validate() throws {
    if install && uninstall {
      throw ValidationError("--install and --uninstall exclude each other; give one")
    }
    if let at {
      _ = try CommonOptions.parseTime(at, option: "--at")
      if !install { throw ValidationError("--at works with --install only") }
    }
    if ifPending && (install || uninstall) {
      throw ValidationError(
        "--if-pending is for the reminder itself; leave it out with --install or --uninstall")
    }
  }

  func run() throws {
    if install { return try installReminder() }
    if uninstall { return try uninstallReminder() }
    try remind()
  }

  // MARK: The reminder

  func remind() throws {
    let store = try common.store()
    let day = try common.day()
    guard let queries = try ProgressQueries.open(store, on: day) else {
      if ifPending { return }
      throw common.noProgramme(in: store)
    }
    let status = try queries.status(on: day)
    guard status.pending > 0 else {
      if !ifPending { Output.line("rehab: nothing left to do on \(day).") }
      return
    }
    let message = ReminderText.message(status)
    if let notifier = ReminderText.desktopNotifier(),
      ChildProcess.run(notifier, ["--app-name=rehabit", "rehabit", message]) == 0
    {
      return
    }
    Output.line("rehab: \(message) `rehabit today` lists them.")
  }

  // MARK: Installing

  /// The units for this binary and data folder, both absolute.
  func units() throws -> ReminderUnits {
    guard let binary = ChildProcess.currentExecutable() else {
      throw CLIError(
        "cannot find the path of the rehabit binary (/proc/self/exe); run it by its full path")
    }
    let time = try CommonOptions.parseTime(at ?? RemindCommand.defaultTime, option: "--at")
    return ReminderUnits(
      binary: binary, dataDirectory: RemindCommand.absolute(try common.store().directory),
      time: time)
  }

  func installReminder() throws {
    let units = try units()
    guard let systemd = UserSystemd.detect() else {
      Output.line(
        "systemd user timers are not available here; add this line with `crontab -e` (a reminder at \(units.time) every day):"
      )
      Output.line(units.crontabLine)
      return
    }
    let folder = try UserSystemd.unitDirectory()
    try RemindCommand.makeDirectories(folder)
    for (name, text) in [
      (ReminderUnits.serviceName, units.service), (ReminderUnits.timerName, units.timer),
    ] {
      let path = "\(folder)/\(name)"
      if let existing = RemindCommand.contents(of: path), !existing.hasPrefix(ReminderUnits.marker)
      {
        throw CLIError(
          "\(path) exists and was not written by rehabit; move it aside, then run `rehabit remind --install` again"
        )
      }
      try ExportFileWriter.write(Array(text.utf8), to: path, replacing: true)
    }
    guard systemd.user(["daemon-reload"]),
      systemd.user(["enable", "--now", ReminderUnits.timerName])
    else {
      throw CLIError(
        "the units are in \(folder) but `systemctl --user enable --now \(ReminderUnits.timerName)` failed; run it to see why"
      )
    }
    Output.line(
      "Reminder installed: every day at \(units.time), if anything is pending (\(folder)/\(ReminderUnits.timerName); `systemctl --user list-timers` shows it). Remove it with `rehabit remind --uninstall`."
    )
  }

  func uninstallReminder() throws {
    let folder = try UserSystemd.unitDirectory()
    let paths = [ReminderUnits.timerName, ReminderUnits.serviceName].map { "\(folder)/\($0)" }
    let ours = paths.filter {
      RemindCommand.contents(of: $0)?.hasPrefix(ReminderUnits.marker) == true
    }
    let systemd = UserSystemd.detect()
    guard !ours.isEmpty else {
      Output.line(
        "No reminder installed in \(folder); nothing to remove. (A crontab line you added yourself is removed with `crontab -e`.)"
      )
      return
    }
    if let systemd, ours.contains(paths[0]) {
      // It may already be disabled by hand; removing the files is what matters.
      systemd.user(["disable", "--now", ReminderUnits.timerName])
    }
    for path in ours {
      guard unlink(path) == 0 || errno == ENOENT else {
        throw CLIError(
          "cannot remove \(path): \(String(cString: strerror(errno))); remove it by hand")
      }
    }
    systemd?.user(["daemon-reload"])
    Output.line("Reminder removed: \(ours.joined(separator: ", ")).")
  }

  // MARK: Files

  static func contents(of path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// `path` and its missing parents, created 0700.
  static func makeDirectories(_ path: String) throws {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/\(part)"
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw CLIError(
          "cannot create \(current): \(String(cString: strerror(errno))); check its parent folder")
      }
    }
  }

  static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let cwd = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return cwd == "/" ? "/\(path)" : "\(cwd)/\(path)"
  }
}

/// The reminder's words: counts only, never an item's name or a note.
enum ReminderText {
  static func message(_ status: DayStatus) -> String {
    let items = status.scheduled == 1 ? "item" : "items"
    return "\(status.pending) of \(status.scheduled) rehab \(items) still to do on \(status.day)."
  }

  /// notify-send, when a desktop session can show it: DISPLAY or WAYLAND_DISPLAY set and the
  /// program on PATH.
  static func desktopNotifier() -> String? {
    let sessions: [String] = ["DISPLAY", "WAYLAND_DISPLAY"]
    let session = sessions.contains { name in
      getenv(name).map { String(cString: $0).isEmpty == false } ?? false
    }
    return session ? ChildProcess.find("notify-send") : nil
  }
}
