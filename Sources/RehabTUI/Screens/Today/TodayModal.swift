import RehabCore
import TerminalUI

/// A form open over the Today screen. It takes every key first (docs/ARCHITECTURE.md: modal input is
/// state, never a nested loop).
public enum TodayModal: Equatable, Sendable {
  /// Why the item is skipped; Enter saves, Esc abandons.
  case skipReason(SkipForm)
  case note(NoteForm)
  case pain(PainForm)
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
/// session or the selected item.
public struct PainForm: Equatable, Sendable {
  public var level: Int
  public var timing: PainEntry.Timing
  public var aboutItem: Bool
  public var itemId: String?
  public var itemLabel: String

  public init(
    level: Int = 0, timing: PainEntry.Timing = .during, itemId: String?, itemLabel: String
  ) {
    self.level = level
    self.timing = timing
    self.aboutItem = false
    self.itemId = itemId
    self.itemLabel = itemLabel
  }

  public mutating func setLevel(_ value: Int) {
    level = min(PainEntry.levels.upperBound, max(PainEntry.levels.lowerBound, value))
  }

  /// R-PAIN-ZONES in words.
  public var zone: String {
    switch level {
    case ...PainZones.safeMax: "safe (0–\(PainZones.safeMax))"
    case ...PainZones.acceptableMax:
      "acceptable (\(PainZones.safeMax + 1)–\(PainZones.acceptableMax))"
    default: "not acceptable (above \(PainZones.acceptableMax)): the next session will be lighter"
    }
  }
}

extension PainForm {
  /// The item id to store with the pain, when it is about the item.
  public var painItemId: String? { aboutItem ? itemId : nil }
}
