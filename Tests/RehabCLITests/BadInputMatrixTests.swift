import Foundation
import RehabCore
import RehabStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What a case does to a copy of the fixture before running.
enum Damage: Sendable {
  case none
  /// A byte that is not UTF-8 inside the programme's title.
  case programmeNotUTF8
  /// A byte that is not UTF-8 inside a skip reason of the week file.
  case weekNotUTF8
  /// `progress/` replaced by a regular file.
  case progressIsAFile
}

/// One hostile invocation of `rehabit`: it must fail with one clear line on stderr, print
/// nothing on stdout, and leave the data folder (and everything beside it) byte-identical.
struct BadInput: Sendable, CustomTestStringConvertible {
  let words: [Word]
  var damage: Damage = .none
  var fullDisk = false
  /// `--data-dir` to append; nil leaves it out (the environment points at the fixture).
  var dataDirectory: String? = "{data}"

  var testDescription: String {
    var text = words.map(\.description).joined(separator: " ")
    if let dataDirectory, dataDirectory != "{data}" { text += " --data-dir \(dataDirectory)" }
    switch damage {
    case .none: break
    case .programmeNotUTF8: text += " [programme.json not UTF-8]"
    case .weekNotUTF8: text += " [week file not UTF-8]"
    case .progressIsAFile: text += " [progress/ is a file]"
    }
    if fullDisk { text += " [disk full]" }
    return text
  }
}

/// The fixture every case starts from, built once with the binary itself: a programme from
/// 2026-11-30 (today is 2026-12-02), one item done, one skipped, pain and a check-in logged,
/// plus files beside the data folder that cases point at.
enum MatrixFixture {
  static let today = "2026-12-02"

  /// The fixture folder, or why it could not be built.
  static let master: Result<String, MatrixFixtureError> = build()

  struct MatrixFixtureError: Error, CustomStringConvertible { let description: String }

  static func environment(data: String) -> [String: String] {
    [
      "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no",
      "REHABIT_TODAY": today, "REHABIT_HOME": data, "HOME": data, "TERM": "xterm",
    ]
  }

  private static func build() -> Result<String, MatrixFixtureError> {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehabit-matrix-\(UUID().uuidString)"
    ).path
    let data = "\(root)/data"
    let files = FileManager.default
    do {
      try files.createDirectory(atPath: "\(root)/dir", withIntermediateDirectories: true)
      let setup: [[String]] = [
        [
          "init", "--template", "lateral-ankle-sprain", "--start", "2026-11-30", "--affected-side",
          "left",
        ],
        ["check", "1"], ["skip", "2", "--reason", "sore heel"], ["pain", "3"],
        ["checkin", "--pain", "3", "--function", "70"],
        ["export", "--format", "json", "--output", "\(root)/export.json"],
      ]
      for arguments in setup {
        let result = try RawRun.rehabit(
          (arguments + ["--data-dir", data]).map { Word($0) }, environment: environment(data: data))
        guard result.status == 0 else {
          return .failure(
            MatrixFixtureError(
              description:
                "fixture: rehabit \(arguments.joined(separator: " ")) failed: \(String(decoding: result.stderr, as: UTF8.self))"
            ))
        }
      }
      func write(_ name: String, _ bytes: [UInt8]) {
        _ = files.createFile(atPath: "\(root)/\(name)", contents: Data(bytes))
      }
      write("file", Array("not a folder\n".utf8))
      write("existing.md", Array("keep me\n".utf8))
      write("empty.json", [])
      let template = Array(
        (try? String(contentsOfFile: "\(root)/data/programme.json", encoding: .utf8))?.utf8
          ?? "".utf8)
      write("programme-copy.json", template)
      write("not-utf8.json", Array("{\"id\": \"caf".utf8) + [0xE9, 0xFF] + Array("\"}\n".utf8))
      write("deep-1mb.json", Array(repeating: UInt8(ascii: "["), count: 1 << 20))
      write(
        "junk-1mb.json", (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
      )
      // Found by .ci/fuzz: more sets than allowed, with afterMax addSet, made the validator trap.
      var plan = try TemplateLibrary.template(id: "foot-intrinsics").plan
      for index in plan.treatments.indices
      where plan.treatments[index].progression?.weekly?.afterMax == .addSet {
        plan.treatments[index].dose = .setsReps(sets: 38, reps: 10, load: nil)
      }
      write("sets-over-limit.json", try JSONCoding.encode(plan))
      try files.createDirectory(atPath: "\(root)/bad-templates", withIntermediateDirectories: true)
      _ = files.createFile(
        atPath: "\(root)/bad-templates/broken.json",
        contents: Data(Array("{\"id\": \"x".utf8) + [0xC3, 0x28] + Array("\"}".utf8)))
      // Built once per test process; removed when it ends.
      atexit {
        if case .success(let root) = MatrixFixture.master {
          try? FileManager.default.removeItem(atPath: root)
        }
      }
      return .success(root)
    } catch {
      return .failure(MatrixFixtureError(description: "fixture: \(error)"))
    }
  }

