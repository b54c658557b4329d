import Foundation
import Testing

@testable import RehabCore
@testable import RehabStore

@Suite("Programme decoding and validation")
struct ProgrammeValidationTests {
  /// A valid template, as text, so each test can break one thing.
  static let valid = """
    {
      "schemaVersion": 1,
      "id": "sample",
      "title": "Sample",
      "description": "A sample programme.",
      "weeks": 6,
      "checkin": {"measures": ["heel-raises"], "primary": "heel-raises"},
      "treatments": [
        {
          "id": "heel-raises", "name": "Heel raises", "kind": "strengthening",
          "instructions": "Rise slowly.", "side": "affected",
          "dose": {"sets": 3, "reps": 10},
          "schedule": {"daysPerWeek": 3},
          "progression": {"field": "reps", "step": 2, "max": 15, "afterMax": "addSet", "maxSets": 4}
        },
        {
          "id": "ice", "name": "Ice", "kind": "ice", "instructions": "Wrapped, never asleep.",
          "side": "affected", "dose": {"minutes": 15}, "schedule": {"sameDaysAs": "heel-raises"}
        }
      ]
    }
    """

  private func decode(_ text: String) throws(ProgrammeProblem) -> ProgrammePlan {
    try ProgrammeDecoding.plan(from: Array(text.utf8), file: "mine.json")
  }

