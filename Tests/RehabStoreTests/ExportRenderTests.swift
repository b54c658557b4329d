import Foundation
import RehabTestSupport
import Testing

@testable import RehabCore
@testable import RehabStore

@Suite("Export renderers")
struct ExportRenderTests {
  // MARK: CSV

  @Test func csvHasOneRowPerScheduledItemInTheRange() throws {
    let from = Fixtures.day("2026-12-02")
    let to = Fixtures.day("2026-12-12")
    let summary = try ExportFixture.summary(from: from, to: to)
    let records = try CSVReader.parse(CSVExport.render(summary))
    #expect(records.first == CSVExport.itemColumns)
    #expect(records.count - 1 == ExportFixture.scheduledItems(from: from, to: to))
    #expect(records.allSatisfy { $0.count == CSVExport.itemColumns.count })
    let dates = Set(records.dropFirst().map { $0[0] })
    #expect(dates.allSatisfy { $0 >= "2026-12-02" && $0 <= "2026-12-12" })
    let statuses = Set(records.dropFirst().map { $0[8] })
    #expect(statuses.isSubset(of: ["done", "skipped", "missed", "pending"]))
    #expect(
      statuses.contains("done") && statuses.contains("skipped") && statuses.contains("missed"))
  }

  @Test func csvKeepsUserTextIntactAndNeutralisesFormulas() throws {
    let summary = try ExportFixture.summary()
    let text = CSVExport.render(summary)
    #expect(text.hasSuffix("\r\n"))
    let records = try CSVReader.parse(text)
    let notes = records.dropFirst().map { $0[11] }.filter { !$0.isEmpty }
    #expect(notes == ["'" + ExportFixture.hostileNote])
    let reasons = Set(records.dropFirst().map { $0[9] }.filter { !$0.isEmpty })
    #expect(reasons == ["'" + ExportFixture.hostileReason])
    #expect(records.dropFirst().contains { $0[10] == "4" })
    let noteTable = try CSVReader.parse(CSVExport.render(summary, table: .notes))
    #expect(noteTable.count == 4)
    #expect(noteTable.dropFirst().allSatisfy { $0[4] == "'" + ExportFixture.hostileNote })
  }

  @Test(
    "a leading formula character is neutralised",
    arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
  func csvFormulaTriggers(text: String) throws {
    let field = ExportEscaping.csvText(text)
    let parsed = try CSVReader.parse(field + "\r\n")
    // A lone carriage return is a line break written as LF (`cat` would otherwise return to
    // the start of the line and overwrite it).
    #expect(parsed == [["'" + (text == "\rx" ? "\nx" : text)]])
  }

  @Test func csvCheckinsTableHasARowPerValueAndSide() throws {
    let records = try CSVReader.parse(
      CSVExport.render(try ExportFixture.summary(), table: .checkins))
    #expect(records.first == CSVExport.checkinColumns)
    // Three check-ins of pain, SANE and heel raises on each side.
    #expect(records.count - 1 == 3 * 4)
    let heelRaises = records.filter { $0[3] == "heel-raises" }
    #expect(heelRaises.map { $0[4] } == ["left", "right", "left", "right", "left", "right"])
    #expect(heelRaises.first?[5] == "8")
  }

  // MARK: iCalendar

  @Test func icsHasOneEventPerRemainingDayWithFoldedCRLFLines() throws {
    let summary = try ExportFixture.summary()
    let text = ICSExport.render(summary)
    let bytes = Array(text.utf8)
    // Every line ends in CRLF and holds at most 75 octets.
    let lines = text.components(separatedBy: "\r\n")
    #expect(lines.last == "")
    for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
    #expect(
      !bytes.enumerated().contains {
        $0.element == 0x0A && ($0.offset == 0 || bytes[$0.offset - 1] != 0x0D)
      })

    let unfolded = ICSTestReader.unfold(text)
    let programme = ExportFixture.programme
    let scheduler = Scheduler(programme: programme)
    var expected = 0
    var day = ExportFixture.asOf
    while day <= programme.end {
      if !scheduler.checklist(for: day).isEmpty { expected += 1 }
      day = day.adding(days: 1)
    }
    let uids = unfolded.filter { $0.hasPrefix("UID:") }
    #expect(uids.count == expected)
    #expect(Set(uids).count == uids.count)
    #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == expected)
    #expect(unfolded.first { $0.hasPrefix("DTSTART;VALUE=DATE:") } == "DTSTART;VALUE=DATE:20261216")
    // Stable: the same data gives the same UIDs.
    #expect(ICSExport.render(try ExportFixture.summary()) == text)
  }

  @Test func icsAtGivesTimedFloatingEventsEachWithOneDisplayAlarmAtItsStart() throws {
    let summary = try ExportFixture.summary()
    let allDay = ICSTestReader.unfold(ICSExport.render(summary))
    let time = try #require(TimeOfDay("07:30"))
    let timed = ICSTestReader.unfold(ICSExport.render(summary, at: time))
    let events = timed.filter { $0 == "BEGIN:VEVENT" }.count
    #expect(events > 0)
    #expect(events == allDay.filter { $0 == "BEGIN:VEVENT" }.count)
    // Floating local time: no Z and no TZID; a session's length, never a whole day.
    #expect(timed.first { $0.hasPrefix("DTSTART") } == "DTSTART:20261216T073000")
    #expect(!timed.contains { $0.hasPrefix("DTSTART;") || $0.hasPrefix("DTEND") })
    #expect(timed.filter { $0 == "DURATION:PT30M" }.count == events)
    for lines in [allDay, timed] {
      #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == events)
      #expect(lines.filter { $0 == "ACTION:DISPLAY" }.count == events)
      #expect(lines.filter { $0 == "TRIGGER;RELATED=START:PT0S" }.count == events)
      // An alarm can show on a locked screen: the count only, never a note.
      let alarmText = lines.filter { $0.hasPrefix("DESCRIPTION:Rehab: ") }
      #expect(alarmText.count == events)
    }
  }

  @Test func icsEscapesUserTextAndItReadsBackIntact() throws {
    let text = ICSExport.render(try ExportFixture.summary())
    let descriptions = ICSTestReader.unfold(text).filter { $0.hasPrefix("DESCRIPTION:") }
    let first = try #require(descriptions.first)
    let value = ICSTestReader.unescape(String(first.dropFirst("DESCRIPTION:".count)))
    #expect(value.contains("Note: " + ExportFixture.hostileNote))
    #expect(first.contains("</script>\\, \"quoted\"\\nsecond line"))
  }

  @Test(
    "folding never splits a UTF-8 sequence",
    arguments: [
      String(repeating: "é", count: 80), String(repeating: "🦶🏽", count: 30),
      "X" + String(repeating: "漢", count: 60), String(repeating: "a", count: 300),
    ])
  func icsFolding(text: String) throws {
    let folded = ExportEscaping.icsFold("DESCRIPTION:" + text)
    var physical: [[UInt8]] = [[]]
    let bytes = Array(folded.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
        physical.append([])
        index += 2
        continue
      }
      physical[physical.count - 1].append(bytes[index])
      index += 1
    }
    for line in physical {
      #expect(line.count <= 75)
      #expect(String(validating: line, as: UTF8.self) != nil, "a line splits a UTF-8 sequence")
    }
    #expect(ICSTestReader.unfold(folded) == ["DESCRIPTION:" + text])
  }

  // MARK: HTML

  @Test func htmlIsWellFormedWithoutScriptsOrExternalAssets() throws {
    let summary = try ExportFixture.summary()
    let html = HTMLExport.render(summary)
    let names = try HTMLShape.check(html)
    #expect(!names.contains("script"))
    #expect(html.lowercased().range(of: "<script") == nil)
    for forbidden in ["src=", "href=", "url(", "@import", "<link", "<img", "<iframe"] {
      #expect(html.range(of: forbidden) == nil, "\(forbidden)")
    }
    // Weekly adherence plus one chart per measure with data.
    let charts = names.filter { $0 == "svg" }.count
    #expect(charts == 1 + summary.measures.filter { !$0.points.isEmpty }.count)
    #expect(names.contains("polyline"))
    #expect(html.contains("class=\"band\""))
    #expect(html.contains("@media print"))
    #expect(html.contains("self-reported"))
    #expect(html.contains(HTMLShape.unescapedSafety))
  }

  @Test func htmlEscapesEveryUserText() throws {
    let html = HTMLExport.render(try ExportFixture.summary())
    let lines = ExportFixture.hostileNote.split(separator: "\n").map(String.init)
    // The raw text never appears; its escaped form does, and reads back intact.
    #expect(!html.contains(lines[0]))
    let escaped = lines.map(ExportEscaping.html).joined(separator: "<br/>")
    #expect(html.contains(escaped))
    #expect(HTMLShape.unescape(escaped.replacingEach("<br/>", "\n")) == ExportFixture.hostileNote)
    #expect(html.contains(ExportEscaping.html(ExportFixture.hostileReason)))
    #expect(!html.contains("<b>tired</b>"))
  }

  // MARK: Markdown

  @Test func markdownIsASummaryWithEscapedUserText() throws {
    let summary = try ExportFixture.summary()
    let markdown = MarkdownExport.render(summary)
    #expect(markdown.hasPrefix("# Rehab progress summary: Test programme\n"))
    #expect(markdown.contains("## Adherence (self-reported)"))
    #expect(markdown.contains("| Heel raises | strengthening |"))
    // Pain as the flags judge it: the 2-week mean of 4 and 3, with the raw value beside it.
    #expect(
      markdown.contains(
        "| Pain (0–10) | 6 (2026-11-30) | 3.5, 2-week mean (last check-in 3, 2026-12-14) | -2.5 |"))
    #expect(markdown.contains("| Single-leg heel raises | 8 → 15 | 20 → 21 | 40 % | 71.4 % |"))
    #expect(markdown.contains(SafetyText.disclaimer))
    #expect(!markdown.contains("<script>"))
    #expect(!markdown.contains("<b>"))
    // Reading the escapes back gives the note.
    let expected = MarkdownTestReader.escaped(ExportFixture.hostileNote)
    #expect(markdown.contains(expected))
    #expect(MarkdownTestReader.unescape(expected) == ExportFixture.hostileNote)
  }

  @Test(
    "markdown escapes block syntax at the start of a line",
    arguments: ["# heading", "- item", "+ item", "1. first", "=== ", "    code", "> quote"])
  func markdownLineStarts(text: String) {
    let escaped = ExportEscaping.markdown(text)
    #expect(!escaped.hasPrefix(String(text.prefix(2))) || text.hasPrefix("1"))
    #expect(MarkdownTestReader.unescape(escaped) == text)
  }

  // MARK: JSON and import

  @Test func jsonRoundTripsToTheSameRecords() throws {
    let history = ExportFixture.history
    let text = try ExportDocument.render(.json, history: history, asOf: ExportFixture.asOf)
    let archive = try ExportArchive.decode(Array(text.utf8))
    #expect(archive.programme == history.programme)
    #expect(archive.weeks == history.weeks.values.sorted { $0.week < $1.week })
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == ExportArchive.schemaVersion)
    #expect(object["format"] as? String == "rehabit-export")
    let summary = try #require(object["summary"] as? [String: Any])
    let adherence = try #require(summary["adherence"] as? [String: Any])
    #expect(adherence["selfReported"] as? Bool == true)
    let notes = archive.weeks.flatMap(\.notes).map(\.text)
    #expect(notes.count == 3 && notes.allSatisfy { $0 == ExportFixture.hostileNote })
  }

  @Test(
    "import rejects a bad file with a path and a fix",
    arguments: [
      ("{", "line 1, column 2"),
      ("{\"format\": \"other\"}", "is not an export of rehabit"),
      ("{\"format\": \"rehabit-export\", \"schemaVersion\": 9}", "newer rehabit"),
      (
        "{\"format\": \"rehabit-export\", \"schemaVersion\": 1, \"extra\": 1}",
        "unknown field 'extra'"
      ),
      (
        "{\"format\": \"rehabit-export\", \"schemaVersion\": 1, \"weeks\": []}",
        "programme: missing"
      ),
    ])
  func importRejects(text: String, message: String) {
    #expect {
      _ = try ExportArchive.decode(Array(text.utf8))
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test func importRejectsABadOrDuplicatedWeek() throws {
    let text = try ExportDocument.render(
      .json, history: ExportFixture.history, asOf: ExportFixture.asOf)
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    var weeks = try #require(object["weeks"] as? [[String: Any]])
    weeks.append(weeks[0])
    object["weeks"] = weeks
    let duplicated = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: ExportProblem.self) { try ExportArchive.decode(Array(duplicated)) }
    weeks.removeLast()
    weeks[0]["pain"] = [["day": "2026-12-01", "level": 11, "timing": "during", "at": "x"]]
    object["weeks"] = weeks
    let badPain = try JSONSerialization.data(withJSONObject: object)
    #expect {
      _ = try ExportArchive.decode(Array(badPain))
    } throws: { error in
      "\(error)".hasPrefix("weeks[0].")
    }
  }

  // MARK: FHIR

  @Test func fhirIsAnR4BundleWithCarePlanObservationsAndProcedures() throws {
    let summary = try ExportFixture.summary()
    let text = FHIRExport.render(summary)
    let bundle = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(bundle["resourceType"] as? String == "Bundle")
    #expect(bundle["type"] as? String == "collection")
    let entries = try #require(bundle["entry"] as? [[String: Any]])
    let urls = entries.compactMap { $0["fullUrl"] as? String }
    #expect(Set(urls).count == entries.count)
    let resources = entries.compactMap { $0["resource"] as? [String: Any] }
    func all(_ type: String) -> [[String: Any]] {
      resources.filter { $0["resourceType"] as? String == type }
    }
    let carePlan = try #require(all("CarePlan").first)
    #expect((carePlan["activity"] as? [Any])?.count == 2)
    #expect(carePlan["intent"] as? String == "plan")
    let notes = try #require(carePlan["note"] as? [[String: Any]])
    #expect(notes.count == 3)
    let noteText = try #require(notes.first?["text"] as? String)
    #expect(!noteText.contains("<script>"))
    #expect(MarkdownTestReader.unescape(noteText) == ExportFixture.hostileNote)

    let observations = all("Observation")
    let pain = observations.filter { observation in
      let code = observation["code"] as? [String: Any]
      let coding = code?["coding"] as? [[String: Any]]
      return coding?.first?["code"] as? String == "72514-3"
    }
    // Three check-ins and one logged pain rating.
    #expect(pain.count == 4)
    #expect(observations.contains { ($0["component"] as? [Any])?.count == 2 })
    let procedures = all("Procedure")
    #expect(
      procedures.count == summary.rows.filter { $0.status == .done || $0.status == .skipped }.count)
    let skipped = procedures.filter { $0["status"] as? String == "not-done" }
    #expect(!skipped.isEmpty)
    #expect(
      skipped.allSatisfy {
        ($0["statusReason"] as? [String: Any])?["text"] as? String == ExportFixture.hostileReason
      })
    // Deterministic ids.
    #expect(FHIRExport.render(try ExportFixture.summary()) == text)
  }

  // MARK: Summary

  @Test func summaryTakesAdherenceAndFlagsFromTheEngines() throws {
    let summary = try ExportFixture.summary()
    let ledger = AdherenceLedger(history: ExportFixture.history, asOf: ExportFixture.asOf)
    #expect(summary.adherence.overall == ledger.cumulative)
    #expect(summary.adherence.weeks.map(\.programmeWeek) == [1, 2, 3])
    #expect(summary.adherence.weeks.first?.figure == ledger.week(1).tally)
    let flags = FlagEngine(history: ExportFixture.history, asOf: ExportFixture.asOf).flags
    #expect(summary.flags.map(\.id) == flags.map(\.id))
    #expect(
      summary.rows.count
        == ExportFixture.scheduledItems(
          from: ExportFixture.start, to: ExportFixture.asOf))
    #expect(summary.remaining.first?.day == ExportFixture.asOf)
    #expect(summary.remaining.last?.day == ExportFixture.programme.end)
  }

  @Test func rangeMustRunForwards() {
    #expect(throws: ExportProblem.self) {
      _ = try ExportFixture.summary(
        from: Fixtures.day("2026-12-10"), to: Fixtures.day("2026-12-01"))
    }
  }
}

