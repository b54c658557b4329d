import RehabCore
import RehabStore
import TerminalUI

@testable import RehabTUI

/// Three and a half weeks of `lateral-ankle-sprain` (left side) from Monday 2026-11-30, judged
/// on Wednesday 2026-12-23 (programme week 4): most items done, some skipped with a reason, some
/// missed; a check-in each completed week with the left side well behind the right.
enum WeekFixtures {
  static let today = Days.day("2026-12-23")

  static func programme() throws -> Programme { try Fixtures.programme() }

  /// The records as the store would hold them.
  static func weeks(_ programme: Programme) -> [ProgressWeek] {
    let scheduler = Scheduler(programme: programme)
    var weeks: [ISOWeek: ProgressWeek] = [:]
    var counter = 0
    var day = programme.start
    while day <= today {
      let week = ISOWeek(containing: day)
      var progress = weeks[week] ?? ProgressWeek(week: week)
      for item in scheduler.checklist(for: day) {
        counter += 1
        if day == today {
          if counter % 2 == 0 {
            progress.items[item.id] = ItemRecord(status: .done, at: "\(day)T09:00:00Z")
          }
          continue
        }
        if counter % 7 == 0 {
          progress.items[item.id] = ItemRecord(
            status: .skipped, at: "\(day)T18:00:00Z", reason: "too sore")
        } else if counter % 5 != 0 {
          progress.items[item.id] = ItemRecord(status: .done, at: "\(day)T18:00:00Z")
        }
      }
      weeks[week] = progress
      day = day.adding(days: 1)
    }
    let checkins: [(String, Double, Double, Double, (Double, Double), (Double, Double))] = [
      ("2026-12-06", 6, 40, 50, (8, 20), (5, 20)),
      ("2026-12-13", 5, 50, 58, (10, 21), (7, 21)),
      ("2026-12-20", 4, 55, 62, (12, 22), (9, 22)),
    ]
    for (text, pain, sane, faam, heel, balance) in checkins {
      let day = Days.day(text)
      weeks[ISOWeek(containing: day)]?.checkins = [
        Checkin(
          day: day,
          values: [
            .pain: .single(pain), .sane: .single(sane), .faamADL: .single(faam),
            .heelRaises: .sided(left: heel.0, right: heel.1),
            .balance: .sided(left: balance.0, right: balance.1),
          ], at: "\(day)T19:00:00Z")
      ]
    }
    return weeks.keys.sorted().compactMap { weeks[$0] }
  }

  static func history() throws -> ProgressHistory {
    let programme = try programme()
    return ProgressHistory(programme: programme, weeks: weeks(programme))
  }

  /// The Week screen on the week of `today`, loaded.
  static func weekState(size: Size = Fixtures.size, week: ISOWeek? = nil) throws -> AppState {
    let programme = try programme()
    var state = AppState(today: today, size: size, programme: programme)
    let shown = week ?? ISOWeek(containing: today)
    _ = state.apply(.dayLoaded(Fixtures.loadedDay(programme, day: today)))
    _ = state.apply(.today(.showWeek))
    if shown != ISOWeek(containing: today) {
      state.screen = .week(WeekView(week: shown))
    }
    let asOf = WeekSummary.asOf(week: shown, today: today)
    _ = state.apply(.weekLoaded(WeekSummary(history: try history(), week: shown, asOf: asOf)))
    return state
  }
}
