import Testing

@testable import TerminalUI

@Suite struct HelpBarTests {
  let items = [
    HelpRow(keys: "space", help: "done"), HelpRow(keys: "s", help: "skip"),
    HelpRow(keys: "?", help: "help"),
  ]

  @Test func showsPairsSeparatedByTwoSpaces() {
    let bar = HelpBar(items: items)
    let buffer = rendered(width: 30, height: 1) { bar.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["space done  s skip  ? help"])
    #expect(buffer[0, 0].style.bold)
    #expect(!buffer[6, 0].style.bold)
  }

  @Test func dropsItemsThatDoNotFitWhole() {
    let bar = HelpBar(items: items)
    let buffer = rendered(width: 20, height: 1) { bar.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["space done  s skip"])
  }

  @Test func bodyIsGeneratedFromAKeyTable() {
    let table: KeyTable<Int> = [
      KeyBinding(keys: [.character("q")], action: 1, help: "quit"),
      KeyBinding(keys: [.up, .down], action: 2, help: "move", label: "↑↓"),
    ]
    let bar = HelpBar(items: table.helpBarItems(), barStyle: Style(reverse: true))
    let buffer = rendered(width: 20, height: 1) { bar.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["q quit  ↑↓ move"])
    #expect(buffer[19, 0].style.reverse, "the bar style spans the whole line")
  }
}
