import Foundation
import RehabCore
import RehabStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The holes a hostile run against the binary found (imports, planted files, raw text in
/// files, honest errors, damaged weeks, limits), each reproduced against the built `rehabit`.
/// Faults come from the store's test seam (`FileFaults`, `REHABIT_TEST_FAULT` in a debug build).
@Suite("Hardening, round two: imports, planted files, raw text, honest errors")
struct HardeningRoundTwoTests {
  static let today = LoggingScenario.today
  /// A day of today's week with four items (today itself has one).
  static let day = "2026-11-27"

  /// A programme with a check-off, a hostile skip reason and a note, and its JSON export.
  static func seeded() throws -> (LoggingScenario, export: String) {
    let scenario = try LoggingScenario()
    try scenario.run(["check", "1", "--date", day])
    try scenario.run(["skip", "2", "--date", day, "--reason", hostile])
    try scenario.run(["note", hostile, "--date", day])
    let export = scenario.data.root.appendingPathComponent("export.json").path
    try scenario.run(["export", "--format", "json", "--output", export])
    return (scenario, export)
  }

  /// ESC[2J (clear the screen), an OSC 52 clipboard write, the 8-bit CSI, a bidi override and
  /// isolate, BEL and DEL.
  static let hostile = "a\u{1B}[2J\u{1B}]52;c;aGk=\u{07} b\u{9B}31m c\u{202E}d\u{2066}e\u{7F}f"

  static func names(in path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }

  /// The control sequences a terminal acts on: any C0 but tab and line breaks, DEL, C1 in
  /// UTF-8, bidi embeddings, overrides and isolates. Empty when `bytes` is safe to `cat`.
  static func controls(in bytes: [UInt8]) -> [String] {
    var found: [String] = []
    for (index, byte) in bytes.enumerated() {
      if (byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09) || byte == 0x7F {
        found.append("byte \(byte) at \(index)")
      }
      if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
        found.append("C1 at \(index)")
      }
      if byte == 0xE2, index + 2 < bytes.count {
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        if second == 0x80 && (0xAA...0xAE).contains(third)
          || second == 0x81 && (0xA6...0xA9).contains(third)
        {
          found.append("bidi at \(index)")
        }
      }
    }
    return found
  }

  static func elapsed(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    try body()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  }

  // MARK: Import

  @Test(
    "SIGKILL at each step of import --force leaves a complete, working data folder",
    arguments: ImportStep.allCases)
  func killedImport(step: ImportStep) throws {
    let (scenario, export) = try Self.seeded()
    defer { scenario.cleanUp() }
    // The data differs from the export, so which one is live can be told.
    try scenario.run(["check", "3", "--date", Self.day])
    let before = scenario.data.snapshot()
    let killed = try RehabitBinary.run(
      ["import", export, "--force", "--data-dir", scenario.data.path],
      environment: LoggingScenario.environment.merging(["REHABIT_TEST_FAULT": "kill:\(step)"]) {
        $1
      })
    #expect(killed.status != 0)
    // The next command puts the folder right and works.
    let today = try scenario.run(["today", "--date", Self.day])
    #expect(today.stdout.contains("[x]"))
    let root = scenario.data.root.path
    #expect(!Self.names(in: root).contains { $0.contains("rehabit-import-") })
    let after = scenario.data.snapshot()
    let kept = Self.names(in: root).filter { $0.hasPrefix("data.before-import-") }
    if step == .staged {
      #expect(after == before, "killed before the swap: the old data is live")
      #expect(kept.isEmpty)
    } else {
      #expect(after != before, "killed after the swap: the import is live")
      #expect(after.keys.contains("programme.json"))
      #expect(kept.count == 1, "\(Self.names(in: root))")
      let old = TemporaryDataDirectoryView(
        path: scenario.data.root.appendingPathComponent(kept[0]).path
      ).snapshot()
      #expect(old == before, "the previous data is kept whole")
    }
  }

  @Test("check during import --force: the imported records stay, and no check is lost")
  func checksDuringImport() throws {
    let (scenario, export) = try Self.seeded()
    defer { scenario.cleanUp() }
    let ids = Array(try scenario.allItemIds().suffix(60).prefix(40))
    let imported = try scenario.store.loadWeek(
      ISOWeek(containing: try #require(CalendarDay(Self.day))))
    let report = scenario.data.root.appendingPathComponent("reported").path
    let writer = try ShellGroup(
      script: CrashSafetyTests.checkLoop(ids: ids, data: scenario.data.path, report: report),
      environment: CrashSafetyTests.environment)
    usleep(50_000)
    let importing = try RehabitBinary.run(
      ["import", export, "--force", "--data-dir", scenario.data.path],
      environment: LoggingScenario.environment)
    #expect(importing.succeeded, "\(importing.stderr)")
    _ = writer.waitForExit()
    let live = CrashSafetyTests.readAll(scenario.store)
    for (id, record) in imported.items where !ids.contains(id) {
      #expect(live[id] == record, "the imported record of \(id) was replaced")
    }
    let kept = Self.names(in: scenario.data.root.path).filter {
      $0.hasPrefix("data.before-import-")
    }
    let old =
      kept.first.map {
        CrashSafetyTests.readAll(
          ProgressStore(directory: scenario.data.root.appendingPathComponent($0).path))
      } ?? [:]
    let reported =
      (try? String(contentsOfFile: report, encoding: .utf8))?
      .split(separator: "\n").map(String.init) ?? []
    #expect(!reported.isEmpty)
    for id in reported {
      #expect(live[id]?.status == .done || old[id]?.status == .done, "check of \(id) lost")
    }
  }

  @Test("a refused import leaves nothing behind: a symbolic link as --data-dir, a non-empty folder")
  func refusedImportLeavesNothing() throws {
    let (scenario, export) = try Self.seeded()
    defer { scenario.cleanUp() }
    let root = scenario.data.root.path
    let link = scenario.data.root.appendingPathComponent("link").path
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: scenario.data.path)
    let before = Self.names(in: root)
    let linked = try RehabitBinary.run(["import", export, "--force", "--data-dir", link])
    #expect(linked.status == 1)
    #expect(linked.stderr.contains("symbolic link"))
    let notForced = try RehabitBinary.run(["import", export, "--data-dir", scenario.data.path])
    #expect(notForced.status == 1)
    #expect(Self.names(in: root) == before)
  }

  @Test("import under umask 377 gives a 0700 folder of 0600 files that works")
  func importUnderTightUmask() throws {
    let (scenario, export) = try Self.seeded()
    defer { scenario.cleanUp() }
    let target = scenario.data.root.appendingPathComponent("restored").path
    let binary = CrashSafetyTests.quoted(RehabitBinary.path)
    let shell = try ShellGroup(
      script:
        "umask 377; exec \(binary) import \(CrashSafetyTests.quoted(export)) --data-dir \(CrashSafetyTests.quoted(target))",
      environment: CrashSafetyTests.environment)
    let status = shell.waitForExit()
    #expect(status == 0)
    var info = stat()
    #expect(stat(target, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o700)
    #expect(stat(target + "/programme.json", &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    let today = try RehabitBinary.run(["today", "--date", Self.day, "--data-dir", target])
    #expect(today.succeeded, "\(today.stderr)")
  }

  // MARK: Planted files

  @Test("a planted .lock symbolic link: check fails at once, names it, touches nothing outside")
  func plantedLockLink() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let outside = scenario.data.root.appendingPathComponent("outside").path
    _ = FileManager.default.createFile(
      atPath: outside, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644])
    let lock = scenario.data.path + "/.lock"
    try? FileManager.default.removeItem(atPath: lock)
    let dangling = scenario.data.root.appendingPathComponent("created-outside").path
    for destination in [outside, dangling] {
      try? FileManager.default.removeItem(atPath: lock)
      try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: destination)
      var result: RehabitBinary.Result?
      let seconds = try Self.elapsed { result = try scenario.attempt(["check", "1"]) }
      #expect(seconds < 1)
      #expect(result?.status == 1)
      #expect(result?.stderr.contains(".lock") == true)
      #expect(result?.stderr.contains("symbolic link") == true, "\(result?.stderr ?? "")")
    }
    var info = stat()
    #expect(stat(outside, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o644, "the link's target was not chmod'ed")
    #expect(!FileManager.default.fileExists(atPath: dangling))
  }

  @Test(
    "a FIFO as a week file, programme.json or .lock: every command fails in under a second",
    arguments: ["progress/2026-W48.json", "programme.json", ".lock"])
  func plantedFIFO(name: String) throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let path = scenario.data.path + "/" + name
    try? FileManager.default.removeItem(atPath: path)
    #expect(mkfifo(path, 0o600) == 0)
    for command in [["today"], ["check", "1"], ["week"], ["flags"]] {
      var result: RehabitBinary.Result?
      let seconds = try Self.elapsed { result = try scenario.attempt(command) }
      #expect(seconds < 1, "\(command) took \(seconds) s")
      if name == ".lock" && command != ["check", "1"] {
        // Only writers open the lock file.
        #expect(result?.succeeded == true)
      } else {
        // An error naming the file (or, for a week the answer is not about, a warning).
        #expect(result?.stderr.contains(name) == true, "\(command): \(result?.stderr ?? "")")
        #expect(result?.stderr.contains("not a regular file") == true)
      }
    }
    var info = stat()
    #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is left alone")
  }

  // MARK: Raw text in files

  @Test("cat of every export of hostile text puts no control sequence on a terminal")
  func exportsCarryNoControls() throws {
    let (scenario, _) = try Self.seeded()
    defer { scenario.cleanUp() }
    for format in ExportFormat.allCases {
      let path = scenario.data.root.appendingPathComponent("out.\(format.fileExtension)").path
      try scenario.run(["export", "--format", format.rawValue, "--output", path])
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(Self.controls(in: bytes).isEmpty, "\(format): \(Self.controls(in: bytes).prefix(5))")
      // Into a pipe too (not a terminal: the format's exact bytes).
      let piped = try scenario.run(["export", "--format", format.rawValue])
      #expect(Self.controls(in: Array(piped.stdout.utf8)).isEmpty, "\(format) into a pipe")
    }
    let csvNotes = try scenario.run(["export", "--format", "csv", "--table", "notes"])
    #expect(Self.controls(in: Array(csvNotes.stdout.utf8)).isEmpty)
    for command in [["today", "--json"], ["log", "--json"], ["log"], ["today"]] {
      let result = try scenario.run(command + ["--date", Self.day])
      #expect(Self.controls(in: Array(result.stdout.utf8)).isEmpty, "\(command)")
    }
  }

  @Test("JSON keeps hostile text faithfully: the export reads back to the very same text")
  func jsonKeepsTheText() throws {
    let (scenario, export) = try Self.seeded()
    defer { scenario.cleanUp() }
    let text = try String(contentsOfFile: export, encoding: .utf8)
    #expect(text.contains("\\u001b[2J"))
    #expect(text.contains("\\u009b31m"))
    #expect(text.contains("\\u202e"))
    let week = try scenario.store.loadWeek(ISOWeek(containing: #require(CalendarDay(Self.day))))
    #expect(week.notes.contains { $0.text == Self.hostile })
    #expect(week.items.values.contains { $0.reason == Self.hostile })
  }

  // MARK: Honest errors

  @Test("EIO on the folder's fsync: 'saved, not confirmed', then the retry gives exactly one entry")
  func unconfirmedPainThenRetry() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let failing = try RehabitBinary.run(
      ["pain", "7", "--date", Self.day, "--data-dir", scenario.data.path],
      environment: LoggingScenario.environment.merging(["REHABIT_TEST_FAULT": "dirsync-eio"]) {
        $1
      })
    #expect(failing.status == 1)
    #expect(!failing.stderr.contains("nothing was changed"))
    #expect(failing.stderr.contains("saved"))
    #expect(failing.stderr.split(separator: "\n").count == 1)
    let week = ISOWeek(containing: try #require(CalendarDay(Self.day)))
    let stored = try scenario.store.loadWeek(week).pain
    #expect(stored.count == 1)
    let id = try #require(stored.first?.id)
    #expect(failing.stderr.contains("--id \(id)"))
    // The retry the message gives, twice: still one entry.
    for _ in 0..<2 {
      try scenario.run(["pain", "7", "--date", Self.day, "--id", id])
    }
    #expect(try scenario.store.loadWeek(week).pain.count == 1)
    // The same id with another level is refused, and changes nothing.
    let other = try scenario.attempt(["pain", "3", "--date", Self.day, "--id", id])
    #expect(other.status == 1)
    #expect(try scenario.store.loadWeek(week).pain.map(\.level) == [7])
  }

  @Test("a note whose write is unconfirmed names its id; the retry with --id stores it once")
  func unconfirmedNoteThenRetry() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let failing = try RehabitBinary.run(
      ["note", "stiff", "--date", Self.day, "--data-dir", scenario.data.path],
      environment: LoggingScenario.environment.merging(["REHABIT_TEST_FAULT": "dirsync-eio"]) {
        $1
      })
    #expect(failing.status == 1)
    #expect(!failing.stderr.contains("nothing was changed"))
    let week = ISOWeek(containing: try #require(CalendarDay(Self.day)))
    let id = try #require(try scenario.store.loadWeek(week).notes.first?.id)
    #expect(failing.stderr.contains("--id \(id)"))
    try scenario.run(["note", "stiff", "--date", Self.day, "--id", id])
    #expect(try scenario.store.loadWeek(week).notes.count == 1)
  }

  // MARK: Damaged weeks

  @Test("a damaged previous week: today, week, flags and export still answer, with a warning")
  func damagedPreviousWeekDegrades() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let day = try #require(CalendarDay(Self.day))
    let previous = ISOWeek(containing: day.adding(days: -7))
    try scenario.run(["pain", "8", "--date", "\(previous.monday)"])
    let file = scenario.store.file(for: previous)
    let damaged = Data("{\"schemaVersion\": 2, \"week\": ".utf8)
    try damaged.write(to: URL(fileURLWithPath: file))
    for command in [["today"], ["week"], ["flags"], ["export", "--format", "csv"], ["show", "1"]] {
      let result = try scenario.attempt(command)
      #expect(result.succeeded, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("warning: \(file) is damaged"), "\(command)")
      #expect(result.stderr.contains("pain guidance"))
    }
    let today = try scenario.run(["today"])
    #expect(today.stdout.contains("[ ]"))
    // Writes to other weeks keep working; the damaged file is never rewritten.
    try scenario.run(["check", "1"])
    let write = try scenario.attempt(["pain", "2", "--date", "\(previous.monday)"])
    #expect(write.status == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == damaged)
    // The week the command is about must read: a damaged one is the command's error.
    let week = try scenario.attempt(["week", "--date", "\(previous.monday)"])
    #expect(week.status == 1)
  }

  // MARK: Limits and consistency

  @Test("a week file over the limit is refused at once, and kept")
  func oversizedWeekFile() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let file = scenario.store.file(for: ISOWeek(containing: try #require(CalendarDay(Self.day))))
    _ = FileManager.default.createFile(atPath: file, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: file))
    try handle.truncate(atOffset: 9 * 1024 * 1024)
    try handle.close()
    var result: RehabitBinary.Result?
    let seconds = try Self.elapsed { result = try scenario.attempt(["check", "1"]) }
    #expect(seconds < 2)
    #expect(result?.status == 1)
    #expect(result?.stderr.contains("larger than 8 MiB") == true, "\(result?.stderr ?? "")")
    var info = stat()
    #expect(stat(file, &info) == 0 && info.st_size == 9 * 1024 * 1024)
  }

  @Test("an import file over the limit is refused before it is read")
  func oversizedImport() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let file = scenario.data.root.appendingPathComponent("huge.json").path
    _ = FileManager.default.createFile(atPath: file, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: file))
    try handle.truncate(atOffset: UInt64(DataFolderImport.maximumArchiveSize + 1))
    try handle.close()
    let before = scenario.data.snapshot()
    let result = try scenario.attempt(["import", file, "--force"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("larger than 64 MiB"))
    #expect(scenario.data.snapshot() == before)
  }

  @Test("REHABIT_TODAY that is not a date is refused, not replaced by the clock")
  func impossibleFixedToday() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let result = try RehabitBinary.run(
      ["today", "--data-dir", scenario.data.path], environment: ["REHABIT_TODAY": "2026-02-30"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("REHABIT_TODAY"))
    #expect(result.stdout.isEmpty)
  }

  @Test("a byte order mark is accepted in a week file as in programme.json")
  func byteOrderMarkInAWeekFile() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    try scenario.run(["check", "1"])
    let file = scenario.store.file(for: ISOWeek(containing: try #require(CalendarDay(Self.day))))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    try (Data([0xEF, 0xBB, 0xBF]) + bytes).write(to: URL(fileURLWithPath: file))
    let programme = scenario.data.path + "/programme.json"
    let programmeBytes = try Data(contentsOf: URL(fileURLWithPath: programme))
    try (Data([0xEF, 0xBB, 0xBF]) + programmeBytes).write(to: URL(fileURLWithPath: programme))
    let today = try scenario.run(["today"])
    #expect(today.stdout.contains("[x]"))
  }

  // MARK: Export temporaries

  @Test("export --output leaves no temporary file, and removes one a killed run left")
  func exportTemporaries() throws {
    let scenario = try LoggingScenario()
    defer { scenario.cleanUp() }
    let folder = scenario.data.root.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let stale = folder.appendingPathComponent(".report.md.rehabit-export-abc123").path
    _ = FileManager.default.createFile(
      atPath: stale, contents: Data("health data".utf8), attributes: [.posixPermissions: 0o600])
    let target = folder.appendingPathComponent("report.md").path
    try scenario.run(["export", "--format", "markdown", "--output", target])
    try scenario.run(["export", "--format", "markdown", "--output", target, "--force"])
    #expect(Self.names(in: folder.path) == ["report.md"])
  }
}
