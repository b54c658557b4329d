import ArgumentParser
import RehabCore

/// `rehabit uncheck N…`: mark items not done (pending) again.
struct UncheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "uncheck",
    abstract: "Mark items not done again (numbers from `today`, or item ids).")

  @OptionGroup var common: CommonOptions
  @Argument(help: ArgumentHelp("Item numbers from `rehabit today`, or item ids.", valueName: "N"))
  var items: [String]
  @Flag(help: "Print JSON.") var json = false

  func validate() throws { try ItemStatusChange.validate(items) }

  func run() throws {
    try ItemStatusChange(common: common, words: items, status: .pending, reason: nil, json: json)
      .run()
  }
}
