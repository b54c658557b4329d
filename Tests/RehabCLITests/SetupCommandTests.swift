import Foundation
import Testing

/// `templates`, `init` and `today` through the real binary, as docs/PRODUCT.md describes them.
@Suite("templates, init, today")
struct SetupCommandTests {
  @Test func templatesListsEveryBuiltInTemplateAsJSON() throws {
    let result = try RehabitBinary.run(["templates", "--json"])
    #expect(result.succeeded)
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let templates = try #require(json?["templates"] as? [[String: Any]])
    let names = templates.compactMap { $0["name"] as? String }
    #expect(names.contains("lateral-ankle-sprain"))
    #expect(names.count >= 6)
    #expect(templates.allSatisfy { ($0["weeks"] as? Int ?? 0) > 0 && $0["treatments"] is [Any] })
  }

  @Test func initThenTodayGivesTheNumberedChecklist() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let created = try RehabitBinary.run([
      "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-30", "--affected-side",
      "left", "--data-dir", data.path,
    ])
    #expect(created.succeeded, "\(created.stderr)")
    #expect(created.stdout.contains("Stop the programme and seek care"))

    let today = try RehabitBinary.run([
      "today", "--date", "2026-12-02", "--json", "--data-dir", data.path,
    ])
    #expect(today.succeeded, "\(today.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any])
    #expect(json["date"] as? String == "2026-12-02")
    #expect(json["programmeWeek"] as? Int == 1)
    let items = try #require(json["items"] as? [[String: Any]])
    #expect(!items.isEmpty)
    #expect(items.map { $0["number"] as? Int } == Array(1...items.count).map { $0 })
    for item in items {
      #expect(item["status"] as? String == "pending")
      #expect((item["id"] as? String)?.hasPrefix("2026-12-02.") == true)
      #expect(
        ["strengthening", "stretching", "activation", "heat", "ice"].contains(
          item["kind"] as? String ?? ""))
      #expect(["left", "right", "both"].contains(item["side"] as? String ?? ""))
    }
    // The same day asked again gives the same ids.
    let again = try RehabitBinary.run([
      "today", "--date", "2026-12-02", "--json", "--data-dir", data.path,
    ])
    #expect(again.stdout == today.stdout)

    let text = try RehabitBinary.run(["today", "--date", "2026-12-02", "--data-dir", data.path])
    #expect(text.stdout.contains("week 1 of 8"))
    #expect(text.stdout.contains("  1 [ ]"))
  }

  @Test func dataFilesArePrivate() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    _ = try RehabitBinary.run(["init", "--template", "tight-calves", "--data-dir", data.path])
    let directory = try FileManager.default.attributesOfItem(atPath: data.path)
    let file = try FileManager.default.attributesOfItem(atPath: data.path + "/programme.json")
    #expect((directory[.posixPermissions] as? Int) == 0o700)
    #expect((file[.posixPermissions] as? Int) == 0o600)
  }

  @Test(
    "bad arguments give one line, a non-zero exit and change nothing",
    arguments: [
      (["init", "--template", "no-such"], "no template named 'no-such'"),
      (["init", "--template", "tight-calves", "--weeks", "0"], "--weeks 0 is out of range"),
      (["init", "--template", "tight-calves", "--weeks", "53"], "--weeks 53 is out of range"),
      (["init", "--template", "tight-calves", "--start", "2026-02-30"], "not a real date"),
      (["init", "--template", "tight-calves", "--start", "tomorrow"], "YYYY-MM-DD"),
      (["init"], "--template"),
      (["init", "--template", "tight-calves"], "already exists; use --force"),
      (["today", "--date", "2026-13-01"], "not a real date"),
      (["init", "--file", "/nonexistent.json"], "does not exist"),
    ])
  func badArguments(arguments: [String], message: String) throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    _ = try RehabitBinary.run(["init", "--template", "tight-calves", "--data-dir", data.path])
    let before = data.snapshot()
    let result = try RehabitBinary.run(arguments + ["--data-dir", data.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stdout.isEmpty)
    #expect(data.snapshot() == before)
  }

  @Test func todayWithoutAProgrammeSaysHowToStartOne() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let result = try RehabitBinary.run(["today", "--data-dir", data.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("rehabit init --template"))
  }

  @Test func forceReplacesAndAProgrammeFileOfOnesOwnWorks() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    _ = try RehabitBinary.run(["init", "--template", "tight-calves", "--data-dir", data.path])
    let file = data.root.appendingPathComponent("mine.json")
    let programme = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: data.path + "/programme.json")))
        as? [String: Any])
    let plan = try JSONSerialization.data(withJSONObject: try #require(programme["plan"]))
    try plan.write(to: file)
    let replaced = try RehabitBinary.run([
      "init", "--file", file.path, "--weeks", "3", "--force", "--data-dir", data.path,
    ])
    #expect(replaced.succeeded, "\(replaced.stderr)")
    #expect(replaced.stdout.contains("3 weeks"))
  }

  @Test func brokenProgrammeFileNamesFileAndPath() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let file = data.root.appendingPathComponent("broken.json")
    try Data(
      #"{"schemaVersion": 1, "id": "x", "title": "X", "description": "d", "weeks": 4, "checkin": {"measures": [], "primary": "pain"}, "treatments": [{"id": "a", "name": "A", "kind": "yoga"}]}"#
        .utf8
    ).write(to: file)
    let result = try RehabitBinary.run(["init", "--file", file.path, "--data-dir", data.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("broken.json"))
    #expect(result.stderr.contains("treatments[0]"))
    #expect(!FileManager.default.fileExists(atPath: data.path + "/programme.json"))
  }
}
