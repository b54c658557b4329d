import ArgumentParser
import RehabCore
import RehabTUI

/// `rehabit skip N… --reason TEXT`: mark items skipped, saying why.
struct SkipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skip",
    abstract: "Mark items skipped, with a reason (numbers from `today`, or item ids).",
    discussion:
      "Skipped items count as not done in adherence (R-ADH); the reason is kept for your clinician."
  )

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("Item numbers from `rehabit today`, or item ids.", valueName: "N"))
  var items: [String]
  @Option(help: ArgumentHelp("Why the items were skipped.", valueName: "text"))
  var reason: String
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    try ItemStatusChange.validate(items)
    if reason.allSatisfy(\.isWhitespace) {
      throw ValidationError("--reason is empty; say briefly why, e.g. --reason \"sore heel\"")
    }
    // The same limit as the app's skip form, so a reason always fits where it is shown.
    if reason.count > SkipForm.maxLength {
      throw ValidationError(
        "--reason is \(reason.count) characters long; keep it to \(SkipForm.maxLength), a few words for your clinician"
      )
    }
  }

  func run() throws {
    let trimmed = String(
      reason.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    try ItemStatusChange(
      common: common, words: items, status: .skipped, reason: trimmed, json: json
    )
    .run()
  }
}
