import RehabTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The architecture as tests: which module may say what, and where histories are built. They
/// read the sources, so a change that breaks a rule fails here with the file and line.
@Suite("Layering")
struct LayeringTests {
  /// `Sources/` beside `Tests/`, from this file's path.
  static let sources: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/Sources"
  }()

  /// Every `.swift` file of a module, with its lines.
  static func files(of module: String) -> [(path: String, lines: [String])] {
    let folder = "\(sources)/\(module)"
    var result: [(String, [String])] = []
    func walk(_ path: String) {
      guard let directory = opendir(path) else { return }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        // In place up to the NUL (copying d_name can read past readdir's buffer).
        let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
          pointer.withMemoryRebound(
            to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)
          ) { String(cString: $0) }
        }
        guard name != ".", name != ".." else { continue }
        let full = "\(path)/\(name)"
        if entry.pointee.d_type == UInt8(DT_DIR) {
          walk(full)
        } else if name.hasSuffix(".swift"), let text = read(full) {
          result.append(
            (full, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        }
      }
    }
    walk(folder)
    return result.sorted { $0.0 < $1.0 }
  }

  static func read(_ path: String) -> String? {
    readBytes(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The string literals on a line of code (not in comments), escapes left as written.
  static func literals(in line: String) -> [String] {
    let code = line.drop { $0 == " " }
    guard !code.hasPrefix("//") else { return [] }
    var literals: [String] = []
    var current: String?
    var escaped = false
    for character in line {
      if var text = current {
        if escaped {
          escaped = false
          text.append(character)
        } else if character == "\\" {
          escaped = true
          text.append(character)
        } else if character == "\"" {
          literals.append(text)
          current = nil
          continue
        } else {
          text.append(character)
        }
        current = text
      } else if character == "\"" {
        current = ""
      }
    }
    return literals
  }

  /// What a front end says and a domain module must not: a command, an option, a key.
  static func frontEndWord(in literal: String) -> String? {
    let lower = literal.lowercased()
    let commands = [
      "init", "today", "check", "uncheck", "skip", "pain", "checkin", "week", "flags", "export",
      "import", "templates", "demo", "show", "programme",
    ]
    if lower.contains("`rehabit") { return "`rehabit" }
    for command in commands where lower.contains("rehabit \(command)") {
      return "rehabit \(command)"
    }
    // An option: two hyphens straight before a letter.
    let characters = Array(lower)
    for index in characters.indices.dropLast(2)
    where characters[index] == "-" && characters[index + 1] == "-" && characters[index + 2].isLetter
    {
      return "--\(characters[index + 2])…"
    }
    for key in ["press ", "hit ", " key ", "keys "] where lower.contains(key) { return key }
    return nil
  }

  @Test("no string literal in RehabCore or RehabStore names a command, an option or a key")
  func domainModulesSpeakNoFrontEnd() {
    var found: [String] = []
    for module in ["RehabCore", "RehabStore", "RehabQueries"] {
      for file in Self.files(of: module) {
        for (number, line) in file.lines.enumerated() {
          for literal in Self.literals(in: line) {
            if let word = Self.frontEndWord(in: literal) {
              found.append("\(file.path):\(number + 1): \(word) in \"\(literal)\"")
            }
          }
        }
      }
    }
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
  }

  @Test("the guard itself: it finds commands, options and keys, and passes plain words")
  func theGuardFindsWhatItLooksFor() {
    #expect(Self.literals(in: #"  let a = "x --force y" + "b""#) == ["x --force y", "b"])
    #expect(Self.literals(in: "  /// \"--force\" in a comment") == [])
    #expect(Self.frontEndWord(in: "use --force to replace it") != nil)
    #expect(Self.frontEndWord(in: "Add it with `rehabit checkin --date DAY`") != nil)
    #expect(Self.frontEndWord(in: "see rehabit templates") != nil)
    #expect(Self.frontEndWord(in: "press c to check in") != nil)
    #expect(Self.frontEndWord(in: "rehabit is a self-management aid") == nil)
    #expect(Self.frontEndWord(in: "weeks 1–3 -- a range") == nil)
  }

  /// Names that build a history, a checklist or a judged week: the query layer's job.
  static let historyBuilders = [
    "ProgressHistory(", "FlagEngine(", "AdherenceLedger(", "Scheduler(", ".weeks(from:",
    "storedWeeks(", "painEntries(", "WeekSummary(history", "DaySummary(history",
    "ExportDocument.render(",
  ]

  @Test("the CLI and the app build no history, checklist or judged week themselves")
  func frontEndsAskTheQueryLayer() {
    var found: [String] = []
    for module in ["RehabCLI", "RehabTUI"] {
      for file in Self.files(of: module) {
        for (number, line) in file.lines.enumerated() {
          let code = line.drop { $0 == " " }
          guard !code.hasPrefix("//") else { continue }
          for name in Self.historyBuilders where line.contains(name) {
            found.append("\(file.path):\(number + 1): \(name)")
          }
        }
      }
    }
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
  }

  @Test("each module imports only what is to its left in the flow")
  func importsFollowTheFlow() {
    let allowed: [String: Set<String>] = [
      "TextSafety": [],
      "RehabCore": ["TextSafety", "FoundationEssentials", "Foundation"],
      // Synchronization: the standard library's Mutex (the counting record-id source).
      // Dispatch: the thread that reads the JSON archive's weeks ahead (`WeekReadAhead`).
      "RehabStore": [
        "RehabCore", "TextSafety", "FoundationEssentials", "Foundation", "Glibc", "Darwin",
        "Synchronization", "Dispatch",
      ],
      "RehabQueries": ["RehabCore", "RehabStore"],
      "TerminalUI": ["TextSafety", "FoundationEssentials", "Foundation"],
      // Glibc's inotify and stat only: it knows no file of rehabit's.
      "FolderWatch": ["Glibc"],
      "RehabTUI": [
        "RehabCore", "RehabStore", "RehabQueries", "TerminalUI", "FolderWatch",
        "FoundationEssentials", "Foundation", "Glibc", "Darwin",
      ],
    ]
    var found: [String] = []
    for (module, modules) in allowed.sorted(by: { $0.key < $1.key }) {
      for file in Self.files(of: module) {
        for (number, line) in file.lines.enumerated()
        where line.hasPrefix("import ") || line.hasPrefix("  import ") {
          let name = line.split(separator: " ").last.map(String.init) ?? ""
          if !modules.contains(name) {
            found.append("\(file.path):\(number + 1): \(module) imports \(name)")
          }
        }
      }
    }
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
  }
}
