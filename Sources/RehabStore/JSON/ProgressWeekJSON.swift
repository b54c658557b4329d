import RehabCore

/// A progress week as the `StoredJSON` tree its `Encodable` conformance gives through
/// `StoredJSONEncoder`, built directly (the export archive prints every week of the history;
/// the generic encoder was a third of a 10-year JSON export). `WeekDigestTests` and
/// `ExportStreamTests` check it equals the encoder's tree; a value the encoder would refuse (a
/// number that is not finite) gives nil, and the caller takes the encoder's way and its error.
enum ProgressWeekJSON {
  static func value(_ week: ProgressWeek) -> StoredJSON? {
    var checkins: [StoredJSON] = []
    checkins.reserveCapacity(week.checkins.count)
    for checkin in week.checkins {
      var values: [String: StoredJSON] = [:]
      for (measure, value) in checkin.values {
        switch value {
        case .single(let number):
          guard number.isFinite else { return nil }
          values[measure.rawValue] = .number(number)
        case .sided(let left, let right):
          guard left.isFinite, right.isFinite else { return nil }
          values[measure.rawValue] = .object(["left": .number(left), "right": .number(right)])
        }
      }
      var object: [String: StoredJSON] = [
        "id": .string(checkin.id), "day": .string(checkin.day.description),
        "at": .string(checkin.at), "values": .object(values),
      ]
      written(checkin.by, into: &object)
      checkins.append(.object(object))
    }
    var items: [String: StoredJSON] = [:]
    items.reserveCapacity(week.items.count)
    for (id, record) in week.items {
      var object: [String: StoredJSON] = [
        "status": .string(record.status.rawValue), "at": .string(record.at),
      ]
      if let reason = record.reason { object["reason"] = .string(reason) }
      written(record.by, into: &object)
      items[id] = .object(object)
    }
    let pain: [StoredJSON] = week.pain.map { record in
      var object: [String: StoredJSON] = [
        "id": .string(record.id), "day": .string(record.day.description),
        "level": .number(Double(record.level)), "timing": .string(record.timing.rawValue),
        "at": .string(record.at),
      ]
      if let itemId = record.itemId { object["itemId"] = .string(itemId) }
      if let treatmentId = record.treatmentId { object["treatmentId"] = .string(treatmentId) }
      written(record.by, into: &object)
      return .object(object)
    }
    let notes: [StoredJSON] = week.notes.map { note in
      var object: [String: StoredJSON] = [
        "id": .string(note.id), "day": .string(note.day.description), "text": .string(note.text),
        "at": .string(note.at),
      ]
      if let itemId = note.itemId { object["itemId"] = .string(itemId) }
      written(note.by, into: &object)
      return .object(object)
    }
    let removed: [StoredJSON] = week.removed.map { record in
      var object: [String: StoredJSON] = ["id": .string(record.id), "at": .string(record.at)]
      written(record.by, into: &object)
      return .object(object)
    }
    return .object([
      "schemaVersion": .number(Double(ProgressWeek.schemaVersion)),
      "week": .string(week.week.description),
      "items": .object(items),
      "pain": .array(pain),
      "notes": .array(notes),
      "checkins": .array(checkins),
      "removed": .array(removed),
    ])
  }

  /// The writing machine (`by`), kept only when known, as the records' `Encodable` does.
  private static func written(_ machine: String, into object: inout [String: StoredJSON]) {
    if !machine.isEmpty { object["by"] = .string(machine) }
  }
}
