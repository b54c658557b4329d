import RehabCore

/// Fills a demo data directory with a believable history: about 85 % of items done, a few
/// skipped with reasons, a couple of pain entries (one a little too high, so today's list shows
/// a lighter dose) and a check-in at the end of every completed programme week.
///
/// Deterministic: the same programme, day and seed always write the same records. Randomness
/// comes from a seeded generator, never the clock; time stamps are made from the days.
public enum DemoHistory {
  public static let defaultSeed: UInt64 = 0x5EED_2026_0A9C

  /// The share of past items ticked off, and of the rest, the share skipped (others missed).
  public static let doneShare = 0.85
  public static let skippedShareOfRest = 0.6

  public static let skipReasons = [
    "short on time", "ankle sore after a long walk", "travelling", "left the band at work",
  ]

  /// The demo programme, left side affected: started `weeksOfHistory` weeks (and up to six days
  /// more) before `today`, on the day that makes today's list the longest of its week, so the
  /// first screen shows a full list rather than a light day's one item.
  public static func programme(plan: ProgrammePlan, today: CalendarDay, weeksOfHistory: Int)
    -> Programme
  {
    let candidates = (0..<7).map { extra in
      Programme(
        plan: plan, start: today.adding(days: -7 * weeksOfHistory - extra), affectedSide: .left)
    }
    let sizes = candidates.map { Scheduler(programme: $0).checklist(for: today).count }
    let longest = sizes.max() ?? 0
    return candidates[sizes.firstIndex(of: longest) ?? 0]
  }

  /// Writes the history of every day from the programme's start up to, not including, `today`,
  /// through the same recording API as the app and the commands: version 3 week files, whose
  /// records carry the folder's machine id as `by` once it has one (a demo folder has none, so
  /// the same seed still writes the same bytes).
  public static func seed(
    _ store: ProgressStore, programme: Programme, today: CalendarDay,
    seed: UInt64 = defaultSeed
  ) throws {
    var random = SeededGenerator(seed: seed)
    // Ids from a generator of their own, so they leave the history's random draws as they were.
    var ids = SeededGenerator(seed: seed ^ 0x1D5_1D5)
    let scheduler = Scheduler(programme: programme)
    let last = min(today.adding(days: -1), programme.end)
    guard programme.start <= last else { return }
    let painDays = painDays(programme: programme, scheduler: scheduler, today: today)
    var pain: [PainEntry] = []
    var day = programme.start
    while day <= last {
      let items = scheduler.checklist(for: day, pain: pain)
      for item in items {
        let roll = random.unit()
        let at = stamp(day, minute: random.below(120))
        if roll < doneShare {
          try store.setStatus(.done, ofItem: item.id, on: day, at: at)
        } else if roll < doneShare + (1 - doneShare) * skippedShareOfRest {
          let reason = skipReasons[random.below(skipReasons.count)]
          try store.setStatus(.skipped, ofItem: item.id, on: day, reason: reason, at: at)
        }
      }
      if let planned = painDays[day] {
        let itemId = planned.treatmentId.flatMap { id in items.first { $0.treatmentId == id }?.id }
        let record = PainRecord(
          day: day, level: planned.level, timing: .during, itemId: itemId,
          treatmentId: planned.treatmentId, at: stamp(day, minute: 150),
          id: demoID(.pain, day, &ids))
        try store.addPain(record)
        pain.append(record.painEntry)
      }
      if programme.start.days(until: day) % 7 == 6, let week = programme.programmeWeek(of: day) {
        var checkin = checkin(programme: programme, week: week, day: day)
        checkin.id = demoID(.checkin, day, &ids)
        try store.saveCheckin(checkin, programmeStart: programme.start)
      }
      day = day.adding(days: 1)
    }
  }

  /// Two pain entries: a comfortable 3 on the first strengthening day, and a 6 at the last
  /// session before today of a treatment that progresses and is on today's list, so today's
  /// item shows "lighter: pain" (R-PAIN-STEP).
  static func painDays(programme: Programme, scheduler: Scheduler, today: CalendarDay)
    -> [CalendarDay: (level: Int, treatmentId: String?)]
  {
    var days: [CalendarDay: (Int, String?)] = [:]
    var day = programme.start
    while day < today, day <= programme.end {
      if scheduler.checklist(for: day).contains(where: { $0.kind == .strengthening }) {
        days[day] = (3, nil)
        break
      }
      day = day.adding(days: 1)
    }
    let progressing = scheduler.checklist(for: today).first { item in
      programme.treatment(id: item.treatmentId)?.progression != nil
    }
    if let progressing, let treatment = programme.treatment(id: progressing.treatmentId),
      let previous = scheduler.previousSession(of: treatment, before: today)
    {
      days[previous] = (6, treatment.id)
    }
    return days
  }

  /// A record id from the seeded generator, so the demo's ids are the same every time.
  static func demoID(_ kind: RecordKind, _ day: CalendarDay, _ random: inout SeededGenerator)
    -> String
  {
    RecordID(kind: kind, day: day, suffix: UInt32(truncatingIfNeeded: random.next())).description
  }

  /// A check-in that improves a little every week, the affected side catching up.
  static func checkin(programme: Programme, week: Int, day: CalendarDay) -> Checkin {
    var values: [Measure: CheckinValue] = [:]
    let step = Double(week - 1)
    for measure in programme.plan.checkin.askedMeasures {
      let (start, perWeek, other) = profile(measure)
      let affected = clamp(start + perWeek * step, measure)
      if measure.isSided {
        let unaffected = clamp(other, measure)
        switch programme.affectedSide {
        case .left: values[measure] = .sided(left: affected, right: unaffected)
        case .right: values[measure] = .sided(left: unaffected, right: affected)
        case .both: values[measure] = .sided(left: affected, right: affected)
        }
      } else {
        values[measure] = .single(affected)
      }
    }
    return Checkin(day: day, values: values, at: stamp(day, minute: 180))
  }

  /// Start value, change per week, and the unaffected side's value.
  private static func profile(_ measure: Measure) -> (Double, Double, Double) {
    switch measure {
    case .pain: (5, -1, 0)
    case .sane: (55, 7, 0)
    case .faamADL: (70, 4, 0)
    case .faamSport: (50, 5, 0)
    case .lefs: (50, 4, 0)
    case .cait: (15, 2, 0)
    case .heelRaises: (10, 3, 24)
    case .balance: (12, 4, 30)
    case .kneeToWall: (7, 1, 11)
    case .yBalance: (80, 3, 95)
    }
  }

  private static func clamp(_ value: Double, _ measure: Measure) -> Double {
    min(max(value, measure.range.lowerBound), measure.range.upperBound).rounded()
  }

  /// `2026-12-02T18:07:00Z`: early evening, `minute` minutes after 18:00.
  static func stamp(_ day: CalendarDay, minute: Int) -> String {
    let hour = 18 + minute / 60
    let minutes = minute % 60
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(day)T\(two(hour)):\(two(minutes)):00Z"
  }
}

/// SplitMix64: small, fast and the same on every platform, for reproducible demo data.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A number in 0..<1 from the top 53 bits (independent of the standard library's algorithms,
  /// so the demo is the same with every Swift version).
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A number in 0..<bound (bound > 0); the modulo bias is irrelevant for demo data.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
