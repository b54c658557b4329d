import RehabCore
import TerminalUI

/// A change `u` can take back, and how to name it in a message. Each kind of change is a case
/// of `UndoableChange`; undo takes back only what this app wrote, so each case keeps what
/// was there before and what this app stored.
public struct UndoEntry: Equatable, Sendable {
  public var change: UndoableChange
  /// "Calf stretch (left)", "pain 7/10": for the message after undoing.
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

  /// A pain entry or note added (as requested, before the store gave it an id).
  public static func added(_ record: LoggedRecord) -> UndoEntry {
    UndoEntry(
      .recordAdded(AddedRecordUndo(requested: record, stored: nil)),
      label: TodayRecordText.label(record))
  }

  /// A pain entry, note or check-in removed (as the screen showed it).
  public static func removed(_ record: LoggedRecord) -> UndoEntry {
    UndoEntry(
      .recordRemoved(RemovedRecordUndo(record: record, tombstone: nil)),
      label: TodayRecordText.label(record))
  }

  /// A check-in saved, with the check-ins of its programme week it replaced.
  public static func checkin(_ saved: Checkin, replaced: [Checkin]) -> UndoEntry {
    UndoEntry(
      .checkinSaved(CheckinUndo(saved: saved, replaced: replaced)),
      label: TodayRecordText.label(.checkin(saved)))
  }
}

/// The kinds of change undo knows: every change the app makes.
public enum UndoableChange: Equatable, Sendable {
  /// A tick, skip or untick: undo puts the item's record back.
  case itemStatus(ItemUndo)
  /// A pain entry or note added: undo removes it (a recorded removal, with a tombstone).
  case recordAdded(AddedRecordUndo)
  /// A pain entry, note or check-in removed: undo puts it back.
  case recordRemoved(RemovedRecordUndo)
  /// A check-in saved: undo removes it and puts back the check-in it replaced.
  case checkinSaved(CheckinUndo)
  /// A programme revision this app wrote (as stored, with its id): undo takes it back while
  /// it is the programme's latest and no day it governs is logged (R-REV-UNDO).
  case programmeRevised(ProgrammeRevision)
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

/// A pain entry or note this app added.
public struct AddedRecordUndo: Equatable, Sendable {
  /// The record as the app asked for it (no id, no time stamp yet): how its write is known.
  public var requested: LoggedRecord
  /// The record as the store wrote it, with its id; nil until the write lands.
  public var stored: LoggedRecord?
}

/// A pain entry, note or check-in this app removed.
public struct RemovedRecordUndo: Equatable, Sendable {
  /// The record as it was (what undo puts back).
  public var record: LoggedRecord
  /// The tombstone this app's removal left; nil until the removal lands.
  public var tombstone: RemovedRecord?
}

/// A check-in this app saved, and the check-ins of the same programme week it replaced.
public struct CheckinUndo: Equatable, Sendable {
  /// As stored, with its id and time stamp.
  public var saved: Checkin
  public var replaced: [Checkin]

  /// The tombstones the save left for the replaced check-ins (stamped with its time).
  public var tombstones: [RemovedRecord] {
    replaced.map { RemovedRecord(id: $0.id, at: saved.at) }
  }
}

extension TodayState {
  /// Remembers a change for `u`, forgetting the oldest past the limit.
  mutating func pushUndo(_ entry: UndoEntry) {
    undoStack.append(entry)
    if undoStack.count > TodayState.undoLimit { undoStack.removeFirst() }
  }

  /// A pain entry or note landed: the oldest entry waiting for it learns its id (writes land
  /// in the order they were asked for).
  mutating func recordAdded(requested: LoggedRecord, stored: LoggedRecord) {
    guard
      let index = undoStack.firstIndex(where: { entry in
        guard case .recordAdded(let change) = entry.change else { return false }
        return change.stored == nil && change.requested == requested
      }), case .recordAdded(var change) = undoStack[index].change
    else { return }
    change.stored = stored
    undoStack[index].change = .recordAdded(change)
  }

  /// A removal landed: its entry learns the tombstone it left.
  mutating func recordRemoved(_ id: String, tombstone: RemovedRecord) {
    guard let index = awaitingRemoval(of: id),
      case .recordRemoved(var change) = undoStack[index].change
    else { return }
    change.tombstone = tombstone
    undoStack[index].change = .recordRemoved(change)
  }

  /// A removal was refused (the record had changed elsewhere): nothing to take back.
  mutating func removalRefused(_ id: String) {
    if let index = awaitingRemoval(of: id) { undoStack.remove(at: index) }
  }