  /// A private copy of the fixture for one case, damaged as asked.
  static func copy(damage: Damage) throws -> String {
    let master = try MatrixFixture.master.get()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehabit-matrix-case-\(UUID().uuidString)"
    ).path
    try FileManager.default.copyItem(atPath: master, toPath: root)
    let data = "\(root)/data"
    switch damage {
    case .none: break
    case .programmeNotUTF8:
      try replace(in: "\(data)/programme.json", Array("Lateral".utf8), with: [0xFF, 0xFE])
    case .weekNotUTF8:
      try replace(
        in: "\(data)/progress/2026-W49.json", Array("sore heel".utf8), with: [0xC3, 0x28])
    case .progressIsAFile:
      try FileManager.default.removeItem(atPath: "\(data)/progress")
      _ = FileManager.default.createFile(atPath: "\(data)/progress", contents: Data("x".utf8))
    }
    return root
  }

  private static func replace(in path: String, _ needle: [UInt8], with bytes: [UInt8]) throws {
    var content = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    guard
      let start = (0...(content.count - needle.count)).first(where: {
        Array(content[$0..<$0 + needle.count]) == needle
      })
    else { throw MatrixFixtureError(description: "fixture: \(path) has no \(needle)") }
    content.replaceSubrange(start..<start + needle.count, with: bytes)
    try Data(content).write(to: URL(fileURLWithPath: path))
  }
}

enum BadInputMatrix {
  static let notUTF8 = Word(bytes: [0x32, 0x30, 0xFF, 0xFE, 0x2D])
  /// The longest single argument Linux passes (MAX_ARG_STRLEN, 128 KiB with its NUL): a 1 MB
  /// argument never reaches a program (execve fails with E2BIG); 1 MB inside files is below.
  static let megabyte = Word(String(repeating: "a", count: 128 * 1024 - 1))
  static let huge = "99999999999999999999999"

  /// A valid invocation of each command on the fixture; each case changes one thing.
  static let bases: [String: [Word]] = [
    "init": ["init", "--template", "lateral-ankle-sprain", "--start", "2026-11-30", "--force"],
    "today": ["today"],
    "check": ["check", "4"],
    "uncheck": ["uncheck", "1"],
    "skip": ["skip", "4", "--reason", "tired"],
    "pain": ["pain", "4"],
    "checkin": ["checkin", "--pain", "4", "--function", "65"],
    "week": ["week"],
    "flags": ["flags"],
    "export": ["export", "--format", "csv", "--output", "{root}/out.csv"],
    "import": ["import", "{root}/export.json", "--force"],
    "templates": ["templates"],
    "log": ["log"],
    "note": ["note", "stiff on waking"],
    "programme": ["programme", "set", "band-eversion", "--reps", "13"],
  ]

  static let commands = bases.keys.sorted()
  static let readingData = [
    "check", "checkin", "export", "flags", "log", "note", "pain", "programme", "skip", "today",
    "uncheck", "week",
  ]
  /// Commands not about one week: a damaged week degrades them (a warning, the answer from
  /// what can be read) rather than failing them, which `HardeningRoundTwoTests` proves.
  static let degradingOnADamagedWeek: Set<String> = ["export", "flags"]
  /// Commands that read no week file at all (a revision is judged on programme.json alone).
  static let readingNoWeek: Set<String> = ["programme"]
  static let writing = [
    "check", "checkin", "export", "import", "init", "note", "pain", "programme", "skip",
    "uncheck",
  ]

