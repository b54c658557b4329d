import Foundation
import RehabCore
import RehabStore
import Testing

/// Two programmes in one data folder through the real binary: an 8-week programme with its
/// history and check-ins, then the next one (`init --next`) with its own.
@Suite("programme phases: init --next and the programme of the day")
struct PhaseScenarioTests {
  // Phase 1: Wednesday 2026-09-09 to Tuesday 2026-11-03; phase 2 from Wednesday 2026-11-04, so
  // ISO week 2026-W45 holds days of both.
  static let firstStart = "2026-09-09"
  static let firstEnd = "2026-11-03"
  static let secondStart = "2026-11-04"
  static let firstTemplate = "chronic-ankle-instability"
  static let secondTemplate = "peroneal-weakness"

  static func json(_ result: RehabitBinary.Result) throws -> [String: Any] {
    #expect(result.succeeded, "\(result.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  static func rehabit(_ arguments: [String], _ data: TemporaryDataDirectory) throws
    -> RehabitBinary.Result
  {
    try RehabitBinary.run(arguments + ["--data-dir", data.path])
  }

  /// Ticks most items of each day of `programme` from its start for `days` days, and a weekly
  /// check-in through the CLI (balance is measured in both programmes).
  static func history(
    _ data: TemporaryDataDirectory, from start: String, days: Int, balance: [Double]
  ) throws {
    let store = ProgressStore(directory: data.path)
    let first = try #require(CalendarDay(start))
    let timeline = try #require(try store.loadTimeline())
    for offset in 0..<days {
      let day = first.adding(days: offset)
      let programme = timeline.programme(on: day)
      for (index, item) in Scheduler(programme: programme).checklist(for: day).enumerated()
      where (offset + index) % 5 != 0 {
        try store.setStatus(.done, ofItem: item.id, on: day, at: "\(day)T18:00:00Z")
      }
    }
    for (week, left) in balance.enumerated() {
      let day = first.adding(days: week * 7 + 1)
      let result = try rehabit(
        [
          "checkin", "--date", day.description, "--pain", "3", "--function", "70", "--measure",
          "balance:left=\(Int(left))", "--measure", "balance:right=40",
        ], data)
      #expect(result.succeeded, "\(result.stderr)")
    }
  }

  static func twoPhases() throws -> TemporaryDataDirectory {
    let data = try TemporaryDataDirectory()
    let created = try rehabit(
      [
        "init", "--template", firstTemplate, "--start", firstStart, "--affected-side", "left",
      ], data)
    #expect(created.succeeded, "\(created.stderr)")
    try history(data, from: firstStart, days: 56, balance: [10, 14, 18, 22, 26, 30, 32, 34])
    let next = try rehabit(
      ["init", "--template", secondTemplate, "--next", "--date", "2026-10-20"], data)
    #expect(next.succeeded, "\(next.stderr)")
    #expect(next.stdout.contains("\(secondStart) to 2026-12-29"))
    #expect(next.stdout.contains("It follows Chronic ankle instability"))
    #expect(next.stdout.contains("kept with its records"))
    #expect(next.stdout.contains(SafetyText.redFlagsHeading))
    try history(data, from: secondStart, days: 28, balance: [12, 13, 15, 16])
    return data
  }

  static func treatmentIds(of template: String) throws -> Set<String> {
    Set(try TemplateLibrary.template(id: template).plan.treatments.map(\.id))
  }

  @Test func eachDayAndWeekIsAnsweredWithItsOwnProgramme() throws {
    let data = try Self.twoPhases()
    defer { data.cleanUp() }
    let first = try Self.treatmentIds(of: Self.firstTemplate)
    let second = try Self.treatmentIds(of: Self.secondTemplate)
    for (day, expected, template) in [
      ("2026-09-20", first, Self.firstTemplate), ("2026-11-02", first, Self.firstTemplate),
      (Self.secondStart, second, Self.secondTemplate),
      ("2026-11-20", second, Self.secondTemplate),
    ] {
      let today = try Self.json(try Self.rehabit(["today", "--json", "--date", day], data))
      #expect(today["programme"] as? String == template, "today --date \(day)")
      let items = try #require(today["items"] as? [[String: Any]])
      #expect(!items.isEmpty)
      let ids = Set(items.compactMap { $0["treatmentId"] as? String })
      #expect(ids.isSubset(of: expected), "today --date \(day): \(ids)")
      let week = try Self.json(try Self.rehabit(["week", "--json", "--date", day], data))
      #expect(week["programme"] as? String == template, "week --date \(day)")
    }
    // Items only one programme has appear on its days only.
    let early = try Self.json(try Self.rehabit(["today", "--json", "--date", "2026-09-20"], data))
    #expect(
      (early["items"] as? [[String: Any]] ?? []).contains {
        $0["treatmentId"] as? String == "balance-eyes-open"
      })
    // A check-off on a day of the earlier programme resolves that day's numbers with it.
    let check = try Self.rehabit(["check", "1", "--date", "2026-10-01"], data)
    #expect(check.succeeded, "\(check.stderr)")
    let status = try Self.rehabit(["status", "--date", "2026-09-20"], data)
    #expect(status.succeeded, "\(status.stderr)")
  }

