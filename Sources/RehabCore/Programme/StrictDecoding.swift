/// A coding key for any string or index, used to list and reject unknown fields.
struct AnyCodingKey: CodingKey, Hashable {
  let stringValue: String
  let intValue: Int?

  init(_ string: String) {
    stringValue = string
    intValue = nil
  }
  init?(stringValue: String) { self.init(stringValue) }
  init?(intValue: Int) {
    stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension Decoder {
  /// Throws at the first field not in `allowed`: a typo in a programme file must not silently
  /// drop a setting.
  func rejectUnknownKeys(allowed: Set<String>) throws {
    let container = try container(keyedBy: AnyCodingKey.self)
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
    where !allowed.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: codingPath + [key],
          debugDescription:
            "unknown field '\(key.stringValue)'; allowed here: \(allowed.sorted().joined(separator: ", "))"
        ))
    }
  }
}

extension KeyedDecodingContainer {
  /// Reads `schemaVersion` and throws unless it is the one this rehabit reads.
  func requireSchemaVersion(_ supported: Int, forKey key: Key) throws {
    let version = try decode(Int.self, forKey: key)
    guard version == supported else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription:
          "schemaVersion \(version) is not supported; this rehabit reads version \(supported)")
    }
  }

  /// Reads `schemaVersion` and throws unless it is one of `supported` (older ones migrate).
  @discardableResult
  func requireSchemaVersion(in supported: ClosedRange<Int>, forKey key: Key) throws -> Int {
    let version = try decode(Int.self, forKey: key)
    guard supported.contains(version) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription:
          "schemaVersion \(version) is not supported; this rehabit reads versions \(supported.lowerBound) to \(supported.upperBound)"
      )
    }
    return version
  }
}
