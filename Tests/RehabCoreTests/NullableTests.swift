import Testing

@testable import RehabCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

@Suite("Nullable: nil is written as null, not left out")
struct NullableTests {
  struct Row: Codable, Equatable {
    var date: String
    @Nullable var programmeWeek: Int?
  }

  func text(_ row: Row) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(row), as: UTF8.self)
  }

  @Test func nilIsNullAndAValueIsItself() throws {
    #expect(
      try text(Row(date: "2026-12-02", programmeWeek: nil))
        == #"{"date":"2026-12-02","programmeWeek":null}"#)
    #expect(
      try text(Row(date: "2026-12-02", programmeWeek: 3))
        == #"{"date":"2026-12-02","programmeWeek":3}"#)
  }

  @Test func readsNullAMissingKeyAndAValue() throws {
    func row(_ json: String) throws -> Row {
      try JSONDecoder().decode(Row.self, from: Data(json.utf8))
    }
    #expect(try row(#"{"date":"d","programmeWeek":null}"#).programmeWeek == nil)
    #expect(try row(#"{"date":"d"}"#).programmeWeek == nil)
    #expect(try row(#"{"date":"d","programmeWeek":2}"#).programmeWeek == 2)
    #expect(throws: DecodingError.self) { try row(#"{"date":"d","programmeWeek":"two"}"#) }
  }

  @Test func encodedWithTheFilesEncoderToo() throws {
    let text = String(decoding: try JSONCoding.encode(Nullable<String>(nil)), as: UTF8.self)
    #expect(text == "null\n")
  }
}
