import RehabCore

/// JSON text for the exports, built as `StoredJSON` values: pretty-printed with sorted keys like
/// the files on disk, every string validly escaped. Not `JSONEncoder`: it prints an empty list
/// as `[\n\n  ]` where the exports have always had `[]`.
enum ExportJSON {
  static func pretty(_ value: StoredJSON) -> String {
    var out = ""
    out.reserveCapacity(1 << 20)
    write(value, indent: 0, into: &out)
    return out + "\n"
  }

  private static func write(_ value: StoredJSON, indent: Int, into out: inout String) {
    switch value {
    case .array(let elements) where !elements.isEmpty:
      out += "[\n"
      for (index, element) in elements.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        write(element, indent: indent + 1, into: &out)
        out += index == elements.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "]"
    case .object(let members) where !members.isEmpty:
      out += "{\n"
      let keys = members.keys.sorted()
      for (index, key) in keys.enumerated() {
        out += String(repeating: "  ", count: indent + 1) + StoredJSON.quote(key) + " : "
        write(members[key] ?? .null, indent: indent + 1, into: &out)
        out += index == keys.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    default:
      out += value.text
    }
  }

  /// A value rehabit's own types encode (a programme, a progress week), as `StoredJSON`,
  /// without going through JSON text.
  static func value<Value: Encodable>(_ encodable: Value) throws -> StoredJSON {
    try StoredJSONEncoder.value(encodable)
  }

  static func string(_ text: String?) -> StoredJSON { text.map(StoredJSON.string) ?? .null }
  static func number(_ value: Double?) -> StoredJSON {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }
  static func int(_ value: Int?) -> StoredJSON { value.map { .number(Double($0)) } ?? .null }
}
