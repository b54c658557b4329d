import RehabCore

/// Programmes larger than any template, to measure the scheduler at its limits.
enum SyntheticProgramme {
  /// 52 weeks and 30 treatments of every home kind and schedule shape (the format's maxima).
  static func large(start: CalendarDay) -> Programme {
    var treatments: [Treatment] = []
    for index in 0..<30 {
      let id = "t\(index)"
      switch index % 6 {
      case 0:
        treatments.append(
          Treatment(
            id: id, name: "Strength \(index)", kind: .strengthening, instructions: "Slowly.",
            side: .each, dose: .setsReps(sets: 3, reps: 10, load: nil),
            schedule: Schedule(.daysPerWeek(3)),
            progression: Progression(field: .reps, step: 2, max: 15, afterMax: .addSet, maxSets: 5))
        )
      case 1:
        treatments.append(
          Treatment(
            id: id, name: "Stretch \(index)", kind: .stretching, instructions: "Hold.", side: .both,
            dose: .holds(seconds: 30, repetitions: 3), schedule: Schedule(.daily)))
      case 2:
        treatments.append(
          Treatment(
            id: id, name: "Balance \(index)", kind: .activation, instructions: "Stand.",
            side: .affected, dose: .holds(seconds: 30, repetitions: 3),
            schedule: Schedule(.daysPerWeek(5)),
            progression: Progression(field: .holdSeconds, step: 15, max: 60)))
      case 3:
        treatments.append(
          Treatment(
            id: id, name: "Ice \(index)", kind: .ice, instructions: "Wrapped.", side: .affected,
            dose: .time(minutes: 15), schedule: Schedule(.sameDaysAs(["t\(index - 3)"]))))
      case 4:
        treatments.append(
          Treatment(
            id: id, name: "Heat \(index)", kind: .heat, instructions: "Warm.", side: .affected,
            dose: .time(minutes: 10), schedule: Schedule(.weekdays([.monday, .thursday]))))
      default:
        treatments.append(
          Treatment(
            id: id, name: "Drops \(index)", kind: .strengthening, instructions: "Lower.",
            side: .affected, dose: .setsReps(sets: 3, reps: 15, load: nil),
            schedule: Schedule(.daily, timesPerDay: 2, allowConsecutiveDays: true),
            progression: Progression(field: .reps, step: 5, max: 15, afterMax: .addLoad)))
      }
    }
    let plan = ProgrammePlan(
      id: "bench-large", title: "Benchmark programme", description: "30 treatments, 52 weeks.",
      weeks: 52, checkin: CheckinPlan(measures: [.heelRaises, .balance], primary: .heelRaises),
      treatments: treatments)
    return Programme(plan: plan, start: start, affectedSide: .left)
  }

  /// Pain entries on a third of the days, some above 5, to exercise pain guidance.
  static func pain(for programme: Programme) -> [PainEntry] {
    (0..<(programme.weeks * 7)).compactMap { offset in
      guard offset % 3 == 0 else { return nil }
      return PainEntry(
        day: programme.start.adding(days: offset), level: offset % 9 == 0 ? 7 : 3,
        timing: offset % 2 == 0 ? .during : .nextMorning)
    }
  }
}
