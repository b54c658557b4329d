/// The sentences of an item card and of a prescribed programme that every front end and the
/// exports share: why a dose is what it is, the pain rule, a schedule in words. Plain prose that
/// names no command and no key; each front end lays them out its own way.
public enum ItemCardText {
  /// "one" … "ten", digits above (for counts in sentences).
  public static func numberWord(_ number: Int) -> String {
    let words = [
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]
    return words.indices.contains(number) ? words[number] : String(number)
  }

  /// R-PAIN-ZONES and R-PAIN-NEXT in plain words.
  public static let painRule =
    "0–\(PainZones.safeMax) is safe, \(PainZones.safeMax + 1)–\(PainZones.acceptableMax) is acceptable, above \(PainZones.acceptableMax) is not acceptable (R-PAIN-ZONES); pain should settle by the next morning."

  /// Why the card's dose is what it is, one sentence each: the programme week and progression
  /// step, earlier held weeks, a hold this week, a step down after pain with its cause.
  public static func doseReasons(_ card: ItemCard) -> [String] {
    var reasons: [String]
    switch card.basis {
    case .fixed:
      reasons = ["Week \(card.item.programmeWeek): the programme's dose; it does not progress."]
    case .progression(let week, let firstWeek, let steps):
      if case .stages(let stages)? = card.treatment.progression {
        reasons = [stageReason(stages, week: week, steps: steps, start: card.startingDose)]
        break
      }
      let start = card.startingDose.text
      let rule = card.treatment.progression.map { " (\(progressionWords($0)))" } ?? ""
      if week <= firstWeek {
        reasons = ["Week \(week): the starting dose\(rule)."]
      } else if steps == 0 {
        reasons = ["Week \(week): the starting \(start), no progression step above it\(rule)."]
      } else {
        let stepWord =
          steps == 1 ? "one progression step" : "\(numberWord(steps)) progression steps"
        reasons = ["Week \(week): \(stepWord) above the starting \(start)\(rule)."]
      }
    }
    if !card.earlierHeldWeeks.isEmpty {
      let weeks = card.earlierHeldWeeks.map(String.init).joined(separator: ", ")
      let noun = card.earlierHeldWeeks.count == 1 ? "week" : "weeks"
      reasons.append(
        "Progression was held in \(noun) \(weeks) after painful sessions (R-PAIN-HOLD).")
    }
    if let hold = card.hold {
      let days = hold.painfulSessions.map(\.labelWithWeekday).joined(separator: ", ")
      let count = numberWord(hold.painfulSessions.count)
      reasons.append(
        "Held this week (R-PAIN-HOLD): \(count) painful sessions in week \(hold.painfulWeek) (\(days))."
      )
    }
    if let step = card.stepDown {
      let causes = step.pain.map(painEntry).joined(separator: " and ")
      let from = step.from.map { " at \($0.text)" } ?? ""
      reasons.append(
        causes.isEmpty
          ? "One step lighter after pain (R-PAIN-STEP): the last session, \(step.session.labelWithWeekday), was painful\(from)."
          : "One step lighter after pain (R-PAIN-STEP): \(causes) made the last session\(from) painful."
      )
    }
    return reasons
  }

  /// "Week 3: the stage from week 3; 5 × 8 from week 5.", "Week 1: the starting 3 × 12; 4 × 10
  /// from week 3.", "Week 6: the stage from week 5, the last one."
  static func stageReason(_ stages: [ProgressionStage], week: Int, steps: Int, start: Dose)
    -> String
  {
    let treatmentWeek = max(0, steps) + 1
    let current = stages.lastIndex { $0.fromWeek <= treatmentWeek }
    var text =
      current.map { "Week \(week): the stage from week \(stages[$0].fromWeek)" }
      ?? "Week \(week): the starting \(start.text)"
    let nextIndex = current.map { $0 + 1 } ?? 0
    if stages.indices.contains(nextIndex) {
      let next = stages[nextIndex]
      text += "; \(next.dose.text) from week \(next.fromWeek)"
    } else {
      text += ", the last one"
    }
    return text + "."
  }

  /// "pain 7/10 during exercise on Wed 2026-12-09", "pain 4/10 on waking, Thu 2026-12-10".
  public static func painEntry(_ entry: PainEntry) -> String {
    switch entry.timing {
    case .during: "pain \(entry.level)/10 during exercise on \(entry.day.labelWithWeekday)"
    case .nextMorning: "pain \(entry.level)/10 on waking, \(entry.day.labelWithWeekday)"
    }
  }

  /// "+2 reps a week up to 15, then one more set, up to 4 sets"; for stages "from week 3:
  /// 4 × 10 (10RM); from week 5: 5 × 8 (8RM)".
  public static func progressionWords(_ progression: Progression) -> String {
    switch progression {
    case .weekly(let weekly): return progressionWords(weekly)
    case .stages(let stages):
      return stages.map { stage in
        let load = stage.dose.load.map { ", \($0)" } ?? ""
        return "from week \(stage.fromWeek): \(stage.dose.text)\(load)"
      }.joined(separator: "; ")
    }
  }

  static func progressionWords(_ progression: WeeklyProgression) -> String {
    let unit: String
    switch progression.field {
    case .reps: unit = "reps"
    case .sets: unit = "sets"
    case .holdSeconds: unit = "s per hold"
    case .repetitions: unit = "repetitions"
    case .minutes: unit = "min"
    }
    var text = "+\(progression.step) \(unit) a week up to \(progression.max)"
    switch progression.afterMax {
    case .hold: break
    case .addSet: text += ", then one more set, up to \(progression.maxSets) sets"
    case .addLoad: text += ", then \(progression.loadStepPercent) % more load"
    }
    return text
  }

  /// "Elastic band eversion", "Elastic band eversion or Heel raises", "A, B or C": the
  /// treatments a `sameDaysAs` schedule follows, by name.
  public static func namesOf(_ ids: [String], in plan: ProgrammePlan) -> String {
    let names = ids.map { plan.treatment(id: $0)?.name ?? $0 }
    guard let last = names.last, names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " or " + last
  }

  /// "daily", "3 days a week", "Mon, Wed, Fri", "on the same days as Elastic band eversion", with
  /// ", twice a day" when more than once.
  public static func scheduleWords(_ schedule: Schedule, plan: ProgrammePlan) -> String {
    var text: String
    switch schedule.pattern {
    case .daily: text = "daily"
    case .daysPerWeek(let count): text = count == 7 ? "daily" : "\(count) days a week"
    case .weekdays(let days):
      text = Weekday.allCases.filter(days.contains).map(\.shortName).joined(separator: ", ")
    case .sameDaysAs(let ids):
      text = "on the same days as \(namesOf(ids, in: plan))"
    }
    switch schedule.timesPerDay {
    case ...1: break
    case 2: text += ", twice a day"
    default: text += ", \(schedule.timesPerDay) times a day"
    }
    return text
  }
}
