import RehabCore
import TerminalUI

extension AppState {
  mutating func openExportDialog() -> [AppEffect] {
    guard programme != nil else { return [] }
    modal = nil
    message = nil
    screen = .export(
      ExportDialog(day: today, directory: exportDirectory, homeDirectory: homeDirectory))
    return []
  }

  /// The Export dialog's actions.
  mutating func applyExport(_ action: AppAction, dialog: ExportDialog) -> [AppEffect] {
    var dialog = dialog
    defer { if case .export = screen { screen = .export(dialog) } }
    switch (dialog.stage, action) {
    case (.editing, .changeExportFormat(let delta)):
      dialog.changeFormat(by: delta)
    case (.editing, .editText(let key)):
      switch dialog.pathField.handle(key) {
      case .submitted: return exportNow(&dialog, replacing: false)
      case .cancelled:
        screen = .today
      case .edited: dialog.problem = nil
      case .moved, .ignored: break
      }
    case (.editing, .submit):
      return exportNow(&dialog, replacing: false)
    case (.editing, .cancel), (.done, .cancel), (.done, .submit):
      screen = .today
    case (.confirmReplace(let path), .confirmReplace):
      dialog.stage = .writing
      return [.export(dialog.format, path: path, replacing: true)]
    case (.confirmReplace(let path), .cancel):
      dialog.stage = .editing
      dialog.problem = "\(path) was kept; choose another name."
    case (.writing, .exportFinished(let outcome)):
      switch outcome {
      case .written(let path):
        dialog.stage = .done(path: path)
        dialog.problem = nil
        message = StatusMessage("Exported \(dialog.format.rawValue) to \(path).")
      case .exists(let path):
        dialog.stage = .confirmReplace(path: path)
      case .failed(let reason):
        dialog.stage = .editing
        dialog.problem = "Not exported: \(reason)"
      }
    default:
      break
    }
    return []
  }

  private func exportNow(_ dialog: inout ExportDialog, replacing: Bool) -> [AppEffect] {
    switch dialog.resolvedPath() {
    case .failure(let problem):
      dialog.problem = problem.message
      return []
    case .success(let path):
      dialog.problem = nil
      dialog.stage = .writing
      return [.export(dialog.format, path: path, replacing: replacing)]
    }
  }
}
