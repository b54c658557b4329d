import RehabCore
import RehabTestSupport
import Testing

@Suite("Programme timeline")
struct ProgrammeTimelineTests {
  // 8 weeks from 2026-09-07 (ends 11-01), then 4 weeks from 2026-11-04 (ends 12-01).
  let first = Fixtures.programme([Fixtures.stretch()], start: "2026-09-07", weeks: 8)
  let second = Fixtures.programme([Fixtures.stretch()], start: "2026-11-04", weeks: 4)

  @Test func theProgrammeOfADayIsTheLatestStartedOnOrBeforeIt() {
    let timeline = ProgrammeTimeline(current: second, earlier: [first])
    #expect(timeline.programmes == [first, second])
    #expect(timeline.current == second)
    #expect(timeline.programme(on: Fixtures.day("2026-09-07")) == first)
    #expect(timeline.programme(on: Fixtures.day("2026-11-01")) == first)
    // A day between two programmes belongs to the one before, as a day after the end did.
    #expect(timeline.programme(on: Fixtures.day("2026-11-03")) == first)
    #expect(timeline.programme(on: Fixtures.day("2026-11-04")) == second)
    #expect(timeline.programme(on: Fixtures.day("2027-05-01")) == second)
    #expect(timeline.programme(on: Fixtures.day("2026-01-01")) == first)
    #expect(timeline.previous(of: second) == first)
    #expect(timeline.previous(of: first) == nil)
    #expect(timeline.overlap == nil)
    #expect(
      timeline.programmes(overlapping: Fixtures.day("2026-10-30"), Fixtures.day("2026-11-05"))
        == [first, second])
  }

  @Test func aCopyOfTheCurrentIsCountedOnceAndOverlapsAreFound() {
    #expect(ProgrammeTimeline(current: second, earlier: [second, first]).programmes.count == 2)
    let overlapping = Fixtures.programme([Fixtures.stretch()], start: "2026-10-26", weeks: 2)
    let timeline = ProgrammeTimeline(current: overlapping, earlier: [first])
    #expect(timeline.overlap?.0 == first)
    #expect(timeline.overlap?.1 == overlapping)
  }

  @Test func theNextStartsAfterTheCurrentEnds() {
    let timeline = ProgrammeTimeline(current: first)
    #expect(
      timeline.defaultNextStart(today: Fixtures.day("2026-10-01")) == Fixtures.day("2026-11-02"))
    #expect(
      timeline.defaultNextStart(today: Fixtures.day("2026-11-20")) == Fixtures.day("2026-11-20"))
    #expect(timeline.problem(startingNext: second) == nil)
    let early = Fixtures.programme([Fixtures.stretch()], start: "2026-11-01", weeks: 4)
    #expect(timeline.problem(startingNext: early)?.earliestStart == Fixtures.day("2026-11-02"))
  }

  @Test func thePreviousProgrammeLineSaysItIsNotCompared() {
    let checkin = Checkin(
      day: Fixtures.day("2026-10-30"), values: [.heelRaises: .sided(left: 12, right: 20)],
      at: "2026-10-30T09:00:00Z")
    let line = PreviousProgrammeText.line(
      PreviousProgrammeCheckin(programme: first, checkin: checkin))
    #expect(line.contains("not compared"))
    #expect(line.contains("2026-09-07 to 2026-11-01"))
    #expect(line.contains("2026-10-30: heel raises L 12 / R 20"))
    #expect(
      PreviousProgrammeText.line(PreviousProgrammeCheckin(programme: first, checkin: nil))
        .hasSuffix("it has no check-in."))
  }
}
