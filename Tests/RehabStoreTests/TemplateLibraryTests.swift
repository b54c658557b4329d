import Foundation
import Testing

@testable import RehabCore
@testable import RehabStore

@Suite("Template library")
struct TemplateLibraryTests {
  @Test func everyBuiltInTemplateDecodesAndValidates() throws {
    let templates = try TemplateLibrary.builtIn()
    #expect(templates.count >= 6)
    for template in templates {
      #expect(ProgrammeValidator.problems(in: template.plan).isEmpty, "\(template.plan.id)")
      #expect(!template.plan.description.isEmpty)
      #expect(template.plan.treatments.allSatisfy { !$0.instructions.isEmpty })
    }
    let ids = Set(templates.map(\.plan.id))
    for required in [
      "lateral-ankle-sprain", "chronic-ankle-instability", "tight-calves", "achilles-alfredson",
      "foot-intrinsics", "plantar-heel-pain",
    ] {
      #expect(ids.contains(required))
    }
  }

  @Test("a day's list stays short in every template, for every start weekday and side")
  func daysStayShort() throws {
    for template in try TemplateLibrary.builtIn() {
      for startOffset in 0..<7 {
        for side in Side.allCases {
          let start = CalendarDay(daysSinceEpoch: 20_787 + startOffset)
          let programme = Programme(plan: template.plan, start: start, affectedSide: side)
          let scheduler = Scheduler(programme: programme)
          let busiest =
            (0..<(programme.weeks * 7)).map {
              scheduler.checklist(for: start.adding(days: $0)).count
            }.max() ?? 0
          #expect(busiest <= 6, "\(template.plan.id) from \(start), side \(side): \(busiest) items")
        }
      }
    }
  }

  @Test func embeddedTemplatesMatchProgramsFolder() throws {
    // The build embeds Programs/*.json; a template added there must appear here.
    let programs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Programs")
    let files = try FileManager.default.contentsOfDirectory(atPath: programs.path)
      .filter { $0.hasSuffix(".json") }
    #expect(files.count == EmbeddedTemplates.files.count)
    for file in files {
      let onDisk = try String(contentsOf: programs.appendingPathComponent(file), encoding: .utf8)
      let embedded = EmbeddedTemplates.files.first { $0.name == file }?.json
      #expect(
        embedded?.trimmingCharacters(in: .newlines) == onDisk.trimmingCharacters(in: .newlines))
    }
  }

  @Test func unknownTemplateListsTheChoices() {
    #expect {
      try TemplateLibrary.template(id: "knee")
    } throws: { error in
      "\(error)".contains("lateral-ankle-sprain") && "\(error)".contains("'knee'")
    }
  }

  @Test func extraTemplatesFolderAddsTemplatesAndRejectsClashes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehabit-templates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = try #require(EmbeddedTemplates.files.first { $0.name == "tight-calves.json" }?.json)
    try base.replacingOccurrences(of: "\"id\": \"tight-calves\"", with: "\"id\": \"my-calves\"")
      .write(to: folder.appendingPathComponent("mine.json"), atomically: false, encoding: .utf8)
    let all = try TemplateLibrary.all(extraDirectory: folder.path)
    #expect(all.contains { $0.plan.id == "my-calves" && $0.source.hasSuffix("mine.json") })

    try base.write(
      to: folder.appendingPathComponent("clash.json"), atomically: false, encoding: .utf8)
    #expect {
      try TemplateLibrary.all(extraDirectory: folder.path)
    } throws: { error in
      "\(error)".contains("clash.json") && "\(error)".contains("already the id")
    }
  }

  @Test func missingOrFolderPathsAreClearErrors() {
    #expect { try TemplateLibrary.readPlan(at: "/nonexistent/plan.json") } throws: {
      "\($0)".contains("does not exist")
    }
    #expect { try TemplateLibrary.readPlan(at: "/tmp") } throws: { "\($0)".contains("is a folder") }
  }
}
