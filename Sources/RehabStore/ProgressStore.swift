import RehabCore
import Synchronization

/// The JSON files of one data directory: `programme.json`, `progress/2026-W49.json` (one file
/// per ISO week) and the lock file `.lock`. Every write happens under an advisory lock, re-reads
/// what it changes, and replaces the file atomically; a damaged file is reported, never
/// overwritten. Time stamps come from callers: the store never reads a clock.
public final class ProgressStore: Sendable {
  public let directory: String
  /// Where the ids of new pain entries, notes and check-ins come from.
  public let recordIDs: RecordIDSource
  /// The file-system seam: `.none` but in tests (`FileFaults`).
  public let faults: FileFaults
  /// The programmes this store read, each with the fingerprint of its file's bytes: the key of
  /// their tallies in the digest cache, cheaper than encoding the programme to hash it.
  let readProgrammes = Mutex<[(programme: Programme, fingerprint: String)]>([])

  public init(directory: String, recordIDs: RecordIDSource = .random, faults: FileFaults = .none) {
    self.directory = directory
    self.recordIDs = recordIDs
    self.faults = faults
  }

  public static let programmeFileName = "programme.json"
  public static let progressFolderName = "progress"
  public static let lockFileName = ".lock"

  public var programmeFile: String {
    DataDirectory.join(directory, ProgressStore.programmeFileName)
  }
  public var progressDirectory: String {
    DataDirectory.join(directory, ProgressStore.progressFolderName)
  }
  var lockFile: String { DataDirectory.join(directory, ProgressStore.lockFileName) }

  /// `progress/2026-W49.json` inside the data directory.
  public func file(for week: ISOWeek) -> String {
    DataDirectory.join(progressDirectory, ProgressStore.fileName(for: week))
  }

  static func fileName(for week: ISOWeek) -> String { "\(week).json" }

  /// Creates the directory (0700, and missing parents) if needed. Called before any write.
  public func prepareDirectory() throws(StoreError) {
    try DurableFiles.makeDirectories(directory)
    try DurableFiles.refuseLink(progressDirectory)
    try DurableFiles.makeDirectories(progressDirectory)
  }

  // MARK: Programme

  /// nil when programme.json is absent; a damaged one is an error naming the file and problem.
  public func loadProgramme() throws(StoreError) -> Programme? {
    let file = programmeFile
    guard let bytes = try DurableFiles.read(file) else { return nil }
    do {
      return remembered(
        try ProgrammeDecoding.programme(from: DurableFiles.withoutBOM(bytes), file: file),
        read: bytes)
    } catch {
      throw StoreError(
        .damagedFile, file: file, problem: "\(error.path): \(error.message)",
        fix:
          "\(error.fix); or move it aside and start a new programme (rehabit never overwrites a damaged file)"
      )
    }
  }

  /// Writes programme.json under the lock; refuses (`.programmeExists`) when one exists and
  /// `replacing` is false, even when the existing one is damaged.
  public func saveProgramme(_ programme: Programme, replacing: Bool) throws(StoreError) {
    // Never write a programme that `loadProgramme` would then refuse.
    if let problem = ProgrammeValidator.problems(in: programme).first {
      throw StoreError(
        .invalidChange, file: programmeFile, problem: "\(problem.path): \(problem.message)",
        fix: "\(problem.fix); nothing was written")
    }
    let bytes = try encode(programme, file: programmeFile)
    try prepareDirectory()
    let lock = try DurableFiles.Lock(path: lockFile)
    defer { lock.release() }
    if !replacing, DurableFiles.exists(programmeFile) {
      throw StoreError(
        .programmeExists, file: programmeFile, problem: "a programme already exists",
        fix: "it is replaced only when asked to (progress files are kept)",
        remedy: .replaceProgramme)
    }
    try DurableFiles.writeAtomically(
      bytes, directory: directory, name: ProgressStore.programmeFileName, faults: faults)
  }

  // MARK: Progress weeks

  /// The week's records; an empty week when there is no file yet.
  public func loadWeek(_ week: ISOWeek) throws(StoreError) -> ProgressWeek {
    let file = file(for: week)
    guard let bytes = try DurableFiles.read(file) else { return ProgressWeek(week: week) }
    do {
      return try ProgressDecoding.week(from: DurableFiles.withoutBOM(bytes), expected: week)
    } catch {
      throw StoreError(
        .damagedFile, file: file, problem: "\(error.path): \(error.message)",
        fix:
          "\(error.fix); or move the file aside to start the week afresh (rehabit never overwrites a damaged file)"
      )
    }
  }

  /// Lock, re-read the week under the lock, apply the change, write atomically, unlock. The
  /// change may throw to abort (nothing written). Nothing is written when nothing changed.
  public func updateWeek<T>(_ week: ISOWeek, _ change: (inout ProgressWeek) throws -> T) throws
    -> T
  {
    try updateWeeks([week]) { weeks in
      var progress = weeks[week] ?? ProgressWeek(week: week)
      defer { weeks[week] = progress }
      return try change(&progress)
    }
  }

