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

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
