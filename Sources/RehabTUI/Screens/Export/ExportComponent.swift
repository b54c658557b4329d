import RehabCore
import TerminalUI

/// What the user wants in the Export dialog, and what became of the export.
public enum ExportAction: Equatable, Sendable {
  /// Another export format (±1 through `ExportFormat.allCases`).
  case changeFormat(Int)
  /// A key for the path field.
  case editText(Key)
  /// Enter: export, or close the finished dialog.
  case submit
  /// Esc: close the dialog, or keep the existing file.
  case cancel
  /// "Replace? y/n" answered yes.
  case confirmReplace
  /// The runner's answer to the `.export` effect.
  case finished(ExportOutcome)
}

/// The Export dialog, over the Today screen.
enum ExportScreen: ScreenComponent {
  static func title(_ state: ExportDialog) -> String { "Export" }

  /// The dialog's keys for its stage; none of them pass to the global keys.
  static func keys(for state: ExportDialog) -> ScreenKeys {
    switch state.stage {
    case .editing: ScreenKeys(editingKeys, otherKeys: .action { .export(.editText($0)) })
    case .confirmReplace: ScreenKeys(replaceKeys, otherKeys: .ignored)
    case .done: ScreenKeys(doneKeys, otherKeys: .ignored)
    case .writing: ScreenKeys(KeyTable([]), otherKeys: .ignored)
    }
  }

  /// Arrows choose the format, printable keys go to the path.
  static let editingKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.down], action: .export(.changeFormat(1)), help: "next format"),
    KeyBinding(
      keys: [.up], action: .export(.changeFormat(-1)), help: "previous format",
      showsInHelpBar: false),
    KeyBinding(keys: [.enter], action: .export(.submit), help: "export"),
    KeyBinding(keys: [.escape], action: .export(.cancel), help: "cancel"),
    KeyBinding(keys: [.function(1)], action: .help(.open), help: "help"),
  ]

  /// "Replace? y/n"; other keys are swallowed.
  static let replaceKeys: KeyTable<AppAction> = [
    KeyBinding(
      keys: [.character("y"), .character("Y")], action: .export(.confirmReplace),
      help: "replace", label: "y"),
    KeyBinding(
      keys: [.character("n"), .character("N"), .escape], action: .export(.cancel),
      help: "keep it, choose another name", label: "n/Esc"),
  ]

  /// After the file was written.
  static let doneKeys: KeyTable<AppAction> = [
    KeyBinding(keys: [.enter, .escape], action: .export(.cancel), help: "close")
  ]

  static func open(context: ScreenContext) -> ScreenReply {
    guard context.programme != nil else { return .none }
    let dialog = ExportDialog(
      day: context.today, directory: context.exportDirectory,
      homeDirectory: context.homeDirectory)
    return ScreenReply(message: .clear, show: .export(dialog))
  }

  static func reduce(_ dialog: inout ExportDialog, _ action: ExportAction, context: ScreenContext)
    -> ScreenReply
  {
    switch dialog.stage {
    case .editing: return reduceEditing(&dialog, action)
    case .writing:
      switch action {
      case .finished(let outcome): return finish(&dialog, outcome)
      // Keys wait while the file is written.
      case .changeFormat, .editText, .submit, .cancel, .confirmReplace: return .none
      }
    case .confirmReplace(let path):
      switch action {
      case .confirmReplace:
        dialog.stage = .writing
        return ScreenReply(effects: [.export(dialog.format, path: path, replacing: true)])
      case .cancel:
        dialog.stage = .editing
        dialog.problem = "\(path) was kept; choose another name."
        return .none
      case .changeFormat, .editText, .submit, .finished:
        return .none
      }
    case .done:
      switch action {
      case .cancel, .submit: return ScreenReply(show: .today)
      case .changeFormat, .editText, .confirmReplace, .finished: return .none
      }
    }
  }

  private static func reduceEditing(_ dialog: inout ExportDialog, _ action: ExportAction)
    -> ScreenReply
  {
    switch action {
    case .changeFormat(let delta):
      dialog.changeFormat(by: delta)
    case .editText(let key):
      switch dialog.pathField.handle(key) {
      case .submitted: return exportNow(&dialog, replacing: false)
      case .cancelled: return ScreenReply(show: .today)
      case .edited: dialog.problem = nil
      case .moved, .ignored: break
      }
    case .submit:
      return exportNow(&dialog, replacing: false)
    case .cancel:
      return ScreenReply(show: .today)
    case .confirmReplace, .finished:
      break
    }
    return .none
  }

  private static func finish(_ dialog: inout ExportDialog, _ outcome: ExportOutcome)
    -> ScreenReply
  {
    switch outcome {
    case .written(let path):
      dialog.stage = .done(path: path)
      dialog.problem = nil
      return .say(StatusMessage("Exported \(dialog.format.rawValue) to \(path)."))
    case .exists(let path):
      dialog.stage = .confirmReplace(path: path)
    case .failed(let reason):
      dialog.stage = .editing
      dialog.problem = "Not exported: \(reason)"
    }
    return .none
  }

  private static func exportNow(_ dialog: inout ExportDialog, replacing: Bool) -> ScreenReply {
    switch dialog.resolvedPath() {
    case .failure(let problem):
      dialog.problem = problem.message
      return .none
    case .success(let path):
      dialog.problem = nil
      dialog.stage = .writing
      return ScreenReply(effects: [.export(dialog.format, path: path, replacing: replacing)])
    }
  }
}
