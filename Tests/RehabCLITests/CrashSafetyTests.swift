import Foundation
import RehabCore
import RehabStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A `/bin/sh` script started with posix_spawn in a process group of its own, so SIGKILL can
/// reach it and the `rehabit` it is running at that moment.
struct ShellGroup {
  let pid: pid_t

  init(script: String, environment: [String: String]) throws {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    let words: [String] = ["/bin/sh", "-c", script]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    let variables: [UnsafeMutablePointer<CChar>?] =
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in arguments + variables { free(pointer) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, "/bin/sh", &actions, &attributes, arguments, variables)
    guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
    pid = child
  }

  /// SIGKILL to the whole group, then reap the shell and wait (bounded) until no member of the
  /// group is still running.
  func kill() {
    _ = Glibc.kill(-pid, SIGKILL)
    _ = waitForExit()
    var waits = 0
    while waits < 1_000, ShellGroup.hasLiveMembers(group: pid) {
      usleep(2_000)
      waits += 1
    }
  }

  /// The exit status (as `waitpid` reports it).
  func waitForExit() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
  }

  /// Whether any process of the group is alive (not a zombie), from /proc.
  static func hasLiveMembers(group: pid_t) -> Bool {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return false
    }
    for entry in entries where entry.first?.isNumber == true {
      guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { continue }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      // After the command: state, ppid, pgrp.
      if fields.count > 2, fields[2] == "\(group)", fields[0] != "Z" { return true }
    }
    return false
  }
}

@Suite("Crash safety and concurrent writers, across processes")
struct CrashSafetyTests {
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  static var environment: [String: String] {
    [
      "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no",
      "REHABIT_TODAY": LoggingScenario.today,
    ]
  }

  /// A shell loop that checks off `ids` one `rehabit check` at a time and appends each id to
  /// `report` once rehabit has said it is saved (exit 0).
  static func checkLoop(ids: [String], data: String, report: String?) -> String {
    let binary = quoted(RehabitBinary.path)
    let after = report.map { " && echo \"$id\" >> \(quoted($0))" } ?? " || exit 1"
    return
      "for id in \(ids.joined(separator: " ")); do \(binary) check \"$id\" --data-dir \(quoted(data))\(after); done"
  }

  /// Every week file parses, and the items it holds by id.
  static func readAll(_ store: ProgressStore, sourceLocation: SourceLocation = #_sourceLocation)
    -> [String: ItemRecord]
  {
    var items: [String: ItemRecord] = [:]
    do {
      for week in try store.storedWeeks() {
        items.merge(try store.loadWeek(week).items) { first, _ in first }
      }
    } catch {
      Issue.record("a progress file is damaged: \(error)", sourceLocation: sourceLocation)
    }
    return items
  }

  @Test("SIGKILL at random moments while checking off: files stay valid, nothing reported is lost")
  func killedWriter() throws {
    // A year of items, so the rounds never run out of new check-offs.
    let scenario = try LoggingScenario(weeks: 52)
    defer { scenario.cleanUp() }
    let ids = try scenario.allItemIds()
    #expect(ids.count >= 600)
    let store = scenario.store
    let report = scenario.data.root.appendingPathComponent("reported").path
    var generator = SystemRandomNumberGenerator()
    var kills = 0
    var cursor = 0
    // How long to let the child run before the kill, at most; tuned as it goes so that each
    // round ends a little way into the batch (a loaded machine runs rehabit more slowly).
    var window: UInt32 = 60_000
    while kills < 120 && cursor < ids.count {
      let batch = Array(ids[cursor..<min(cursor + 12, ids.count)])
      let child = try ShellGroup(
        script: CrashSafetyTests.checkLoop(ids: batch, data: scenario.data.path, report: report),
        environment: CrashSafetyTests.environment)
      usleep(UInt32.random(in: 0...window, using: &generator))
      child.kill()
      kills += 1

      // Whatever the moment, every file is whole, valid JSON of a known version.
      let items = CrashSafetyTests.readAll(store)
      let stored =
        (try? FileManager.default.contentsOfDirectory(atPath: store.progressDirectory)) ?? []
      for name in stored where name.hasSuffix(".json") {
        let bytes = FileManager.default.contents(atPath: "\(store.progressDirectory)/\(name)")
        #expect((try? JSONSerialization.jsonObject(with: bytes ?? Data())) != nil, "\(name)")
      }
      // Carry on after the last item that made it, so each round writes something new.
      let before = cursor
      while cursor < ids.count, items[ids[cursor]]?.status == .done { cursor += 1 }
      if cursor == before {
        window = min(window * 3 / 2, 2_000_000)
      } else if cursor - before > 3 {
        window = max(window * 2 / 3, 20_000)
      }
    }
    #expect(kills >= 100)

    let reportText = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    // A kill can cut the last line short: only whole lines count as reported.
    let reported = reportText.split(separator: "\n", omittingEmptySubsequences: true)
      .dropLast(reportText.hasSuffix("\n") ? 0 : 1).map(String.init)
    #expect(reported.count >= 20, "too few check-offs completed to judge: \(reported.count)")
    let items = CrashSafetyTests.readAll(store)
    for id in reported {
      #expect(items[id]?.status == .done, "\(id) was reported saved but is missing")
    }
    // The programme file was never touched.
    #expect(try store.loadProgramme() != nil)
  }

  @Test("two processes checking off 200 different items at the same time lose none")
  func twoConcurrentWriters() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let ids = Array(try scenario.allItemIds().prefix(200))
    try #require(ids.count == 200)
    // Interleaved, so both write the same week files at the same moments.
    let even = ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    let odd = ids.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    let writers = try [even, odd].map { half in
      try ShellGroup(
        script: CrashSafetyTests.checkLoop(ids: half, data: scenario.data.path, report: nil),
        environment: CrashSafetyTests.environment)
    }
    for writer in writers {
      let status = writer.waitForExit()
      #expect(status == 0, "a writer failed with status \(status)")
    }
    let items = CrashSafetyTests.readAll(scenario.store)
    let lost = ids.filter { items[$0]?.status != .done }
    #expect(lost.isEmpty, "lost \(lost.count): \(lost.prefix(5))")
    #expect(items.count == 200)
  }
}
