import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The app words Core's remedies and the store's errors as keys, never as commands or options
/// of the CLI.
@Suite("App wording")
struct AppWordingTests {
  static let missed = MissedWeek(
    programmeWeek: 2, firstDay: Days.start.adding(days: 7), lastDay: Days.start.adding(days: 13))

  static var missedCheckin: ProgressFlag {
    ProgressFlag(
      kind: .missedCheckin, since: Days.today, message: "No check-in for programme week 2.",
      evidence: FlagEvidence(missedWeeks: [missed]), suggestsClinician: false,
      remedy: .addCheckin(missed))
  }

  @Test func aMissedCheckinIsAddedWithTheWeekScreensKeys() {
    let text = AppWording.message(Self.missedCheckin)
    #expect(text.hasPrefix("No check-in for programme week 2."))
    #expect(text.contains("press c"))
    #expect(text.contains("←/h"))
    #expect(text.contains("\(Self.missed.firstDay) to \(Self.missed.lastDay)"))
    #expect(!text.contains("rehabit checkin"))
    #expect(!text.contains("--"))
  }

  @Test func theWeekScreenShowsTheRemedyAndTheDisclaimerOnce() throws {
    var state = try WeekFixtures.weekState(size: Size(width: 120, height: 60))
    guard case .week(var view) = state.screen, var loaded = view.loaded else {
      Issue.record("no week loaded")
      return
    }
    var referral = Self.missedCheckin
    referral.kind = .plateau
    referral.remedy = nil
    referral.suggestsClinician = true
    loaded.flags = [Self.missedCheckin, referral, referral]
    view.loaded = loaded
    state.screen = .week(view)
    let text = render(state, size: Size(width: 120, height: 60), capabilities: .full).text
    #expect(text.contains("press c"))
    #expect(!text.contains("rehabit checkin"))
    #expect(text.components(separatedBy: "self-management aid").count == 2)
  }

  @Test func storeErrorsNameNoOptionOfTheCommandLineUnlessOneIsNeeded() {
    let exists = StoreError(
      .programmeExists, file: "/d/programme.json", problem: "a programme already exists",
      fix: "it is replaced only when asked to (progress files are kept)",
      remedy: .replaceProgramme)
    let line = AppWording.line(exists)
    #expect(!line.contains("--force"))
    #expect(line.contains("quit and open rehabit again"))
    let plain = StoreError(.fileSystem, file: "/d", problem: "x", fix: "y")
    #expect(AppWording.line(plain) == plain.description)
  }

  @Test func theEndedProgrammeHintNamesTheExportKey() {
    #expect(TodayScreen.keyLabel(for: .openExport) == "e")
  }
}
