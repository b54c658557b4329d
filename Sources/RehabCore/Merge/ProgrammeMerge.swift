/// Merges versions of a programme file (`programme.json`, `programmes/*.json`) by meaning
/// (docs/clinical-rules.md, R-REV-MERGE):
///
/// - the programme itself (plan, start, length, side) is the same on both machines unless one
///   started another programme; then the one that starts later wins (ties: its canonical JSON),
///   and only the revisions of the winning programme are merged;
/// - revisions: the union by id (per id the later write wins), less those taken back on any
///   machine (`removedRevisions`, per id the later tombstone kept), in the order of `at`, then
///   `by`, then id;
/// - each is then added in that order as `RevisionCheck` judges a new one; one that no longer
///   fits (two machines paused the same treatment) goes to `supersededRevisions` instead: out
///   of force, not lost. Superseded revisions take part in the next merge as candidates again,
///   so the result depends only on the union of all revisions and tombstones: commutative,
///   associative, idempotent.
public enum ProgrammeMerge {
  /// The merge of `versions`; nil for no versions. `base` is accepted as a hint and not
  /// needed: tombstones carry every removal.
  public static func merge(_ versions: [Programme], base: Programme? = nil) -> Programme? {
    guard !versions.isEmpty else { return nil }
    let keyed = versions.map { (key: proper($0), programme: $0) }
    guard let winner = keyed.max(by: { isBefore($0.key, $1.key) }) else { return nil }
    let same = keyed.filter { $0.key == winner.key }.map(\.programme)

    var candidates: [String: ProgrammeRevision] = [:]
    var removed: [String: RemovedRecord] = [:]
    for version in same {
      for revision in version.revisions + version.supersededRevisions {
        candidates[revision.id] = candidates[revision.id].map { $0.later(revision) } ?? revision
      }
      for tombstone in version.removedRevisions {
        removed[tombstone.id] = removed[tombstone.id].map { $0.later(tombstone) } ?? tombstone
      }
    }
    let ordered = candidates.values.filter { removed[$0.id] == nil }.sorted(by: recordedOrder)

    var merged = winner.key
    var superseded: [ProgrammeRevision] = []
    for revision in ordered {
      if RevisionCheck.problems(adding: revision, to: merged).isEmpty {
        merged.revisions.append(revision)
      } else {
        superseded.append(revision)
      }
    }
    merged.supersededRevisions = superseded
    merged.removedRevisions = removed.values.sorted(by: WeekMerge.ordered)
    return merged
  }

  /// The order revisions are applied in: `at`, then `by`, then id.
  static func recordedOrder(_ lhs: ProgrammeRevision, _ rhs: ProgrammeRevision) -> Bool {
    if lhs.at != rhs.at { return lhs.at < rhs.at }
    if lhs.by != rhs.by { return lhs.by < rhs.by }
    return lhs.id < rhs.id
  }

  /// The programme without any revision: what two machines must agree on to merge revisions.
  static func proper(_ programme: Programme) -> Programme {
    Programme(
      plan: programme.plan, start: programme.start, weeks: programme.initialWeeks,
      affectedSide: programme.affectedSide)
  }

  /// A later start wins; the same start, the canonical JSON decides.
  static func isBefore(_ lhs: Programme, _ rhs: Programme) -> Bool {
    if lhs.start != rhs.start { return lhs.start < rhs.start }
    return WriteOrder.content(lhs) < WriteOrder.content(rhs)
  }
}
