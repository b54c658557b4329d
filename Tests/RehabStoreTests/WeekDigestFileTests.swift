import RehabCore
import RehabTestSupport
import Testing

@testable import RehabStore

/// The digest cache's line format: whatever `isWritable` accepts reads back exactly, and a
/// file cut short or changed anywhere reads as no cache (never as other values).
@Suite("Week digest cache file")
struct WeekDigestFileTests {
  static func randomEntries(_ random: inout SeededRandom) -> [ISOWeek: WeekDigestFile.Entry] {
    var entries: [ISOWeek: WeekDigestFile.Entry] = [:]
    var week = ISOWeek(containing: Fixtures.day("2026-11-02"))
    for _ in 0..<random.int(0...6) {
      week = week.next
      let pain = (0..<random.int(0...4)).map { _ in
        PainEntry(
          day: week.monday.adding(days: random.int(0...6)), level: random.int(0...10),
          timing: random.chance(50) ? .during : .nextMorning,
          treatmentId: random.chance(50) ? random.pick(["calf-stretch", "t1", "é-x"]) : nil)
      }
      let checkins = (0..<random.int(0...2)).map { index in
        var values: [Measure: CheckinValue] = [:]
        for measure in Measure.allCases where random.chance(50) {
          let number = Double(random.int(0...400)) / random.pick([1.0, 2.0, 3.0, 7.0])
          values[measure] =
            measure.isSided ? .sided(left: number, right: -number / 3) : .single(number)
        }
        return Checkin(
          day: week.monday.adding(days: random.int(0...6)), values: values,
          at: Fixtures.stamp(index), id: random.chance(80) ? "c-20261206-k3m9" : "",
          by: random.chance(50) ? "7rvsj8bh3a10w5bf" : "")
      }
      var entry = WeekDigestFile.Entry(
        key: SourceKey(
          inode: UInt64(random.int(1...1_000_000)), size: Int64(random.int(0...9_999)),
          modified: Int64(random.int(0...1_000_000_000)), changed: -Int64(random.int(0...99))),
        pain: pain, checkins: checkins)
      for index in 0..<random.int(0...4) {
        let days = (0..<7).map { _ in
          AdherenceTally(
            scheduled: random.int(0...20), done: random.int(0...10), skipped: random.int(0...5))
        }
        entry.keep(days, for: "f\(index)")
      }
      entries[week] = entry
    }
    return entries
  }

  @Test func whatIsWritableReadsBackExactly() {
    var random = SeededRandom(state: 3)
    for _ in 0..<200 {
      let entries = Self.randomEntries(&random)
      #expect(entries.values.allSatisfy(WeekDigestFile.isWritable))
      #expect(entries.values.allSatisfy { $0.tallies.count <= WeekDigestFile.talliesPerWeek })
      #expect(WeekDigestFile.parse(WeekDigestFile.render(entries)) == entries)
    }
  }

  @Test func aFileCutShortOrChangedReadsAsNoCache() {
    var random = SeededRandom(state: 8)
    var rejected = 0
    for _ in 0..<60 {
      let entries = Self.randomEntries(&random)
      guard !entries.isEmpty else { continue }
      let bytes = WeekDigestFile.render(entries)
      // Cut anywhere before the end.
      let cut = Array(bytes.prefix(random.int(0...(bytes.count - 1))))
      #expect(WeekDigestFile.parse(cut).isEmpty)
      // Any one byte changed (the checksum at the end): no cache, never other figures.
      var changed = bytes
      let index = random.int(0...(bytes.count - 1))
      changed[index] = random.pick([0x20, 0x0A, UInt8(ascii: "x"), UInt8(ascii: "1")])
      guard changed != bytes else { continue }
      #expect(WeekDigestFile.parse(changed).isEmpty, "byte \(index)")
      rejected += 1
    }
    #expect(rejected > 40)
    #expect(WeekDigestFile.parse(Array("rehabit-week-digests 1\nend\n".utf8)).isEmpty)
  }

  @Test func aTreatmentOrMachineThatCannotBeWrittenIsNotCached() {
    let key = SourceKey(inode: 1, size: 2, modified: 3, changed: 4)
    let day = Fixtures.day("2026-11-02")
    for id in ["two words", "-", "line\nfeed", ""] {
      let entry = WeekDigestFile.Entry(
        key: key, pain: [PainEntry(day: day, level: 3, timing: .during, treatmentId: id)],
        checkins: [])
      #expect(!WeekDigestFile.isWritable(entry), "\(id)")
    }
    let checkin = WeekDigestFile.Entry(
      key: key, pain: [],
      checkins: [Checkin(day: day, values: [.pain: .single(.nan)], at: Fixtures.stamp(1))])
    #expect(!WeekDigestFile.isWritable(checkin))
  }

  /// A programme the store read is keyed by its file's bytes (for a file rehabit wrote, its
  /// encoding); one it did not read (or one changed since) by its encoding, so a changed
  /// programme never meets the old tallies.
  @Test func aProgrammeReadFromItsFileIsKeyedByTheFilesBytes() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let written = Fixtures.programme([Fixtures.stretch()], start: "2026-11-23")
    try ProgressStore(directory: directory.path).saveProgramme(written, replacing: false)
    let store = ProgressStore(directory: directory.path)
    #expect(store.fingerprint(of: written) == ProgrammeFingerprint.of(written))
    let read = try #require(try store.loadProgramme())
    let bytes = try #require(try DurableFiles.read(store.programmeFile))
    let ofFile = bytes.withUnsafeBufferPointer(Fingerprint.hex)
    #expect(store.fingerprint(of: read) == ofFile)
    // A file rehabit wrote is the programme's encoding: the two keys agree.
    #expect(ofFile == ProgrammeFingerprint.of(read))
    // A hand-formatted file of the same programme is keyed by its own bytes.
    let spaced = ProgressStore(directory: directory.path)
    #expect(writeBytes(Array(" ".utf8) + bytes, to: store.programmeFile))
    let respaced = try #require(try spaced.loadProgramme())
    #expect(respaced == read)
    #expect(spaced.fingerprint(of: respaced) != ofFile)
    var changed = read
    changed.start = changed.start.adding(days: 7)
    #expect(store.fingerprint(of: changed) == ProgrammeFingerprint.of(changed))
    #expect(store.fingerprint(of: changed) != ofFile)
  }
}
