/// Merges versions of one week file (`progress/<week>.json`) by meaning, so two machines that
/// logged the same week never conflict (docs/PRODUCT.md, "Sync and merging"):
///
/// - an item's status: the later write wins (`WriteOrder`: `at`, then `by`, then content); an
///   `uncheck` is a `pending` write, so it travels and wins like any other;
/// - pain entries, notes and check-ins: per id, the later write wins; a removal (tombstone in
///   `removed`) wins over every write of its id, because ids are never reused;
/// - tombstones: per id, the later one is kept.
///
/// The result is a join: commutative, associative and idempotent, so machines that merge in
/// any order and grouping end with the same file. Lists come out in one canonical order.
/// Which check-in of a programme week counts is left to the readers (`CheckinResolution`).
public enum WeekMerge {
  /// The merge of `versions` of one week; nil when they are not all of the same week.
  /// `base` (git's common ancestor) is only a hint: it tells an item deleted on one side by an
  /// older rehabit (which dropped the key instead of writing `pending`) from one never logged.
  public static func merge(_ versions: [ProgressWeek], base: ProgressWeek? = nil)
    -> ProgressWeek?
  {
    guard let first = versions.first, versions.allSatisfy({ $0.week == first.week }) else {
      return nil
    }
    var items: [String: ItemRecord] = [:]
    var pain: [String: PainRecord] = [:]
    var notes: [String: NoteRecord] = [:]
    var checkins: [String: Checkin] = [:]
    var removed: [String: RemovedRecord] = [:]
    func keep<Record: MergeableRecord>(
      _ record: Record, _ id: String, in table: inout [String: Record]
    ) {
      table[id] = table[id].map { $0.later(record) } ?? record
    }
    for version in versions {
      for (id, record) in version.items { keep(record, id, in: &items) }
      for record in version.pain { keep(record, record.id, in: &pain) }
      for record in version.notes { keep(record, record.id, in: &notes) }
      for record in version.checkins { keep(record, record.id, in: &checkins) }
      for record in version.removed { keep(record, record.id, in: &removed) }
    }
    if let base, base.week == first.week {
      for (id, record) in base.items where items[id] == record {
        // Unchanged on one side and gone on another: an older rehabit's uncheck.
        if versions.contains(where: { $0.items[id] == nil }) { items[id] = nil }
      }
    }
    let tombstones = removed.values.sorted(by: ordered)
    return ProgressWeek(
      week: first.week, items: items,
      pain: pain.values.sorted(by: ordered), notes: notes.values.sorted(by: ordered),
      checkins: checkins.values.sorted(by: ordered), removed: tombstones)
  }

  /// The canonical order of a merged list: oldest first, then by id (`at` and ids never tie
  /// for two records of one list once merged: ids are unique).
  static func ordered<Record: MergeableRecord & Identified>(_ lhs: Record, _ rhs: Record) -> Bool {
    if lhs.at != rhs.at { return lhs.at < rhs.at }
    return lhs.id < rhs.id
  }
}

/// A record with its own id.
protocol Identified { var id: String { get } }
extension PainRecord: Identified {}
extension NoteRecord: Identified {}
extension Checkin: Identified {}
extension RemovedRecord: Identified {}
extension ProgrammeRevision: Identified {}
