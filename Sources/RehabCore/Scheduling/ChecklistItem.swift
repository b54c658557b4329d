/// One thing to do on one day: a treatment, on one side, at one of its daily times.
public struct ChecklistItem: Hashable, Sendable, Identifiable {
  /// Why today's dose differs from the plain weekly progression.
  public enum PainAdjustment: String, Hashable, Sendable, Codable {
    /// R-PAIN-STEP: the previous session hurt, so this one is one step lighter.
    case steppedDown
    /// R-PAIN-HOLD: two painful sessions last week, so progression is held this week.
    case held
  }

  /// `2026-12-02.heel-raises.left`, with `.2` appended for a second daily time. The same item
  /// on the same day always has the same id, across runs and versions.
  public var id: String
  public var day: CalendarDay
  public var programmeWeek: Int
  public var treatmentId: String
  public var name: String
  public var kind: TreatmentKind
  public var side: Side
  public var dose: PrescribedDose
  /// 1-based time of day, and how many times a day the treatment is done.
  public var occurrence: Int
  public var occurrencesPerDay: Int
  public var instructions: String
  /// Progression steps applied to the starting dose.
  public var progressionStep: Int
  public var painAdjustments: [PainAdjustment]

  public static func makeID(day: CalendarDay, treatmentId: String, side: Side, occurrence: Int)
    -> String
  {
    // `day.treatment.side[.occurrence]`, copied once into a string of the right size: every
    // scheduled item of every day gets an id (a year of them for `week`).
    let dayText = day.description
    let sideText = side.rawValue
    let number = occurrence > 1 ? String(occurrence) : ""
    let count =
      dayText.utf8.count + treatmentId.utf8.count + sideText.utf8.count + number.utf8.count
      + (occurrence > 1 ? 3 : 2)
    return String(unsafeUninitializedCapacity: count) { buffer in
      var index = 0
      func put(_ part: String, dot: Bool) {
        if dot {
          buffer[index] = UInt8(ascii: ".")
          index += 1
        }
        index +=
          UnsafeMutableBufferPointer(rebasing: buffer[index...]).initialize(
            from: part.utf8
          ).1
      }
      put(dayText, dot: false)
      put(treatmentId, dot: true)
      put(sideText, dot: true)
      if occurrence > 1 { put(number, dot: true) }
      return index
    }
  }

  /// Splits an item id back into its day and treatment id; nil when it is not one.
  public static func parseID(_ id: String) -> (day: CalendarDay, treatmentId: String)? {
    // ASCII ids (all that rehabit makes) split on bytes: the same parts as splitting on
    // Characters, without the grapheme breaking (ids are parsed for every record read).
    if let parsed = parseASCIIID(id) { return parsed.day.map { ($0, parsed.treatmentId) } }
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 || parts.count == 4, let day = CalendarDay(String(parts[0])) else {
      return nil
    }
    return (day, String(parts[1]))
  }

  /// `parseID` for an ASCII id: nil when the id is not ASCII (parse it by Characters then),
  /// else the result, whose `day` is nil when the id is not an item id.
  private static func parseASCIIID(_ id: String) -> (day: CalendarDay?, treatmentId: String)? {
    var id = id
    return id.withUTF8 { bytes -> (day: CalendarDay?, treatmentId: String)? in
      var dots = 0
      var first = 0
      var second = 0
      for offset in 0..<bytes.count {
        let byte = bytes[offset]
        if byte >= 0x80 { return nil }
        guard byte == UInt8(ascii: ".") else { continue }
        if dots == 0 { first = offset } else if dots == 1 { second = offset }
        dots += 1
      }
      guard dots == 2 || dots == 3,
        let day = CalendarDay(utf8: UnsafeBufferPointer(rebasing: bytes[0..<first]))
      else { return (nil, "") }
      let treatment = UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second])
      return (day, String(decoding: treatment, as: UTF8.self))
    }
  }
}
