import RehabCore

/// `programme.json` changed since the caller read it (another writer added or took back a
/// revision, or replaced the programme). Nothing was written; `found` is what the file holds.
public struct ProgrammeChanged: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var found: Programme?

  public init(file: String, found: Programme?) {
    self.file = file
    self.found = found
  }

  public var description: String {
    "\(file): the programme changed since it was read; nothing was written"
  }
}

/// The latest revision cannot be taken back (R-REV-UNDO); nothing was written.
public struct RevisionUndoRefused: Error, Hashable, Sendable {
  /// `.nothingToUndo` or `.logged(…)`: why not.
  public var reason: RevisionUndo

  public init(reason: RevisionUndo) { self.reason = reason }
}

extension ProgressStore {
  /// Appends `revision` to programme.json: under the lock, re-read, compared with `expected`
  /// (the programme the caller judged it against; `ProgrammeChanged` when it differs), checked
  /// (`RevisionCheck`, as a file would be), then written atomically. An empty `id` gets a new
  /// one. Returns the programme as stored, whose last revision is the one added.
  public func addRevision(_ revision: ProgrammeRevision, expected: Programme) throws -> Programme {
    try prepareDirectory()
    let lock = try DurableFiles.Lock(path: lockFile)
    defer { lock.release() }
    let current = try loadProgramme()
    guard let current, current == expected else {
      throw ProgrammeChanged(file: programmeFile, found: current)
    }
    var added = revision
    if added.by.isEmpty { added.by = try recordingMachine() }
    if added.id.isEmpty { added.id = try freshRevisionID(effective: added.effective, in: current) }
    if let problem = RevisionCheck.problems(adding: added, to: current).first {
      throw StoreError(
        .invalidChange, file: programmeFile, problem: "\(problem.path): \(problem.message)",
        fix: "\(problem.fix); nothing was written")
    }
    var revised = current
    revised.revisions.append(added)
    try write(revised)
    return revised
  }

  /// Takes back the latest revision of programme.json, when `RevisionUndo` allows it (no item
  /// record on or after its effective day for what it touches): under the lock, against
  /// `expected`. Throws `RevisionUndoRefused` otherwise. Returns the programme as stored and
  /// the revision taken back. The revision leaves a tombstone (`removedRevisions`, dated
  /// `timestamp`, or the revision's own time when none is given) so the undo travels in a sync.
  public func undoLatestRevision(expected: Programme, at timestamp: String? = nil) throws -> (
    programme: Programme, removed: ProgrammeRevision
  ) {
    try prepareDirectory()
    let lock = try DurableFiles.Lock(path: lockFile)
    defer { lock.release() }
    let current = try loadProgramme()
    guard let current, current == expected else {
      throw ProgrammeChanged(file: programmeFile, found: current)
    }
    let verdict = try undoVerdict(current)
    guard case .allowed(let latest) = verdict else { throw RevisionUndoRefused(reason: verdict) }
    var revised = current
    revised.revisions.removeLast()
    revised.removedRevisions.append(
      RemovedRecord(id: latest.id, at: timestamp ?? latest.at, by: try recordingMachine()))
    try write(revised)
    return (revised, latest)
  }

  /// Whether the latest revision of `programme` can be taken back, from the week files from
  /// its effective day through the last stored week (damaged weeks are errors: a record the
  /// answer cannot see must not be overlooked).
  public func undoVerdict(_ programme: Programme) throws(StoreError) -> RevisionUndo {
    guard let latest = programme.revisions.last else { return .nothingToUndo }
    let from = ISOWeek(containing: latest.effective)
    let weeks = try storedWeeks().filter { $0 >= from }.map { week throws(StoreError) in
      try loadWeek(week)
    }
    return RevisionUndo.judge(programme, weeks: weeks)
  }

  private func freshRevisionID(effective day: CalendarDay, in programme: Programme)
    throws(StoreError) -> String
  {
    // Ids of revisions taken back or superseded stay taken: a merge tells revisions by id.
    let taken = Set(
      programme.revisions.map(\.id) + programme.removedRevisions.map(\.id)
        + programme.supersededRevisions.map(\.id))
    for _ in 0..<64 {
      let id = recordIDs.nextRevision(effective: day)
      if !taken.contains(id) { return id }
    }
    throw StoreError(
      .invalidChange, file: programmeFile, problem: "no free revision id for \(day) after 64 draws",
      fix: "nothing was written; please report this")
  }

  /// Writes a programme already judged valid (the caller holds the lock).
  private func write(_ programme: Programme) throws(StoreError) {
    if let problem = ProgrammeValidator.problems(in: programme).first {
      throw StoreError(
        .invalidChange, file: programmeFile, problem: "\(problem.path): \(problem.message)",
        fix: "\(problem.fix); nothing was written")
    }
    let bytes: [UInt8]
    do {
      bytes = try JSONCoding.encode(programme)
    } catch {
      throw StoreError(
        .invalidChange, file: programmeFile, problem: "cannot encode: \(error)",
        fix: "nothing was written; please report this")
    }
    try DurableFiles.writeAtomically(
      bytes, directory: directory, name: ProgressStore.programmeFileName, faults: faults)
  }
}
