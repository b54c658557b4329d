import RehabCore

extension ProgressWeek {
  /// The week with an id on every pain entry, note and check-in that has none, numbered in
  /// order (`p-20261202-0001` …), as the store would give them; for fixtures built in code
  /// that are written or exported as files.
  public func withRecordIDs() -> ProgressWeek {
    var copy = self
    var serial: UInt32 = UInt32(recordIds.count)
    func next(_ kind: RecordKind, _ day: CalendarDay) -> String {
      while true {
        serial += 1
        let id = RecordID(kind: kind, day: day, suffix: serial).description
        if !recordIds.contains(id) { return id }
      }
    }
    for index in copy.pain.indices where copy.pain[index].id.isEmpty {
      copy.pain[index].id = next(.pain, copy.pain[index].day)
    }
    for index in copy.notes.indices where copy.notes[index].id.isEmpty {
      copy.notes[index].id = next(.note, copy.notes[index].day)
    }
    for index in copy.checkins.indices where copy.checkins[index].id.isEmpty {
      copy.checkins[index].id = next(.checkin, copy.checkins[index].day)
    }
    return copy
  }
}
