import RehabCore
import RehabQueries
import RehabStore
import RehabTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The week digests (`cache/week-digests`) are derived data: a day's list read through them
/// must equal the list worked out from every week file, on random histories, and a stale,
/// damaged or foreign cache must be ignored (and rebuilt), never trusted or reported.
@Suite("Week digests")
struct WeekDigestTests {
  typealias Fixture = ProgressQueriesTests.Fixture

  /// The day's list from a full reading: every week file from the start through the day.
  static func recomputed(_ queries: ProgressQueries, on day: CalendarDay) throws -> DayChecklist {
    let programme = queries.programme
    let weeks = try queries.store.weeks(from: programme.start, through: day)
    let pain = weeks.flatMap { week in
      week.pain.filter { $0.day >= programme.start && $0.day <= day }.map(\.painEntry)
    }
    let items = Scheduler(programme: programme).checklist(for: day, pain: pain)
    return DayChecklist(
      programme: programme, day: day, items: items,
      week: items.isEmpty ? nil : try queries.store.loadWeek(ISOWeek(containing: day)))
  }

  /// Random pain (during and on waking, about items, treatments or the session) on random
  /// days of the programme, and some check-offs.
  static func fill(_ fixture: Fixture, random: inout SeededRandom, entries: Int) throws {
    let programme = fixture.queries.programme
    for index in 0..<entries {
      let day = programme.start.adding(days: random.int(0...(programme.weeks * 7 - 1)))
      let items = fixture.queries.items(on: day)
      let item = items.isEmpty ? nil : random.pick(items)
      let about = random.int(0...2)
      _ = try fixture.store.addPain(
        PainRecord(
          day: day, level: random.int(0...10), timing: random.chance(50) ? .during : .nextMorning,
          itemId: about == 0 ? item?.id : nil,
          treatmentId: about == 1 ? item?.treatmentId : nil, at: Fixtures.stamp(index)))
      if let item, random.chance(40) {
        try fixture.store.updateWeek(ISOWeek(containing: day)) { week in
          week.items[item.id] = ItemRecord(status: .done, at: Fixtures.stamp(index))
        }
      }
    }
  }

  func cacheFile(_ store: ProgressStore) -> String { store.cacheDirectory + "/week-digests" }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
  func aDaysListThroughTheDigestsEqualsAFullReading(seed: UInt64) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: seed)
    try Self.fill(fixture, random: &random, entries: random.int(5...60))
    let programme = fixture.queries.programme
    var days = (0..<12).map { _ in
      programme.start.adding(days: random.int(-3...(programme.weeks * 7 + 5)))
    }
    days.append(programme.end)
    for day in days {
      let expected = try Self.recomputed(fixture.queries, on: day)
      // Cold (no cache or one made for another day), then warm.
      #expect(try fixture.queries.checklist(on: day) == expected, "\(day), seed \(seed)")
      #expect(try fixture.queries.checklist(on: day) == expected, "\(day), seed \(seed), cached")
    }
    // More pain in earlier weeks after the cache was made: every digest of a changed week is
    // stale and is read again.
    try Self.fill(fixture, random: &random, entries: 20)
    for day in days {
      #expect(try fixture.queries.checklist(on: day) == Self.recomputed(fixture.queries, on: day))
    }
  }

  @Test func theCacheIsPrivateAndOutsideTheProgressFolder() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: 11)
    try Self.fill(fixture, random: &random, entries: 20)
    _ = try fixture.queries.checklist(on: Fixture.start.adding(days: 30))
    var status = stat()
    #expect(lstat(fixture.store.cacheDirectory, &status) == 0)
    #expect(status.st_mode & 0o777 == 0o700)
    #expect(lstat(cacheFile(fixture.store), &status) == 0)
    #expect(status.st_mode & 0o777 == 0o600)
    // Exports read the progress folder only.
    #expect(
      try fixture.store.storedWeeks().allSatisfy {
        $0 < ISOWeek(containing: Fixture.start.adding(days: 70))
      })
    let json = try fixture.queries.export(.json, asOf: Fixture.start.adding(days: 30))
    #expect(!json.contains("week-digests"))
  }

  @Test func aDamagedOrForeignCacheIsIgnoredAndRebuilt() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: 21)
    try Self.fill(fixture, random: &random, entries: 40)
    let day = Fixture.start.adding(days: 45)
    let expected = try Self.recomputed(fixture.queries, on: day)
    _ = try fixture.queries.checklist(on: day)
    let path = cacheFile(fixture.store)
    let good = try #require(readBytes(path))

    // Damaged: garbage, a truncated file, a file of another version, an empty file.
    for bytes in [
      Array("not a cache\n".utf8), Array(good.prefix(good.count / 2)),
      Array("rehabit-week-digests 9".utf8) + good.drop { $0 != 10 },
      [],
    ] {
      try #require(writeBytes(bytes, to: path))
      #expect(try fixture.queries.checklist(on: day) == expected)
      #expect(fixture.queries.damaged.all.isEmpty)
      #expect(readBytes(path) == good, "rebuilt")
    }

    // Foreign: another folder's cache whose digests claim other pain for the same weeks. Its
    // file identities differ from this folder's week files, so none is used.
    let other = try Fixture()
    defer { other.remove() }
    var otherRandom = SeededRandom(state: 99)
    try Self.fill(other, random: &otherRandom, entries: 40)
    _ = try other.queries.checklist(on: day)
    try #require(writeBytes(try #require(readBytes(cacheFile(other.store))), to: path))
    #expect(try fixture.queries.checklist(on: day) == expected)

    // Stale in a way only the identity shows: the cache says an earlier week had no pain.
    let forged = TalliedDigestTests.sealed(
      String(decoding: good, as: UTF8.self).split(separator: "\n")
        .filter { !$0.hasPrefix("pain ") && !$0.hasPrefix("end ") })
    try #require(writeBytes(forged, to: path))
    let earlier = ISOWeek(containing: Fixture.start.adding(days: 8))
    try fixture.store.updateWeek(earlier) { week in
      week.pain.append(
        PainRecord(day: Fixture.start.adding(days: 9), level: 8, at: Fixtures.stamp(900)))
    }
    #expect(try fixture.queries.checklist(on: day) == Self.recomputed(fixture.queries, on: day))
  }

  @Test func aDamagedEarlierWeekIsLeftOutAndNotedAsBefore() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: 31)
    try Self.fill(fixture, random: &random, entries: 30)
    let day = Fixture.start.adding(days: 40)
    _ = try fixture.queries.checklist(on: day)
    let damagedWeek = ISOWeek(containing: Fixture.start.adding(days: 3))
    try #require(writeBytes(Array("{ broken".utf8), to: fixture.store.file(for: damagedWeek)))
    let list = try fixture.queries.checklist(on: day)
    #expect(fixture.queries.damaged.all.map(\.week) == [damagedWeek])
    // Its pain no longer counts, as a full reading that leaves it out would say.
    let fresh = ProgressQueries(store: fixture.store, programme: fixture.queries.programme)
    #expect(try fresh.checklist(on: day) == list)
    #expect(fresh.damaged.all.map(\.week) == [damagedWeek])
  }

}
