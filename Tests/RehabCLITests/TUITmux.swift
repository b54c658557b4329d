import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A private tmux server running one command in a fixed-size window, for end-to-end tests of
/// the full-screen app (docs/NCURSES-NOTES.md, "Testing under tmux"): its own socket, programs
/// started with posix_spawn and an empty signal mask, the screen polled with capture-pane.
final class TmuxSession {
  static let name = "rehabit"
  let directory: String
  var socket: String { "\(directory)/sock" }

  /// Starts `command` (a shell command line) in a detached `width` × `height` session.
  init(command: String, width: Int = 80, height: Int = 24) throws {
    directory =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "rehabit-tmux-\(UUID().uuidString.prefix(8))"
      ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let started = tmux([
      "-f", "/dev/null", "new-session", "-d", "-s", Self.name, "-x", "\(width)", "-y",
      "\(height)", command,
    ])
    guard started.status == 0 else {
      throw TmuxError("tmux new-session failed (\(started.status)): \(started.output)")
    }
  }

  /// Wraps the app so the pane stays open after it exits, reporting its exit status and the
  /// terminal modes it left behind.
  static func wrapped(_ arguments: [String]) -> String {
    let line = arguments.map(quoted).joined(separator: " ")
    return "trap : INT; \(line); echo EXIT=$?; stty -a; exec sleep 600"
  }

  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  func close() {
    _ = tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// `send-keys` with tmux key names ("Space", "Enter", "j").
  func send(_ keys: String...) {
    _ = tmux(["send-keys", "-t", Self.name] + keys)
  }

  /// Types text literally.
  func type(_ text: String) {
    _ = tmux(["send-keys", "-t", Self.name, "-l", text])
  }

  func resize(width: Int, height: Int) {
    _ = tmux(["resize-window", "-t", Self.name, "-x", "\(width)", "-y", "\(height)"])
  }

  func capture() -> String {
    tmux(["capture-pane", "-p", "-t", Self.name]).output
  }

  /// The pid of the program the pane's shell is running (the app).
  func appProcess() -> pid_t? {
    let shell = tmux(["list-panes", "-t", Self.name, "-F", "#{pane_pid}"]).output
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard
      let children = try? String(
        contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    else { return nil }
    return children.split(separator: " ").first.flatMap { pid_t(String($0)) }
  }

  /// Polls the screen every 20 ms until `condition` holds or `seconds` pass; returns the last
  /// capture either way (the caller asserts on it).
  @discardableResult
  func waitFor(
    _ description: String, seconds: Double = 8, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var screen = capture()
    while !condition(screen) {
      if Date() > deadline {
        Issue.record(
          "timed out waiting for \(description); screen:\n\(screen)", sourceLocation: sourceLocation
        )
        return screen
      }
      usleep(20_000)
      screen = capture()
    }
    return screen
  }

  @discardableResult
  func waitFor(
    text: String, seconds: Double = 8, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    waitFor("\"\(text)\"", seconds: seconds, sourceLocation: sourceLocation) { $0.contains(text) }
  }

  private func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
    Spawn.run(["tmux", "-S", socket] + arguments)
  }
}

struct TmuxError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// posix_spawn with an empty signal mask and default signal actions: Swift Testing's worker
/// threads block signals, and a child (the tmux server, then the app) would inherit that.
enum Spawn {
  static func run(_ arguments: [String], environment extra: [String: String] = [:]) -> (
    status: Int32, output: String
  ) {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehabit-spawn-\(UUID().uuidString)"
    ).path
    defer { unlink(output) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGTSTP, SIGCONT, SIGCHLD] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = nil
    environment["SWIFT_BACKTRACE"] = "enable=no"
    for (key, value) in extra { environment[key] = value }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else {
      return (-1, "cannot start \(arguments[0])")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    let exited = (status & 0x7f) == 0
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), text)
  }
}
