import RehabCore
import TerminalUI

/// The Today screen's state: the day shown, its items, the selection, a form open over it, and
/// the changes `u` can take back.
public struct TodayState: Equatable, Sendable {
  /// How many changes `u` can take back.
  public static let undoLimit = 50

  /// The day the Today screen shows; never after today.
  public var day: CalendarDay
  /// The day's items as last loaded (plus unsaved changes); nil while loading.
  public var checklist: LoadedDay?
  /// The selected row: an index into `checklist.entries`, or past them into
  /// `checklist.records` (the day's pain entries, notes and check-in listed under the items).
  public var selection: Int
  /// First list row shown (rows include the kind headings).
  public var scrollOffset: Int
  /// An open form over the Today screen (skip reason, note, pain, a removal to confirm).
  public var modal: TodayModal?
  /// Changes that can be taken back (ticks, skips, pain, notes, check-ins, removals), newest
  /// last.
  public var undoStack: [UndoEntry]

  public init(day: CalendarDay) {
    self.day = day
    self.checklist = nil
    self.selection = 0
    self.scrollOffset = 0
    self.modal = nil
    self.undoStack = []
  }

  /// The selected item, if an item is selected.
  public var selectedEntry: TodayEntry? {
    guard let entries = checklist?.entries, entries.indices.contains(selection) else { return nil }
    return entries[selection]
  }

  /// The selected pain entry, note or check-in, if a record is selected.
  public var selectedRecord: TodayRecord? {
    guard let loaded = checklist else { return nil }
    let index = selection - loaded.entries.count
    return loaded.records.indices.contains(index) ? loaded.records[index] : nil
  }

  /// Switches to `target` and asks for its items.
  mutating func showDay(_ target: CalendarDay) -> [AppEffect] {
    if target != day || checklist == nil {
      day = target
      checklist = nil
      selection = 0
      scrollOffset = 0
      modal = nil
    }
    return [.loadDay(target)]
  }

  /// The day's items arrived; a stale day (the user moved on) is ignored. `unsaved` are the
  /// writes still waiting, shown over what was read.
  mutating func dayLoaded(_ loaded: LoadedDay, unsaved: [AppEffect], size: Size) {
    guard loaded.day == day else { return }
    let keepSelection = checklist?.day == loaded.day
    checklist = loaded
    markUnsaved(unsaved)
    if !keepSelection {
      selection = 0
      scrollOffset = 0
    }
    selection = min(selection, max(0, loaded.selectableCount - 1))
    keepSelectionVisible(size: size)
  }

  /// Shows the unsaved changes over what was loaded, so nothing typed is lost: status changes
  /// on their items, pain entries and notes not yet written among the records (marked), records
  /// whose removal is not yet written left out.
  mutating func markUnsaved(_ unsaved: [AppEffect]) {
    guard var loaded = checklist else { return }
    for effect in unsaved {
      switch effect {
      case .addPain(let record) where record.day == loaded.day:
        if !loaded.records.contains(where: { $0.entry == .pain(record, treatment: nil) }) {
          loaded.records.append(TodayRecord(.pain(record, treatment: nil), isUnsaved: true))
        }
      case .addNote(let record) where record.day == loaded.day:
        if !loaded.records.contains(where: { $0.entry == .note(record) }) {
          loaded.records.append(TodayRecord(.note(record), isUnsaved: true))
        }
      case .removeRecord(let record):
        loaded.records.removeAll { $0.record?.id == record.id }
      default:
        break
      }
    }
    for effect in unsaved {
      guard let target = effect.statusTarget, target.day == loaded.day,
        let index = loaded.entries.firstIndex(where: { $0.item.id == target.itemId })
      else { continue }
      switch effect {
      case .setStatus(let status, _, _, let reason, _):
        loaded.entries[index].record =
          status == .pending ? nil : ItemRecord(status: status, at: "", reason: reason)
      case .restore(let record, _, _, _):
        loaded.entries[index].record = record
      default:
        continue
      }
      loaded.entries[index].isUnsaved = true
    }
    checklist = loaded
  }

  /// Scrolls the list so the selected row (and its heading) is visible at `size`. The list's
  /// height does not depend on the text, so this is no layout of text.
  mutating func keepSelectionVisible(size: Size) {
    guard let loaded = checklist else { return }
    var list = TodayLayout.listView(loaded, selection: selection, scrollOffset: scrollOffset)
    list.scrollToSelection(height: TodayLayout.listRect(in: size, loaded: loaded).height)
    scrollOffset = list.scrollOffset
  }
}

extension TodayState {
  /// The newest undo entry of this item whose write has not landed.
  private func awaitingIndex(of itemId: String, on day: CalendarDay) -> Int? {
    undoStack.lastIndex { entry in
      guard case .itemStatus(let change) = entry.change else { return false }
      return change.itemId == itemId && change.day == day && change.written == .awaitingSave
    }
  }

  /// A write of the item landed: the newest entry waiting for it learns what is stored now.
  mutating func itemSaved(_ itemId: String, on day: CalendarDay, stored record: ItemRecord?) {
    guard let index = awaitingIndex(of: itemId, on: day),
      case .itemStatus(var change) = undoStack[index].change
    else { return }
    change.written = .stored(record)
    undoStack[index].change = .itemStatus(change)
  }

  /// A change of the item was refused (the record had changed elsewhere): nothing was written,
  /// so there is nothing to take back.
  mutating func itemRefused(_ itemId: String, on day: CalendarDay) {
    if let index = awaitingIndex(of: itemId, on: day) { undoStack.remove(at: index) }
  }

  /// The label the day's list shows for the item, if it is on the day shown.
  func label(of itemId: String, on day: CalendarDay) -> String? {
    guard let loaded = checklist, loaded.day == day else { return nil }
    if let entry = loaded.entries.first(where: { $0.item.id == itemId }) { return entry.label }
    return nil
  }
}
