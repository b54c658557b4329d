import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// The Export dialog: its state changes as data, and how it looks.
@Suite("Export dialog")
struct ExportDialogTests {
  static func dialogState() throws -> AppState {
    var state = try Fixtures.todayState()
    state.exportDirectory = "/home/ana/notes"
    state.homeDirectory = "/home/ana"
    _ = state.apply(.today(.openExport))
    return state
  }

  static func dialog(_ state: AppState) -> ExportDialog? {
    if case .export(let dialog) = state.screen { return dialog }
    return nil
  }

  @Test func opensWithTheSuggestedNameInTheExportDirectory() throws {
    let state = try Self.dialogState()
    let dialog = try #require(Self.dialog(state))
    #expect(dialog.format == .markdown)
    #expect(dialog.pathField.value == "/home/ana/notes/rehabit-2026-12-02.md")
    let buffer = render(state, size: Fixtures.size, capabilities: .full)
    Snapshot.expect(buffer, matches: "export-80x24")
    for format in ExportFormat.allCases { #expect(buffer.text.contains(format.rawValue)) }
  }

  @Test func anotherFormatChangesTheExtensionAndWrapsAround() throws {
    var state = try Self.dialogState()
    _ = state.apply(.export(.changeFormat(1)))
    #expect(Self.dialog(state)?.pathField.value == "/home/ana/notes/rehabit-2026-12-02.csv")
    _ = state.apply(.export(.changeFormat(-2)))
    #expect(Self.dialog(state)?.format == ExportFormat.allCases.last)
    #expect(Self.dialog(state)?.pathField.value == "/home/ana/notes/rehabit-2026-12-02.fhir.json")
  }

  @Test func enterAsksTheRunnerToExportToTheAbsolutePath() throws {
    var state = try Self.dialogState()
    for _ in 0..<40 { _ = state.apply(.export(.editText(.backspace))) }
    for character in "~/out/summary.md" {
      _ = state.apply(.export(.editText(.character(character))))
    }
    var effects = state.apply(.export(.submit))
    #expect(effects == [.export(.markdown, path: "/home/ana/out/summary.md", replacing: false)])
    #expect(Self.dialog(state)?.stage == .writing)
    // Keys wait while it is written.
    #expect(AppKeys.action(for: .escape, in: state) == nil)
    effects = state.apply(.exportFinished(.written(path: "/home/ana/out/summary.md")))
    #expect(effects.isEmpty)
    #expect(Self.dialog(state)?.stage == .done(path: "/home/ana/out/summary.md"))
    #expect(state.message?.text == "Exported markdown to /home/ana/out/summary.md.")
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("/home/ana/out/summary.md"))
    _ = state.apply(.export(.cancel))
    #expect(state.screen == .today)
  }

  @Test func aRelativePathGoesInTheExportDirectory() throws {
    var state = try Self.dialogState()
    for _ in 0..<40 { _ = state.apply(.export(.editText(.backspace))) }
    for character in "a.csv" { _ = state.apply(.export(.editText(.character(character)))) }
    #expect(
      state.apply(.export(.submit)) == [
        .export(.markdown, path: "/home/ana/notes/a.csv", replacing: false)
      ])
  }

  @Test func anEmptyPathOrAFolderIsRefusedWithAHint() throws {
    var state = try Self.dialogState()
    for _ in 0..<40 { _ = state.apply(.export(.editText(.backspace))) }
    #expect(state.apply(.export(.submit)).isEmpty)
    #expect(Self.dialog(state)?.problem == "Type a file path.")
    for character in "/tmp/" { _ = state.apply(.export(.editText(.character(character)))) }
    #expect(state.apply(.export(.submit)).isEmpty)
    #expect(Self.dialog(state)?.problem?.contains("is a folder") == true)
    #expect(Self.dialog(state)?.stage == .editing)
  }

  @Test func anExistingFileIsReplacedOnlyAfterYes() throws {
    var state = try Self.dialogState()
    let path = "/home/ana/notes/rehabit-2026-12-02.md"
    _ = state.apply(.export(.submit))
    _ = state.apply(.exportFinished(.exists(path: path)))
    #expect(Self.dialog(state)?.stage == .confirmReplace(path: path))
    let asking = render(state, size: Fixtures.size, capabilities: .full)
    #expect(asking.text.contains("already exists. Replace it? y/n"))
    // Only y, n and Esc mean something now.
    #expect(AppKeys.action(for: .character("q"), in: state) == nil)
    #expect(AppKeys.action(for: .character("y"), in: state) == .export(.confirmReplace))
    #expect(AppKeys.action(for: .character("n"), in: state) == .export(.cancel))
    var declined = state
    _ = declined.apply(.export(.cancel))
    #expect(Self.dialog(declined)?.stage == .editing)
    #expect(Self.dialog(declined)?.problem?.contains("was kept") == true)
    let effects = state.apply(.export(.confirmReplace))
    #expect(effects == [.export(.markdown, path: path, replacing: true)])
  }

  @Test func aFailureIsShownAndTheDialogStaysOpen() throws {
    var state = try Self.dialogState()
    _ = state.apply(.export(.submit))
    _ = state.apply(.exportFinished(.failed("/x/y.md: the folder /x does not exist")))
    #expect(Self.dialog(state)?.stage == .editing)
    #expect(Self.dialog(state)?.problem == "Not exported: /x/y.md: the folder /x does not exist")
    #expect(render(state, size: Fixtures.size, capabilities: .full).text.contains("Not exported"))
  }

  @Test func typingGoesToThePathAndEscCloses() throws {
    var state = try Self.dialogState()
    #expect(AppKeys.action(for: .character("q"), in: state) == .export(.editText(.character("q"))))
    #expect(AppKeys.action(for: .down, in: state) == .export(.changeFormat(1)))
    _ = state.apply(.export(.cancel))
    #expect(state.screen == .today)
  }
}
