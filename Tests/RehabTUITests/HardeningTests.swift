import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

#if canImport(Glibc)
  import Glibc
#endif

/// Text a hostile file or paste could hold: clear screen (ESC [ 2 J), set the clipboard
/// (OSC 52 … BEL), an 8-bit CSI (C1 0x9B), a right-to-left override and a bell.
enum Hostile {
  static let text = "\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m\u{202E}evil\u{202C}\u{07}"

  /// Whether a scalar would do something on a terminal (or reorder text) instead of showing.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    TerminalText.isControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}"
  }

  /// Every cell of every frame, checked; the first offending cell is reported.
  static func expectNoControlCharacters(
    in frames: [ScreenBuffer], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (number, frame) in frames.enumerated() {
      for y in 0..<frame.size.height {
        for x in 0..<frame.size.width
        where frame[x, y].grapheme.unicodeScalars.contains(where: isUnsafe) {
          Issue.record(
            "frame \(number), cell \(x),\(y) holds \(frame[x, y].grapheme.unicodeScalars.map { String($0.value, radix: 16) })",
            sourceLocation: sourceLocation)
          return
        }
      }
    }
  }
}

/// A programme whose every text is hostile, as a hand-edited programme.json could make it.
private func hostileProgramme() throws -> Programme {
  var programme = try Fixtures.programme()
  programme.plan.title = "Ankle \(Hostile.text)"
  programme.plan.description = "For \(Hostile.text)"
  for index in programme.plan.treatments.indices {
    programme.plan.treatments[index].name += " \(Hostile.text)"
    programme.plan.treatments[index].instructions += " \(Hostile.text)"
  }
  return programme
}

@MainActor
@Suite("Hardening: terminal safety and faults while the app runs")
struct HardeningTests {
  static let size = Size(width: 80, height: 24)

  func makeRunner(
    _ data: TemporaryDataDirectory, programme: Programme?, keys: [Key] = [],
    clock: AppClock = .fixed(Days.today), size: Size = size
  ) throws -> (AppRunner, ScriptedTerminal) {
    let terminal = ScriptedTerminal(size: size, events: keys.map(TerminalEvent.key))
    let runner = AppRunner(
      terminal: terminal, store: data.store, clock: clock, programme: programme,
      templates: try Fixtures.templates(), tickMilliseconds: 1000)
    return (runner, terminal)
  }

  // MARK: Terminal safety

  @Test("hostile programme texts, skip reasons and notes never reach a cell raw, on any screen")
  func hostileTextIsNeverDrawnRaw() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try hostileProgramme()
    try data.store.saveProgramme(programme, replacing: false)
    let items = Scheduler(programme: programme).checklist(for: Days.today)
    let first = try #require(items.first)
    try data.store.setStatus(
      .skipped, ofItem: first.id, on: Days.today, reason: Hostile.text, at: "2026-12-02T08:00:00Z")
    try data.store.addNote(
      NoteRecord(day: Days.today, itemId: first.id, text: Hostile.text, at: "2026-12-02T08:00:00Z"))

