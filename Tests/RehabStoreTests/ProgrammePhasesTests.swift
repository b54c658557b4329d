import Foundation
import RehabCore
import RehabStore
import RehabTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Several programmes in one data folder: `programme.json` the current one, earlier ones kept
/// as `programmes/<start>-<id>.json`.
@Suite("Programme phases: the folder's layout")
struct ProgrammePhasesTests {
  /// A 6-week programme from 2026-11-30 (ends 2027-01-10) and the next from 2027-01-11.
  static let first = Fixtures.sampleProgramme(start: "2026-11-30", weeks: 6)
  static let next = Fixtures.sampleProgramme(start: "2027-01-11", weeks: 4)

  @Test func startingTheNextKeepsTheCurrentByteForByteWithPrivatePermissions() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let store = ProgressStore(directory: folder.path)
    try store.saveProgramme(Self.first, replacing: false)
    let before = try #require(readBytes(store.programmeFile))

    try store.startNextProgramme(Self.next)

    let kept = store.earlierProgrammeFile(for: Self.first)
    #expect(kept == "\(folder.path)/programmes/2026-11-30-test-plan.json")
    #expect(readBytes(kept) == before)
    #expect(try store.loadProgramme() == Self.next)
    #expect(mode(store.programmesDirectory) == 0o700)
    #expect(mode(kept) == 0o600)
    #expect(mode(store.programmeFile) == 0o600)
    // Written atomically: nothing but the kept programme in the folder (no temporary file).
    #expect(try folderNames(store.programmesDirectory) == ["2026-11-30-test-plan.json"])
    let timeline = try #require(try store.loadTimeline())
    #expect(timeline.programmes == [Self.first, Self.next])
  }

  @Test func anOldSingleProgrammeFolderReadsAsOneProgrammeAndReadingWritesNothing() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let store = ProgressStore(directory: folder.path)
    try store.saveProgramme(Self.first, replacing: false)
    let timeline = try #require(try store.loadTimeline())
    #expect(timeline.programmes == [Self.first])
    #expect(mode(store.programmesDirectory) == nil)
  }

  @Test func aStartOnOrBeforeTheCurrentEndIsRefusedAndNothingIsWritten() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let store = ProgressStore(directory: folder.path)
    try store.saveProgramme(Self.first, replacing: false)
    let before = try #require(readBytes(store.programmeFile))
    for start in ["2027-01-10", "2026-12-01", "2026-11-29"] {
      #expect(throws: StoreError.self) {
        try store.startNextProgramme(Fixtures.sampleProgramme(start: start, weeks: 4))
      }
    }
    #expect(readBytes(store.programmeFile) == before)
    #expect(mode(store.programmesDirectory) == nil)
  }

  @Test func withoutAProgrammeThereIsNothingToFollow() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let store = ProgressStore(directory: folder.sub("data"))
    let error = try #require(throws: StoreError.self) { try store.startNextProgramme(Self.next) }
    #expect(error.problem.contains("no programme to follow"))
    #expect(readBytes(store.programmeFile) == nil)
  }

  /// The copy is written first: when that write fails, `programme.json` is unchanged, and a
  /// copy left behind is the same programme, counted once; running it again completes it.
  @Test func aFailureBetweenTheTwoWritesLosesNothingAndTheRetryCompletes() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let failing = ProgressStore(
      directory: folder.path,
      faults: FileFaults(directorySync: { $0.hasSuffix("/programmes") ? EIO : nil }))
    try failing.saveProgramme(Self.first, replacing: false)
    let before = try #require(readBytes(failing.programmeFile))
    #expect(throws: StoreError.self) { try failing.startNextProgramme(Self.next) }
    #expect(readBytes(failing.programmeFile) == before)
    let store = ProgressStore(directory: folder.path)
    #expect(try store.loadTimeline()?.programmes == [Self.first])

    try store.startNextProgramme(Self.next)
    #expect(try store.loadTimeline()?.programmes == [Self.first, Self.next])
    #expect(readBytes(store.earlierProgrammeFile(for: Self.first)) == before)
  }

  @Test func aDamagedEarlierProgrammeIsAnErrorNamingItsFileAndIsLeftAsItIs() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let store = ProgressStore(directory: folder.path)
    try store.saveProgramme(Self.first, replacing: false)
    try store.startNextProgramme(Self.next)
    let kept = store.earlierProgrammeFile(for: Self.first)
    writeText("{not json", to: kept)
    let error = try #require(throws: StoreError.self) { try store.loadTimeline() }
    #expect(error.kind == .damagedFile)
    #expect(error.file == kept)
    #expect(readBytes(kept) == Array("{not json".utf8))
  }

  @Test func overlappingProgrammesAreRefusedOnReading() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let store = ProgressStore(directory: folder.path)
    try store.saveProgramme(Self.first, replacing: false)
    try store.startNextProgramme(Self.next)
    // A hand-made earlier programme that runs into the current one.
    try store.keepEarlierProgramme(Fixtures.sampleProgramme(start: "2026-12-28", weeks: 4))
    let error = try #require(throws: StoreError.self) { try store.loadTimeline() }
    #expect(error.kind == .damagedFile)
  }

  func folderNames(_ path: String) throws -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
}

