import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// Revisions in the exports: listed (day, change, note) in Markdown, HTML and the JSON summary,
/// carried by the JSON archive and restored by its import, and followed by the FHIR CarePlan.
@Suite("Exports with revisions")
struct ExportRevisionTests {
  static let hostileNote = "<b>review</b> | `pain` settled"

  /// The export fixture's programme with a dose revision (week 2), a pause of the stretch
  /// (week 2, three days) and the removal of the stretch (week 3).
  static var history: ProgressHistory {
    var history = ExportFixture.history
    var programme = history.programme
    func revision(_ day: String, _ change: ProgrammeChange, note: String? = nil)
      -> ProgrammeRevision
    {
      ProgrammeRevision(
        id: RevisionID.make(effective: Fixtures.day(day), suffix: 7), effective: Fixtures.day(day),
        change: change, note: note, at: "2026-12-05T10:00:00Z")
    }
    programme.revisions = [
      revision(
        "2026-12-09",
        .set(
          treatmentId: "heel-raises",
          TreatmentSettings(dose: .setsReps(sets: 2, reps: 14, load: nil))),
        note: hostileNote),
      revision(
        "2026-12-08", .pause(treatmentId: "calf-stretch", until: Fixtures.day("2026-12-10"))),
      revision("2026-12-15", .remove(treatmentId: "calf-stretch")),
    ]
    history.programme = programme
    return history
  }

  static func render(_ format: ExportFormat) throws -> String {
    try ExportDocument.render(format, history: history, asOf: ExportFixture.asOf)
  }

  @Test("the fixture's revisions are valid")
  func fixtureIsValid() {
    #expect(ProgrammeValidator.problems(in: Self.history.programme).isEmpty)
  }

  @Test("Markdown lists each revision with its day, change and escaped note")
  func markdown() throws {
    let text = try Self.render(.markdown)
    #expect(text.contains("### Revisions"))
    #expect(text.contains("- 2026-12-09: Heel raises: dose 2 × 14 — "))
    #expect(text.contains("- 2026-12-08: Paused Calf stretch through 2026-12-10"))
    #expect(text.contains("- 2026-12-15: Removed Calf stretch"))
    #expect(!text.contains("<b>review</b>"))
    #expect(text.contains("- **Starting dose:** 3 × 10"))
    #expect(text.contains("- **Revised dose:** 2 × 14 from 2026-12-09"))
  }

  @Test("HTML lists each revision, escaped")
  func html() throws {
    let text = try Self.render(.html)
    #expect(text.contains("<h3>Revisions</h3>"))
    #expect(text.contains("<li>2026-12-09: Heel raises: dose 2 × 14 — &lt;b&gt;review&lt;/b&gt;"))
    #expect(text.contains("<li>2026-12-15: Removed Calf stretch</li>"))
  }

  @Test("the JSON summary carries the revisions as data, and import restores them")
  func jsonArchive() throws {
    let text = try Self.render(.json)
    let object = try StoredJSON.parse(Array(text.utf8)).objectValue
    let summary = object?["summary"]?.objectValue
    guard case .array(let revisions)? = summary?["revisions"] else {
      Issue.record("no revisions in the summary")
      return
    }
    #expect(revisions.count == 3)
    let first = revisions.first?.objectValue
    #expect(first?["effective"] == .string("2026-12-09"))
    #expect(first?["kinds"] == .array([.string("dose")]))
    #expect(first?["treatment"] == .string("heel-raises"))
    #expect(first?["note"] == .string(Self.hostileNote))
    let archive = try ExportArchive.decode(Array(text.utf8))
    #expect(archive.programme.revisions == Self.history.programme.revisions)
    #expect(archive.programme == Self.history.programme)
  }

  @Test(
    "the FHIR CarePlan follows the revisions: a new activity from a revised dose, on-hold, stopped")
  func fhirCarePlan() throws {
    let text = try Self.render(.fhir)
    let bundle = try StoredJSON.parse(Array(text.utf8)).objectValue
    guard case .array(let entries)? = bundle?["entry"] else {
      Issue.record("no entries")
      return
    }
    let plans = entries.compactMap { $0.objectValue?["resource"]?.objectValue }.filter {
      $0["resourceType"] == .string("CarePlan")
    }
    #expect(plans.count == 1)
    guard case .array(let activities)? = plans.first?["activity"] else {
      Issue.record("no activities")
      return
    }
    let details = activities.compactMap { $0.objectValue?["detail"]?.objectValue }
    func named(_ name: String) -> [[String: StoredJSON]] {
      details.filter { $0["code"]?.objectValue?["text"] == .string(name) }
    }
    func string(_ value: StoredJSON?) -> String {
      if case .string(let text)? = value { return text }
      return ""
    }
    let stretch = named("Calf stretch")
    #expect(
      stretch.map { string($0["status"]) } == ["completed", "on-hold", "completed", "stopped"])
    let heel = named("Heel raises")
    #expect(heel.count == 2)
    let revisedDescription = string(heel.last?["description"])
    #expect(revisedDescription.hasPrefix("From 2026-12-09: Heel raises: dose 2 × 14"))
    let bounds = heel.last?["scheduledTiming"]?.objectValue?["repeat"]?.objectValue?[
      "boundsPeriod"]?.objectValue
    #expect(bounds?["start"] == .string("2026-12-09"))
    #expect(
      string(
        heel.first?["scheduledTiming"]?.objectValue?["repeat"]?.objectValue?[
          "boundsPeriod"]?.objectValue?["end"]) == "2026-12-08")
  }

  @Test("without revisions the CarePlan has one activity per home treatment, as before")
  func fhirWithoutRevisions() throws {
    let text = try ExportDocument.render(
      .fhir, history: ExportFixture.history, asOf: ExportFixture.asOf)
    #expect(text.components(separatedBy: "\"detail\"").count - 1 == 2)
  }
}