    // Every screen and form: help, week, check-in, export, note, skip, pain; then quit.
    let keys: [Key] = [
      .character("?"), .escape, .character("?"), .enter, .character("w"), .right, .left,
      .escape, .character("c"), .escape, .character("e"), .escape, .character("n"), .escape,
      .character("s"), .escape, .character("p"), .escape, .down, .character("q"),
    ]
    for size in [Self.size, Size(width: 120, height: 40), Size(width: 40, height: 12)] {
      let (runner, terminal) = try makeRunner(data, programme: programme, keys: keys, size: size)
      runner.run()
      #expect(terminal.frames.count > 5)
      Hostile.expectNoControlCharacters(in: terminal.frames)
      if size.width >= 80 {
        // The hostile texts were drawn, made harmless: the placeholder stands for each control.
        #expect(terminal.frames.contains { $0.text.contains("evil") })
        #expect(terminal.frames.contains { $0.text.contains("\u{FFFD}[2J") })
      }
    }
  }

  @Test("the wizard draws hostile template texts safely")
  func hostileTemplateInTheWizard() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    var plan = try TemplateLibrary.template(id: "lateral-ankle-sprain").plan
    plan.title = "Sprain \(Hostile.text)"
    plan.description = Hostile.text
    plan.treatments[0].name = Hostile.text
    let template = ProgrammeTemplate(plan: plan, source: "hostile \(Hostile.text).json")
    let terminal = ScriptedTerminal(
      size: Self.size,
      events: [.down, .up, .enter, .enter, .enter, .enter, .escape].map(TerminalEvent.key))
    let runner = AppRunner(
      terminal: terminal, store: data.store, clock: .fixed(Days.today), programme: nil,
      templates: [template], tickMilliseconds: 1000)
    runner.run()
    Hostile.expectNoControlCharacters(in: terminal.frames)
    #expect(terminal.frames.contains { $0.text.contains("Sprain") })
  }

  @Test("an error naming a hostile field of a damaged file is shown safely")
  func hostileErrorMessage() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let file = data.store.file(for: ISOWeek(containing: Days.today))
    try FileManager.default.createDirectory(
      atPath: data.store.progressDirectory, withIntermediateDirectories: true)
    let damaged = #"{"schemaVersion": 1, "week": "2026-W49", "\u001b[2J\u009b\u202e": 1}"#
    try Data(damaged.utf8).write(to: URL(fileURLWithPath: file))
    let (runner, terminal) = try makeRunner(
      data, programme: programme, keys: [.character(" "), .character("w"), .escape])
    runner.run()
    Hostile.expectNoControlCharacters(in: terminal.frames)
    #expect(terminal.frames.contains { $0.text.contains("Cannot read") })
    // Never overwritten.
    #expect(try String(contentsOfFile: file, encoding: .utf8) == damaged)
  }

  // MARK: Faults while running

  /// Tests run as root, where chmod 0500 does not stop a write; replacing `progress/` with a
  /// regular file makes every write fail (ENOTDIR) the way a read-only folder (EACCES, EROFS)
  /// does, through the same error path.
  @Test(
    "the data folder stops taking writes while open: the app says so, keeps the change, saves it later"
  )
  func dataFolderBecomesUnwritable() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let (runner, terminal) = try makeRunner(data, programme: programme)
    runner.start()
    runner.handle(.key(.character(" ")))
    #expect(runner.state.unsaved.isEmpty)

    let progress = data.store.progressDirectory
    let aside = "\(data.path)/progress-aside"
    try FileManager.default.moveItem(atPath: progress, toPath: aside)
    try Data("in the way\n".utf8).write(to: URL(fileURLWithPath: progress))

    runner.handle(.key(.down))
    runner.handle(.key(.character(" ")))
    #expect(runner.state.unsaved.count == 1)
    #expect(runner.state.message?.kind == .error)
    terminal.draw(render(runner.state, size: Self.size, capabilities: .full))
    let frame = try #require(terminal.lastFrame)
    #expect(frame.text.contains("Not saved"))
    #expect(frame.text.contains("not saved"))
    #expect(frame.lines.filter { $0.contains("[x]") }.count == 2)
    // A tick retries and fails again; the change stays.
    runner.handle(.tick)
    #expect(runner.state.unsaved.count == 1)
    // Quitting with an unsaved change asks first.
    runner.handle(.key(.character("q")))
    #expect(!runner.state.isFinished)
    #expect(try String(contentsOfFile: progress, encoding: .utf8) == "in the way\n")

    try FileManager.default.removeItem(atPath: progress)
    try FileManager.default.moveItem(atPath: aside, toPath: progress)
    runner.handle(.tick)
    #expect(runner.state.unsaved.isEmpty)
    #expect(try data.store.loadWeek(ISOWeek(containing: Days.today)).items.count == 2)
  }

  @Test(
    "the disk fills while open (a 256 KiB tmpfs): the app says so, keeps the change, saves it once there is room",
    .enabled(if: TinyDisk.canMount, "needs permission to mount a tmpfs"))
  func diskFillsWhileOpen() throws {
    let disk = try TinyDisk()
    defer { disk.remove() }
    let data = TemporaryDataDirectory(path: "\(disk.path)/data")
    try FileManager.default.createDirectory(atPath: data.path, withIntermediateDirectories: true)
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let (runner, terminal) = try makeRunner(data, programme: programme)
    runner.start()
    runner.handle(.key(.character(" ")))
    #expect(runner.state.unsaved.isEmpty)
    let weekFile = data.store.file(for: ISOWeek(containing: Days.today))
    let saved = try Data(contentsOf: URL(fileURLWithPath: weekFile))

    try disk.fill()
    runner.handle(.key(.down))
    runner.handle(.key(.character(" ")))
    #expect(runner.state.unsaved.count == 1)
    let message = runner.state.message?.text ?? ""
    #expect(message.contains("free some disk space"), "\(message)")
    terminal.draw(render(runner.state, size: Self.size, capabilities: .full))
    #expect(terminal.lastFrame?.text.contains("not saved") == true)
    // The week file is as it was; no temporary file is left behind.
    #expect(try Data(contentsOf: URL(fileURLWithPath: weekFile)) == saved)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: data.store.progressDirectory)
        == ["2026-W49.json"])

    disk.makeRoom()
    runner.handle(.tick)
    #expect(runner.state.unsaved.isEmpty)
    #expect(try data.store.loadWeek(ISOWeek(containing: Days.today)).items.count == 2)
  }

  @Test(
    "the clock jumps forwards and backwards while open: the day follows, writes go to the right week"
  )
  func clockJumps() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let clock = MovableClock(Days.today)
    let (runner, terminal) = try makeRunner(data, programme: programme, clock: clock.clock)
    runner.start()

    func jump(to text: String) {
      clock.day = Days.day(text)
      runner.handle(.tick)
      terminal.draw(render(runner.state, size: Self.size, capabilities: .full))
    }

    // Forwards a week (a suspended laptop): the new week's list, written to its own file.
    jump(to: "2026-12-09")
    #expect(runner.state.today == Days.day("2026-12-09"))
    #expect(runner.state.todayScreen.day == Days.day("2026-12-09"))
    #expect(runner.state.todayScreen.checklist?.day == Days.day("2026-12-09"))
    runner.handle(.key(.character(" ")))
    #expect(runner.state.unsaved.isEmpty)
    #expect(try data.store.loadWeek(ISOWeek(containing: Days.day("2026-12-09"))).items.count == 1)

    // Backwards across the week boundary (a clock corrected): never showing a day after today.
    jump(to: "2026-12-01")
    #expect(runner.state.today == Days.day("2026-12-01"))
    #expect(runner.state.todayScreen.day == Days.day("2026-12-01"))
    #expect(runner.state.todayScreen.checklist?.day == Days.day("2026-12-01"))
    runner.handle(.key(.character(" ")))
    let earlier = try data.store.loadWeek(ISOWeek(containing: Days.day("2026-12-01")))
    #expect(earlier.items.count == 1)
    #expect(earlier.items.values.first?.at == "2026-12-01T09:00:00Z")
    // The later week's record is kept as it was.
    #expect(try data.store.loadWeek(ISOWeek(containing: Days.day("2026-12-09"))).items.count == 1)

    // Browsing the day before, then the clock moves on: the browsed day stays.
    runner.handle(.key(.left))
    jump(to: "2026-12-02")
    #expect(runner.state.todayScreen.day == Days.day("2026-11-30"))

    // Before the programme starts and long after it ends: nothing to tick, nothing written.
    jump(to: "2026-11-20")
    #expect(runner.state.todayScreen.day == Days.day("2026-11-20"))
    runner.handle(.key(.character(" ")))
    jump(to: "2031-01-01")
    #expect(runner.state.todayScreen.day == Days.day("2031-01-01"))
    runner.handle(.key(.character(" ")))
    #expect(runner.state.unsaved.isEmpty)
    #expect(try data.store.storedWeeks().map(\.description) == ["2026-W49", "2026-W50"])
    Hostile.expectNoControlCharacters(in: terminal.frames)
  }
}

/// A 256 KiB tmpfs mounted for one test, to fill up for real (ENOSPC). Needs CAP_SYS_ADMIN,
/// which CI's root container has; elsewhere the test is skipped.
struct TinyDisk {
  let path: String
  var filler: String { "\(path)/filler" }

  static let canMount: Bool = {
    guard let disk = try? TinyDisk() else { return false }
    disk.remove()
    return true
  }()

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "rehabit-disk-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    guard mount("tmpfs", path, "tmpfs", 0, "size=256k,mode=0700") == 0 else {
      let code = errno
      try? FileManager.default.removeItem(atPath: path)
      throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EPERM)
    }
  }

  /// Writes a file until the disk refuses another byte.
  func fill() throws {
    let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    let block = [UInt8](repeating: 0x78, count: 4096)
    for size in [4096, 1] {
      while block.withUnsafeBytes({ write(fd, $0.baseAddress, size) }) == size {}
    }
  }

  func makeRoom() { unlink(filler) }

  func remove() {
    umount2(path, Int32(MNT_DETACH))
    rmdir(path)
  }
}

extension TemporaryDataDirectory {
  /// A data directory at a given place (inside a `TinyDisk`).
  init(path: String) { self.path = path }
}