@Suite("Export archive version 3: every programme")
struct ArchiveVersionThreeTests {
  static let first = Fixtures.sampleProgramme(start: "2026-11-30", weeks: 6)
  static let next = Fixtures.sampleProgramme(start: "2027-01-11", weeks: 4)

  static func archiveText() throws -> String {
    let archive = ExportArchive(programme: next, earlierProgrammes: [first], weeks: [])
    let history = ProgressHistory(programme: next)
    let summary = try ExportDocument.summary(history: history, asOf: day("2027-01-20"))
    return try ExportArchive.render(archive, summary: summary)
  }

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static func bytes(_ object: [String: Any]) throws -> [UInt8] {
    Array(try JSONSerialization.data(withJSONObject: object))
  }

  @Test func aVersionThreeArchiveCarriesEveryProgrammeAndReadsBack() throws {
    let text = try Self.archiveText()
    #expect(try Self.object(text)["schemaVersion"] as? Int == 3)
    let decoded = try ExportArchive.decode(Array(text.utf8))
    #expect(decoded.programme == Self.next)
    #expect(decoded.earlierProgrammes == [Self.first])
  }

  /// A version 2 archive (one programme, no `earlierProgrammes`) still reads, as a folder of
  /// one programme; `earlierProgrammes` in a version 2 file is an unknown field.
  @Test func aVersionTwoArchiveReadsAsOneProgramme() throws {
    let archive = ExportArchive(programme: Self.first, weeks: [])
    let summary = try ExportDocument.summary(
      history: ProgressHistory(programme: Self.first), asOf: day("2026-12-10"))
    var versionTwo = try Self.object(try ExportArchive.render(archive, summary: summary))
    versionTwo["schemaVersion"] = 2
    versionTwo["earlierProgrammes"] = nil
    let decoded = try ExportArchive.decode(try Self.bytes(versionTwo))
    #expect(decoded.programme == Self.first)
    #expect(decoded.earlierProgrammes.isEmpty)

    var mixed = try Self.object(try Self.archiveText())
    mixed["schemaVersion"] = 2
    let encoded = try Self.bytes(mixed)
    let problem = try #require(throws: ExportProblem.self) { try ExportArchive.decode(encoded) }
    #expect(problem.path == "earlierProgrammes")
  }

  @Test func overlappingProgrammesInAnArchiveAreRefused() throws {
    let overlapping = Fixtures.sampleProgramme(start: "2027-01-04", weeks: 4)
    let archive = ExportArchive(programme: overlapping, earlierProgrammes: [Self.first], weeks: [])
    let summary = try ExportDocument.summary(
      history: ProgressHistory(programme: overlapping), asOf: day("2027-01-20"))
    let text = try ExportArchive.render(archive, summary: summary)
    let problem = try #require(throws: ExportProblem.self) {
      try ExportArchive.decode(Array(text.utf8))
    }
    #expect(problem.message.contains("overlaps"))
  }

  @Test func anImportRestoresTheEarlierProgrammes() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let archive = try ExportArchive.decode(Array(try Self.archiveText().utf8))
    _ = try DataFolderImport.run(archive, into: folder.sub("data"), replacing: false)
    let store = ProgressStore(directory: folder.sub("data"))
    #expect(try store.loadTimeline()?.programmes == [Self.first, Self.next])
    #expect(mode(store.earlierProgrammeFile(for: Self.first)) == 0o600)
    #expect(mode(store.programmesDirectory) == 0o700)
  }
}
