import ArgumentParser
import RehabCore
import RehabStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// `rehabit demo`: the app on a bundled demo programme with three weeks of history, in a fresh
/// temporary data directory (never the user's) that is removed on exit unless `--keep`; or in
/// the `--data-dir` given, which is kept.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract:
      "Try rehabit on a demo programme with three weeks of history (a temporary data folder).",
    discussion: """
      The temporary folder is removed when the app exits unless --keep is given. With \
      --data-dir DIR the demo is written there instead (DIR must not hold a programme yet) and \
      kept.
      """)

  static let demoTemplate = "chronic-ankle-instability"
  static let demoWeeksOfHistory = 3

  @OptionGroup var common: CommonOptions
  @OptionGroup var screen: ScreenOptions
  @Flag(help: "Keep the temporary demo folder on exit (default: it is removed).") var keep = false

  func run() throws {
    let today = try common.day()
    let clock = try common.appClock()
    let templates = try TemplateLibrary.all(extraDirectory: common.templatesDirectory)
    let directory = try MainActor.assumeIsolated {
      // The terminal first: without one, nothing is created.
      let terminal = try FullScreen.start()
      defer { terminal.stop() }
      let chosen = try common.dataDirectory.map { _ in try common.store().directory }
      let (directory, store, programme) = try DemoCommand.makeDemo(today: today, in: chosen)
      do {
        try FullScreen.run(
          on: terminal, store: store, programme: programme, templates: templates, clock: clock,
          bell: screen.bell)
      } catch {
        if chosen == nil && !keep { DemoCommand.remove(directory) }
        throw error
      }
      return directory
    }
    if common.dataDirectory != nil {
      Output.line("The demo data is in \(directory).")
    } else if keep {
      Output.line(
        "Demo data kept in \(directory) (a temporary folder; your own data is untouched).")
    } else {
      DemoCommand.remove(directory)
    }
  }

  /// The temporary demo folder and everything in it.
  static func remove(_ directory: String) {
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// A data directory (`directory`, else a new temporary one) with the demo programme, started
  /// three weeks before `today`, and its seeded history.
  static func makeDemo(today: CalendarDay, in directory: String? = nil) throws -> (
    String, ProgressStore, Programme
  ) {
    let directory = try directory ?? makeTemporaryDirectory()
    let store = ProgressStore(directory: directory)
    try store.prepareDirectory()
    let plan = try TemplateLibrary.template(id: demoTemplate).plan
    let programme = DemoHistory.programme(
      plan: plan, today: today, weeksOfHistory: demoWeeksOfHistory)
    try store.saveProgramme(programme, replacing: false)
    try DemoHistory.seed(store, programme: programme, today: today)
    return (directory, store, programme)
  }

  static func makeTemporaryDirectory() throws -> String {
    let base =
      ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(base)/rehabit-demo-XXXXXX".utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) } != nil
    }
    guard created else {
      throw CLIError("cannot create a temporary folder in \(base); set TMPDIR to a writable folder")
    }
    return String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
