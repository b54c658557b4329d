import Foundation
import Testing

/// One definition of the pain trend (R-M-PAIN, the 2-week rolling mean) in every output of the
/// real binary: `week --json`, `flags --json` and the JSON, Markdown and HTML exports.
@Suite("pain trend is the same everywhere")
struct PainTrendConsistencyTests {
  func run(_ arguments: [String], _ data: TemporaryDataDirectory) throws -> String {
    let result = try RehabitBinary.run(
      arguments + ["--data-dir", data.path], environment: ["REHABIT_TODAY": "2026-12-20"])
    #expect(result.succeeded, "\(arguments): \(result.stderr)")
    return result.stdout
  }

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func weekFlagsAndExportsGiveTheSamePainChange() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    _ = try run(["init", "--template", "lateral-ankle-sprain", "--start", "2026-11-02"], data)
    // Weekly check-ins, pain 4, 4, 5, 6, 5, 6: the latest raw value (6) is not the judged one.
    for (index, pain) in [4, 4, 5, 6, 5, 6].enumerated() {
      let day = [
        "2026-11-05", "2026-11-12", "2026-11-19", "2026-11-26", "2026-12-03", "2026-12-10",
      ][
        index]
      _ = try run(["checkin", "--pain", "\(pain)", "--function", "50", "--date", day], data)
    }
    let week = try object(try run(["week", "--json", "--date", "2026-12-13"], data))
    let measures = try #require(week["measures"] as? [String: Any])
    let pain = try #require(measures["pain"] as? [String: Any])
    let change = try #require(pain["change"] as? Double)
    #expect(change == 1.5)
    let latest = try #require(pain["latest"] as? [String: Any])
    #expect(latest["rollingMean"] as? Double == 5.5)

    let flags = try object(try run(["flags", "--json", "--date", "2026-12-13"], data))
    let flagged = try #require(flags["flags"] as? [[String: Any]])
    let painEvidence = flagged.compactMap {
      (($0["evidence"] as? [String: Any])?["measures"] as? [String: Any])?["pain"]
        as? [String: Any]
    }
    #expect(!painEvidence.isEmpty)
    #expect(painEvidence.allSatisfy { $0["change"] as? Double == change })

    let export = try object(try run(["export", "--format", "json", "--date", "2026-12-13"], data))
    let exported = try #require(
      ((export["summary"] as? [String: Any])?["measures"] as? [[String: Any]])?.first {
        $0["measure"] as? String == "pain"
      })
    #expect((exported["value"] as? [String: Any])?["change"] as? Double == change)

    let markdown = try run(["export", "--format", "markdown", "--date", "2026-12-13"], data)
    #expect(
      markdown.contains("| Pain (0–10) | 4 (2026-11-05) | 5.5, 2-week mean (last check-in 6,"))
    #expect(markdown.contains("| +1.5 |"))
    let html = try run(["export", "--format", "html", "--date", "2026-12-13"], data)
    #expect(html.contains("5.5 (2-week mean; last check-in 6)"))
  }
}
