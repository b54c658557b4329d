import Foundation
import Testing

/// `rehabit programme …` through the built binary: every command, what it prints, what it
/// stores, and each bad input giving one line, the right exit code and unchanged files.
@Suite("programme")
struct ProgrammeCommandTests {
  /// A lateral-ankle-sprain programme from Monday 2026-11-02 (8 weeks, to 2026-12-27), today
  /// 2026-11-04.
  struct Scenario {
    let folder: TemporaryDataDirectory
    let today = "2026-11-04"

    init() throws {
      folder = try TemporaryDataDirectory()
      let started = try run([
        "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-02",
        "--affected-side", "left",
      ])
      #expect(started.succeeded, "\(started.stderr)")
    }

    func cleanUp() { folder.cleanUp() }

    @discardableResult
    func run(_ arguments: [String]) throws -> RehabitBinary.Result {
      try RehabitBinary.run(
        arguments + ["--data-dir", folder.path], environment: ["REHABIT_TODAY": today])
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
      let result = try run(arguments + ["--json"])
      #expect(result.succeeded, "\(result.stderr)")
      return try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The doses `today --date day --json` lists for `treatment`.
    func doses(of treatment: String, on day: String) throws -> [String] {
      let items = try json(["today", "--date", day])["items"] as? [[String: Any]] ?? []
      return items.filter { $0["treatmentId"] as? String == treatment }.compactMap {
        $0["dose"] as? String
      }
    }

    func treatment(_ id: String, on day: String) throws -> [String: Any] {
      let lines = try json(["programme", "show", "--date", day])["treatments"] as? [[String: Any]]
      return try #require(lines?.first { $0["id"] as? String == id })
    }
  }

  @Test("set: today shows the new dose from the effective day and the old one before it")
  func setDose() throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    // band-eversion: 3 × 10 in week 1, +2 reps a week; its sessions in week 2 (11-09 … 11-15).
    let before = try scenario.doses(of: "band-eversion", on: "2026-11-09")
    #expect(before == ["3 × 12"])
    let result = try scenario.run([
      "programme", "set", "band-eversion", "--reps", "14", "--from", "2026-11-11", "--note",
      "review: pain settled",
    ])
    #expect(result.succeeded, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("From 2026-11-11: Elastic band eversion: dose 3 × 14"))
    #expect(try scenario.doses(of: "band-eversion", on: "2026-11-09") == ["3 × 12"])
    #expect(try scenario.doses(of: "band-eversion", on: "2026-11-11") == ["3 × 14"])
    // The text list too: the old dose before the effective day, the new one from it.
    func bandLine(on day: String) throws -> Substring? {
      try scenario.run(["today", "--date", day]).stdout.split(separator: "\n").first {
        $0.contains("Elastic band eversion")
      }
    }
    #expect(try bandLine(on: "2026-11-09")?.hasSuffix("3 × 12") == true)
    #expect(try bandLine(on: "2026-11-11")?.hasSuffix("3 × 14") == true)
    // The next week steps on from the revised dose.
    #expect(try scenario.doses(of: "band-eversion", on: "2026-11-16") == ["3 × 15"])
    let history = try scenario.json(["programme", "history"])
    let revisions = try #require(history["revisions"] as? [[String: Any]])
    #expect(revisions.count == 1)
    let revision = try #require(revisions.first)
    #expect(revision["effective"] as? String == "2026-11-11")
    #expect(revision["kind"] as? String == "set" && revision["kinds"] as? [String] == ["dose"])
    #expect(revision["treatment"] as? String == "band-eversion")
    #expect(revision["note"] as? String == "review: pain settled")
    #expect((revision["dose"] as? [String: Any])?["reps"] as? Int == 14)
    #expect((revision["id"] as? String)?.hasPrefix("r-20261111-") == true)
    let line = try scenario.treatment("band-eversion", on: "2026-11-12")
    #expect(line["dose"] as? String == "3 × 14" && line["progressionFromWeek"] as? Int == 2)
    let revisionId = try #require(revision["id"] as? String)
    #expect(line["revisions"] as? [String] == [revisionId])
    let plain = try scenario.run(["programme", "history"])
    #expect(plain.stdout.contains("from 2026-11-11: Elastic band eversion: dose 3 × 14"))
    #expect(plain.stdout.contains("review: pain settled"))
  }

