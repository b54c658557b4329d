import TextSafety

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One configuration for every JSON file rehabit writes: pretty, sorted keys (diff-friendly and
/// hand-editable), no escaped slashes.
public enum JSONCoding {
  public static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  public static var decoder: JSONDecoder { JSONDecoder() }

  /// Encodes `value` as pretty JSON text ending in a newline, with every control character,
  /// also DEL, C1 and the bidi controls `JSONEncoder` leaves raw, escaped (`TextSanitizer`).
  public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
    TextSanitizer.escapingJSONControls(Array(try encoder.encode(value))) + [UInt8(ascii: "\n")]
  }
}
