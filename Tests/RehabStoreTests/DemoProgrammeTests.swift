import RehabCore
import RehabStore
import Testing

@Suite struct DemoProgrammeTests {
  /// Whatever the weekday, the demo opens on the longest list of its programme week, three
  /// weeks (and under a week more) into the programme.
  @Test func theDemoOpensOnTheLongestListOfItsWeek() throws {
    let plan = try TemplateLibrary.template(id: "chronic-ankle-instability").plan
    var day = try #require(CalendarDay("2026-12-21"))
    for _ in 0..<7 {
      let programme = DemoHistory.programme(plan: plan, today: day, weeksOfHistory: 3)
      let scheduler = Scheduler(programme: programme)
      let elapsed = programme.start.days(until: day)
      #expect((21...27).contains(elapsed))
      let week = programme.programmeWeek(of: day)
      let lists = (21...27).map { offset in
        scheduler.checklist(for: programme.start.adding(days: offset)).count
      }
      #expect(week == 4)
      #expect(scheduler.checklist(for: day).count == lists.max())
      #expect(scheduler.checklist(for: day).count > 1)
      day = day.adding(days: 1)
    }
  }
}