  /// The same faults for every command.
  static var generic: [BadInput] {
    var cases: [BadInput] = []
    for command in commands {
      let base = bases[command] ?? []
      cases += [
        BadInput(words: base + ["--bogus"]),
        BadInput(words: base + ["extra-word"]),
        BadInput(words: base + ["--date", "2026-02-30"]),
        BadInput(words: base + ["--date", "2026-13-01"]),
        BadInput(words: base + ["--date", "02/12/2026"]),
        BadInput(words: base + ["--date", ""]),
        BadInput(words: base + ["--date"]),
        BadInput(words: base + ["--date", notUTF8]),
        BadInput(words: base + [notUTF8]),
      ]
      if command != "templates" {
        cases += [
          BadInput(words: base, dataDirectory: "{root}/file"),
          BadInput(words: base, dataDirectory: "{root}/file/data"),
          BadInput(words: base, dataDirectory: ""),
        ]
      }
      if readingData.contains(command) {
        cases += [
          BadInput(words: base, damage: .programmeNotUTF8),
          BadInput(words: base, damage: .progressIsAFile),
        ]
        if !degradingOnADamagedWeek.contains(command), !readingNoWeek.contains(command) {
          cases.append(BadInput(words: base, damage: .weekNotUTF8))
        }
      }
      if writing.contains(command) { cases.append(BadInput(words: base, fullDisk: true)) }
    }
    cases.append(BadInput(words: bases["init"] ?? [], damage: .progressIsAFile))
    return cases
  }

