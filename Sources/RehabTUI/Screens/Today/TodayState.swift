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
  /// Index into `checklist.entries` of the selected item.
  public var selection: Int
  /// First list row shown (rows include the kind headings).
  public var scrollOffset: Int
  /// An open form over the Today screen (skip reason, note, pain).
  public var modal: TodayModal?
  /// Status changes that can be taken back, newest last.
  public var undoStack: [UndoEntry]

  public init(day: CalendarDay) {
    self.day = day
    self.checklist = nil
    self.selection = 0
    self.scrollOffset = 0
    self.modal = nil
    self.undoStack = []
  }

  /// The selected item, if any.
  public var selectedEntry: TodayEntry? {
    guard let entries = checklist?.entries, entries.indices.contains(selection) else { return nil }
    return entries[selection]
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
    selection = min(selection, max(0, loaded.entries.count - 1))
    keepSelectionVisible(size: size)
  }

  /// Shows the unsaved status changes over what was loaded, so nothing typed is lost.
  mutating func markUnsaved(_ unsaved: [AppEffect]) {
    guard var loaded = checklist else { return }
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
    guard let entries = checklist?.entries else { return }
    var list = TodayLayout.listView(
      entries: entries, selection: selection, scrollOffset: scrollOffset)
    list.scrollToSelection(height: TodayLayout.listRect(in: size).height)
    scrollOffset = list.scrollOffset
  }
}

/// A change `u` can take back, and how to name it in a message. Each kind of change is a case
/// of `UndoableChange`; undo takes back only what this app wrote, so each case keeps what
/// was there before and what this app stored.
public struct UndoEntry: Equatable, Sendable {
  public var change: UndoableChange
  /// "Calf stretch (left)", for the message after undoing.
  public var label: String

  public init(_ change: UndoableChange, label: String) {
    self.change = change
    self.label = label
  }

  /// An item's status change.
  public static func item(
    _ itemId: String, day: CalendarDay, previous: ItemRecord?,
    written: WrittenRecord = .awaitingSave,
    label: String
  ) -> UndoEntry {
    UndoEntry(
      .itemStatus(ItemUndo(itemId: itemId, day: day, previous: previous, written: written)),
      label: label)
  }
}

/// The kinds of change undo knows. (Pain entries, notes and check-ins are to follow as cases.)
public enum UndoableChange: Equatable, Sendable {
  case itemStatus(ItemUndo)
}

/// An item's status change: its record before, and the record this app stored.
public struct ItemUndo: Equatable, Sendable {
  public var itemId: String
  public var day: CalendarDay
  /// The record before the change (nil: none, pending), put back by undo.
  public var previous: ItemRecord?
  public var written: WrittenRecord

  public init(itemId: String, day: CalendarDay, previous: ItemRecord?, written: WrittenRecord) {
    self.itemId = itemId
    self.day = day
    self.previous = previous
    self.written = written
  }
}

/// What this app's write left in the file, once it landed.
public enum WrittenRecord: Equatable, Sendable {
  /// The write has not landed yet (it is queued, and retried).
  case awaitingSave
  /// The file held exactly this record (nil: none) after the write; undo expects to find it.
  case stored(ItemRecord?)
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
