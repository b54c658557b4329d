import RehabCore
import RehabStore

/// What Core and the store return as values, in the app's words: remedies become the keys that
/// do them, read from the key tables so a message cannot name a key that does nothing.
enum AppWording {
  /// A flag's message with its remedy as keys.
  static func message(_ flag: ProgressFlag) -> String {
    guard let remedy = flag.remedy else { return flag.message }
    switch remedy {
    case .addCheckin(let week):
      let back = WeekScreen.keys.keysLabel(for: .week(.previousWeek)) ?? "?"
      let checkin = WeekScreen.keys.keysLabel(for: .week(.openCheckin)) ?? "?"
      return
        "\(flag.message) To add it, show programme week \(week.programmeWeek) (\(week.firstDay) to \(week.lastDay)) with \(back) and press \(checkin)."
    }
  }

  /// A store error as one line for the message line or a form.
  static func line(_ error: StoreError) -> String {
    guard let remedy = error.remedy else { return error.description }
    var worded = error
    switch remedy {
    case .chooseDataDirectory:
      worded.fix = "\(error.fix), then open rehabit with --data-dir DIR"
    case .replaceProgramme:
      worded.problem = "a programme was started meanwhile"
      worded.fix = "quit and open rehabit again to use it"
    case .listRecords(let day):
      worded.fix = "it was changed meanwhile; show \(day) again to see its records"
    }
    return worded.description
  }
}
