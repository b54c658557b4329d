import Foundation
import RehabCore
import RehabStore
import Testing

@testable import RehabCLI

/// `export` and `import` through the real binary.
@Suite("export, import")
struct ExportCommandTests {
  static let hostileNote = "=cmd() <script>alert(\"x\")</script>, \"quoted\"\nsecond line 🦶🏽 sore"
  static let start = "2026-11-30"
  static let asOf = "2026-12-16"

  /// A programme with two weeks of ticks, a skip, pain, check-ins and hostile notes, written
  /// through the store as the commands write it.
  static func seededData() throws -> TemporaryDataDirectory {
    let data = try TemporaryDataDirectory()
    let created = try RehabitBinary.run([
      "init", "--template", "lateral-ankle-sprain", "--start", start, "--affected-side", "left",
      "--data-dir", data.path,
    ])
    #expect(created.succeeded, "\(created.stderr)")
    let store = ProgressStore(directory: data.path)
    let programme = try #require(try store.loadProgramme())
    let scheduler = Scheduler(programme: programme)
    let first = try #require(CalendarDay(start))
    for offset in 0..<16 {
      let day = first.adding(days: offset)
      for (index, item) in scheduler.checklist(for: day).enumerated()
      where (offset + index) % 4 != 0 {
        try store.setStatus(
          index == 1 ? .skipped : .done, ofItem: item.id, on: day,
          reason: index == 1 ? "@SUM(A1), \"sore\"" : nil, at: "\(day)T18:00:00Z")
      }
    }
    let noteDay = first.adding(days: 2)
    let itemId = scheduler.checklist(for: noteDay).first?.id
    try store.addNote(NoteRecord(day: noteDay, text: hostileNote, at: "\(noteDay)T19:00:00Z"))
    try store.addNote(
      NoteRecord(day: noteDay, itemId: itemId, text: hostileNote, at: "\(noteDay)T19:01:00Z"))
    let today = try #require(CalendarDay(asOf))
    try store.addNote(NoteRecord(day: today, text: hostileNote, at: "\(today)T07:00:00Z"))
    try store.addPain(PainRecord(day: noteDay, level: 6, at: "\(noteDay)T18:30:00Z"))
    for (offset, left, right) in [(0, 8.0, 20.0), (7, 11.0, 21.0), (14, 14.0, 21.0)] {
      let day = first.adding(days: offset)
      try store.saveCheckin(
        Checkin(
          day: day,
          values: [
            .pain: .single(Double(5 - offset / 7)), .sane: .single(Double(50 + offset)),
            .heelRaises: .sided(left: left, right: right),
          ], at: "\(day)T09:00:00Z"))
    }
    return data
  }

  static func export(_ format: String, _ data: TemporaryDataDirectory, _ extra: [String] = [])
    throws -> String
  {
    let result = try RehabitBinary.run(
      ["export", "--format", format, "--date", asOf, "--data-dir", data.path] + extra)
    #expect(result.succeeded, "\(result.stderr)")
    return result.stdout
  }

