/// An optional that encodes nil as JSON `null` instead of leaving the key out, so a script can
/// rely on the key being there (`"programmeWeek": null` outside the programme). Use it as a
/// property wrapper in a type with synthesized `Codable`, in place of a hand-written
/// `encode(to:)` whose only job is `container.encode(optional, forKey:)`:
///
/// ```swift
/// struct Day: Encodable {
///   var date: CalendarDay
///   @Nullable var programmeWeek: Int?
/// }
/// ```
///
/// Decoding takes a missing key or `null` as nil, as `decodeIfPresent` does.
@propertyWrapper
public struct Nullable<Value> {
  public var wrappedValue: Value?

  public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
  public init(_ value: Value?) { self.wrappedValue = value }
}

extension Nullable: Equatable where Value: Equatable {}
extension Nullable: Hashable where Value: Hashable {}
extension Nullable: Sendable where Value: Sendable {}

extension Nullable: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue {
      try container.encode(wrappedValue)
    } else {
      try container.encodeNil()
    }
  }
}

extension Nullable: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
  }
}

extension KeyedDecodingContainer {
  /// Synthesized `Decodable` calls this for a `@Nullable` property: a missing key is nil too.
  public func decode<Value: Decodable>(_ type: Nullable<Value>.Type, forKey key: Key) throws
    -> Nullable<Value>
  {
    Nullable(try decodeIfPresent(Value.self, forKey: key))
  }
}
