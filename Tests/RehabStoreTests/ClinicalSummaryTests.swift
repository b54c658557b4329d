import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

/// What a clinician needs in the summary: the pain log with what each entry changed, the dose
/// history with progressions, holds and lighter sessions, and one definition of the pain trend
/// everywhere.
@Suite("Clinical summary")
struct ClinicalSummaryTests {
  static let start = Fixtures.day("2026-11-02")
  static let asOf = Fixtures.day("2026-11-30")

  /// `lateral-ankle-sprain` from Monday 2026-11-02: heel raises hurt twice in week 2 (7/10 on
  /// their sessions), so the next sessions are lighter and week 3 is held; weekly check-ins
  /// with pain 6, 5, 4, 6 (the latest raw value differs from the 2-week mean).
  static func history() throws -> ProgressHistory {
    let plan = try TemplateLibrary.template(id: "lateral-ankle-sprain").plan
    let programme = Programme(plan: plan, start: start, affectedSide: .left)
    let scheduler = Scheduler(programme: programme)
    var weeks: [ISOWeek: ProgressWeek] = [:]
    func update(_ day: CalendarDay, _ change: (inout ProgressWeek) -> Void) {
      let key = ISOWeek(containing: day)
      var week = weeks[key] ?? ProgressWeek(week: key)
      change(&week)
      weeks[key] = week.withRecordIDs()
    }
    let raisesDays = (7..<14).map { start.adding(days: $0) }.filter { day in
      scheduler.checklist(for: day).contains { $0.treatmentId == "heel-raises" }
    }
    for day in raisesDays.prefix(2) {
      let item = scheduler.checklist(for: day).first { $0.treatmentId == "heel-raises" }
      update(day) {
        $0.pain.append(PainRecord(day: day, level: 7, itemId: item?.id, at: "\(day)T18:00:00Z"))
      }
    }
    let pains: [Double] = [6, 5, 4, 6]
    for (index, pain) in pains.enumerated() {
      let day = start.adding(days: 4 + index * 7)
      update(day) {
        $0.checkins.append(
          Checkin(
            day: day,
            values: [
              .pain: .single(pain), .sane: .single(50 + Double(index)),
              .heelRaises: .sided(left: 10 + Double(index), right: 15),
            ],
            at: "\(day)T19:00:00Z"))
      }
    }
    return ProgressHistory(programme: programme, weeks: weeks)
  }

  @Test func painEntriesLighterSessionsAndAHeldWeekAreInTheMarkdownAndHTML() throws {
    let history = try Self.history()
    let summary = try ExportDocument.summary(history: history, asOf: Self.asOf)
    #expect(summary.painLog.count == 2)
    #expect(
      summary.painLog.allSatisfy { entry in
        entry.effects.contains { if case .lighterSession = $0 { true } else { false } }
      })
    #expect(
      summary.painLog.contains { $0.effects.contains(.heldWeek(treatment: "Heel raises", week: 3)) }
    )
    let raises = try #require(summary.doseHistory.first { $0.treatmentId == "heel-raises" })
    #expect(raises.weeks.first { $0.programmeWeek == 3 }?.change == .held)
    #expect(raises.weeks.contains { !$0.lighterSessions.isEmpty })
    // Each lighter session carries the dose it really had: the scheduler's for that day.
    let scheduler = Scheduler(programme: history.programme)
    let pain = history.weeks.values.flatMap(\.painEntries)
    let lines = ExportClinicalText.doseLines(raises)
    for session in raises.weeks.flatMap(\.lighterSessions) {
      let item = scheduler.checklist(for: session.day, pain: pain).first {
        $0.treatmentId == "heel-raises"
      }
      #expect(item?.painAdjustments.contains(.steppedDown) == true)
      #expect(session.dose == item?.dose.text)
      #expect(lines.contains { $0.contains("\(session.dose) on \(session.day)") })
    }

    let markdown = MarkdownExport.render(summary)
    let painRows = markdown.split(separator: "\n").filter {
      $0.contains("| 7/10 | during exercise |")
    }
    #expect(painRows.count == 2)
    #expect(painRows.allSatisfy { $0.contains("a step lighter (R-PAIN-STEP)") })
    #expect(markdown.contains("progression held in week 3 (R-PAIN-HOLD)"))
    #expect(markdown.contains("week 3: 3 × 12 (held: two painful sessions the week before"))

    let html = HTMLExport.render(summary)
    try HTMLShape.check(html)
    #expect(html.components(separatedBy: "<td>during exercise</td>").count == 3)
    #expect(html.contains("<section id=\"pain\">"))
    #expect(html.contains("<section id=\"doses\">"))
    #expect(html.contains("(held: two painful sessions the week before, R-PAIN-HOLD)"))
    #expect(!html.contains("counts as resolved"))
    #expect(html.contains("counts as symmetric by convention"))
  }

  @Test("a treatment without progression lists its lighter sessions too, with their dose")
  func lighterSessionsOfAFixedDose() {
    let day = Fixtures.day("2026-11-12")
    let history = ExportDoseHistory(
      treatmentId: "heel-drops", name: "Heel drops", progresses: false,
      weeks: [
        ExportDoseWeek(programmeWeek: 1, dose: "3 × 15", change: .start, lighterSessions: []),
        ExportDoseWeek(
          programmeWeek: 2, dose: "3 × 15", change: .unchanged,
          lighterSessions: [.init(day: day, dose: "2 × 15")]),
      ])
    #expect(
      ExportClinicalText.doseLines(history) == [
        "the same dose every week: 3 × 15",
        "week 2: 3 × 15; a step lighter after a painful session (R-PAIN-STEP): 2 × 15 on 2026-11-12",
      ])
  }

  @Test func theFlagsTheWeekAndEveryExportGiveTheSamePainTrend() throws {
    let history = try Self.history()
    let engine = FlagEngine(history: history, asOf: Self.asOf)
    let trend = try #require(engine.measures.trends.first { $0.measure == .pain })
    let change = try #require(trend.change)
    // The latest raw value (6) is not what is judged: the 2-week mean of 4 and 6 is.
    #expect(trend.latest?.smoothed == 5)
    #expect(change == -1)

    let week = WeekSummary(history: history, week: ISOWeek(containing: Self.asOf), asOf: Self.asOf)
    #expect(week.measures.trends.first { $0.measure == .pain }?.change == change)

    let summary = try ExportDocument.summary(history: history, asOf: Self.asOf)
    let pain = try #require(summary.measures.first { $0.measure == .pain })
    #expect(pain.change() == change)
    #expect(pain.latestJudged() == 5)

    let markdown = MarkdownExport.render(summary)
    let row = try #require(
      markdown.split(separator: "\n").first { $0.hasPrefix("| Pain (0–10) |") })
    #expect(row.contains("| 5, 2-week mean (last check-in 6,"))
    #expect(row.contains("| \(ExportFormatting.signed(change)) |"))
    let html = HTMLExport.render(summary)
    #expect(html.contains("5 (2-week mean; last check-in 6)"))

    let json = try ExportDocument.render(.json, summary: summary, history: history)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let measures = try #require(
      (object["summary"] as? [String: Any])?["measures"] as? [[String: Any]])
    let exported = try #require(measures.first { ($0["measure"] as? String) == "pain" })
    let value = try #require(exported["value"] as? [String: Any])
    #expect(value["change"] as? Double == change)
    #expect(value["latestJudged"] as? Double == 5)
    #expect(value["latest"] as? Double == 6)
  }
}