extension HTMLShape {
  static let unescapedSafety = ExportEscaping.html(SafetyText.disclaimer)
}

/// Reads iCalendar text the way RFC 5545 says: unfold, then unescape TEXT values.
enum ICSTestReader {
  static func unfold(_ text: String) -> [String] {
    var lines: [String] = []
    for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
      if line.hasPrefix(" "), !lines.isEmpty {
        lines[lines.count - 1] += line.dropFirst()
      } else {
        lines.append(line)
      }
    }
    return lines
  }

  static func unescape(_ value: String) -> String {
    var out = ""
    var escaping = false
    for character in value {
      if escaping {
        out.append(character == "n" || character == "N" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        out.append(character)
      }
    }
    return out
  }
}

/// CommonMark's backslash escapes and hard breaks, read back.
enum MarkdownTestReader {
  static func escaped(_ text: String) -> String { ExportEscaping.markdown(text) }

  static func unescape(_ markdown: String) -> String {
    var out = ""
    var characters = Array(markdown)[...]
    var atLineStart = true
    while let character = characters.popFirst() {
      if atLineStart, characters.starts(with: "nbsp;"), character == "&" {
        characters.removeFirst(5)
        out.append(" ")
        continue
      }
      atLineStart = false
      if character == "\\", let next = characters.first {
        characters.removeFirst()
        if next == "\n" {
          out.append("\n")
          while characters.first == " " { characters.removeFirst() }
          atLineStart = true
        } else {
          out.append(next)
        }
        continue
      }
      out.append(character)
    }
    return out
  }
}
