import RehabCore
import TerminalUI

/// Where the Today screen puts things, shared by `update` (scrolling) and `render`.
enum TodayLayout {
  /// Rows the rest-day (or outside-the-programme) text takes above a list without items.
  static let emptyDayTextRows = 3

  /// Header on row 0, list from row 2, then the message, status and help lines. Without items
  /// the day's text comes first and the list of records follows it.
  static func listRect(in size: Size, loaded: LoadedDay? = nil) -> Rect {
    let whole = Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 5))
    guard let loaded, loaded.entries.isEmpty else { return whole }
    let text = min(emptyDayTextRows, whole.height)
    return Rect(x: 0, y: whole.y + text, width: whole.width, height: whole.height - text)
  }

  /// A list row: a kind heading, an item (by index into the entries), the heading of the day's
  /// records, a record (by index into the records), or a line saying what is not there yet.
  enum Row: Equatable {
    case heading(TreatmentKind)
    case entry(Int)
    case recordsHeading
    case record(Int)
    /// No pain entry or note on the day.
    case noRecords
    /// The day's programme week has no check-in.
    case noCheckin(programmeWeek: Int)

    var isSelectable: Bool {
      switch self {
      case .entry, .record: true
      case .heading, .recordsHeading, .noRecords, .noCheckin: false
      }
    }
  }

  /// Entries grouped by kind in checklist order (the scheduler's session order), each group
  /// under its heading; then the day's pain entries, notes and the programme week's check-in
  /// (on a day of the programme, or any day that has some).
  static func rows(_ loaded: LoadedDay) -> [Row] {
    var rows: [Row] = []
    var currentKind: TreatmentKind?
    for (index, entry) in loaded.entries.enumerated() {
      if entry.item.kind != currentKind {
        rows.append(.heading(entry.item.kind))
        currentKind = entry.item.kind
      }
      rows.append(.entry(index))
    }
    guard loaded.programmeWeek != nil || !loaded.records.isEmpty else { return rows }
    rows.append(.recordsHeading)
    let records = loaded.records.indices
    let painAndNotes = records.filter {
      if case .checkin = loaded.records[$0].entry { return false }
      return true
    }
    if painAndNotes.isEmpty { rows.append(.noRecords) }
    rows += records.map { Row.record($0) }
    if loaded.checkin == nil, let week = loaded.programmeWeek {
      rows.append(.noCheckin(programmeWeek: week))
    }
    return rows
  }

  /// The row of a selection (an index over the entries, then the records).
  static func row(ofSelection selection: Int, in loaded: LoadedDay) -> Row {
    selection < loaded.entries.count
      ? .entry(selection) : .record(selection - loaded.entries.count)
  }

  /// The list as a `ListView`, for its scrolling rules (headings are never selected, the
  /// heading above the top item stays visible).
  static func listView(_ loaded: LoadedDay, selection: Int, scrollOffset: Int) -> ListView {
    let rows = rows(loaded)
    let listRows = rows.enumerated().map { index, row -> ListRow in
      switch row {
      case .heading(let kind): .header(kind.title)
      case .entry(let entry): .item(loaded.entries[entry].item.id)
      case .record(let record): .item(loaded.records[record].record?.id ?? "record-\(index)")
      case .recordsHeading, .noRecords, .noCheckin: .header("")
      }
    }
    let selectedRow = rows.firstIndex(of: row(ofSelection: selection, in: loaded)) ?? 0
    return ListView(rows: listRows, selection: selectedRow, scrollOffset: scrollOffset)
  }
}
