import PropertyBased
import Testing

@testable import RehabCore

@Suite("CalendarDay")
struct CalendarDayTests {
  @Test(
    "parses only real yyyy-MM-dd dates",
    arguments: [
      ("2026-11-30", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-02-30", false),
      ("2026-13-01", false), ("2026-00-10", false), ("2026-1-1", false), ("26-11-30", false),
      ("2026/11/30", false), ("2026-11-3a", false), ("", false), ("2026-11-30T00:00", false),
      ("2000-02-29", true), ("1900-02-29", false),
    ])
  func parsing(text: String, valid: Bool) {
    #expect((CalendarDay(text) != nil) == valid)
    if valid { #expect(CalendarDay(text)?.description == text) }
  }

  @Test func problemMessagesSayWhatIsWrong() {
    #expect(CalendarDay.problem(parsing: "2026-02-30")?.contains("not a real date") == true)
    #expect(CalendarDay.problem(parsing: "30/11/2026")?.contains("YYYY-MM-DD") == true)
    #expect(CalendarDay.problem(parsing: "2026-11-30") == nil)
  }

  @Test func knownWeekdays() throws {
    #expect(try #require(CalendarDay("1970-01-01")).weekday == .thursday)
    #expect(try #require(CalendarDay("2026-11-30")).weekday == .monday)
    #expect(try #require(CalendarDay("2024-02-29")).weekday == .thursday)
    #expect(try #require(CalendarDay("2000-01-01")).weekday == .saturday)
  }

  @Test func monthEndsYearEndsAndLeapDays() throws {
    let jan31 = try #require(CalendarDay("2026-01-31"))
    #expect(jan31.adding(days: 1).description == "2026-02-01")
    #expect(try #require(CalendarDay("2024-02-28")).adding(days: 1).description == "2024-02-29")
    #expect(try #require(CalendarDay("2026-02-28")).adding(days: 1).description == "2026-03-01")
    #expect(try #require(CalendarDay("2026-12-31")).adding(days: 1).description == "2027-01-01")
    #expect(try #require(CalendarDay("2027-01-01")).adding(days: -1).description == "2026-12-31")
    #expect(
      try #require(CalendarDay("2024-01-01")).days(until: try #require(CalendarDay("2025-01-01")))
        == 366)
  }

  @Test func daysSinceEpochRoundTripsForAllDays() async {
    await propertyCheck(input: Gen.int(in: -700_000...2_900_000)) { days in
      let day = CalendarDay(daysSinceEpoch: days)
      #expect(day.daysSinceEpoch == days)
      #expect(CalendarDay(day.description) == day)
      #expect(day.adding(days: 1).weekday.isoIndex == (day.weekday.isoIndex + 1) % 7)
    }
  }

  @Test func orderingMatchesDayCount() async {
    await propertyCheck(input: Gen.int(in: 0...40_000), Gen.int(in: 0...40_000)) { a, b in
      let dayA = CalendarDay(daysSinceEpoch: a)
      let dayB = CalendarDay(daysSinceEpoch: b)
      #expect((dayA < dayB) == (a < b))
    }
  }

  @Test(
    "ISO weeks at year boundaries",
    arguments: [
      ("2026-11-30", "2026-W49"), ("2021-01-03", "2020-W53"), ("2024-12-30", "2025-W01"),
      ("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53"), ("2023-01-01", "2022-W52"),
    ])
  func isoWeeks(day: String, week: String) throws {
    let parsed = try #require(CalendarDay(day))
    #expect(ISOWeek(containing: parsed).description == week)
    #expect(ISOWeek(week)?.days.contains(parsed) == true)
    #expect(ISOWeek(week)?.monday.weekday == .monday)
  }

  @Test func isoWeekRejectsWeeksAYearDoesNotHave() {
    #expect(ISOWeek("2026-W53") != nil)
    #expect(ISOWeek("2025-W53") == nil)
    #expect(ISOWeek("2026-W00") == nil)
    #expect(ISOWeek("2026W01") == nil)
  }

  @Test func everyDayIsInTheISOWeekOfItsMonday() async {
    await propertyCheck(input: Gen.int(in: 0...40_000)) { days in
      let day = CalendarDay(daysSinceEpoch: days)
      let week = ISOWeek(containing: day)
      #expect(week.days.contains(day))
      #expect(week.next.previous == week)
      #expect(ISOWeek(week.description) == week)
    }
  }
}
