import Foundation
import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The red-flag list is one list (`SafetyText`), and every place that shows it shows all of it,
/// in order: `rehabit init`, the setup wizard's last step, the `?` help overlay,
/// `rehabit --help` and the Markdown and HTML exports.
@Suite("Red flags on every surface")
struct RedFlagSurfaceTests {
  static let today = CalendarDay("2026-12-02") ?? CalendarDay(daysSinceEpoch: 0)

  /// The text as a reader sees it: wrapped lines joined, bullets, borders and scroll marks
  /// dropped, runs of white space made one space.
  static func flattened(_ text: String) -> String {
    var plain = text
    for mark in ["│", "•", "↑", "↓", "\u{00A0}"] {
      plain = plain.replacingOccurrences(of: mark, with: " ")
    }
    return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Every line of `SafetyText.redFlagText` appears in `surface`, each after the one before.
  static func expectFullList(
    in surface: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let text = flattened(surface)
    var searchFrom = text.startIndex
    for line in SafetyText.redFlagText {
      let wanted = flattened(line)
      guard let found = text.range(of: wanted, range: searchFrom..<text.endIndex) else {
        Issue.record("\(name) lacks (or misorders) \"\(wanted)\"", sourceLocation: sourceLocation)
        return
      }
      searchFrom = found.upperBound
    }
  }

  /// Markdown without its escapes; HTML without tags, with its entities read back.
  static func unescapedMarkdown(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "&nbsp;", with: " ")
  }

  static func unescapedHTML(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    for (entity, character) in [
      ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"),
      ("&amp;", "&"),
    ] {
      text = text.replacingOccurrences(of: entity, with: character)
    }
    return text
  }

  @Test("the list holds the stop-now signs and the heat/ice and new-sprain cautions")
  func theListIsComplete() {
    let text = SafetyText.redFlagText.joined(separator: "\n")
    #expect(text.contains("diabetes, neuropathy or poor circulation"))
    #expect(text.contains("A new sprain or giving-way episode: pause progression and log it."))
    #expect(text.contains("inability to take 4 steps"))
    #expect(SafetyText.redFlagText.count == 1 + SafetyText.redFlags.count + 2)
  }

  @Test("init, --help and the Markdown and HTML exports print the whole list")
  func commandLineSurfaces() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let environment = ["REHABIT_TODAY": Self.today.description]
    let initRun = try RehabitBinary.run(
      ["init", "--data-dir", data.path, "--template", "lateral-ankle-sprain"],
      environment: environment)
    #expect(initRun.succeeded, "\(initRun.stderr)")
    Self.expectFullList(in: initRun.stdout, "rehabit init")

    let help = try RehabitBinary.run(["--help"], environment: environment)
    #expect(help.succeeded)
    Self.expectFullList(in: help.stdout, "rehabit --help")

    for format in ["markdown", "html"] {
      let export = try RehabitBinary.run(
        ["export", "--data-dir", data.path, "--format", format], environment: environment)
      #expect(export.succeeded, "\(export.stderr)")
      let text =
        format == "html"
        ? Self.unescapedHTML(export.stdout) : Self.unescapedMarkdown(export.stdout)
      Self.expectFullList(in: text, "export --format \(format)")
    }
  }

  /// The setup wizard on its last step.
  static func confirmStep(size: Size) throws -> AppState {
    var state = AppState(
      today: Self.today, size: size, programme: nil, templates: try TemplateLibrary.builtIn())
    for _ in 0..<5 { _ = state.apply(.setup(.submit)) }
    guard case .setup(let wizard) = state.screen, wizard.step == .confirm else {
      Issue.record("the wizard did not reach its last step")
      return state
    }
    return state
  }

  /// Every line a scrolling area `body` shows while `scroll` moves it one line at a time from
  /// the top to where it stops: line i of the text is taken from the first frame showing it.
  /// `offset` reads the first line drawn, as render clamps it.
  static func scrolledThrough(
    _ start: AppState, body: Rect, scroll: AppAction, offset: (AppState) -> Int
  ) -> (text: String, end: AppState) {
    var state = start
    var seen: [String] = []
    for _ in 0..<80 {
      let buffer = render(state, size: state.size, capabilities: .full)
      let top = offset(state)
      for (index, row) in (body.y..<body.maxY).enumerated() where top + index >= seen.count {
        seen.append(buffer.line(row))
      }
      _ = state.apply(scroll)
      _ = state.apply(.scrollShown(shownScroll(state, size: state.size, capabilities: .full)))
      if offset(state) == top { break }
    }
    return (seen.joined(separator: "\n"), state)
  }

  @Test(
    "the setup wizard's last step shows the whole list, scrolling at 60×16",
    arguments: [
      Size(width: 80, height: 24), Size(width: 60, height: 16),
    ])
  func setupWizardLastStep(size: Size) throws {
    let state = try Self.confirmStep(size: size)
    let first = render(state, size: size, capabilities: .full)
    #expect(first.lines.joined(separator: "\n").contains(SafetyText.redFlagsHeading))
    #expect(first.line(size.height - 1).contains("Enter start the programme"))
    // Scroll to the end: what was shown on the way holds every line of the list.
    let theme = Theme(.full)
    let (text, state2) = Self.scrolledThrough(
      state, body: SetupScreen.bodyRect(in: size), scroll: .setup(.scroll(1))
    ) { state in
      guard case .setup(let wizard) = state.screen else { return 0 }
      return SetupScreen.visibleConfirmOffset(wizard, size: size, theme: theme)
    }
    Self.expectFullList(in: text, "the setup wizard at \(size)")
    if size.height == 16 {
      // Too long for 16 rows: it says there is more, and scrolling shows the last caution.
      #expect(first.lines.joined(separator: "\n").contains("↓ more"))
      let end = render(state2, size: size, capabilities: .full).lines.joined(separator: "\n")
      #expect(end.contains(String(SafetyText.newInjury.prefix(30))))
      #expect(!end.contains("↓ more"))
    }
  }

  @Test(
    "the help overlay shows the whole list, scrolling at 60×16",
    arguments: [
      Size(width: 80, height: 24), Size(width: 60, height: 16),
    ])
  func helpOverlay(size: Size) throws {
    let programme = Programme(
      plan: try TemplateLibrary.template(id: "lateral-ankle-sprain").plan, start: Self.today,
      affectedSide: .left)
    // On screens that do not show the list themselves, so only the overlay can pass.
    for var state in [
      AppState(
        today: Self.today, size: size, programme: nil, templates: try TemplateLibrary.builtIn()),
      AppState(today: Self.today, size: size, programme: programme),
    ] {
      _ = state.apply(.help(.open))
      let (text, _) = Self.scrolledThrough(
        state, body: HelpScreen.textRect(in: size), scroll: .help(.scroll(1))
      ) { HelpScreen.visibleOffset(for: $0, size: size, unicode: true) }
      Self.expectFullList(in: text, "the help overlay at \(size)")
    }
  }
}