  /// `updateWeek` for a change that spans files (a check-in replaced across two ISO weeks,
  /// several records removed at once): the lock is taken once, every file is re-read under it,
  /// every changed file is checked before any is written, then they are written one by one in
  /// the order of `weeks`, so a caller puts first the file whose write must survive a crash
  /// (a new record before the removal of the old one). The change sees the weeks keyed by
  /// ISO week and may change only those.
  public func updateWeeks<T>(
    _ weeks: [ISOWeek], _ change: (inout [ISOWeek: ProgressWeek]) throws -> T
  ) throws -> T {
    try prepareDirectory()
    let lock = try DurableFiles.Lock(path: lockFile)
    defer { lock.release() }
    var order: [ISOWeek] = []
    var before: [ISOWeek: ProgressWeek] = [:]
    for week in weeks where before[week] == nil {
      order.append(week)
      before[week] = try loadWeek(week)
    }
    var after = before
    let result = try change(&after)
    var changed: [(ISOWeek, [UInt8])] = []
    if let stray = after.keys.sorted().first(where: { before[$0] == nil }) {
      throw StoreError(
        .invalidChange, file: file(for: stray), problem: "the change touched week \(stray)",
        fix: "update week \(stray) with the others; nothing was written")
    }
    for week in order {
      guard var new = after[week], new != before[week] else { continue }
      let file = file(for: week)
      try assignIDs(&new)
      guard new.week == week else {
        throw StoreError(
          .invalidChange, file: file, problem: "the change moved the records to week \(new.week)",
          fix: "update week \(new.week) instead; nothing was written")
      }
      if let problem = new.problems.first {
        throw StoreError(
          .invalidChange, file: file, problem: "\(problem.path): \(problem.message)",
          fix: "\(problem.fix); nothing was written")
      }
      changed.append((week, try encode(new, file: file)))
    }
    for (index, (week, bytes)) in changed.enumerated() {
      do {
        try DurableFiles.writeAtomically(
          bytes, directory: progressDirectory, name: ProgressStore.fileName(for: week),
          faults: faults)
      } catch {
        throw index == 0 ? error : partlySaved(error, first: changed[0].0)
      }
    }
    return result
  }

  /// A write that failed after an earlier file of the same change was written: not "nothing
  /// was changed".
  private func partlySaved(_ error: StoreError, first: ISOWeek) -> StoreError {
    guard error.kind != .unconfirmed else { return error }
    return StoreError(
      .unconfirmed, file: error.file, problem: error.problem,
      fix:
        "the first part of the change is saved (week \(first)), the rest is not; check the disk, then look at the day's records before recording it again"
    )
  }

  /// Gives every new pain entry, note and check-in without an id one (ids are assigned when a
  /// record is created, and the store is where that happens, whoever built the record).
  /// True when it gave any record an id.
  @discardableResult
  func assignIDs(_ week: inout ProgressWeek) throws(StoreError) -> Bool {
    var assigned = false
    for index in week.pain.indices where week.pain[index].id.isEmpty {
      week.pain[index].id = try newID(.pain, on: week.pain[index].day, in: week)
      assigned = true
    }
    for index in week.notes.indices where week.notes[index].id.isEmpty {
      week.notes[index].id = try newID(.note, on: week.notes[index].day, in: week)
      assigned = true
    }
    for index in week.checkins.indices where week.checkins[index].id.isEmpty {
      week.checkins[index].id = try newID(.checkin, on: week.checkins[index].day, in: week)
      assigned = true
    }
    return assigned
  }

  /// Pain entries of the weeks overlapping the range, for the scheduler's pain guidance.
  public func painEntries(from: CalendarDay, through: CalendarDay) throws(StoreError)
    -> [PainEntry]
  {
    try weeks(from: from, through: through).flatMap { week in
      week.pain.filter { $0.day >= from && $0.day <= through }.map(\.painEntry)
    }
  }

  /// The weeks overlapping the range, oldest first (empty weeks included).
  public func weeks(from: CalendarDay, through: CalendarDay) throws(StoreError) -> [ProgressWeek] {
    guard from <= through else { return [] }
    var result: [ProgressWeek] = []
    var week = ISOWeek(containing: from)
    let last = ISOWeek(containing: through)
    while week <= last {
      result.append(try loadWeek(week))
      week = week.next
    }
    return result
  }

  /// The weeks that have a file, oldest first (for exports and history screens).
  public func storedWeeks() throws(StoreError) -> [ISOWeek] {
    try DurableFiles.names(in: progressDirectory).compactMap(ProgressStore.week(ofFileName:))
      .sorted()
  }

  /// The week a name in the progress folder holds (`2026-W49.json`); nil for anything else
  /// (temporary files, stray files), which no reader looks at.
  public static func week(ofFileName name: String) -> ISOWeek? {
    name.hasSuffix(".json") ? ISOWeek(String(name.dropLast(5))) : nil
  }

  private func encode<Value: Encodable>(_ value: Value, file: String) throws(StoreError)
    -> [UInt8]
  {
    do {
      return try JSONCoding.encode(value)
    } catch {
      throw StoreError(
        .invalidChange, file: file, problem: "cannot encode: \(error)",
        fix: "nothing was written; please report this")
    }
  }
}
