import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// The export embeds programmes and weeks as `StoredJSON` straight from their `Encodable`
/// conformances; that must give the value printing them with `JSONEncoder` and parsing the text
/// back gave (the exports are byte-identical to before).
@Suite("StoredJSONEncoder gives what the JSON text round trip gave")
struct StoredJSONEncoderTests {
  static func roundTrip<Value: Encodable>(_ value: Value) throws -> StoredJSON {
    try StoredJSON.parse(try JSONCoding.encode(value))
  }

  @Test func everyTemplateAsAProgramme() throws {
    for template in try TemplateLibrary.builtIn() {
      let programme = Programme(
        plan: template.plan, start: Fixtures.day("2026-11-30"), affectedSide: .left)
      #expect(try StoredJSONEncoder.value(programme) == Self.roundTrip(programme))
      #expect(try StoredJSONEncoder.value(template.plan) == Self.roundTrip(template.plan))
    }
  }

  @Test func randomWeeks() throws {
    var random = WeekReaderTests.Random(state: 23)
    for round in 0..<300 {
      let week = WeekReaderTests.randomWeek(&random, valid: round % 2 == 0)
      #expect(try StoredJSONEncoder.value(week) == Self.roundTrip(week))
    }
  }

  struct Odd: Encodable {
    var present: Int? = 3
    var absent: Int?
    var small: Float = 0.5
    var huge: UInt64 = 1 << 40
    var negative: Int8 = -4
    var text = "a\u{0}b \"q\" \u{1F9B6}"
    var list: [Double?] = [1, nil, 2.5]
    var empty: [String: Int] = [:]

    enum CodingKeys: String, CodingKey { case present, absent, small, huge, negative, text }
    enum Extra: String, CodingKey { case list, empty, nested, nulled }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(present, forKey: .present)
      try container.encodeIfPresent(absent, forKey: .absent)
      try container.encode(small, forKey: .small)
      try container.encode(huge, forKey: .huge)
      try container.encode(negative, forKey: .negative)
      try container.encode(text, forKey: .text)
      var extra = encoder.container(keyedBy: Extra.self)
      try extra.encode(list, forKey: .list)
      try extra.encode(empty, forKey: .empty)
      try extra.encodeNil(forKey: .nulled)
      var nested = extra.nestedUnkeyedContainer(forKey: .nested)
      try nested.encode(true)
      try nested.encodeNil()
      var inner = nested.nestedContainer(keyedBy: CodingKeys.self)
      try inner.encode("x", forKey: .text)
    }
  }

  @Test func containersNullsAndNumbers() throws {
    #expect(try StoredJSONEncoder.value(Odd()) == Self.roundTrip(Odd()))
    #expect(try StoredJSONEncoder.value([Odd(), Odd()]) == Self.roundTrip([Odd(), Odd()]))
  }

  @Test func aNonFiniteNumberIsAnErrorAsInJSONEncoder() {
    #expect(throws: (any Error).self) { try StoredJSONEncoder.value([Double.nan]) }
    #expect(throws: (any Error).self) { try Self.roundTrip([Double.nan]) }
  }
}