  @Test("set schedule and side; show lists them; --json shapes")
  func setScheduleAndSide() throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    let result = try scenario.run([
      "programme", "set", "calf-stretch", "--weekdays", "mon,wed,fri", "--side", "each",
      "--from", "2026-11-16",
    ])
    #expect(result.succeeded, "\(result.stderr)")
    #expect(result.stdout.contains("Mon, Wed, Fri, side each"))
    // Tuesday 11-17: no calf stretch any more; Monday 11-16: one per side.
    let tuesday = try scenario.json(["today", "--date", "2026-11-17"])["items"] as? [[String: Any]]
    #expect(tuesday?.contains { $0["treatmentId"] as? String == "calf-stretch" } == false)
    #expect(try scenario.doses(of: "calf-stretch", on: "2026-11-16").count == 2)
    #expect(try scenario.doses(of: "calf-stretch", on: "2026-11-10").count == 1)
    let line = try scenario.treatment("calf-stretch", on: "2026-11-16")
    #expect(line["side"] as? String == "each" && line["sides"] as? [String] == ["left", "right"])
    #expect(
      (line["schedule"] as? [String: Any])?["weekdays"] as? [String] == ["mon", "wed", "fri"])
    let shown = try scenario.run(["programme", "--date", "2026-11-16"])
    #expect(
      shown.stdout.contains(
        "calf-stretch: Calf stretch against a wall, 3 × 30 s, Mon, Wed, Fri, side each"))
  }

  @Test("pause through a day, resume, remove, add and extend, each from its day")
  func pauseResumeRemoveAddExtend() throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    let pause = try scenario.run([
      "programme", "pause", "calf-stretch", "--from", "2026-11-09", "--until", "2026-11-11",
    ])
    #expect(
      pause.succeeded
        && pause.stdout.contains("Paused Calf stretch against a wall through 2026-11-11"))
    #expect(try scenario.doses(of: "calf-stretch", on: "2026-11-10").isEmpty)
    #expect(try scenario.doses(of: "calf-stretch", on: "2026-11-12") == ["3 × 30 s"])
    let open = try scenario.run(["programme", "pause", "calf-stretch", "--from", "2026-11-16"])
    #expect(open.succeeded)
    #expect(
      try scenario.treatment("calf-stretch", on: "2026-11-17")["status"] as? String == "paused")
    let resume = try scenario.run(["programme", "resume", "calf-stretch", "--from", "2026-11-23"])
    #expect(resume.succeeded && resume.stdout.contains("Resumed Calf stretch"))
    #expect(try scenario.doses(of: "calf-stretch", on: "2026-11-20").isEmpty)
    #expect(try scenario.doses(of: "calf-stretch", on: "2026-11-23") == ["3 × 30 s"])

    let remove = try scenario.run(["programme", "remove", "ice", "--from", "2026-11-20"])
    #expect(remove.succeeded && remove.stdout.contains("From 2026-11-20: Removed Ice"))
    let iceDays = (2...30).map { String(format: "2026-11-%02d", $0) }
    for day in iceDays where day >= "2026-11-20" {
      #expect(try scenario.doses(of: "ice", on: day).isEmpty)
    }
    #expect(
      try iceDays.filter { $0 < "2026-11-20" }.contains {
        !(try scenario.doses(of: "ice", on: $0)).isEmpty
      })

    let add = try scenario.run([
      "programme", "add", "--template", "plantar-heel-pain", "--treatment",
      "plantar-fascia-stretch", "--from", "2026-11-18",
    ])
    #expect(add.succeeded, "\(add.stderr)")
    #expect(try scenario.doses(of: "plantar-fascia-stretch", on: "2026-11-17").isEmpty)
    #expect(try !scenario.doses(of: "plantar-fascia-stretch", on: "2026-11-18").isEmpty)

    let extend = try scenario.run(["programme", "extend", "--weeks", "4"])
    #expect(extend.succeeded && extend.stdout.contains("From 2026-12-28: Extended by 4 weeks"))
    let shown = try scenario.json(["programme", "show", "--date", "2027-01-05"])
    #expect(shown["weeks"] as? Int == 12 && shown["end"] as? String == "2027-01-24")
    #expect(shown["programmeWeek"] as? Int == 10)
    #expect(try !scenario.doses(of: "calf-stretch", on: "2027-01-05").isEmpty)
    let history = try scenario.json(["programme", "history"])["revisions"] as? [[String: Any]]
    #expect(
      history?.compactMap { $0["kind"] as? String } == [
        "pause", "pause", "resume", "remove", "add", "extend",
      ])
  }

  @Test("add --file takes a treatment of one's own")
  func addFromFile() throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    let file = scenario.folder.root.appendingPathComponent("towel.json")
    try Data(
      #"{"id": "towel-curls", "name": "Towel curls", "kind": "activation", "instructions": "Scrunch a towel with the toes.", "side": "affected", "dose": {"sets": 2, "reps": 15}, "schedule": {"daysPerWeek": 3}, "rule": "R-DOSE-ACTIVATION"}"#
        .utf8
    ).write(to: file)
    let add = try scenario.run(["programme", "add", "--file", file.path, "--from", "2026-11-09"])
    #expect(add.succeeded, "\(add.stderr)")
    #expect(add.stdout.contains("Added Towel curls (towel-curls)"))
    let line = try scenario.treatment("towel-curls", on: "2026-11-10")
    #expect(line["status"] as? String == "active" && line["progressionFromWeek"] as? Int == 2)
    #expect(
      try scenario.treatment("calf-stretch", on: "2026-11-10")["status"] as? String == "active")
  }

  @Test("undo takes back the latest revision, and refuses once a day it governs is logged")
  func undo() throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    let none = try scenario.run(["programme", "undo"])
    #expect(none.status == 1 && none.stderr.contains("no revision to take back"))
    try scenario.run(["programme", "set", "band-eversion", "--reps", "14", "--from", "2026-11-04"])
    let undone = try scenario.run(["programme", "undo"])
    #expect(undone.succeeded && undone.stdout.hasPrefix("Took back r-20261104-"))
    #expect(try scenario.doses(of: "band-eversion", on: "2026-11-04") == ["3 × 10"])

    try scenario.run(["programme", "set", "band-eversion", "--reps", "14", "--from", "2026-11-04"])
    let items = try scenario.json(["today"])["items"] as? [[String: Any]] ?? []
    let band = try #require(items.first { $0["treatmentId"] as? String == "band-eversion" })
    let checked = try scenario.run(["check", try #require(band["id"] as? String)])
    #expect(checked.succeeded, "\(checked.stderr)")
    let before = scenario.folder.snapshot()
    let refused = try scenario.run(["programme", "undo"])
    #expect(refused.status == 1)
    #expect(refused.stderr.split(separator: "\n").count == 1)
    #expect(
      refused.stderr.contains(
        "2026-11-04 is already logged under it; make a new revision from today"))
    #expect(scenario.folder.snapshot() == before)
  }

  /// One bad input: the exit code, a piece of the one-line error, nothing written.
  struct BadRevision: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let status: Int32
    let message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let badInputs: [BadRevision] = [
    BadRevision(
      arguments: ["programme", "set", "no-such", "--reps", "12"], status: 1,
      message:
        "'no-such' is not a treatment of this programme on 2026-11-04; use one of: calf-stretch, band-eversion"
    ),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--reps", "12", "--from", "2026-10-01"],
      status: 1, message: "--from: 2026-10-01 is before the programme starts (2026-11-02)"),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--reps", "12", "--from", "2027-03-01"],
      status: 1, message: "--from: 2027-03-01 is after the programme ends (2026-12-27)"),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--reps", "500"], status: 1,
      message: "band-eversion.dose.reps: 500 is out of range; use 1 to 100"),
    BadRevision(
      arguments: ["programme", "set", "calf-stretch", "--reps", "12"], status: 1,
      message: "--reps does not fit 'calf-stretch', dosed as 3 × 30 s; give --hold or --repetitions"
    ),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--daily"], status: 1,
      message: "leaves no rest day between sessions (R-DOSE-STRENGTH)"),
    BadRevision(
      arguments: ["programme", "set", "band-eversion"], status: 64, message: "no change given"),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--reps", "10"], status: 1,
      message: "changes nothing"),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--daily", "--days-per-week", "2"],
      status: 64, message: "give one of --daily, --days-per-week or --weekdays"),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--weekdays", "mon,funday"], status: 64,
      message: "--weekdays: 'funday' is not a weekday"),
    BadRevision(
      arguments: ["programme", "set", "band-eversion", "--reps", "12", "--from", "tomorrow"],
      status: 64, message: "--from:"),
    BadRevision(
      arguments: ["programme", "resume", "calf-stretch"], status: 1,
      message: "'calf-stretch' is not paused on 2026-11-04"),
    BadRevision(
      arguments: ["programme", "pause", "calf-stretch", "--until", "2026-11-01"], status: 1,
      message: "--until: 2026-11-01 is before the pause starts (2026-11-04)"),
    BadRevision(
      arguments: [
        "programme", "add", "--template", "plantar-heel-pain", "--treatment", "calf-stretch",
      ],
      status: 1, message: "'calf-stretch' is already a treatment of this programme"),
    BadRevision(
      arguments: ["programme", "add", "--template", "plantar-heel-pain"], status: 64,
      message: "--template needs --treatment ID"),
    BadRevision(
      arguments: ["programme", "remove", "band-eversion"], status: 1,
      message:
        "heel-raises.schedule.sameDaysAs: names 'band-eversion', which is not a treatment here"),
    BadRevision(
      arguments: ["programme", "extend", "--weeks", "50"], status: 1,
      message: "--weeks: 50 more weeks would make 58 weeks; add 1 to 44 weeks"),
    BadRevision(
      arguments: ["programme", "extend", "--weeks", "0"], status: 64,
      message: "--weeks 0 is out of range"),
  ]

  @Test("a bad revision gives one line, its exit code, and changes no file", arguments: badInputs)
  func badInput(_ input: BadRevision) throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    let before = scenario.folder.snapshot()
    let result = try scenario.run(input.arguments)
    #expect(result.status == input.status, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains(input.message), "\(result.stderr)")
    #expect(scenario.folder.snapshot() == before)
  }

  @Test("pausing a paused treatment is refused and changes nothing")
  func pauseTwice() throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    #expect(try scenario.run(["programme", "pause", "calf-stretch"]).succeeded)
    let before = scenario.folder.snapshot()
    let again = try scenario.run(["programme", "pause", "calf-stretch", "--from", "2026-11-06"])
    #expect(again.status == 1)
    #expect(again.stderr.contains("'calf-stretch' is already paused on 2026-11-06"))
    #expect(scenario.folder.snapshot() == before)
  }

  @Test("a revision's note is printed without its control characters")
  func hostileNote() throws {
    let scenario = try Scenario()
    defer { scenario.cleanUp() }
    let set = try scenario.run([
      "programme", "set", "band-eversion", "--sets", "2", "--note", "ok\u{1b}[2J\u{9b}31m done",
    ])
    #expect(set.succeeded, "\(set.stderr)")
    let history = try scenario.run(["programme", "history"])
    #expect(!history.stdout.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{9b}" })
    #expect(history.stdout.contains("ok"))
  }
}
