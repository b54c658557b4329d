import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The Week screen, the check-in form and the Export dialog through the runner: a scripted
/// terminal, a real data directory, and the files they write.
@MainActor
@Suite("AppRunner: week, check-in and export")
struct AppRunnerScreensTests {
  static let size = Size(width: 80, height: 24)

  func run(
    _ data: TemporaryDataDirectory, keys: [Key], exportDirectory: String? = nil
  ) throws -> (AppRunner, ScriptedTerminal) {
    let programme = try Fixtures.programme()
    try data.store.saveProgramme(programme, replacing: false)
    let terminal = ScriptedTerminal(size: Self.size, keys: keys)
    let runner = AppRunner(
      terminal: terminal, store: data.store, clock: .fixed(Days.today), programme: programme,
      templates: [], tickMilliseconds: 1000, exportDirectory: exportDirectory ?? data.path)
    runner.run()
    return (runner, terminal)
  }

  static func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

  @Test func aCheckinTypedInTheFormIsInTheWeekFile() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let keys: [Key] =
      [.character("c")] + Self.typed("3") + [.tab] + Self.typed("55") + [.tab, .tab]
      + Self.typed("12") + [.tab] + Self.typed("20") + [.function(2), .character("q")]
    let (runner, terminal) = try run(data, keys: keys)
    #expect(runner.state.isFinished)
    let week = try data.week("2026-W49")
    let checkins = try #require(week["checkins"] as? [[String: Any]])
    #expect(checkins.count == 1)
    let checkin = try #require(checkins.first)
    #expect((checkin["id"] as? String)?.hasPrefix("c-20261202-") == true)
    #expect(checkin["day"] as? String == "2026-12-02")
    #expect(checkin["at"] as? String == "2026-12-02T12:00:00Z")
    let values = try #require(checkin["values"] as? [String: Any])
    #expect(values["pain"] as? Double == 3)
    #expect(values["sane"] as? Double == 55)
    #expect(values["heel-raises"] as? [String: Double] == ["left": 12, "right": 20])
    #expect(values.count == 3)
    #expect(terminal.frames.contains { $0.text.contains("Check-in saved for Wed 2026-12-02") })
    // Opening the form again starts from the stored check-in.
    let (again, _) = try runAgain(data, keys: [.character("c")], folder: data.path)
    guard case .checkin(let form) = again.state.screen else {
      Issue.record("no check-in form")
      return
    }
    #expect(form.fields.map(\.input.value) == ["3", "55", "", "12", "20", "", ""])
  }

  @Test func scrollingUpAfterRunningPastTheEndMovesAtOnce() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let keys: [Key] =
      [.character("w")] + Array(repeating: .character("j"), count: 200) + [.character("k")]
      + [.character("?")] + Array(repeating: .pageDown, count: 50) + [.pageUp, .escape]
      + [.character("q")]
    let (runner, terminal) = try run(data, keys: keys)
    #expect(runner.state.isFinished)
    let frames = terminal.frames.map(\.text)
    // Frames: Today, the week, 200 scrolls down, one up, help, 50 pages down, one up, closed.
    let atEnd = frames[201]
    let oneUp = frames[202]
    #expect(frames[200] == atEnd)
    #expect(oneUp != atEnd)
    let helpAtEnd = frames[253]
    let helpOneUp = frames[254]
    #expect(frames[252] == helpAtEnd)
    #expect(helpOneUp != helpAtEnd)
  }

  @Test func anInvalidCheckinIsNotSaved() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let keys: [Key] =
      [.character("c")] + Self.typed("12") + [.tab] + Self.typed("55") + [.function(2)]
    let (runner, terminal) = try run(data, keys: keys)
    #expect(try data.store.loadWeek(ISOWeek(containing: Days.today)).checkins.isEmpty)
    guard case .checkin(let form) = runner.state.screen else {
      Issue.record("the form closed")
      return
    }
    #expect(form.focus == 0 && form.problem?.contains("out of range") == true)
    #expect(terminal.lastFrame?.text.contains("pain 12 is out of range") == true)
  }

  @Test func theWeekScreenShowsWhatWasTickedAndGoesBack() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let keys: [Key] = [
      .character(" "), .character("w"), .left, .right, .escape, .character("q"),
    ]
    let (runner, terminal) = try run(data, keys: keys)
    let week = try #require(
      terminal.frames.first { $0.text.contains("Week 2026-W49") && $0.text.contains("This week") })
    #expect(week.text.contains("✓"))
    // One item ticked of those scheduled Monday to today (Wednesday).
    let scheduler = Scheduler(programme: try Fixtures.programme())
    let scheduled = (0...2).map { scheduler.checklist(for: Days.start.adding(days: $0)).count }
      .reduce(0, +)
    #expect(week.text.contains("(1/\(scheduled))"))
    #expect(terminal.frames.contains { $0.text.contains("The programme starts in week") })
    #expect(runner.state.screen == .today)
  }

  @Test func exportWritesAPrivateFileAndAsksBeforeReplacingIt() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let folder = "\(data.path)/exports"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = "\(folder)/rehabit-2026-12-02.md"
    let (exported, terminal) = try run(
      data, keys: [.character("e"), .enter, .enter], exportDirectory: folder)
    #expect(FileManager.default.fileExists(atPath: path))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    let first = try String(contentsOfFile: path, encoding: .utf8)
    #expect(first.contains("Lateral ankle sprain"))
    #expect(exported.state.message?.text == "Exported markdown to \(path).")
    #expect(terminal.frames.contains { $0.text.contains("Exported markdown to /tmp/") })
    #expect(exported.state.screen == .today)

    // Again: the file exists; n keeps it.
    try "kept".write(toFile: path, atomically: false, encoding: .utf8)
    let (_, asked) = try runAgain(
      data, keys: [.character("e"), .enter, .character("n"), .escape, .character("q")],
      folder: folder)
    #expect(asked.frames.contains { $0.text.contains("already exists. Replace it? y/n") })
    #expect(asked.frames.contains { $0.text.contains("was kept; choose another name") })
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept")

    // And again: y replaces it, still private.
    let (runner, _) = try runAgain(
      data, keys: [.character("e"), .enter, .character("y"), .enter, .character("q")],
      folder: folder)
    #expect(runner.state.isFinished)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
    let replaced = try FileManager.default.attributesOfItem(atPath: path)
    #expect(replaced[.posixPermissions] as? Int == 0o600)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(names == ["rehabit-2026-12-02.md"], "a temporary file was left")
  }

  @Test func anExportIntoAMissingFolderSaysSoAndWritesNothing() throws {
    let data = try TemporaryDataDirectory()
    defer { data.remove() }
    let keys: [Key] =
      [.character("e")] + Array(repeating: .backspace, count: 80)
      + Self.typed("\(data.path)/missing/x.md") + [.enter]
    let (runner, terminal) = try run(data, keys: keys)
    guard case .export(let dialog) = runner.state.screen else {
      Issue.record("the dialog closed")
      return
    }
    #expect(dialog.stage == .editing)
    #expect(dialog.problem?.contains("does not exist") == true)
    #expect(terminal.lastFrame?.text.contains("Not exported") == true)
    #expect(!FileManager.default.fileExists(atPath: "\(data.path)/missing"))
  }

  /// A second run on the same data directory (the programme is already there).
  func runAgain(_ data: TemporaryDataDirectory, keys: [Key], folder: String) throws -> (
    AppRunner, ScriptedTerminal
  ) {
    let programme = try #require(try data.store.loadProgramme())
    let terminal = ScriptedTerminal(size: Self.size, keys: keys)
    let runner = AppRunner(
      terminal: terminal, store: data.store, clock: .fixed(Days.today), programme: programme,
      templates: [], tickMilliseconds: 1000, exportDirectory: folder)
    runner.run()
    return (runner, terminal)
  }
}
