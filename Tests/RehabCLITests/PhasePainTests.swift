import Foundation
import RehabCore
import Testing

/// `pain --next-morning` on the first day of a next programme: the pain is about the day
/// before, the last session of the programme before, and is filed with that programme (its
/// items, its treatments), not refused.
@Suite("programme phases: pain on waking across programmes")
struct PhasePainTests {
  // lateral-ankle-sprain 2026-10-05 to 2026-11-29, then chronic-ankle-instability from 11-30.
  static let environment = ["REHABIT_TODAY": "2026-12-02"]

  static func rehabit(_ arguments: [String], _ data: TemporaryDataDirectory) throws
    -> RehabitBinary.Result
  {
    try RehabitBinary.run(arguments + ["--data-dir", data.path], environment: environment)
  }

  static func json(_ result: RehabitBinary.Result) throws -> [String: Any] {
    #expect(result.succeeded, "\(result.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  static func twoProgrammes() throws -> TemporaryDataDirectory {
    let data = try TemporaryDataDirectory()
    let first = try rehabit(
      [
        "init", "--template", "lateral-ankle-sprain", "--start", "2026-10-05", "--affected-side",
        "left",
      ], data)
    #expect(first.succeeded, "\(first.stderr)")
    let next = try rehabit(
      ["init", "--template", "chronic-ankle-instability", "--next", "--date", "2026-11-20"], data)
    #expect(next.succeeded, "\(next.stderr)")
    #expect(next.stdout.contains("2026-11-30 to 2027-01-24"))
    return data
  }

  @Test func onTheFirstDayItIsAboutThePreviousProgrammesLastSession() throws {
    let data = try Self.twoProgrammes()
    defer { data.cleanUp() }
    // Sunday's list is the earlier programme's.
    let sunday = try Self.json(try Self.rehabit(["today", "--date", "2026-11-29", "--json"], data))
    let items = try #require(sunday["items"] as? [[String: Any]])
    let first = try #require(items.first)
    let itemId = try #require(first["id"] as? String)
    let name = try #require(first["treatment"] as? String)

    let logged = try Self.json(
      try Self.rehabit(
        ["pain", "6", "--next-morning", "--date", "2026-11-30", "--item", "1", "--json"], data))
    let record = try #require(logged["record"] as? [String: Any])
    #expect(record["day"] as? String == "2026-11-30")
    #expect(record["timing"] as? String == "nextMorning")
    #expect(record["itemId"] as? String == itemId)
    let consequence = try #require(logged["consequence"] as? [String: Any])
    #expect(consequence["sessionDay"] as? String == "2026-11-29")

    // The day's records name the earlier programme's exercise it was about.
    let log = try Self.rehabit(["log", "--date", "2026-11-30"], data)
    #expect(log.succeeded, "\(log.stderr)")
    #expect(log.stdout.contains("pain 6/10 on waking on 2026-11-30, \(name)"), "\(log.stdout)")

    // The plain text says which day it is about; the whole session works too.
    let text = try Self.rehabit(["pain", "4", "--next-morning", "--date", "2026-11-30"], data)
    #expect(text.succeeded, "\(text.stderr)")
    #expect(text.stdout.contains("on waking on 2026-11-30, about Sun 2026-11-29"), "\(text.stdout)")
  }

  @Test func theFirstProgrammesFirstDayAndABadItemAreStillRefused() throws {
    let data = try Self.twoProgrammes()
    defer { data.cleanUp() }
    let before = data.snapshot()
    let first = try Self.rehabit(["pain", "6", "--next-morning", "--date", "2026-10-05"], data)
    #expect(first.status == 1)
    #expect(
      first.stderr.contains(
        "--next-morning on 2026-10-05 is about 2026-10-04, which is outside the programme (2026-10-05 to 2026-11-29)"
      ), "\(first.stderr)")
    // Sunday's list has no item 40.
    let item = try Self.rehabit(
      ["pain", "6", "--next-morning", "--date", "2026-11-30", "--item", "40"], data)
    #expect(item.status == 1)
    #expect(item.stderr.split(separator: "\n").count == 1, "\(item.stderr)")
    #expect(data.snapshot() == before)
  }
}
