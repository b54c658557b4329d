import RehabCore
import RehabQueries
import RehabStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The query layer decides which progress files count; these pin its bounds and show that the
/// answers the two front ends get (a `today` list, the Today screen's day, a week, the flags)
/// agree with each other.
@Suite("Progress queries")
struct ProgressQueriesTests {
  /// `lateral-ankle-sprain` (8 weeks, with progression) from Monday 2026-11-02, in a fresh folder.
  struct Fixture {
    let folder: String
    let queries: ProgressQueries

    init() throws {
      var template = Array("/tmp/rehabit-queries-XXXXXX".utf8CString)
      folder =
        template.withUnsafeMutableBufferPointer { buffer in
          buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        } ?? "/tmp/rehabit-queries-\(getpid())"
      let store = ProgressStore(directory: folder + "/data")
      let plan = try TemplateLibrary.template(id: "lateral-ankle-sprain").plan
      let programme = Programme(plan: plan, start: Fixture.start, affectedSide: .left)
      try store.saveProgramme(programme, replacing: false)
      queries = ProgressQueries(store: store, programme: programme)
    }

    static let start = day("2026-11-02")

    var store: ProgressStore { queries.store }

    func remove() {
      var pid: pid_t = 0
      let words: [String] = ["/bin/rm", "-rf", folder]
      var arguments = words.map { strdup($0) } + [nil]
      defer { for pointer in arguments { free(pointer) } }
      if posix_spawn(&pid, "/bin/rm", nil, nil, &arguments, nil) == 0 {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
      }
    }

    /// The first item of `kind` scheduled on `day`.
    func item(_ kind: TreatmentKind, on day: CalendarDay) -> ChecklistItem? {
      queries.items(on: day).first { $0.kind == kind }
    }

    /// The next day after `day` with a session of the same treatment.
    func nextSession(of item: ChecklistItem, after day: CalendarDay) -> CalendarDay? {
      (1...14).map { day.adding(days: $0) }.first { later in
        queries.items(on: later).contains { $0.treatmentId == item.treatmentId }
      }
    }
  }

  @Test func historyCountsTheProgrammeUpToTheDayAndNothingLater() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let start = Fixture.start
    // A note in the first, second and third week, and one after the programme's end.
    for offset in [0, 8, 15, 70] {
      try fixture.store.addNote(
        NoteRecord(
          day: start.adding(days: offset), itemId: nil, text: "n", at: "2026-12-02T12:00:00Z"))
    }
    let history = try fixture.queries.history(asOf: start.adding(days: 9))
    #expect(
      history.weeks.keys.sorted() == [
        ISOWeek(containing: start), ISOWeek(containing: start.adding(days: 7)),
      ])
    let end = try fixture.queries.history(asOf: start.adding(days: 100))
    #expect(!end.weeks.keys.contains(ISOWeek(containing: start.adding(days: 70))))
    #expect(end.weeks.keys.max() == ISOWeek(containing: fixture.queries.programme.end))
    // The Today screen may show a day after the end: its own week is read too.
    let shown = try fixture.queries.history(
      asOf: start.adding(days: 100), including: start.adding(days: 70))
    #expect(shown.weeks.keys.contains(ISOWeek(containing: start.adding(days: 70))))
  }

  @Test func theTodayListAndTheTodayScreenGetTheSameItemsAfterAPainfulSession() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    // A strengthening session in week 2 that hurt (R-PAIN-STEP), then its next session.
    let painful = try #require(
      (7..<14).map { Fixture.start.adding(days: $0) }.first {
        fixture.item(.strengthening, on: $0) != nil
      })
    let item = try #require(fixture.item(.strengthening, on: painful))
    try fixture.store.setStatus(.done, ofItem: item.id, on: painful, at: "2026-12-02T12:00:00Z")
    try fixture.store.addPain(
      PainRecord(day: painful, level: 8, itemId: item.id, at: "2026-12-02T12:00:00Z"))
    let next = try #require(fixture.nextSession(of: item, after: painful))

    let listed = try fixture.queries.checklist(on: next)
    let screen = try fixture.queries.day(next, today: next)
    #expect(listed == screen.checklist)
    let stepped = listed.entries.filter { $0.item.treatmentId == item.treatmentId }
    #expect(!stepped.isEmpty)
    #expect(stepped.allSatisfy { $0.item.painAdjustments.contains(.steppedDown) })
    // Resolving numbers needs no pain: the same ids in the same order.
    #expect(fixture.queries.items(on: next).map(\.id) == listed.entries.map(\.item.id))
    #expect(listed.entries.map(\.number) == Array(1...listed.entries.count))
  }

  @Test func theWeekTheFlagsAndTheTodayScreenJudgeTheSameFlags() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    // Two weeks without a check-in or a tick: missed check-ins and low adherence.
    let asOf = Fixture.start.adding(days: 16)
    let flags = try fixture.queries.flags(asOf: asOf)
    #expect(flags.completedWeeks == 2)
    #expect(flags.flags.map(\.kind).contains(.missedCheckin))
    #expect(flags.flags.map(\.kind).contains(.lowAdherence))
    let week = try fixture.queries.week(ISOWeek(containing: asOf), asOf: asOf)
    let day = try fixture.queries.day(asOf, today: asOf)
    #expect(week.flags == flags.flags)
    #expect(day.flags == flags.flags)
  }

  @Test func aWeekJudgedAsOfADayIgnoresWhatWasLoggedLater() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let monday = Fixture.start.adding(days: 7)
    for offset in 0..<3 {
      let day = monday.adding(days: offset)
      for item in fixture.queries.items(on: day) {
        try fixture.store.setStatus(.done, ofItem: item.id, on: day, at: "2026-12-02T12:00:00Z")
      }
    }
    let asOfTuesday = try fixture.queries.week(
      ISOWeek(containing: monday), asOf: monday.adding(days: 1))
    let expected =
      fixture.queries.items(on: monday).count
      + fixture.queries.items(on: monday.adding(days: 1)).count
    #expect(asOfTuesday.overview.tally.done == expected)
    #expect(asOfTuesday.overview.tally.scheduled == expected)
    // The app shows a past week as of its Sunday, the current one as of today.
    let shown = try fixture.queries.week(
      ISOWeek(containing: monday), today: monday.adding(days: 30))
    #expect(shown.asOf == monday.adding(days: 6))
  }

  @Test func anExportCoversEveryStoredWeekAlsoBeforeTheProgramme() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let earlier = Fixture.start.adding(days: -10)
    try fixture.store.setStatus(
      .done, ofItem: "\(earlier).calf-stretch.left", on: earlier, at: "2026-12-02T12:00:00Z")
    let csv = try fixture.queries.export(.csv, asOf: Fixture.start.adding(days: 3), from: earlier)
    #expect(csv.contains("\(earlier).calf-stretch.left"))
    let history = try fixture.queries.history(asOf: Fixture.start.adding(days: 3))
    #expect(!history.weeks.keys.contains(ISOWeek(containing: earlier)))
  }
}

func day(_ text: String) -> CalendarDay {
  guard let day = CalendarDay(text) else { fatalError("bad test day \(text)") }
  return day
}
