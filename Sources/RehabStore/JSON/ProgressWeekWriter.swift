import RehabCore
import TextSafety

/// A progress week printed straight into bytes, without a `StoredJSON` tree or Foundation's
/// encoder: in the `export` layout exactly as the export archive prints
/// `ProgressWeekJSON.value(week)`, in the `file` layout exactly as `JSONCoding.encode(week)`
/// writes a progress file (an import writes every week of the history; the encoder was most
/// of its time).
///
/// Returns false where it cannot vouch for the same bytes (in the `file` layout: an item id
/// that is not plain ASCII, whose place in the encoder's key order is not vouched for, and
/// numbers the encoder may print otherwise; in both: a number that is not finite, which the
/// encoder refuses). Text values are escaped as each printer escapes them (`PrettyJSONBytes.text`). The caller then drops what was written
/// (`PrettyJSONBytes.truncate`) and takes the reference way. `ProgressWeekWriterTests` compares
/// both layouts with the reference paths on random weeks.
enum ProgressWeekWriter {
  /// The week as a progress file: its bytes with the final line break, or nil (see above).
  static func file(_ week: ProgressWeek) -> [UInt8]? {
    var out = PrettyJSONBytes(layout: .file, capacity: 16 * 1024)
    guard write(week, into: &out) else { return nil }
    out.literal("\n")
    // What `JSONCoding.encode` does after the encoder: DEL, C1 and the bidi controls escaped
    // too (the scan returns the bytes as they are when there are none, as nearly always).
    return TextSanitizer.escapingJSONControls(out.bytes)
  }

  /// Writes the week as the value in hand at `out`'s position (a list element or a member's
  /// value); false, partly written, when it cannot vouch for the bytes.
  static func write(_ week: ProgressWeek, into out: inout PrettyJSONBytes) -> Bool {
    out.openObject()
    out.key("checkins")
    out.openArray()
    for checkin in week.checkins {
      out.element()
      guard self.checkin(checkin, into: &out) else { return false }
    }
    out.closeArray()

    out.key("items")
    out.openObject()
    // Sorted as pairs: no lookup of each id again.
    for (id, record) in week.items.sorted(by: { $0.key < $1.key }) {
      guard out.key(id) else { return false }
      out.openObject()
      out.key("at")
      out.text(record.at)
      machine(record.by, into: &out)
      if let reason = record.reason {
        out.key("reason")
        out.text(reason)
      }
      out.key("status")
      out.literalString(record.status.rawValue)
      out.closeObject()
    }
    out.closeObject()

    out.key("notes")
    out.openArray()
    for note in week.notes {
      out.element()
      out.openObject()
      stamped(note.at, by: note.by, day: note.day, id: note.id, into: &out)
      if let itemId = note.itemId {
        out.key("itemId")
        out.text(itemId)
      }
      out.key("text")
      out.text(note.text)
      out.closeObject()
    }
    out.closeArray()

    out.key("pain")
    out.openArray()
    for record in week.pain {
      out.element()
      out.openObject()
      stamped(record.at, by: record.by, day: record.day, id: record.id, into: &out)
      if let itemId = record.itemId {
        out.key("itemId")
        out.text(itemId)
      }
      out.key("level")
      out.int(record.level)
      out.key("timing")
      out.literalString(record.timing.rawValue)
      if let treatmentId = record.treatmentId {
        out.key("treatmentId")
        out.text(treatmentId)
      }
      out.closeObject()
    }
    out.closeArray()

    out.key("removed")
    out.openArray()
    for record in week.removed {
      out.element()
      out.openObject()
      out.key("at")
      out.text(record.at)
      machine(record.by, into: &out)
      out.key("id")
      out.text(record.id)
      out.closeObject()
    }
    out.closeArray()

    out.key("schemaVersion")
    out.int(ProgressWeek.schemaVersion)
    out.key("week")
    out.literalString(week.week.description)
    out.closeObject()
    return true
  }

  private static func checkin(_ checkin: Checkin, into out: inout PrettyJSONBytes) -> Bool {
    out.openObject()
    stamped(checkin.at, by: checkin.by, day: checkin.day, id: checkin.id, into: &out)
    out.key("values")
    out.openObject()
    for measure in checkin.values.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      guard let value = checkin.values[measure], out.key(measure.rawValue) else { return false }
      switch value {
      case .single(let number):
        guard measureValue(number, into: &out) else { return false }
      case .sided(let left, let right):
        out.openObject()
        out.key("left")
        guard measureValue(left, into: &out) else { return false }
        out.key("right")
        guard measureValue(right, into: &out) else { return false }
        out.closeObject()
      }
    }
    out.closeObject()
    out.closeObject()
    return true
  }

  /// The members a dated record starts with, in sorted order: `at`, `by` (when known), `day`
  /// and `id`.
  private static func stamped(
    _ at: String, by: String, day: CalendarDay, id: String, into out: inout PrettyJSONBytes
  ) {
    out.key("at")
    out.text(at)
    machine(by, into: &out)
    out.key("day")
    out.literalString(day.description)
    out.key("id")
    out.text(id)
  }

  /// The writing machine (`by`), written only when known, as the records' `Encodable` does.
  private static func machine(_ by: String, into out: inout PrettyJSONBytes) {
    guard !by.isEmpty else { return }
    out.key("by")
    out.text(by)
  }

  /// A measure's value: finite (the encoder refuses others), and in the `file` layout one the
  /// encoder's printing is known for.
  private static func measureValue(_ value: Double, into out: inout PrettyJSONBytes) -> Bool {
    switch out.layout {
    case .export:
      guard value.isFinite else { return false }
      out.number(value)
      return true
    case .file:
      return out.encoderNumber(value)
    }
  }
}
