import Testing

@testable import TerminalUI

@Suite struct ListViewTests {
  let rows: [ListRow] = [
    .header("Morning"), .item("Heel slides"), .item("Quad sets"),
    .header("Evening"), .item("Straight leg raise"), .item("Ice"), .item("Walk"),
  ]

  @Test func selectionStartsOnTheFirstItemNotAHeader() {
    #expect(ListView(rows: rows).selection == 1)
    #expect(ListView(rows: [.header("only")]).selection == nil)
    #expect(ListView(rows: []).selection == nil)
  }

  @Test func movingSkipsHeadersAndStopsAtTheEnds() {
    var list = ListView(rows: rows)
    list.moveSelection(by: 1)
    #expect(list.selection == 2)
    list.moveSelection(by: 1)
    #expect(list.selection == 4)
    list.moveSelection(by: -10)
    #expect(list.selection == 1)
    list.moveSelection(by: 10)
    #expect(list.selection == 6)
    list.select(3)
    #expect(list.selection == 4)
    list.selectFirst()
    #expect(list.selection == 1)
    list.selectLast()
    #expect(list.selection == 6)
  }

  @Test func renderShowsRowsAndHighlightsTheSelection() {
    var list = ListView(rows: rows)
    list.moveSelection(by: 1)
    let buffer = rendered(width: 12, height: 3) { list.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["Morning", "Heel slides", "Quad sets"])
    #expect(buffer[0, 2].style.reverse)
    #expect(buffer[11, 2].style.reverse, "the highlight spans the full row")
    #expect(!buffer[0, 1].style.reverse)
    #expect(buffer[0, 0].style.bold)
  }

  @Test func scrollingKeepsTheSelectionVisibleAtEveryPosition() {
    var list = ListView(rows: rows)
    for _ in 0..<8 {
      let offset = list.visibleOffset(height: 3)
      if let selection = list.selection {
        #expect((offset..<offset + 3).contains(selection))
      }
      list.moveSelection(by: 1)
      list.scrollToSelection(height: 3)
    }
    #expect(list.selection == 6)
    let bottom = rendered(width: 20, height: 3) { list.render(into: &$0, in: $1) }
    #expect(bottom.lines == ["Straight leg raise", "Ice", "Walk"])
    for _ in 0..<8 {
      list.moveSelection(by: -1)
      list.scrollToSelection(height: 3)
      let offset = list.scrollOffset
      if let selection = list.selection {
        #expect((offset..<offset + 3).contains(selection))
      }
    }
  }

  @Test func scrollingUpToASectionsFirstItemAlsoShowsItsHeader() {
    var list = ListView(rows: rows, selection: 6, scrollOffset: 4)
    list.select(5)
    #expect(list.visibleOffset(height: 3) == 4)
    list.select(4)
    #expect(list.visibleOffset(height: 3) == 3)
    let buffer = rendered(width: 20, height: 3) { list.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["Evening", "Straight leg raise", "Ice"])
  }

  @Test func staleOffsetIsCorrectedWhenRendering() {
    let list = ListView(rows: rows, selection: 1, scrollOffset: 5)
    let buffer = rendered(width: 12, height: 2) { list.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["Morning", "Heel slides"])
  }

  @Test func pagingMovesByAPage() {
    var list = ListView(rows: rows)
    list.movePage(by: 1, height: 3)
    #expect(list.selection == 4)
    list.movePage(by: -1, height: 3)
    #expect(list.selection == 2)
  }

  @Test func longItemsAreTruncatedWithAnEllipsis() {
    let list = ListView(rows: [.item("Straight leg raise")])
    let buffer = rendered(width: 10, height: 1) { list.render(into: &$0, in: $1) }
    #expect(buffer.lines == ["Straight…"])
  }
}
