/// A pain rating the patient logged (R-M-PAIN scale 0–10).
public struct PainEntry: Hashable, Sendable, Codable {
  public enum Timing: String, Codable, CaseIterable, Sendable {
    /// During or right after exercise, about that day's sessions.
    case during
    /// On waking, about the previous day's sessions (R-PAIN-NEXT); dated the morning it was felt.
    case nextMorning
  }

  public static let levels = 0...10

  public var day: CalendarDay
  public var level: Int
  public var timing: Timing
  /// The treatment the pain was logged against; nil means the whole session that day.
  public var treatmentId: String?

  public init(day: CalendarDay, level: Int, timing: Timing = .during, treatmentId: String? = nil) {
    self.day = day
    self.level = level
    self.timing = timing
    self.treatmentId = treatmentId
  }

  /// The day of the sessions it is about (R-PAIN-NEXT): its own day, or the day before for
  /// pain on waking.
  public var sessionDay: CalendarDay { PainEntry.sessionDay(loggedOn: day, timing: timing) }

  /// The session day of pain logged on `day` with `timing`: what both front ends list items of.
  public static func sessionDay(loggedOn day: CalendarDay, timing: Timing) -> CalendarDay {
    timing == .nextMorning ? day.adding(days: -1) : day
  }

  public func concerns(_ treatment: String) -> Bool {
    treatmentId == nil || treatmentId == treatment
  }
}

/// The pain-monitoring model's thresholds (Silbernagel 2007), as named defaults.
public enum PainZones {
  /// R-PAIN-ZONES: 0–3 safe, 4–5 acceptable, above 5 not acceptable.
  public static let safeMax = 3
  public static let acceptableMax = 5
  /// R-PAIN-HOLD: this many painful sessions in one programme week hold the next week.
  public static let sessionsToHold = 2
}