  @Test func flagsOfTheSecondHaveTheirOwnBaselineAndShowTheFirstsLastCheckin() throws {
    let data = try Self.twoPhases()
    defer { data.cleanUp() }
    let flags = try Self.json(try Self.rehabit(["flags", "--json", "--date", "2026-12-01"], data))
    let previous = try #require(flags["previousProgramme"] as? [String: Any])
    #expect(previous["id"] as? String == Self.firstTemplate)
    #expect(previous["start"] as? String == Self.firstStart)
    #expect(previous["end"] as? String == Self.firstEnd)
    #expect(previous["compared"] as? Bool == false)
    let last = try #require(previous["lastCheckin"] as? [String: Any])
    #expect(last["day"] as? String == "2026-10-29")
    // The first programme has no previous one.
    let earlier = try Self.json(
      try Self.rehabit(["flags", "--json", "--date", "2026-10-20"], data))
    #expect(earlier["previousProgramme"] is NSNull)

    // Balance was measured in both: phase 2 is judged from its own first check-in.
    let week = try Self.json(try Self.rehabit(["week", "--json", "--date", "2026-12-01"], data))
    let measures = try #require(week["measures"] as? [String: Any])
    let balance = try #require(measures["balance"] as? [String: Any])
    let baseline = try #require(balance["baseline"] as? [String: Any])
    #expect(baseline["day"] as? String == "2026-11-05")
    #expect((week["previousProgramme"] as? [String: Any])?["id"] as? String == Self.firstTemplate)

    // Wrapped to 80 columns: read as one line.
    func unwrapped(_ text: String) -> String {
      text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .joined(separator: " ")
    }
    let text = try Self.rehabit(["flags", "--date", "2026-12-01"], data)
    #expect(text.succeeded)
    #expect(
      unwrapped(text.stdout).contains(
        "Previous programme, for reference only (not compared): Chronic ankle instability"))
    #expect(unwrapped(text.stdout).contains("its last check-in 2026-10-29: pain 3, SANE 70"))
    let weekText = try Self.rehabit(["week", "--date", "2026-12-01"], data)
    #expect(
      unwrapped(weekText.stdout).contains("Previous programme, for reference only (not compared)"))
  }

  @Test func exportsCoverTheProgrammeOfTheDayOrAll() throws {
    let data = try Self.twoPhases()
    defer { data.cleanUp() }
    let firstTitle = try TemplateLibrary.template(id: Self.firstTemplate).plan.title
    let secondTitle = try TemplateLibrary.template(id: Self.secondTemplate).plan.title

    let single = try Self.rehabit(["export", "--date", "2026-10-20"], data)
    #expect(single.succeeded, "\(single.stderr)")
    #expect(single.stdout.contains(firstTitle))
    #expect(!single.stdout.contains(secondTitle))
    let range = try Self.rehabit(
      ["export", "--date", "2026-12-20", "--from", "2026-11-10", "--to", "2026-11-20"], data)
    #expect(range.stdout.contains(secondTitle))
    #expect(!range.stdout.contains(firstTitle))

    let all = try Self.rehabit(["export", "--all-programmes", "--date", "2026-12-20"], data)
    #expect(all.succeeded, "\(all.stderr)")
    #expect(all.stdout.contains("# Rehab progress summary: 2 programmes"))
    #expect(all.stdout.contains("## Programme 1 of 2: \(firstTitle)"))
    #expect(all.stdout.contains("## Programme 2 of 2: \(secondTitle)"))
    #expect(all.stdout.contains("### Adherence"))

    for format in ["html", "csv", "fhir"] {
      let export = try Self.rehabit(
        ["export", "--all-programmes", "--format", format, "--date", "2026-12-20"], data)
      #expect(export.succeeded, "\(format): \(export.stderr)")
      #expect(export.stdout.contains(Self.firstStart), "\(format)")
      #expect(export.stdout.contains(Self.secondStart), "\(format)")
    }
    let csv = try Self.rehabit(
      ["export", "--all-programmes", "--format", "csv", "--date", "2026-12-20"], data)
    #expect(csv.stdout.hasPrefix("programme,date,"))
    #expect(csv.stdout.contains("\r\n\(Self.firstStart)-\(Self.firstTemplate),"))
    #expect(csv.stdout.contains("\r\n\(Self.secondStart)-\(Self.secondTemplate),"))

    let json = try Self.json(
      try Self.rehabit(
        ["export", "--all-programmes", "--format", "json", "--date", "2026-12-20"], data))
    #expect(json["schemaVersion"] as? Int == 3)
    let summaries = try #require(json["summaries"] as? [[String: Any]])
    #expect(
      summaries.compactMap { ($0["programme"] as? [String: Any])?["id"] as? String } == [
        Self.firstTemplate, Self.secondTemplate,
      ])
    #expect((json["earlierProgrammes"] as? [Any])?.count == 1)

    // The archive of the default export still carries both programmes.
    let archive = try Self.json(
      try Self.rehabit(["export", "--format", "json", "--date", "2026-10-20"], data))
    #expect((archive["earlierProgrammes"] as? [Any])?.count == 1)
    #expect(archive["summary"] is [String: Any])

    let spanning = try Self.rehabit(
      ["export", "--date", "2026-12-20", "--from", "2026-10-01", "--to", "2026-11-20"], data)
    #expect(spanning.status == 1)
    #expect(spanning.stderr.contains("spans 2 programmes; add --all-programmes"))
  }

  @Test func exportThenImportKeepsBothProgrammesByteForByte() throws {
    let data = try Self.twoPhases()
    defer { data.cleanUp() }
    let file = data.root.appendingPathComponent("archive.json").path
    let exported = try Self.rehabit(
      ["export", "--format", "json", "--date", "2026-12-20", "--output", file], data)
    #expect(exported.succeeded, "\(exported.stderr)")
    let restored = data.root.appendingPathComponent("restored").path
    let imported = try RehabitBinary.run(["import", file, "--data-dir", restored])
    #expect(imported.succeeded, "\(imported.stderr)")
    #expect(imported.stdout.contains("after 1 earlier programme"))

    let files = FileManager.default
    let kept = "programmes/\(Self.firstStart)-\(Self.firstTemplate).json"
    var compared = ["programme.json", kept]
    compared += try files.contentsOfDirectory(atPath: data.path + "/progress").map {
      "progress/\($0)"
    }
    #expect(compared.count > 10)
    for name in compared {
      let before = files.contents(atPath: "\(data.path)/\(name)")
      #expect(before != nil, "\(name)")
      #expect(files.contents(atPath: "\(restored)/\(name)") == before, "\(name)")
    }
    #expect(
      try files.contentsOfDirectory(atPath: restored + "/programmes") == [
        "\(Self.firstStart)-\(Self.firstTemplate).json"
      ])
  }

  @Test func badInputsOfInitNextAreOneLineAndChangeNothing() throws {
    let empty = try TemporaryDataDirectory()
    defer { empty.cleanUp() }
    let none = try Self.rehabit(["init", "--template", Self.secondTemplate, "--next"], empty)
    #expect(none.status == 1)
    #expect(
      none.stderr.contains("--next starts a programme after the current one, but there is none"))
    #expect(!FileManager.default.fileExists(atPath: empty.path + "/programme.json"))

    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let created = try Self.rehabit(
      ["init", "--template", Self.firstTemplate, "--start", Self.firstStart], data)
    #expect(created.succeeded, "\(created.stderr)")
    let programmeFile = data.path + "/programme.json"
    let before = FileManager.default.contents(atPath: programmeFile)
    let cases: [([String], Int32, String)] = [
      (["--next", "--force"], 64, "--next keeps the current programme and --force replaces it"),
      (
        ["--next", "--start", Self.firstEnd], 1,
        "start the next one on \(Self.secondStart) or later"
      ),
      (
        ["--next", "--start", "2026-09-01"], 1,
        "is on or before the last day of the current programme"
      ),
      (["--next", "--start", "2026-13-01"], 64, "--start"),
      (["--next", "--weeks", "99"], 64, "--weeks 99 is out of range"),
    ]
    for (extra, status, message) in cases {
      let result = try Self.rehabit(["init", "--template", Self.secondTemplate] + extra, data)
      #expect(result.status == status, "\(extra): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
      let lines = result.stderr.split(separator: "\n").filter {
        !$0.hasPrefix("Usage") && !$0.hasPrefix("  See")
      }
      #expect(lines.count == 1, "\(extra): \(result.stderr)")
      #expect(FileManager.default.contents(atPath: programmeFile) == before, "\(extra)")
      #expect(!FileManager.default.fileExists(atPath: data.path + "/programmes"), "\(extra)")
    }
  }
}
