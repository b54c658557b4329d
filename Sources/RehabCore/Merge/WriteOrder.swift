/// The total order of two writes of one record that a merge keeps the later of: the time stamp
/// `at`, then the machine `by`, then the content itself (its canonical JSON), so two different
/// writes never tie and every machine picks the same one whatever order it merges in.
enum WriteOrder {
  /// Whether `first` was written before `second`; false for equal writes.
  static func isBefore<Record: Encodable>(
    _ first: (at: String, by: String, record: Record),
    _ second: (at: String, by: String, record: Record)
  ) -> Bool {
    // `at` compares as text: rehabit's stamps are fixed-width UTC, and a day alone (a migrated
    // record) sorts before every time on that day.
    if first.at != second.at { return first.at < second.at }
    if first.by != second.by { return first.by < second.by }
    // Only a tie needs the content, so the encoding is rare.
    return content(first.record) < content(second.record)
  }

  /// The canonical JSON text of a record (sorted keys): equal exactly when the records are.
  static func content<Record: Encodable>(_ record: Record) -> String {
    (try? JSONCoding.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }
}

/// A record a merge can order: its time stamp and machine.
protocol MergeableRecord: Encodable, Equatable {
  var at: String { get }
  var by: String { get }
}

extension MergeableRecord {
  /// The later write of the two (either one when they are equal).
  func later(_ other: Self) -> Self {
    WriteOrder.isBefore((at, by, self), (other.at, other.by, other)) ? other : self
  }

  func isBefore(_ other: Self) -> Bool {
    WriteOrder.isBefore((at, by, self), (other.at, other.by, other))
  }
}

extension ItemRecord: MergeableRecord {}
extension PainRecord: MergeableRecord {}
extension NoteRecord: MergeableRecord {}
extension Checkin: MergeableRecord {}
extension RemovedRecord: MergeableRecord {}
extension ProgrammeRevision: MergeableRecord {}
