import Foundation
import RehabCore
import RehabStore
import Testing

/// Plain output (stdout and the one-line errors on stderr) never carries a control sequence
/// from a programme file, a note, a skip reason or an argument: clear screen (ESC [ 2 J), set
/// the clipboard (OSC 52), an 8-bit CSI (C1 0x9B), a right-to-left override, a bell.
@Suite("Terminal safety of plain output")
struct TerminalSafetyTests {
  static let hostile = "\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m\u{202E}evil\u{202C}\u{07}"
  static let today = "2026-12-02"

  /// Bytes that would act on a terminal: C0 but the line break, DEL, C1 (as UTF-8), bidi
  /// embeddings, overrides and isolates. Also fails on output that is not UTF-8.
  static func unsafeScalars(in bytes: [UInt8]) -> [UInt32]? {
    guard let text = String(validating: bytes, as: UTF8.self) else { return [0xFFFF_FFFF] }
    let found = text.unicodeScalars.filter { scalar in
      let value = scalar.value
      return (value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(value)
        || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
    return found.isEmpty ? nil : found.map(\.value)
  }

  /// A data folder whose programme has hostile texts everywhere, with a hostile skip reason and
  /// note, and hostile files beside it.
  struct Fixture {
    let root: String
    var data: String { "\(root)/data" }

    init() throws {
      root =
        FileManager.default.temporaryDirectory.appendingPathComponent(
          "rehabit-safety-\(UUID().uuidString)"
        ).path
      var plan = try TemplateLibrary.template(id: "lateral-ankle-sprain").plan
      plan.title = "Sprain \(TerminalSafetyTests.hostile)"
      plan.description = TerminalSafetyTests.hostile
      for index in plan.treatments.indices {
        plan.treatments[index].name += " \(TerminalSafetyTests.hostile)"
        plan.treatments[index].instructions += TerminalSafetyTests.hostile
      }
      let start = try #require(CalendarDay("2026-11-30"))
      let store = ProgressStore(directory: data)
      try store.saveProgramme(
        Programme(plan: plan, start: start, affectedSide: .left), replacing: false)
      let today = try #require(CalendarDay(TerminalSafetyTests.today))
      try store.addNote(
        NoteRecord(day: today, text: TerminalSafetyTests.hostile, at: "2026-12-02T08:00:00Z"))

      // The same plan as a template file and as a programme file of one's own.
      try FileManager.default.createDirectory(
        atPath: "\(root)/templates", withIntermediateDirectories: true)
      var template = plan
      template.id = "hostile-sprain"
      try Data(try JSONCoding.encode(template)).write(
        to: URL(fileURLWithPath: "\(root)/templates/hostile.json"))
      try Data(try JSONCoding.encode(template)).write(
        to: URL(fileURLWithPath: "\(root)/hostile-plan.json"))
      // A second data folder whose week file names a hostile field (an error echoes it).
      let damaged = ProgressStore(directory: "\(root)/damaged")
      try damaged.saveProgramme(
        Programme(plan: plan, start: start, affectedSide: .left), replacing: false)
      try damaged.prepareDirectory()
      try Data(#"{"schemaVersion": 1, "week": "2026-W49", "\u001b[2J\u009b\u202e": 1}"#.utf8)
        .write(to: URL(fileURLWithPath: damaged.file(for: ISOWeek(containing: today))))
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    func run(_ words: [String]) throws -> RawRun.Result {
      let resolved = words.map { $0.replacingOccurrences(of: "{root}", with: root) }
      let hasDataDirectory = resolved.contains("--data-dir")
      return try RawRun.rehabit(
        (resolved + (hasDataDirectory ? [] : ["--data-dir", data])).map { Word($0) },
        environment: [
          "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no",
          "REHABIT_TODAY": TerminalSafetyTests.today, "HOME": root,
        ])
    }
  }

  /// Commands in order, each printing hostile text back (successes and errors).
  static let commands: [[String]] = [
    ["today"],
    ["skip", "1", "--reason", "sore \(hostile)"],
    ["today"],
    ["check", "2"],
    ["uncheck", "2"],
    ["pain", "4", "--item", "3"],
    ["checkin", "--pain", "3", "--function", "70"],
    ["week"],
    ["flags"],
    ["templates", "--templates", "{root}/templates"],
    [
      "init", "--file", "{root}/hostile-plan.json", "--data-dir", "{root}/fresh", "--start",
      "2026-11-30",
    ],
    ["init", "--template", "hostile-sprain", "--templates", "{root}/templates", "--force"],
    // Errors that echo what they were given.
    ["check", "\(hostile)"],
    ["skip", "1", "--reason", hostile, "--date", "2026-12-25"],
    ["today", "--date", hostile],
    ["checkin", "--pain", "3", "--function", "70", "--measure", "\(hostile)=1"],
    ["export", "--output", "{root}/\(hostile)/x.md"],
    ["today", "--data-dir", "{root}/damaged"],
    ["init", "--template", hostile],
  ]

  @Test("no command prints a control character or bidi override from data or arguments")
  func plainOutputIsSafe() throws {
    let fixture = try Fixture()
    defer { fixture.cleanUp() }
    var sawHostileText = false
    var sawErrors = 0
    for words in Self.commands {
      let result = try fixture.run(words)
      let shown = words.joined(separator: " ").debugDescription
      #expect(result.status < 128, "\(shown) died")
      if let found = Self.unsafeScalars(in: result.stdout) {
        Issue.record("stdout of \(shown) holds \(found.map { String($0, radix: 16) })")
      }
      if let found = Self.unsafeScalars(in: result.stderr) {
        Issue.record("stderr of \(shown) holds \(found.map { String($0, radix: 16) })")
      }
      let text = String(decoding: result.stdout + result.stderr, as: UTF8.self)
      if text.contains("\u{FFFD}[2J") && text.contains("evil") { sawHostileText = true }
      if result.status != 0 { sawErrors += 1 }
    }
    // The hostile texts were shown (made harmless), and the error cases did fail.
    #expect(sawHostileText)
    #expect(sawErrors >= 7)
  }
}
