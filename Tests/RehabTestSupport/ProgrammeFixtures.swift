import RehabCore

/// Small programmes built in code, so tests state exactly what they schedule. Shared by the
/// Core and Store test targets.
public enum Fixtures {
  /// A small valid programme: a daily stretch on the affected side and heel raises 3 days a
  /// week (measured each side), from `start`.
  public static func sampleProgramme(start: String = "2026-11-30", weeks: Int = 6) -> Programme {
    let plan = ProgrammePlan(
      id: "test-plan", title: "Test plan", description: "For tests.", weeks: weeks,
      checkin: CheckinPlan(measures: [.heelRaises], primary: .heelRaises),
      treatments: [
        Treatment(
          id: "calf-stretch", name: "Calf stretch", kind: .stretching, instructions: "Lean.",
          side: .affected, dose: .holds(seconds: 30, repetitions: 3), schedule: Schedule(.daily)),
        Treatment(
          id: "heel-raises", name: "Heel raises", kind: .strengthening, instructions: "Rise.",
          side: .each, dose: .setsReps(sets: 3, reps: 10, load: nil),
          schedule: Schedule(.daysPerWeek(3))),
      ])
    return Programme(plan: plan, start: day(start), weeks: weeks, affectedSide: .left)
  }

  public static func day(_ text: String) -> CalendarDay {
    CalendarDay(text) ?? CalendarDay(daysSinceEpoch: 0)
  }

  public static func strengthening(
    id: String = "heel-raises", daysPerWeek: Int = 3, progression: Progression? = nil,
    side: SideRule = .affected, weeks: WeekRange? = nil
  ) -> Treatment {
    Treatment(
      id: id, name: "Heel raises", kind: .strengthening, instructions: "Rise slowly.", side: side,
      dose: .setsReps(sets: 3, reps: 10, load: nil), schedule: Schedule(.daysPerWeek(daysPerWeek)),
      weeks: weeks,
      progression: progression
        ?? Progression(field: .reps, step: 2, max: 15, afterMax: .addSet, maxSets: 4),
      rule: "R-DOSE-STRENGTH")
  }

  public static func stretch(id: String = "calf-stretch") -> Treatment {
    Treatment(
      id: id, name: "Calf stretch", kind: .stretching, instructions: "Hold.", side: .both,
      dose: .holds(seconds: 30, repetitions: 3), schedule: Schedule(.daily), rule: "R-DOSE-STRETCH")
  }

  public static func plan(_ treatments: [Treatment], weeks: Int = 8) -> ProgrammePlan {
    ProgrammePlan(
      id: "test", title: "Test programme", description: "For tests.", weeks: weeks,
      checkin: CheckinPlan(measures: [.heelRaises], primary: .heelRaises), treatments: treatments)
  }

  public static func programme(
    _ treatments: [Treatment], start: String = "2026-11-30", weeks: Int = 8,
    affected: Side = .left
  ) -> Programme {
    Programme(
      plan: plan(treatments, weeks: weeks), start: day(start), weeks: weeks, affectedSide: affected)
  }
}

extension Fixtures {
  /// A distinct valid record time stamp for each `index` (0–3599), in order:
  /// `2026-12-02T12:00:00Z`, `…T12:00:01Z` …
  public static func stamp(_ index: Int) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "2026-12-02T12:\(two(index / 60 % 60)):\(two(index % 60))Z"
  }
}
