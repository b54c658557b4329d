import RehabCore
import TerminalUI

/// A form open over the Today screen. It takes every key first (docs/ARCHITECTURE.md: modal input is
/// state, never a nested loop).
public enum TodayModal: Equatable, Sendable {
  /// Why the item is skipped; Enter saves, Esc abandons.
  case skipReason(SkipForm)
  case note(NoteForm)
  case pain(PainForm)
  /// Remove this pain entry, note or check-in? One key answers.
  case confirmRemoval(RemovalConfirm)
}

/// The record a removal is about, as the Today list showed it.
public struct RemovalConfirm: Equatable, Sendable {
  /// What the removal expects to find in the file.
  public var record: LoggedRecord
  /// The list's entry, for the dialog's wording.
  public var entry: DayLog.Entry

  public init(record: LoggedRecord, entry: DayLog.Entry) {
    self.record = record
    self.entry = entry
  }
}

public struct SkipForm: Equatable, Sendable {
  public static let maxLength = 200

  public var itemId: String
  public var label: String
  public var field: TextField
  /// Set when Enter was pressed with an empty reason.
  public var problem: String?

  public init(itemId: String, label: String, reason: String = "") {
    self.itemId = itemId
    self.label = label
    self.field = TextField(
      value: reason, maxLength: SkipForm.maxLength, placeholder: "e.g. too sore, no time")
    self.problem = nil
  }
}

public struct NoteForm: Equatable, Sendable {
  public static let maxLength = 500

  public var field: TextField
  /// The selected item, which the note can be about instead of the whole day.
  public var itemId: String?
  public var itemLabel: String
  public var aboutItem: Bool

  public init(itemId: String?, itemLabel: String) {
    self.field = TextField(maxLength: NoteForm.maxLength, placeholder: "how did it go?")
    self.itemId = itemId
    self.itemLabel = itemLabel
    self.aboutItem = false
  }

  /// The item id to store with the note, when it is about the item.
  public var noteItemId: String? { aboutItem ? itemId : nil }
}

/// Pain 0–10 (R-M-PAIN), during exercise or the next morning (R-PAIN-NEXT), about the whole
/// session or one of its items. Pain on waking is about the day before's sessions, so the form
/// then offers the day before's items; which items, the record it files and what it will change
/// all come from the query layer's `PainContext`, as for `rehabit pain`.
public struct PainForm: Equatable, Sendable {
  public var level: Int
  public var timing: PainEntry.Timing
  /// The item the pain is about (an item of the session day's list); nil: the whole session.
  public var aboutItemId: String?
  /// The item selected on the Today screen when the form opened, offered first for pain during.
  public var selectedItemId: String?
  /// The day the pain is logged on, its items and pain so far; nil until it is read.
  public var context: PainContext?
  /// Why Enter did not save (nothing to save yet, or no session the day before).
  public var problem: String?

  public init(
    level: Int = 0, timing: PainEntry.Timing = .during, selectedItemId: String?,
    context: PainContext? = nil
  ) {
    self.level = level
    self.timing = timing
    self.aboutItemId = nil
    self.selectedItemId = selectedItemId
    self.context = context
    self.problem = nil
  }

  public mutating func setLevel(_ value: Int) {
    level = min(PainEntry.levels.upperBound, max(PainEntry.levels.lowerBound, value))
  }

  /// Switches between pain during and on waking; the item choice starts again, as the two are
  /// about different days' lists.
  public mutating func toggleTiming() {
    timing = timing == .during ? .nextMorning : .during
    aboutItemId = nil
    problem = nil
  }

  /// The items the pain can be about: the session day's list (empty until the context is read).
  public var items: [ChecklistItem] { context?.items(timing) ?? [] }

  /// The next choice of what the pain is about: the whole session, then each item of the
  /// session day's list (for pain during, the selected item first), then the whole session.
  public mutating func nextAbout() {
    var ids = items.map(\.id)
    if timing == .during, let selected = selectedItemId, let index = ids.firstIndex(of: selected) {
      ids = Array(ids[index...] + ids[..<index])
    }
    let choices: [String?] = [nil] + ids
    let current = choices.firstIndex(of: aboutItemId) ?? 0
    aboutItemId = choices[(current + 1) % choices.count]
  }

  /// The item chosen, from the session day's list.
  public var aboutItem: ChecklistItem? {
    aboutItemId.flatMap { id in items.first { $0.id == id } }
  }

  /// The day the pain is about, once the context is read.
  public var sessionDay: CalendarDay? { context?.sessionDay(timing) }

  /// What saving the form would change, as the scheduler will do it.
  public var consequence: PainConsequence? {
    context?.consequence(level: level, timing: timing, itemId: aboutItemId)
  }

  /// R-PAIN-ZONES in words.
  public var zone: String { PainConsequenceText.zone(PainZone(level: level)) }
}