  /// Missing and wrong values, impossible days, hostile files, per command.
  static let specific: [BadInput] = [
    // init
    BadInput(words: ["init"]),
    BadInput(words: ["init", "--template"]),
    BadInput(words: ["init", "--template", "nope"]),
    BadInput(words: ["init", "--template", notUTF8]),
    BadInput(words: ["init", "--template", megabyte]),
    BadInput(words: ["init", "--template", "tight-calves", "--file", "{root}/programme-copy.json"]),
    BadInput(words: ["init", "--template", "tight-calves"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--weeks", "0"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--weeks", "-3"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--weeks", "53"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--weeks", Word(huge)]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--weeks", "six"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--weeks", "nan"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--start", "2026-02-29"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--start", "0000-01-01"]),
    BadInput(words: ["init", "--template", "tight-calves", "--force", "--affected-side", "middle"]),
    BadInput(words: ["init", "--file", "{root}/dir", "--force"]),
    BadInput(words: ["init", "--file", "{root}/missing.json", "--force"]),
    BadInput(words: ["init", "--file", "{root}/not-utf8.json", "--force"]),
    BadInput(words: ["init", "--file", "{root}/deep-1mb.json", "--force"]),
    BadInput(words: ["init", "--file", "{root}/junk-1mb.json", "--force"]),
    BadInput(words: ["init", "--file", "{root}/empty.json", "--force"]),
    BadInput(words: ["init", "--file", "{root}/programme-copy.json", "--force"]),
    BadInput(words: ["init", "--file", "{root}/sets-over-limit.json", "--force"]),
    BadInput(words: [
      "init", "--template", "tight-calves", "--force", "--templates", "{root}/bad-templates",
    ]),
    // log, remove
    BadInput(words: ["log", "--json", "yes"]),
    BadInput(words: ["remove"]),
    BadInput(words: ["remove", "p-20261202-zzzz"]),
    BadInput(words: ["remove", "n-20261201-0000", "--json"]),
    BadInput(words: ["remove", "2026-12-02.calf-stretch.left"]),
    BadInput(words: ["remove", "p-2026-12-02"]),
    BadInput(words: ["remove", notUTF8]),
    BadInput(words: ["remove", megabyte]),
    BadInput(words: ["remove", "p-20261202-zzzz"], damage: .weekNotUTF8),
    BadInput(words: ["remove", "p-20261202-zzzz"], damage: .progressIsAFile),
    // note
    BadInput(words: ["note"]),
    BadInput(words: ["note", "   "]),
    BadInput(words: ["note", Word(String(repeating: "a", count: 501))]),
    BadInput(words: ["note", "sore", "--item", "9"]),
    BadInput(words: ["note", "sore", "--item", "2026-12-01.calf-stretch.left"]),
    BadInput(words: ["note", "sore", "--date", "2030-01-01"]),
    BadInput(words: ["note", notUTF8]),
    // today, week, flags
    BadInput(words: ["today", "--json", "yes"]),
    BadInput(words: ["flags", "--date", "10000-01-01"]),
    // check, uncheck
    BadInput(words: ["check"]),
    BadInput(words: ["check", "0"]),
    BadInput(words: ["check", "-1"]),
    BadInput(words: ["check", "99"]),
    BadInput(words: ["check", Word(huge)]),
    BadInput(words: ["check", "nan"]),
    BadInput(words: ["check", "4", "99"]),
    BadInput(words: ["check", "4", "2026-12-02.no-such-thing.left"]),
    BadInput(words: ["check", "2026-12-03.calf-stretch.left"]),
    BadInput(words: ["check", "2026-02-30.calf-stretch.left"]),
    BadInput(words: ["check", "4", "--date", "2026-12-25"]),
    BadInput(words: ["check", "1", "--date", "2026-11-01"]),
    BadInput(words: ["check", "1", "--date", "9999-12-31"]),
    BadInput(words: ["check", megabyte]),
    BadInput(words: ["uncheck"]),
    BadInput(words: ["uncheck", "99"]),
    BadInput(words: ["uncheck", "1", "--date", "2027-01-01"]),
    // skip
    BadInput(words: ["skip", "4"]),
    BadInput(words: ["skip", "--reason", "tired"]),
    BadInput(words: ["skip", "4", "--reason"]),
    BadInput(words: ["skip", "4", "--reason", ""]),
    BadInput(words: ["skip", "4", "--reason", "   "]),
    BadInput(words: ["skip", "4", "--reason", megabyte]),
    BadInput(words: ["skip", "4", "--reason", notUTF8]),
    BadInput(words: ["skip", "99", "--reason", "tired"]),
    // pain
    BadInput(words: ["pain"]),
    BadInput(words: ["pain", "-1"]),
    BadInput(words: ["pain", "11"]),
    BadInput(words: ["pain", Word(huge)]),
    BadInput(words: ["pain", "four"]),
    BadInput(words: ["pain", "nan"]),
    BadInput(words: ["pain", "4.5"]),
    BadInput(words: ["pain", "4", "5"]),
    BadInput(words: ["pain", "4", "--item", "99"]),
    BadInput(words: ["pain", "4", "--item", "heel"]),
    BadInput(words: ["pain", "4", "--item", megabyte]),
    BadInput(words: ["pain", "4", "--date", "2026-12-25"]),
    BadInput(words: ["pain", "4", "--next-morning", "--date", "2026-11-30"]),
    // checkin
    BadInput(words: ["checkin"]),
    BadInput(words: ["checkin", "--pain", "3"]),
    BadInput(words: ["checkin", "--function", "70"]),
    BadInput(words: ["checkin", "--pain", "nan", "--function", "70"]),
    BadInput(words: ["checkin", "--pain", "inf", "--function", "70"]),
    BadInput(words: ["checkin", "--pain", "-1", "--function", "70"]),
    BadInput(words: ["checkin", "--pain", "11", "--function", "70"]),
    BadInput(words: ["checkin", "--pain", "3.5", "--function", "70"]),
    BadInput(words: ["checkin", "--pain", "1e400", "--function", "70"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "101"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "seventy"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", Word(huge)]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--measure", "nope=1"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--measure", "heel-raises=12"]),
    BadInput(words: [
      "checkin", "--pain", "3", "--function", "70", "--measure", "heel-raises:left=12",
    ]),
    BadInput(words: [
      "checkin", "--pain", "3", "--function", "70", "--measure", "balance:left=nan", "--measure",
      "balance:right=10",
    ]),
    BadInput(words: [
      "checkin", "--pain", "3", "--function", "70", "--measure", "heel-raises:left=-5", "--measure",
      "heel-raises:right=10",
    ]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--measure", "lefs"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--measure", "lefs=81"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--measure", "pain=4"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--measure", megabyte]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--measure", notUTF8]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--date", "2026-12-25"]),
    BadInput(words: ["checkin", "--pain", "3", "--function", "70", "--date", "2026-11-01"]),
    // export
    BadInput(words: ["export", "--format", "docx"]),
    BadInput(words: ["export", "--format"]),
    BadInput(words: ["export", "--from", "2026-02-30"]),
    BadInput(words: ["export", "--to", "yesterday"]),
    BadInput(words: ["export", "--from", "2026-12-20", "--to", "2026-12-01"]),
    BadInput(words: ["export", "--table", "notes", "--format", "markdown"]),
    BadInput(words: ["export", "--output", ""]),
    BadInput(words: ["export", "--output", "{root}/dir"]),
    BadInput(words: ["export", "--output", "{root}/missing/summary.md"]),
    BadInput(words: ["export", "--output", "{root}/existing.md"]),
    BadInput(words: ["export", "--output", "{root}/file/summary.md"]),
    // import
    BadInput(words: ["import"]),
    BadInput(words: ["import", "{root}/missing.json", "--force"]),
    BadInput(words: ["import", "{root}/dir", "--force"]),
    BadInput(words: ["import", "{root}/empty.json", "--force"]),
    BadInput(words: ["import", "{root}/not-utf8.json", "--force"]),
    BadInput(words: ["import", "{root}/deep-1mb.json", "--force"]),
    BadInput(words: ["import", "{root}/junk-1mb.json", "--force"]),
    BadInput(words: ["import", "{root}/programme-copy.json", "--force"]),
    BadInput(words: ["import", "{root}/export.json"]),
    BadInput(words: ["import", megabyte, "--force"]),
    // templates
    BadInput(words: ["templates", "--templates", "{root}/file"]),
    BadInput(words: ["templates", "--templates", "{root}/missing"]),
    BadInput(words: ["templates", "--templates", "{root}/bad-templates"]),
  ]

  static var all: [BadInput] { generic + specific }

  static func resolve(_ word: Word, root: String) -> Word {
    guard var text = String(validating: word.bytes, as: UTF8.self), text.contains("{") else {
      return word
    }
    text = text.replacingOccurrences(of: "{root}", with: root)
    text = text.replacingOccurrences(of: "{data}", with: "\(root)/data")
    return Word(text)
  }
}

