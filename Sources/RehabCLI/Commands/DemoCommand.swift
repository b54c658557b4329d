import ArgumentParser
import Foundation
import RehabCore
import RehabStore

/// `rehabit demo`: the app on a bundled demo programme, in a fresh temporary data directory
/// (never the user's).
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract:
      "Try rehabit on a demo programme with a few weeks of history (a temporary data folder).")

  static let demoTemplate = "chronic-ankle-instability"
  static let demoWeeksOfHistory = 3

  @OptionGroup var common: CommonOptions

  func run() throws {
    let today = try common.day()
    let directory = try DemoCommand.makeTemporaryDirectory()
    let store = ProgressStore(directory: directory)
    try store.prepareDirectory()
    let plan = try TemplateLibrary.template(id: DemoCommand.demoTemplate).plan
    let programme = Programme(
      plan: plan, start: today.adding(days: -7 * DemoCommand.demoWeeksOfHistory),
      affectedSide: .left)
    try store.saveProgramme(programme, replacing: false)
    Output.line("Demo data in \(directory) (a temporary folder; your own data is untouched).")
    DayChecklistText.print(try DayChecklist.load(day: today, programme: programme, store: store))
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
