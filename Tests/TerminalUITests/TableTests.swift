import Testing

@testable import TerminalUI

@Suite struct TableTests {
  let table = Table(
    columns: [
      TableColumn("Exercise"), TableColumn("Sets", width: 4, alignment: .right),
      TableColumn("Side", width: 5, alignment: .center),
    ],
    rows: [
      TableRow(["Heel slides", "3", "L"]),
      TableRow(["Straight leg raise", "10", "both"], style: Style(bold: true)),
      TableRow(["Ice", TableCell("1", style: Style(foreground: .red)), "R"]),
    ])

  @Test func columnsAlignAndFlexibleColumnTakesTheRest() {
    #expect(table.columnWidths(totalWidth: 24) == [13, 4, 5])
    let buffer = rendered(width: 24, height: 4) { table.render(into: &$0, in: $1) }
    #expect(
      buffer.lines == [
        "Exercise      Sets Side",
        "Heel slides      3   L",
        "Straight leg…   10 both",
        "Ice              1   R",
      ])
    #expect(buffer[0, 0].style.bold)
    #expect(buffer[0, 2].style.bold)
    #expect(buffer[17, 3].style.foreground == .red)
  }

  @Test func rowsBeyondTheHeightAreNotDrawn() {
    let buffer = rendered(width: 24, height: 2) { table.render(into: &$0, in: $1) }
    #expect(buffer.lines.count == 2)
    #expect(buffer.lines[1] == "Heel slides      3   L")
  }

  @Test func narrowTableCutsColumnsAtTheEdge() {
    #expect(table.columnWidths(totalWidth: 8) == [0, 4, 2])
    let buffer = rendered(width: 8, height: 2) { table.render(into: &$0, in: $1) }
    #expect(buffer.lines == [" Sets S…", "    3 L"])
  }
}