@Suite("Bad input: every command fails cleanly and changes nothing")
struct BadInputMatrixTests {
  /// Each command's valid invocation works on the fixture, so a failing case fails because of
  /// the one thing it changes.
  @Test(arguments: BadInputMatrix.commands)
  func baseInvocationSucceeds(_ command: String) throws {
    let root = try MatrixFixture.copy(damage: .none)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let words = (BadInputMatrix.bases[command] ?? []) + ["--data-dir", "{data}"]
    let result = try RawRun.rehabit(
      words.map { BadInputMatrix.resolve($0, root: root) },
      environment: MatrixFixture.environment(data: "\(root)/data"))
    #expect(result.status == 0, "\(command): \(String(decoding: result.stderr, as: UTF8.self))")
  }

  @Test(arguments: BadInputMatrix.all)
  func failsWithOneLineAndChangesNothing(_ input: BadInput) throws {
    let root = try MatrixFixture.copy(damage: input.damage)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let before = FolderState.capture(root)
    var words = input.words
    if let directory = input.dataDirectory { words += ["--data-dir", Word(directory)] }
    let result = try RawRun.rehabit(
      words.map { BadInputMatrix.resolve($0, root: root) },
      environment: MatrixFixture.environment(data: "\(root)/data"), fullDisk: input.fullDisk)

    #expect(
      result.status != 0,
      "it succeeded: \(String(decoding: result.stdout.prefix(300), as: UTF8.self))")
    #expect(result.status < 128, "it died of signal \(result.status - 128)")
    #expect(
      result.stdout.isEmpty, "stdout: \(String(decoding: result.stdout.prefix(300), as: UTF8.self))"
    )
    let stderr = String(validating: result.stderr, as: UTF8.self)
    #expect(stderr != nil, "stderr is not UTF-8")
    let text = stderr ?? ""
    #expect(
      text.hasSuffix("\n") && text.dropLast().split(separator: "\n").count == 1,
      "stderr: \(text.prefix(600))")
    #expect(text.hasPrefix("rehabit: "), "stderr: \(text.prefix(600))")
    #expect(
      result.stderr.count <= 1_000, "a \(result.stderr.count)-byte error: \(text.prefix(300))…")
    #expect(
      !text.dropLast().unicodeScalars.contains {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
      },
      "stderr holds a control character: \(text.debugDescription.prefix(600))")
    #expect(!text.contains("Fatal error") && !text.contains("Stack dump"))

    let after = FolderState.capture(root)
    #expect(after == before, "changed: \(after.differences(from: before))")
  }
}
