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
/// temporary data directory (never the user's).
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract:
      "Try rehabit on a demo programme with three weeks of history (a temporary data folder).")

  static let demoTemplate = "chronic-ankle-instability"
  static let demoWeeksOfHistory = 3

  @OptionGroup var common: CommonOptions
  @OptionGroup var screen: ScreenOptions

  func run() throws {
    let today = try common.day()
    let clock = try common.appClock()
    let templates = try TemplateLibrary.all(extraDirectory: common.templatesDirectory)
    let directory = try MainActor.assumeIsolated {
      // The terminal first: without one, nothing is created.
      let terminal = try FullScreen.start()
      defer { terminal.stop() }
      let (directory, store, programme) = try DemoCommand.makeDemo(today: today)
      try FullScreen.run(
        on: terminal, store: store, programme: programme, templates: templates, clock: clock,
        bell: screen.bell)
      return directory
    }
    Output.line(
      "Demo data is in \(directory) (a temporary folder; your own data is untouched). Delete it when you are done."
    )
  }

  /// A temporary data directory with the demo programme, started three weeks before `today`,
  /// and its seeded history.
  static func makeDemo(today: CalendarDay) throws -> (String, ProgressStore, Programme) {
    let directory = try makeTemporaryDirectory()
    let store = ProgressStore(directory: directory)
    try store.prepareDirectory()
    let plan = try TemplateLibrary.template(id: demoTemplate).plan
    let programme = Programme(
      plan: plan, start: today.adding(days: -7 * demoWeeksOfHistory), affectedSide: .left)
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
