import RehabCore
import Testing

@Suite struct TimeOfDayTests {
  @Test(arguments: [("00:00", 0, 0), ("07:30", 7, 30), ("23:59", 23, 59), ("18:00", 18, 0)])
  func parsesHHMM(text: String, hour: Int, minute: Int) throws {
    let time = try #require(TimeOfDay(text))
    #expect(time.hour == hour && time.minute == minute)
    #expect(time.description == text)
    #expect(TimeOfDay.problem(parsing: text) == nil)
  }

  @Test(arguments: [
    "25:00", "24:00", "12:60", "7:30", "07:3", "0730", "07-30", "", "ab:cd", "07:30 ",
  ])
  func rejectsWithAOneLineReason(text: String) {
    #expect(TimeOfDay(text) == nil)
    let problem = TimeOfDay.problem(parsing: text)
    #expect(problem != nil)
    #expect(problem?.contains("e.g.") == true)
  }

  @Test func compactIsTheICalendarTime() throws {
    #expect(try #require(TimeOfDay("07:05")).compact == "070500")
  }
}
