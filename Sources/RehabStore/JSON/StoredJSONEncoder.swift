/// Encodes an `Encodable` straight into a `StoredJSON` value, so an export can embed a
/// programme or a week without printing it with `JSONEncoder` and parsing the text back.
/// It gives the value that round trip gave: integers and floating-point numbers become
/// `.number`, a non-finite number is an error (as `JSONEncoder` throws), `encodeIfPresent`
/// leaves nil out and `encodeNil` writes null.
enum StoredJSONEncoder {
  static func value<Value: Encodable>(_ value: Value) throws -> StoredJSON {
    let root = Slot()
    try value.encode(to: Writer(slot: root, codingPath: []))
    return root.value
  }

  /// One value under construction; containers fill it in as they are written to.
  final class Slot {
    enum Content {
      case empty
      case leaf(StoredJSON)
      case object([String: Slot])
      case array([Slot])
    }
    var content = Content.empty

    var value: StoredJSON {
      switch content {
      case .empty: return .object([:])
      case .leaf(let value): return value
      case .object(let members):
        return .object(members.mapValues(\.value))
      case .array(let elements): return .array(elements.map(\.value))
      }
    }

    /// A new member slot; a key written twice keeps the last value, as `JSONEncoder` does.
    func member(_ key: String) -> Slot {
      var members: [String: Slot] = [:]
      if case .object(let existing) = content { members = existing }
      let slot = Slot()
      members[key] = slot
      content = .object(members)
      return slot
    }

    func element() -> Slot {
      var elements: [Slot] = []
      if case .array(let existing) = content { elements = existing }
      let slot = Slot()
      elements.append(slot)
      content = .array(elements)
      return slot
    }

    var count: Int {
      if case .array(let elements) = content { return elements.count }
      return 0
    }

    func startObject() { if case .object = content {} else { content = .object([:]) } }
    func startArray() { if case .array = content {} else { content = .array([]) } }
  }

  static func number<T: BinaryFloatingPoint>(_ value: T, _ codingPath: [any CodingKey]) throws
    -> StoredJSON
  {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value, .init(codingPath: codingPath, debugDescription: "\(value) is not valid JSON"))
    }
    return .number(Double(value))
  }

  struct Writer: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      slot.startObject()
      return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
      slot.startArray()
      return Unkeyed(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
      Single(slot: slot, codingPath: codingPath)
    }
  }

  struct Single: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    func set(_ value: StoredJSON) { slot.content = .leaf(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { set(try number(value, codingPath)) }
    mutating func encode(_ value: Int) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int8) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int16) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int32) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int64) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt8) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt16) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt32) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt64) throws { set(.number(Double(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
      try value.encode(to: Writer(slot: slot, codingPath: codingPath))
    }
  }

  struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    func writer(_ key: Key) -> Writer {
      Writer(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws {
      var single = Single(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
      try single.encodeNil()
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
      var single = writer(key).singleValueContainer()
      try single.encode(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
      keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
      writer(key).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      writer(key).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
      Writer(slot: slot.member("super"), codingPath: codingPath + [SuperKey()])
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder { writer(key) }
  }

  struct Unkeyed: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.count }

    func writer() -> Writer { Writer(slot: slot.element(), codingPath: codingPath) }

    mutating func encodeNil() throws { try encode(Optional<Int>.none) }
    mutating func encode<T: Encodable>(_ value: T) throws {
      var single = writer().singleValueContainer()
      try single.encode(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
      -> KeyedEncodingContainer<NestedKey>
    {
      writer().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      writer().unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { writer() }
  }

  /// The key `superEncoder()` writes under, as `JSONEncoder` names it.
  struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
  }
}
