import RehabCore
import RehabQueries
import RehabStore
import RehabTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The query layer with several programmes in the folder: every answer uses the programme
/// that ran on its day.
@Suite("Progress queries: programme phases")
struct PhaseQueriesTests {
  /// Each programme has its own history: the baseline starts at its own start, pain of the
  /// earlier programme in the shared ISO week does not dose it, and the previous programme's
  /// last check-in is there for reference.
  @Test func queriesUseTheProgrammeOfTheDay() throws {
    let folder = PhaseFolder()
    defer { folder.remove() }
    let first = Fixtures.sampleProgramme(start: "2026-11-30", weeks: 6)
    // Starts on a Wednesday, so 2027-W02 holds days of both.
    let next = Fixtures.sampleProgramme(start: "2027-01-13", weeks: 4)
    let store = ProgressStore(directory: folder.path)
    try store.saveProgramme(first, replacing: false)
    for (checkinDay, raises) in [("2026-12-01", 10.0), ("2027-01-08", 14.0)] {
      try store.saveCheckin(
        Checkin(
          day: day(checkinDay), values: [.heelRaises: .sided(left: raises, right: 20)],
          at: "\(checkinDay)T09:00:00Z"), programmeStart: first.start)
    }
    try store.startNextProgramme(next)
    try store.saveCheckin(
      Checkin(
        day: day("2027-01-14"), values: [.heelRaises: .sided(left: 9, right: 19)],
        at: "2027-01-14T09:00:00Z"), programmeStart: next.start)

    let earlier = try #require(try ProgressQueries.open(store, on: day("2026-12-15")))
    #expect(earlier.programme == first)
    #expect(try earlier.previousProgrammeCheckin() == nil)
    let later = try #require(try ProgressQueries.open(store, on: day("2027-01-20")))
    #expect(later.programme == next)
    let previous = try #require(try later.previousProgrammeCheckin())
    #expect(previous.programme == first)
    #expect(previous.checkin?.day == day("2027-01-08"))
    let flags = try later.flags(asOf: day("2027-02-05"))
    #expect(flags.previousProgramme == previous)
    let trend = try #require(
      later.week(ISOWeek(containing: day("2027-01-20")), asOf: day("2027-01-20")).measures.trends
        .first { $0.measure == .heelRaises })
    #expect(trend.baseline?.day == day("2027-01-14"))
    #expect(later.on(day("2026-12-20")).programme == first)
    #expect(later.on(day("2027-01-13")).programme == next)
  }

  @Test func anOldSingleProgrammeFolderOpensAsBefore() throws {
    let folder = PhaseFolder()
    defer { folder.remove() }
    let store = ProgressStore(directory: folder.path)
    let only = Fixtures.sampleProgramme(start: "2026-11-30", weeks: 6)
    try store.saveProgramme(only, replacing: false)
    for asked in ["2026-11-01", "2026-12-15", "2027-06-01"] {
      let queries = try #require(try ProgressQueries.open(store, on: day(asked)))
      #expect(queries.programme == only)
      #expect(try queries.previousProgrammeCheckin() == nil)
    }
  }
}

/// A fresh folder under /tmp for one test.
private struct PhaseFolder {
  let path: String

  init() {
    var template = Array("/tmp/rehabit-phases-XXXXXX".utf8CString)
    path =
      template.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
      } ?? "/tmp/rehabit-phases-\(getpid())"
  }

  func remove() {
    var pid: pid_t = 0
    let words: [String] = ["/bin/rm", "-rf", path]
    var arguments = words.map { strdup($0) } + [nil]
    defer { for argument in arguments { free(argument) } }
    if posix_spawn(&pid, "/bin/rm", nil, nil, &arguments, nil) == 0 {
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
  }
}
