import RehabCore

/// Several programmes in one data folder: `programme.json` is always the current (latest)
/// programme; each earlier one is kept, in the same format, as
/// `programmes/<start-day>-<template-id>.json` (the folder 0700, the files 0600, written
/// atomically under the folder's lock). A folder without `programmes/` holds one programme, as
/// before.
extension ProgressStore {
  public static let programmesFolderName = "programmes"

  public var programmesDirectory: String {
    DataDirectory.join(directory, ProgressStore.programmesFolderName)
  }

  /// `2026-11-02-acl-early.json`: the start day first, so the names sort by start.
  public static func earlierProgrammeFileName(for programme: Programme) -> String {
    "\(programme.start)-\(programme.plan.id).json"
  }

  public func earlierProgrammeFile(for programme: Programme) -> String {
    DataDirectory.join(programmesDirectory, ProgressStore.earlierProgrammeFileName(for: programme))
  }

  /// The kept earlier programmes, in any order; empty when there are none. A damaged one is an
  /// error naming the file (it is never overwritten or skipped: its days would change programme).
  public func loadEarlierProgrammes() throws(StoreError) -> [Programme] {
    var programmes: [Programme] = []
    for name in try DurableFiles.names(in: programmesDirectory).sorted()
    where name.hasSuffix(".json") {
      let file = DataDirectory.join(programmesDirectory, name)
      guard let bytes = try DurableFiles.read(file) else { continue }
      do {
        programmes.append(
          remembered(
            try ProgrammeDecoding.programme(from: DurableFiles.withoutBOM(bytes), file: file),
            read: bytes))
      } catch {
        throw StoreError(
          .damagedFile, file: file, problem: "\(error.path): \(error.message)",
          fix:
            "\(error.fix); it is an earlier programme of this folder and its days need it (rehabit never overwrites a damaged file)"
        )
      }
    }
    return programmes
  }

  /// Every programme of the folder; nil when there is no `programme.json`. Overlapping spans
  /// (a hand-made file) are an error naming the later file.
  public func loadTimeline() throws(StoreError) -> ProgrammeTimeline? {
    guard let current = try loadProgramme() else { return nil }
    let timeline = ProgrammeTimeline(current: current, earlier: try loadEarlierProgrammes())
    if let (earlier, later) = timeline.overlap {
      let file = later == current ? programmeFile : earlierProgrammeFile(for: later)
      throw StoreError(
        .damagedFile, file: file,
        problem:
          "this programme starts \(later.start), before the programme before it ends (\(earlier.end))",
        fix: "programmes follow one another; move the file that does not belong aside")
    }
    return timeline
  }

  /// Starts `next` after the current programme: the current `programme.json` is kept, byte for
  /// byte, as an earlier programme, then `next` becomes `programme.json`; both writes under
  /// the lock after re-reading the current programme. Refuses when there is no programme, when
  /// it is damaged, and when `next` does not start after its last day; nothing is written then.
  /// A crash between the two writes leaves the copy beside the unchanged `programme.json`,
  /// which `ProgrammeTimeline` counts once, and running the same start again completes it.
  public func startNextProgramme(_ next: Programme) throws(StoreError) {
    if let problem = ProgrammeValidator.problems(in: next).first {
      throw StoreError(
        .invalidChange, file: programmeFile, problem: "\(problem.path): \(problem.message)",
        fix: "\(problem.fix); nothing was written")
    }
    let bytes = try JSONCoding.encodeForStore(next, file: programmeFile)
    try prepareDirectory()
    let lock = try DurableFiles.Lock(path: lockFile)
    defer { lock.release() }
    guard let currentBytes = try DurableFiles.read(programmeFile),
      let timeline = try loadTimeline()
    else {
      throw StoreError(
        .invalidChange, file: programmeFile, problem: "there is no programme to follow",
        fix: "start a first programme instead; nothing was written")
    }
    if let problem = timeline.problem(startingNext: next) {
      throw StoreError(
        .invalidChange, file: programmeFile,
        problem:
          "the next programme would start \(problem.start), on or before the current one's last day \(problem.current.end)",
        fix: "start it on \(problem.earliestStart) or later; nothing was written")
    }
    try keepEarlierProgrammeBytes(currentBytes, of: timeline.current)
    try DurableFiles.writeAtomically(
      bytes, directory: directory, name: ProgressStore.programmeFileName, faults: faults)
  }

  /// Writes `programme` as a kept earlier programme (what an import restores), under the lock.
  public func keepEarlierProgramme(_ programme: Programme) throws(StoreError) {
    let file = earlierProgrammeFile(for: programme)
    let bytes = try JSONCoding.encodeForStore(programme, file: file)
    try prepareDirectory()
    let lock = try DurableFiles.Lock(path: lockFile)
    defer { lock.release() }
    try keepEarlierProgrammeBytes(bytes, of: programme)
  }

  /// The copy of an earlier programme, under a lock the caller holds. A file of that name with
  /// other bytes is refused (it is another programme's record), the same bytes are left alone.
  private func keepEarlierProgrammeBytes(_ bytes: [UInt8], of programme: Programme)
    throws(StoreError)
  {
    try DurableFiles.refuseLink(programmesDirectory)
    try DurableFiles.makeDirectories(programmesDirectory)
    let name = ProgressStore.earlierProgrammeFileName(for: programme)
    let file = DataDirectory.join(programmesDirectory, name)
    if let existing = try DurableFiles.read(file) {
      guard existing != bytes else { return }
      throw StoreError(
        .invalidChange, file: file, problem: "another earlier programme is kept under this name",
        fix: "move it aside if it does not belong to this folder; nothing was written")
    }
    try DurableFiles.writeAtomically(
      bytes, directory: programmesDirectory, name: name, faults: faults)
  }
}

extension JSONCoding {
  /// `JSONCoding.encode` with the store's error: a value that cannot be encoded is reported,
  /// never written.
  static func encodeForStore<Value: Encodable>(_ value: Value, file: String) throws(StoreError)
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
