import ArgumentParser
import RehabCore
import RehabStore

/// `rehabit` with no command: the full-screen app on the day's checklist.
struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Open the full-screen app on the day's checklist (the default command).",
    shouldDisplay: false)

  @OptionGroup var common: CommonOptions

  func run() throws {
    let store = try common.store()
    let programme = try common.requireProgramme(in: store)
    let checklist = try DayChecklist.load(day: try common.day(), programme: programme, store: store)
    DayChecklistText.print(checklist)
  }
}
