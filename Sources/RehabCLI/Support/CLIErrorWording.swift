import RehabStore

/// The store's and the template library's errors in the CLI's words: where they name something
/// a person can do, it becomes an option or a command. (Those modules word things neutrally.)
enum CLIErrorWording {
  /// The line to print for `error`, or nil to print it as it describes itself.
  static func message(for error: any Error) -> String? {
    switch error {
    case let store as StoreError:
      return line(store)
    case let missing as TemplateNotFound:
      return "\(missing.description) (see `rehabit templates`)"
    default:
      return nil
    }
  }

  static func line(_ error: StoreError) -> String {
    guard let remedy = error.remedy else { return error.description }
    let fix: String
    switch remedy {
    case .chooseDataDirectory: fix = "\(error.fix) (--data-dir DIR)"
    case .replaceProgramme: fix = "use --force to replace it (progress files are kept)"
    case .listRecords(let day):
      fix =
        "list the day's records and their ids with `rehabit log --date \(day)`; nothing was removed"
    }
    var worded = error
    worded.fix = fix
    return worded.description
  }
}
