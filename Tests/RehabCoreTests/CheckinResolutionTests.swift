import RehabTestSupport
import Testing

@testable import RehabCore

/// Which check-ins count (one per programme week, the latest) and the day's log (issue 12).
@Suite("check-ins per programme week, and the day's log")
struct CheckinResolutionTests {
  static func checkin(_ day: String, at: String, id: String = "") -> Checkin {
    Checkin(day: Fixtures.day(day), values: [.pain: .single(3)], at: at, id: id)
  }

  @Test("periods count from the start day, also before it and after the programme")
  func periods() {
    let start = Fixtures.day("2026-11-05")  // a Thursday
    let cases: [(String, Int)] = [
      ("2026-11-05", 1), ("2026-11-11", 1), ("2026-11-12", 2), ("2026-11-04", 0),
      ("2026-10-29", 0), ("2026-10-28", -1), ("2027-01-06", 9),
    ]
    for (day, period) in cases {
      #expect(CheckinResolution.period(of: Fixtures.day(day), start: start) == period, "\(day)")
      #expect(
        CheckinResolution.days(ofPeriod: period, start: start).contains(Fixtures.day(day)))
    }
  }

  @Test("the latest by time stamp of each programme week counts, whatever the order read")
  func latestPerWeek() {
    let start = Fixtures.day("2026-11-05")
    let older = Self.checkin("2026-11-10", at: "2026-11-10T08:00:00Z", id: "c-20261110-0001")
    let newer = Self.checkin("2026-11-06", at: "2026-11-12T08:00:00Z", id: "c-20261106-0002")
    let nextWeek = Self.checkin("2026-11-12", at: "2026-11-12T09:00:00Z", id: "c-20261112-0003")
    for order in [[older, newer, nextWeek], [nextWeek, newer, older], [newer, nextWeek, older]] {
      #expect(CheckinResolution.latestPerWeek(order, start: start) == [newer, nextWeek])
    }
    // Same time stamp: the later day, then the greater id.
    let sameTime = Self.checkin("2026-11-07", at: "2026-11-10T08:00:00Z", id: "c-20261107-0001")
    #expect(CheckinResolution.latestPerWeek([sameTime, older], start: start) == [older])
  }

  @Test("the history's check-ins: one per programme week, across the two files of a week")
  func historyAcrossFiles() {
    let scenario = FlagsScenario(start: Fixtures.day("2026-12-03"))  // a Thursday
    let first = Self.checkin("2026-12-04", at: "2026-12-04T09:00:00Z", id: "c-20261204-0001")
    let second = Self.checkin("2026-12-08", at: "2026-12-08T09:00:00Z", id: "c-20261208-0002")
    var weeks = scenario.weeks
    weeks[ISOWeek(containing: first.day)] = ProgressWeek(
      week: ISOWeek(containing: first.day), checkins: [first])
    weeks[ISOWeek(containing: second.day)] = ProgressWeek(
      week: ISOWeek(containing: second.day), checkins: [second])
    let history = ProgressHistory(programme: scenario.programme, weeks: weeks)
    #expect(history.checkins(through: Fixtures.day("2026-12-31")) == [second])
    #expect(history.checkin(inProgrammeWeekOf: Fixtures.day("2026-12-03")) == second)
    #expect(history.checkin(inProgrammeWeekOf: Fixtures.day("2026-12-10")) == nil)
    #expect(history.allCheckins == [second])
  }

  @Test("the day's log: ticks and skips, pain, notes, the check-in, each with its id")
  func dayLog() {
    let scenario = FlagsScenario()
    let day = scenario.day(week: 1, 2)
    let item = scenario.items(ofWeek: 1).first { $0.day == day }
    let itemId = item?.id ?? ""
    let pain = PainRecord(
      day: day, level: 7, itemId: itemId, at: "\(day)T19:00:00Z", id: "p-20261202-0002")
    let earlierPain = PainRecord(day: day, level: 2, at: "\(day)T08:00:00Z", id: "p-20261202-0001")
    let note = NoteRecord(day: day, text: "ok", at: "\(day)T20:00:00Z", id: "n-20261202-0003")
    let checkin = Self.checkin("\(day)", at: "\(day)T21:00:00Z", id: "c-20261202-0004")
    let otherDay = NoteRecord(
      day: day.adding(days: 1), text: "x", at: "2026-12-02T12:00:00Z", id: "n-20261203-0005")
    let week = ProgressWeek(
      week: ISOWeek(containing: day),
      items: [itemId: ItemRecord(status: .skipped, at: "2026-12-02T12:00:00Z", reason: "sore")],
      pain: [pain, earlierPain], notes: [note, otherDay], checkins: [checkin])
    let log = DayLog(programme: scenario.programme, day: day, week: week)
    #expect(log.entries.map(\.id) == [itemId, earlierPain.id, pain.id, note.id, checkin.id])
    #expect(log.entries.map(\.kind) == ["item", "pain", "pain", "note", "checkin"])
    #expect(log.entries.map(\.isRemovable) == [false, true, true, true, true])
    #expect(log.programmeWeek == 1)
    if case .pain(_, let treatment) = log.entries[2] {
      #expect(treatment == item?.name)
    }
    // A check-in replaced by a later one of its programme week in the other file is not listed.
    let later = Self.checkin(
      "\(scenario.day(week: 1, 6))", at: "\(day)T22:00:00Z", id: "c-20261206-0006")
    let replaced = DayLog(
      programme: scenario.programme, day: day, week: week, otherCheckins: [later])
    #expect(!replaced.entries.contains { $0.kind == "checkin" })
  }
}
