import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// The pain form: pain on waking is about the day before's session (R-PAIN-NEXT), as
/// `rehabit pain --next-morning --item` files it, and the form says what the scheduler will do.
@Suite("Pain form")
struct PainFormTests {
  let programme: Programme
  let state: AppState

  init() throws {
    programme = try Fixtures.programme()
    state = try Fixtures.todayState()
  }

  func form(_ state: AppState) -> PainForm? {
    guard case .pain(let form) = state.todayScreen.modal else { return nil }
    return form
  }

  @Test("on waking, the form offers the day before's items and files the entry for that session")
  func morningPainIsAboutTheDayBefore() throws {
    let yesterday = Days.today.adding(days: -1)
    let during = PainEntry(day: yesterday, level: 3)
    var next = state
    Fixtures.openPainForm(&next, earlier: [during])
    (next, _) = update(next, .today(.setPainLevel(6)))
    (next, _) = update(next, .today(.togglePainTiming))
    let open = try #require(form(next))
    let yesterdays = Scheduler(programme: programme).checklist(for: yesterday)
    #expect(open.sessionDay == yesterday)
    #expect(open.items.map(\.id) == yesterdays.map(\.id))
    // `i` goes through the day before's items, then back to the whole session.
    (next, _) = update(next, .today(.toggleAboutItem))
    let item = try #require(form(next)?.aboutItem)
    #expect(item.id == yesterdays[0].id)
    let text = render(next, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("on waking (about \(yesterday.labelWithWeekday))"))
    #expect(text.contains("About: \(TodayEntry(item: item).label)"))
    let effects: [AppEffect]
    (next, effects) = update(next, .today(.submit))
    let record = PainRecord(
      day: Days.today, level: 6, timing: .nextMorning, itemId: item.id,
      treatmentId: item.treatmentId, at: "")
    #expect(effects == [.addPain(record)])
    // The scheduler counts it against the day before's session of that treatment.
    let guidance = Scheduler(programme: programme).painGuidance([during, record.painEntry])
    #expect(guidance.wasPainful(item.treatmentId, on: yesterday))
    #expect(next.message?.text.contains("about \(yesterday.labelWithWeekday)") == true)
  }

  @Test("on a past day shown, pain on waking is about the day before that day")
  func pastDay() throws {
    let shown = Days.today.adding(days: -1)
    var next = state
    (next, _) = update(next, .today(.previousDay))
    (next, _) = update(next, .dayLoaded(Fixtures.loadedDay(programme, day: shown)))
    var effects: [AppEffect]
    (next, effects) = update(next, .today(.logPain))
    #expect(effects == [.loadPainContext(shown)])
    (next, _) = update(
      next, .today(.painContextLoaded(PainContext(programme: programme, day: shown, earlier: []))))
    (next, _) = update(next, .today(.togglePainTiming))
    (next, _) = update(next, .today(.toggleAboutItem))
    let item = try #require(form(next)?.aboutItem)
    #expect(item.day == shown.adding(days: -1))
    (next, effects) = update(next, .today(.submit))
    #expect(
      effects == [
        .addPain(
          PainRecord(
            day: shown, level: 0, timing: .nextMorning, itemId: item.id,
            treatmentId: item.treatmentId, at: ""))
      ])
  }

  @Test("on the programme's first day there is no session the night before to log")
  func firstDay() throws {
    var next = state
    next.todayScreen = TodayState(day: Days.start)
    _ = next.apply(.dayLoaded(Fixtures.loadedDay(programme, day: Days.start)))
    Fixtures.openPainForm(&next)
    (next, _) = update(next, .today(.togglePainTiming))
    let effects: [AppEffect]
    (next, effects) = update(next, .today(.submit))
    #expect(effects.isEmpty)
    #expect(form(next)?.problem?.contains("before the programme") == true)
  }

  @Test("the form and the message name the next session's dose the scheduler will give")
  func promiseMatchesTheScheduler() throws {
    var next = state
    Fixtures.openPainForm(&next)
    (next, _) = update(next, .today(.setPainLevel(7)))
    let open = try #require(form(next))
    let consequence = try #require(open.consequence)
    let entry = PainEntry(day: Days.today, level: 7)
    let scheduler = Scheduler(programme: programme)
    var named = 0
    for change in consequence.treatments {
      guard case .lighter(let day, let dose, let planned) = change.change else { continue }
      let item = scheduler.checklist(for: day, pain: [entry]).first {
        $0.treatmentId == change.treatmentId
      }
      #expect(item?.dose == dose)
      #expect(
        scheduler.checklist(for: day).first { $0.treatmentId == change.treatmentId }?.dose
          == planned)
      named += 1
    }
    #expect(named > 0)
    let text = render(next, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("Saving it:"))
    let effects: [AppEffect]
    (next, effects) = update(next, .today(.submit))
    #expect(effects.count == 1)
    #expect(next.message?.text.contains(PainConsequenceText.summary(consequence)) == true)
  }

  @Test("heat and ice are never promised a lighter session")
  func thermal() throws {
    var next = state
    Fixtures.openPainForm(&next)
    (next, _) = update(next, .today(.setPainLevel(8)))
    let consequence = try #require(form(next)?.consequence)
    for change in consequence.treatments where change.kind.isThermal {
      #expect(change.change == .neverChanged)
    }
  }
}