  private func problem(_ text: String) -> ProgrammeProblem? {
    do {
      _ = try decode(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func validTemplateDecodesAndRoundTrips() throws {
    let plan = try decode(Self.valid)
    #expect(plan.treatments.count == 2)
    #expect(plan.treatments[0].dose == .setsReps(sets: 3, reps: 10, load: nil))
    let reencoded = String(decoding: try JSONCoding.encode(plan), as: UTF8.self)
    #expect(try decode(reencoded) == plan)
  }

  @Test(
    "each broken file names the file, the JSON path and a fix",
    arguments: [
      ("\"weeks\": 6,", "\"weeks\": 6", "(top level)", "not valid JSON"),
      ("\"weeks\": 6", "\"weeks\": \"six\"", "weeks", "expected a whole number"),
      ("\"kind\": \"strengthening\"", "\"kind\": \"yoga\"", "treatments[0].kind", "yoga"),
      ("\"weeks\": 6", "\"weeks\": 6, \"colour\": \"red\"", "colour", "unknown field 'colour'"),
      ("\"weeks\": 6", "\"weeks\": 0", "weeks", "out of range"),
      ("\"weeks\": 6", "\"weeks\": 53", "weeks", "out of range"),
      ("\"reps\": 10}", "\"reps\": 0}", "treatments[0].dose.reps", "out of range"),
      (
        "\"daysPerWeek\": 3", "\"daysPerWeek\": 5", "treatments[0].schedule.daysPerWeek",
        "no rest day"
      ),
      ("{\"minutes\": 15}", "{\"minutes\": 25}", "treatments[1].dose.minutes", "R-DOSE-HEAT"),
      (
        "\"sameDaysAs\": \"heel-raises\"", "\"sameDaysAs\": \"nothing\"",
        "treatments[1].schedule.sameDaysAs", "not a treatment"
      ),
      ("{\"sets\": 3, \"reps\": 10}", "{\"sets\": 3}", "treatments[0].dose", "a dose is one of"),
      ("\"id\": \"ice\"", "\"id\": \"heel-raises\"", "treatments[1].id", "used twice"),
      ("\"schemaVersion\": 1", "\"schemaVersion\": 9", "schemaVersion", "not supported"),
      ("\"max\": 15", "\"max\": 5", "treatments[0].progression.max", "below the starting"),
      ("\"primary\": \"heel-raises\"", "\"primary\": \"grip\"", "checkin.primary", "grip"),
    ])
  func brokenFiles(original: String, replacement: String, path: String, message: String) throws {
    let text = Self.valid.replacingFirst(original, with: replacement)
    #expect(text != Self.valid)
    let found = try #require(problem(text))
    #expect(found.file == "mine.json")
    #expect(found.path == path)
    #expect(found.description.contains(message))
    #expect(!found.fix.isEmpty)
    #expect(!found.description.contains("\n"))
  }

  @Test func syntaxErrorsGiveALineAndColumn() throws {
    let found = try #require(problem("{\n  \"id\": \"x\",\n  \"weeks\": ]\n}"))
    #expect(found.description.contains("line 3"))
  }

  @Test func strengtheningEveryDayIsAllowedOnlyForTendonLoading() throws {
    let daily = Self.valid.replacingFirst("\"daysPerWeek\": 3", with: "\"daily\": true")
    #expect(problem(daily)?.path == "treatments[0].schedule.daily")
    let tendon = Self.valid.replacingFirst(
      "\"daysPerWeek\": 3", with: "\"daily\": true, \"allowConsecutiveDays\": true")
    #expect(problem(tendon) == nil)
    let adjacent = Self.valid.replacingFirst(
      "\"daysPerWeek\": 3", with: "\"weekdays\": [\"sun\", \"mon\"]")
    #expect(problem(adjacent)?.description.contains("no rest day") == true)
  }
}

@Suite("Programme validation: on the days of several treatments")
struct SameDaysAsValidationTests {
  /// Two loading treatments and a third that follows them; `FOLLOW` is replaced per test.
  static let template = """
    {
      "schemaVersion": 1, "id": "sample", "title": "Sample", "description": "A sample.",
      "weeks": 6,
      "checkin": {"measures": ["heel-raises"], "primary": "heel-raises"},
      "treatments": [
        {
          "id": "heel-raises", "name": "Heel raises", "kind": "strengthening",
          "instructions": "Rise slowly.", "side": "affected", "dose": {"sets": 3, "reps": 10},
          "schedule": {"daysPerWeek": 3}
        },
        {
          "id": "band", "name": "Band eversion", "kind": "strengthening",
          "instructions": "Turn out.", "side": "affected", "dose": {"sets": 3, "reps": 10},
          "schedule": {"daysPerWeek": 3}, "weeks": {"from": 3, "to": 6}
        },
        {
          "id": "ice", "name": "Ice", "kind": "ice", "instructions": "Wrapped, never asleep.",
          "side": "affected", "dose": {"minutes": 15}, FOLLOW
        }
      ]
    }
    """

  private func result(_ follow: String) -> Result<ProgrammePlan, ProgrammeProblem> {
    let text = Self.template.replacingOccurrences(of: "FOLLOW", with: follow)
    return Result { () throws(ProgrammeProblem) in
      try ProgrammeDecoding.plan(from: Array(text.utf8), file: "mine.json")
    }
  }

  @Test func aListDecodesAndRoundTripsAndASingleIdStaysAString() throws {
    let plan = try result(#""schedule": {"sameDaysAs": ["heel-raises", "band"]}"#).get()
    #expect(plan.treatments[2].schedule.pattern == .sameDaysAs(["heel-raises", "band"]))
    let encoded = String(decoding: try JSONCoding.encode(plan), as: UTF8.self)
    #expect(encoded.contains(#""sameDaysAs" : ["#))
    #expect(try ProgrammeDecoding.plan(from: Array(encoded.utf8), file: "again") == plan)

    let single = try result(#""schedule": {"sameDaysAs": "heel-raises"}"#).get()
    #expect(single.treatments[2].schedule.pattern == .sameDaysAs(["heel-raises"]))
    let singleText = String(decoding: try JSONCoding.encode(single), as: UTF8.self)
    #expect(singleText.contains(#""sameDaysAs" : "heel-raises""#))
  }

  @Test(
    "each wrong reference is one line with its path and a fix",
    arguments: [
      (#""schedule": {"sameDaysAs": []}"#, "treatments[2].schedule.sameDaysAs", "is empty"),
      (
        #""schedule": {"sameDaysAs": ["heel-raises", "nothing"]}"#,
        "treatments[2].schedule.sameDaysAs[1]", "'nothing', which is not a treatment"
      ),
      (
        #""schedule": {"sameDaysAs": ["band", "band"]}"#, "treatments[2].schedule.sameDaysAs[1]",
        "twice"
      ),
      (#""schedule": {"sameDaysAs": ["ice"]}"#, "treatments[2].schedule.sameDaysAs", "itself"),
      (
        #""schedule": {"sameDaysAs": ["heel-raises", "ice"]}"#,
        "treatments[2].schedule.sameDaysAs[1]", "itself"
      ),
      (
        #""schedule": {"sameDaysAs": ["band"]}, "weeks": {"from": 1, "to": 2}"#,
        "treatments[2].schedule.sameDaysAs", "never has a day"
      ),
      (#""schedule": {"sameDaysAs": 3}"#, "treatments[2].schedule.sameDaysAs", "a list of them"),
    ])
  func wrongReferences(follow: String, path: String, message: String) throws {
    guard case .failure(let problem) = result(follow) else {
      Issue.record("accepted \(follow)")
      return
    }
    #expect(problem.path == path)
    #expect(problem.description.contains(message), "\(problem)")
    #expect(!problem.fix.isEmpty)
    #expect(!problem.description.contains("\n"))
  }

  @Test func anUnknownIdListsTheIdsToUse() throws {
    guard case .failure(let problem) = result(#""schedule": {"sameDaysAs": ["heel-raise"]}"#)
    else {
      Issue.record("accepted a typo")
      return
    }
    #expect(problem.fix == "use one of: heel-raises, band")
  }

  @Test func aCycleIsReported() throws {
    // The band follows the ice, which follows the band.
    let text = Self.template.replacingOccurrences(
      of: "FOLLOW", with: #""schedule": {"sameDaysAs": ["heel-raises", "band"]}"#
    ).replacingOccurrences(
      of: #""schedule": {"daysPerWeek": 3}, "weeks""#,
      with: #""schedule": {"sameDaysAs": ["ice"]}, "weeks""#)
    #expect(text.contains(#"{"sameDaysAs": ["ice"]}"#))
    let problems = ProgrammeValidator.problems(
      in: try JSONCoding.decoder.decode(ProgrammePlan.self, from: Data(text.utf8)))
    #expect(problems.contains { $0.message.contains("cycle") })
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
