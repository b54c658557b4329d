import Testing

@testable import TerminalUI

@Suite struct KeyTableTests {
  enum Action: Equatable, CaseIterable {
    case moveUp, moveDown, toggle, quit, help
  }

  let table: KeyTable<Action> = [
    KeyBinding(keys: [.up, .character("k")], action: .moveUp, help: "previous item"),
    KeyBinding(keys: [.down, .character("j")], action: .moveDown, help: "next item"),
    KeyBinding(
      keys: [.character(" "), .character("x")], action: .toggle, help: "done", label: "space/x"),
    KeyBinding(keys: [.character("?")], action: .help, help: "help", showsInHelpBar: false),
    KeyBinding(keys: [.character("q")], action: .quit, help: "quit"),
  ]

  @Test func dispatchFindsTheBoundAction() {
    #expect(table.action(for: .up) == .moveUp)
    #expect(table.action(for: .character("j")) == .moveDown)
    #expect(table.action(for: .character("x")) == .toggle)
    #expect(table.action(for: .character("z")) == nil)
    #expect(table.action(for: .character("Q")) == nil)
  }

  @Test func helpRowsAreGeneratedFromTheSameBindings() {
    #expect(
      table.helpRows == [
        HelpRow(keys: "↑/k", help: "previous item"),
        HelpRow(keys: "↓/j", help: "next item"),
        HelpRow(keys: "space/x", help: "done"),
        HelpRow(keys: "?", help: "help"),
        HelpRow(keys: "q", help: "quit"),
      ])
    #expect(table.helpRows(unicode: false).first == HelpRow(keys: "Up/k", help: "previous item"))
  }

  @Test func everyKeyInHelpDispatchesToTheActionItDescribes() {
    for binding in table.bindings {
      for key in binding.keys {
        #expect(table.action(for: key) == binding.action, "\(key.label) → \(binding.help)")
      }
    }
    #expect(table.duplicateKeys.isEmpty)
    // Every action is reachable and documented.
    let documented = Set(table.bindings.map(\.help))
    for action in Action.allCases {
      let binding = table.bindings.first { $0.action == action }
      #expect(binding.map { documented.contains($0.help) } == true)
    }
  }

  @Test func duplicateKeysAreReported() {
    let clash: KeyTable<Action> = [
      KeyBinding(keys: [.character("q")], action: .quit, help: "quit"),
      KeyBinding(keys: [.character("q"), .escape], action: .help, help: "help"),
    ]
    #expect(clash.duplicateKeys == [.character("q")])
  }

  @Test func helpBarItemsSkipHiddenBindings() {
    #expect(!table.helpBarItems().contains { $0.help == "help" })
    #expect(table.helpBarItems().count == 4)
  }

  @Test func followedByPutsScreenKeysFirstAndDropsShadowedGlobals() {
    let screen: KeyTable<Action> = [
      KeyBinding(keys: [.character("q")], action: .toggle, help: "done")
    ]
    let global: KeyTable<Action> = [
      KeyBinding(keys: [.character("q"), .control("c")], action: .quit, help: "quit"),
      KeyBinding(keys: [.character("?")], action: .help, help: "help"),
    ]
    let merged = screen.followed(by: global)
    #expect(merged.action(for: .character("q")) == .toggle)
    #expect(merged.action(for: .control("c")) == .quit)
    #expect(
      merged.helpRows == [
        HelpRow(keys: "q", help: "done"), HelpRow(keys: "Ctrl-C", help: "quit"),
        HelpRow(keys: "?", help: "help"),
      ])
    #expect(merged.duplicateKeys.isEmpty)
  }

  @Test func mapKeepsKeysAndHelp() {
    let wrapped = table.map { "\($0)" }
    #expect(wrapped.action(for: .character("q")) == "quit")
    #expect(wrapped.helpRows == table.helpRows)
  }
}