  @Test func csvHasOneRowPerScheduledItemAsTodayListsThem() throws {
    let data = try Self.seededData()
    defer { data.cleanUp() }
    let rows = try CSVTestReader.parse(
      try Self.export("csv", data, ["--from", "2026-12-03", "--to", "2026-12-09"]))
    var expected = 0
    let first = try #require(CalendarDay("2026-12-03"))
    for offset in 0..<7 {
      let today = try RehabitBinary.run([
        "today", "--json", "--date", first.adding(days: offset).description, "--data-dir",
        data.path,
      ])
      let json = try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any]
      expected += (json?["items"] as? [Any])?.count ?? 0
    }
    #expect(expected > 0)
    #expect(rows.count - 1 == expected)
    #expect(
      rows.first?.prefix(11) == [
        "date", "week", "programme_week", "item_id", "treatment", "kind", "side", "dose", "status",
        "reason", "pain",
      ])
  }

  @Test func theHostileNoteSurvivesEveryFormatIntactAndHarmless() throws {
    let data = try Self.seededData()
    defer { data.cleanUp() }
    let note = Self.hostileNote

    let notes = try CSVTestReader.parse(try Self.export("csv", data, ["--table", "notes"]))
    #expect(notes.dropFirst().map { $0[4] } == Array(repeating: "'" + note, count: 3))

    let json = try Self.export("json", data)
    let archive = try ExportArchive.decode(Array(json.utf8))
    #expect(archive.weeks.flatMap(\.notes).map(\.text) == [note, note, note])

    let ics = try Self.export("ics", data)
    #expect(ics.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    let unfolded = ics.components(separatedBy: "\r\n ").joined()
    #expect(
      unfolded.contains(
        "Note: =cmd() <script>alert(\"x\")</script>\\, \"quoted\"\\nsecond line 🦶🏽 sore"))

    let html = try Self.export("html", data)
    #expect(html.range(of: "<script", options: .caseInsensitive) == nil)
    #expect(
      html.contains(
        "=cmd() &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, &quot;quoted&quot;<br/>second line 🦶🏽 sore"
      ))

    let markdown = try Self.export("markdown", data)
    #expect(!markdown.contains("<script>"))
    #expect(
      markdown.contains(
        "\\=cmd() \\<script\\>alert(\"x\")\\</script\\>, \"quoted\"\\\n  second line 🦶🏽 sore"))

    let fhir = try Self.export("fhir", data)
    let bundle = try JSONSerialization.jsonObject(with: Data(fhir.utf8)) as? [String: Any]
    #expect(bundle?["resourceType"] as? String == "Bundle")
    #expect(!fhir.contains("<script>"))
  }

  @Test func jsonThenImportGivesIdenticalFiles() throws {
    let data = try Self.seededData()
    defer { data.cleanUp() }
    let exportFile = data.root.appendingPathComponent("backup.json").path
    _ = try Self.export("json", data, ["--output", exportFile])
    let restored = data.root.appendingPathComponent("restored").path
    let result = try RehabitBinary.run(["import", exportFile, "--data-dir", restored])
    #expect(result.succeeded, "\(result.stderr)")
    let original = data.snapshot()
    let copy = TemporaryDataDirectoryView(path: restored).snapshot()
    #expect(original.keys.sorted() == copy.keys.sorted())
    #expect(original.keys.contains("programme.json") && original.count > 3)
    for (name, bytes) in original { #expect(copy[name] == bytes, "\(name) differs") }
    let attributes = try FileManager.default.attributesOfItem(atPath: restored)
    #expect(attributes[.posixPermissions] as? Int == 0o700)
    // And the restored directory exports the same summary, and the same archive byte for byte.
    for format in ["markdown", "json"] {
      #expect(
        try Self.export(format, data)
          == (try RehabitBinary.run([
            "export", "--format", format, "--date", Self.asOf, "--data-dir", restored,
          ]).stdout))
    }
  }

  @Test func importRefusesANonEmptyDataDirectoryWithoutForce() throws {
    let data = try Self.seededData()
    defer { data.cleanUp() }
    let exportFile = data.root.appendingPathComponent("backup.json").path
    _ = try Self.export("json", data, ["--output", exportFile])
    let other = try TemporaryDataDirectory()
    defer { other.cleanUp() }
    _ = try RehabitBinary.run(["init", "--template", "tight-calves", "--data-dir", other.path])
    let before = other.snapshot()

    let refused = try RehabitBinary.run(["import", exportFile, "--data-dir", other.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("is not empty; use --force"))
    #expect(refused.stderr.split(separator: "\n").count == 1)
    #expect(other.snapshot() == before)

    let forced = try RehabitBinary.run(["import", exportFile, "--force", "--data-dir", other.path])
    #expect(forced.succeeded, "\(forced.stderr)")
    #expect(other.snapshot()["programme.json"] == data.snapshot()["programme.json"])
    let siblings = try FileManager.default.contentsOfDirectory(atPath: other.root.path)
    let kept = try #require(siblings.first { $0.hasPrefix("data.before-import-") })
    #expect(
      TemporaryDataDirectoryView(path: other.root.appendingPathComponent(kept).path).snapshot()
        == before)
    #expect(!siblings.contains { $0.hasPrefix("data.import-") })
  }

  @Test func importOfADamagedFileChangesNothing() throws {
    let data = try TemporaryDataDirectory()
    defer { data.cleanUp() }
    let exportFile = data.root.appendingPathComponent("bad.json").path
    let good = try Self.seededData()
    defer { good.cleanUp() }
    var text = try Self.export("json", good)
    text = text.replacingOccurrences(of: "\"level\" : 6", with: "\"level\" : 60")
    try Data(text.utf8).write(to: URL(fileURLWithPath: exportFile))
    let result = try RehabitBinary.run(["import", exportFile, "--data-dir", data.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("weeks[0].pain[0].level"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: data.path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: data.root.path)
    #expect(leftovers == ["bad.json"])
  }

  @Test func outputIsPrivateAtomicAndNeverOverwrittenWithoutForce() throws {
    let data = try Self.seededData()
    defer { data.cleanUp() }
    let file = data.root.appendingPathComponent("summary.html").path
    let first = try RehabitBinary.run([
      "export", "--format", "html", "--output", file, "--date", Self.asOf, "--data-dir", data.path,
    ])
    #expect(first.succeeded, "\(first.stderr)")
    #expect(first.stdout.contains("Exported html to"))
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    let written = try Data(contentsOf: URL(fileURLWithPath: file))

    let refused = try RehabitBinary.run([
      "export", "--format", "csv", "--output", file, "--data-dir", data.path,
    ])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("already exists; use --force"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == written)

    let forced = try RehabitBinary.run([
      "export", "--format", "csv", "--output", file, "--force", "--data-dir", data.path,
    ])
    #expect(forced.succeeded, "\(forced.stderr)")
    #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("date,week,"))
    let names = try FileManager.default.contentsOfDirectory(atPath: data.root.path)
    #expect(!names.contains { $0.hasPrefix(".summary.html.") }, "a temporary file was left")
  }

  @Test(
    "bad export arguments give one line and write nothing",
    arguments: [
      (["--format", "pdf"], "pdf"),
      (["--from", "2026-13-01"], "not a real date"),
      (["--from", "2026-12-10", "--to", "2026-12-01"], "is after --to"),
      (["--format", "html", "--table", "checkins"], "--table works with --format csv only"),
      (["--output", "/nonexistent-folder/x.md"], "does not exist"),
    ])
  func badArguments(arguments: [String], message: String) throws {
    let data = try Self.seededData()
    defer { data.cleanUp() }
    let before = data.snapshot()
    let result = try RehabitBinary.run(["export"] + arguments + ["--data-dir", data.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(data.snapshot() == before)
  }

  @Test func terminalOutputLosesControlCharactersButKeepsLines() {
    let text = "a\u{1B}[31mred\r\nsecond\u{07}\nthird"
    #expect(ExportCommand.terminalSafe(text) == "a\u{FFFD}[31mred\nsecond\u{FFFD}\nthird")
  }
}

/// `snapshot()` of any data folder, for comparing a restored copy.
struct TemporaryDataDirectoryView {
  let path: String

  func snapshot() -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: path) else { return files }
    while let relative = walker.nextObject() as? String {
      let full = (path as NSString).appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files[relative] = FileManager.default.contents(atPath: full)
      }
    }
    return files
  }
}

/// RFC 4180 CSV, as a spreadsheet reads it (the core tests hold the full reader; this one is
/// the same rules in fewer lines).
enum CSVTestReader {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if quoted {
        if scalar == "\"", scalars.first == "\"" {
          scalars.removeFirst()
          field.unicodeScalars.append("\"")
        } else if scalar == "\"" {
          quoted = false
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        guard field.isEmpty else { throw Malformed() }
        quoted = true
      } else if scalar == "," {
        record.append(field)
        field = ""
      } else if scalar == "\r", scalars.first == "\n" {
        scalars.removeFirst()
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed() }
    return records
  }
}