  private func awaitingRemoval(of id: String) -> Int? {
    undoStack.lastIndex { entry in
      guard case .recordRemoved(let change) = entry.change else { return false }
      return change.tombstone == nil && change.record.id == id
    }
  }
}

extension TodayScreen {
  static func undo(_ state: inout TodayState, context: ScreenContext) -> ScreenReply {
    guard let last = state.undoStack.popLast() else {
      return .say(StatusMessage("Nothing to undo."))
    }
    switch last.change {
    case .itemStatus(let change): return undo(&state, change, label: last.label)
    case .recordAdded(let change):
      // Never written: the queued write is dropped (`AppState.merged`).
      let record = change.stored ?? change.requested
      return undoRecords(
        &state, remove: [record], reinstate: [], tombstones: [], day: record.day,
        message: "Undone: \(last.label) removed.")
    case .recordRemoved(let change):
      return undoRecords(
        &state, remove: [], reinstate: [change.record],
        tombstones: change.tombstone.map { [$0] } ?? [], day: change.record.day,
        message: "Undone: \(last.label) is back.")
    case .checkinSaved(let change):
      let back = change.replaced.first.map {
        $0.day == change.saved.day
          ? "; the one before is back"
          : "; the one of \($0.day.weekday.shortName) \($0.day) is back"
      }
      return undoRecords(
        &state, remove: [.checkin(change.saved)], reinstate: change.replaced.map { .checkin($0) },
        tombstones: change.tombstones, day: nil,
        message: "Undone: \(last.label) removed" + (back ?? "") + ".")
    case .programmeRevised(let revision):
      return undoRevision(revision, label: last.label, context: context)
    }
  }

  /// Takes back a revision this app wrote, only while it is the latest in the programme the
  /// app holds; the store then checks the file and the logged days under its lock.
  private static func undoRevision(
    _ revision: ProgrammeRevision, label: String, context: ScreenContext
  ) -> ScreenReply {
    guard let programme = context.programme, programme.revisions.last?.id == revision.id else {
      return .say(
        .error(
          "Not undone: \(label) is no longer the programme's latest change (another was recorded since)."
        ))
    }
    return ScreenReply(
      effects: [.undoRevision(revision, expected: programme)],
      message: .show(StatusMessage("Taking back: \(label)…")))
  }

  /// Takes back a change of pain entries, notes or check-ins, only while the files hold what
  /// this app left (`ProgressStore.reinstate(…, expected:)`); shows the day of a pain entry or
  /// note, so the undo is visible.
  private static func undoRecords(
    _ state: inout TodayState, remove: [LoggedRecord], reinstate: [LoggedRecord],
    tombstones: [RemovedRecord], day: CalendarDay?, message: String
  ) -> ScreenReply {
    let write = AppEffect.undoRecords(remove: remove, reinstate: reinstate, tombstones: tombstones)
    let removedIds = Set(remove.map(\.id))
    state.checklist?.records.removeAll { $0.record.map { removedIds.contains($0.id) } ?? false }
    let show = day.flatMap { $0 == state.day ? nil : state.showDay($0) } ?? []
    return ScreenReply(
      effects: [write] + show, sendsUnsavedFirst: true, message: .show(StatusMessage(message)))
  }

  /// Puts the item's record back, only if the file still holds what this app wrote (a write
  /// still queued is replaced instead: `AppState.follow` merges the two, and a merge that ends
  /// where the file already is writes nothing).
  private static func undo(_ state: inout TodayState, _ change: ItemUndo, label: String)
    -> ScreenReply
  {
    let what: String
    switch change.previous?.status ?? .pending {
    case .pending: what = "not done"
    case .done: what = "done"
    case .skipped: what = "skipped"
    }
    let message = MessageChange.show(StatusMessage("Undone: \(label) is \(what) again."))
    let expected: ItemRecord?
    switch change.written {
    case .stored(let record): expected = record
    // Replaced by the queued write's expectation when merged.
    case .awaitingSave: expected = change.previous
    }
    let write = AppEffect.restore(
      change.previous, itemId: change.itemId, day: change.day, expected: expected)
    if change.day != state.day {
      // Show the day the change was on, so the undo is visible.
      return ScreenReply(
        effects: [write] + state.showDay(change.day), sendsUnsavedFirst: true, message: message)
    }
    if let index = state.checklist?.entries.firstIndex(where: { $0.item.id == change.itemId }) {
      state.checklist?.entries[index].record = change.previous
    }
    return ScreenReply(effects: [write], sendsUnsavedFirst: true, message: message)
  }
}
