import Foundation
import RehabCore
import RehabQueries
import RehabStore
import Testing

/// What the CLI's `programme` commands and the app's Programme screen ask: the programme as of
/// a day, the history, a 7-day preview of a proposed revision without saving, undo status.
@Suite("Programme queries")
struct ProgrammeQueriesTests {
  typealias Fixture = ProgressQueriesTests.Fixture

  static func dose(_ reps: Int, from text: String) -> ProgrammeRevision {
    ProgrammeRevision(
      id: "", effective: day(text),
      change: .set(
        treatmentId: "band-eversion",
        TreatmentSettings(dose: .setsReps(sets: 3, reps: reps, load: "light elastic band"))),
      at: "2026-11-10T08:00:00Z")
  }

  @Test("the programme as of a day: each treatment with that week's dose and its revisions")
  func overview() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let stored = try fixture.store.addRevision(
      Self.dose(14, from: "2026-11-11"), expected: fixture.queries.programme)
    let queries = ProgressQueries(store: fixture.store, programme: stored)
    let before = try queries.programme(on: day("2026-11-10"))
    let band = try #require(before.treatments.first { $0.treatment.id == "band-eversion" })
    #expect(band.dose?.text == "3 × 12" && band.revisions.isEmpty && band.progressionFromWeek == 1)
    let after = try queries.programme(on: day("2026-11-12"))
    let revised = try #require(after.treatments.first { $0.treatment.id == "band-eversion" })
    #expect(revised.dose?.text == "3 × 14" && revised.progressionFromWeek == 2)
    #expect(revised.revisions.map(\.id) == stored.revisions.map(\.id))
    #expect(after.programmeWeek == 2 && after.revisions.count == 1)
    #expect(queries.revisionHistory == stored.revisions)
  }

  @Test("a preview shows the 7 days with the revision applied, and saves nothing")
  func preview() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let file = fixture.store.programmeFile
    let bytes = FileManager.default.contents(atPath: file)
    let preview = try fixture.queries.preview(Self.dose(14, from: "2026-11-11"))
    #expect(preview.problems.isEmpty)
    #expect(preview.current.count == 7 && preview.revised.count == 7)
    #expect(preview.current.first?.day == day("2026-11-11"))
    #expect(!preview.changedDays.isEmpty)
    for (now, then) in zip(preview.current, preview.revised) {
      for entry in then.entries where entry.item.treatmentId == "band-eversion" {
        // 3 × 14 in its own programme week (2), stepping on to 3 × 15 in week 3.
        #expect(entry.item.dose.text == (then.programmeWeek == 2 ? "3 × 14" : "3 × 15"))
      }
      #expect(
        now.entries.filter { $0.item.treatmentId != "band-eversion" }.map(\.item)
          == then.entries.filter { $0.item.treatmentId != "band-eversion" }.map(\.item))
    }
    #expect(FileManager.default.contents(atPath: file) == bytes)

    let bad = try fixture.queries.preview(Self.dose(500, from: "2026-11-11"))
    #expect(bad.problems.first?.path == "band-eversion.dose.reps")
    #expect(bad.revised == bad.current)
  }

  @Test("undo status: nothing, allowed, then logged")
  func undoStatus() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    #expect(try fixture.queries.undoStatus() == .nothingToUndo)
    let stored = try fixture.store.addRevision(
      Self.dose(14, from: "2026-11-11"), expected: fixture.queries.programme)
    let queries = ProgressQueries(store: fixture.store, programme: stored)
    #expect(try queries.undoStatus() == .allowed(stored.revisions[0]))
    let session = try #require(
      (11...20).map { day("2026-11-\($0)") }.first { day in
        queries.items(on: day).contains { $0.treatmentId == "band-eversion" }
      })
    let item = try #require(queries.items(on: session).first { $0.treatmentId == "band-eversion" })
    #expect(item.dose.text == "3 × 14")
    try fixture.store.setStatus(.done, ofItem: item.id, on: session, at: "2026-11-20T08:00:00Z")
    #expect(try queries.undoStatus() == .logged(stored.revisions[0], firstLoggedDay: session))
  }
}
