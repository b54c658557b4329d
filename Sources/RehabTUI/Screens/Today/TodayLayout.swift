import RehabCore
import TerminalUI

/// Where the Today screen puts things, shared by `update` (scrolling) and `render`.
enum TodayLayout {
  /// Header on row 0, list from row 2, then the message, status and help lines.
  static func listRect(in size: Size) -> Rect {
    Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 5))
  }

  /// A list row: a kind heading or an entry (by index into the entries).
  enum Row: Equatable {
    case heading(TreatmentKind)
    case entry(Int)
  }

  /// Entries grouped by kind in checklist order (the scheduler's session order), each group
  /// under its heading.
  static func rows(_ entries: [TodayEntry]) -> [Row] {
    var rows: [Row] = []
    var currentKind: TreatmentKind?
    for (index, entry) in entries.enumerated() {
      if entry.item.kind != currentKind {
        rows.append(.heading(entry.item.kind))
        currentKind = entry.item.kind
      }
      rows.append(.entry(index))
    }
    return rows
  }

  /// The list as a `ListView`, for its scrolling rules (headings are never selected, the
  /// heading above the top item stays visible).
  static func listView(entries: [TodayEntry], selection: Int, scrollOffset: Int) -> ListView {
    let rows = rows(entries)
    let listRows = rows.map { row -> ListRow in
      switch row {
      case .heading(let kind): .header(kind.title)
      case .entry(let index): .item(entries[index].item.id)
      }
    }
    let selectedRow = rows.firstIndex(of: .entry(selection)) ?? 0
    return ListView(rows: listRows, selection: selectedRow, scrollOffset: scrollOffset)
  }
}
