import Foundation
import RehabCore
import RehabStore
import RehabTestSupport
import Synchronization
import Testing

@Suite("Progress store")
struct ProgressStoreTests {
  let stamp = "2026-12-02T18:04:05Z"

  func withStore(_ body: (ProgressStore, TemporaryDirectory) throws -> Void) rethrows {
    let temporary = TemporaryDirectory()
    defer { temporary.remove() }
    try body(ProgressStore(directory: temporary.sub("data")), temporary)
  }

  @Test("a week without a file is empty; an update is there on the next read")
  func updateAndLoad() throws {
    try withStore { store, _ in
      let w49 = week("2026-W49")
      #expect(try store.loadWeek(w49) == ProgressWeek(week: w49))
      let count = try store.updateWeek(w49) { progress in
        progress.items["2026-12-02.calf-stretch.left"] = ItemRecord(status: .done, at: stamp)
        progress.pain.append(PainRecord(day: day("2026-12-02"), level: 4, at: stamp))
        return progress.items.count
      }
      #expect(count == 1)
      let loaded = try store.loadWeek(w49)
      #expect(loaded.status(of: "2026-12-02.calf-stretch.left") == .done)
      #expect(loaded.pain.count == 1)
      #expect(store.file(for: w49).hasSuffix("/data/progress/2026-W49.json"))
      #expect(try store.storedWeeks() == [w49])
    }
  }

  @Test("a change that throws, or changes nothing, writes nothing")
  func abortedChange() throws {
    struct Refused: Error {}
    try withStore { store, _ in
      let w49 = week("2026-W49")
      #expect(throws: Refused.self) {
        try store.updateWeek(w49) { progress in
          progress.items["2026-12-02.calf-stretch.left"] = ItemRecord(status: .done, at: stamp)
          throw Refused()
        }
      }
      #expect(readBytes(store.file(for: w49)) == nil)
      try store.updateWeek(w49) { _ in }
      #expect(readBytes(store.file(for: w49)) == nil)
    }
  }

  @Test("a change the file could not hold is refused before writing")
  func invalidChange() throws {
    try withStore { store, _ in
      let w49 = week("2026-W49")
      try store.updateWeek(w49) {
        $0.notes.append(NoteRecord(day: day("2026-12-01"), text: "ok", at: stamp))
      }
      let before = readBytes(store.file(for: w49))
      let error = #expect(throws: StoreError.self) {
        try store.updateWeek(w49) { progress in
          progress.pain.append(PainRecord(day: day("2026-12-09"), level: 2, at: stamp))
        }
      }
      #expect(error?.kind == .invalidChange)
      #expect(error?.description.contains("nothing was written") == true)
      #expect(readBytes(store.file(for: w49)) == before)
    }
  }

  @Test("programme.json: absent, saved, loaded, and never replaced without replacing: true")
  func programme() throws {
    try withStore { store, _ in
      #expect(try store.loadProgramme() == nil)
      let first = Fixtures.sampleProgramme()
      try store.saveProgramme(first, replacing: false)
      #expect(try store.loadProgramme() == first)

      let second = Fixtures.sampleProgramme(start: "2027-01-04", weeks: 8)
      let refused = #expect(throws: StoreError.self) {
        try store.saveProgramme(second, replacing: false)
      }
      #expect(refused?.kind == .programmeExists)
      // The store names no option: each front end words the remedy its own way.
      #expect(refused?.remedy == .replaceProgramme)
      #expect(refused?.description.contains("--force") == false)
      #expect(try store.loadProgramme() == first)

      try store.saveProgramme(second, replacing: true)
      #expect(try store.loadProgramme() == second)
    }
  }

  @Test("a damaged programme.json is named with its problem and left alone")
  func damagedProgramme() throws {
    try withStore { store, _ in
      try store.prepareDirectory()
      let broken = Array("{\"schemaVersion\": 1, \"plan\": ".utf8)
      writeBytes(broken, to: store.programmeFile)
      let error = #expect(throws: StoreError.self) { try store.loadProgramme() }
      #expect(error?.kind == .damagedFile)
      #expect(error?.description.hasPrefix(store.programmeFile) == true)
      #expect(error?.description.contains("never overwrites a damaged file") == true)
      #expect(throws: StoreError.self) {
        try store.saveProgramme(Fixtures.sampleProgramme(), replacing: false)
      }
      #expect(readBytes(store.programmeFile) == broken)
    }
  }

  @Test(
    "a damaged week stays byte-identical through loads and updates; other weeks keep working",
    arguments: [
      "{\n  \"schemaVersion\": 1,\n  \"week\": \"2026-W49\"\n  \"items\": {}\n}\n",
      "{\"schemaVersion\": 1, \"week\": \"2026-W49\", \"items\": {\"2026-12-02.calf-stretch.left\": \"done\"}}",
      "{\"schemaVersion\": 9, \"week\": \"2026-W49\"}",
      "",
      "\u{0}\u{1}garbage",
    ])
  func damagedWeek(content: String) throws {
    try withStore { store, _ in
      try store.prepareDirectory()
      let w49 = week("2026-W49")
      let file = store.file(for: w49)
      let damaged = Array(content.utf8)
      writeBytes(damaged, to: file)

      for _ in 0..<3 {
        let loadError = #expect(throws: StoreError.self) { try store.loadWeek(w49) }
        #expect(loadError?.kind == .damagedFile)
        #expect(loadError?.description.hasPrefix(file + ": ") == true)
        #expect(loadError?.description.contains("move the file aside") == true)
        #expect(loadError?.description.contains("\n") == false)
        #expect(throws: StoreError.self) {
          try store.updateWeek(w49) { progress in
            progress.items["2026-12-02.calf-stretch.left"] = ItemRecord(status: .done, at: stamp)
          }
        }
        #expect(readBytes(file) == damaged)
      }
      #expect(
        throws: StoreError.self,
        performing: { try store.painEntries(from: day("2026-12-01"), through: day("2026-12-03")) })
      #expect(readBytes(file) == damaged)

      // The neighbouring weeks are unaffected.
      let w50 = week("2026-W50")
      try store.updateWeek(w50) { progress in
        progress.items["2026-12-08.calf-stretch.left"] = ItemRecord(status: .done, at: stamp)
      }
      #expect(try store.loadWeek(w50).status(of: "2026-12-08.calf-stretch.left") == .done)
      #expect(try store.painEntries(from: day("2026-12-07"), through: day("2026-12-13")) == [])
      #expect(readBytes(file) == damaged)
    }
  }

  @Test("error messages say where: line and column, or the JSON path")
  func damagedWeekLocations() throws {
    try withStore { store, _ in
      try store.prepareDirectory()
      let w49 = week("2026-W49")
      writeText(
        "{\n  \"schemaVersion\": 1,\n  \"week\": \"2026-W49\"\n  \"items\": {}\n}\n",
        to: store.file(for: w49))
      let syntax = #expect(throws: StoreError.self) { try store.loadWeek(w49) }
      #expect(syntax?.description.contains("line 4, column 3") == true)

      writeText(
        #"{"schemaVersion": 1, "week": "2026-W49", "pain": [{"day": "2026-12-02", "level": 12, "timing": "during", "at": "2026-12-02T12:00:00Z"}]}"#,
        to: store.file(for: w49))
      let shape = #expect(throws: StoreError.self) { try store.loadWeek(w49) }
      #expect(shape?.description.contains("pain[0].level") == true)

      writeText(#"{"schemaVersion": 4, "week": "2026-W49"}"#, to: store.file(for: w49))
      let newer = #expect(throws: StoreError.self) { try store.loadWeek(w49) }
      #expect(newer?.description.contains("written by a newer rehabit") == true)
    }
  }

  @Test(
    "a version 0 file on disk is read migrated, and stored as the current version on the next change"
  )
  func migrationOnDisk() throws {
    try withStore { store, _ in
      try store.prepareDirectory()
      let w49 = week("2026-W49")
      let version0 =
        #"{"schemaVersion": 0, "week": "2026-W49", "items": {"2026-11-30.calf-stretch.left": "done"}}"#
      writeText(version0, to: store.file(for: w49))
      #expect(
        try store.loadWeek(w49).items["2026-11-30.calf-stretch.left"]
          == ItemRecord(status: .done, at: "2026-11-30"))
      #expect(readBytes(store.file(for: w49)) == Array(version0.utf8))
      try store.updateWeek(w49) { progress in
        progress.items["2026-12-01.calf-stretch.left"] = ItemRecord(status: .done, at: stamp)
      }
      let text = String(decoding: readBytes(store.file(for: w49)) ?? [], as: UTF8.self)
      #expect(text.contains("\"schemaVersion\" : \(ProgressWeek.schemaVersion)"))
      #expect(try store.loadWeek(w49).items.count == 2)
    }
  }

  @Test("pain entries come from every week overlapping the range, and only the range")
  func painAcrossWeeks() throws {
    try withStore { store, _ in
      for (text, level) in [
        ("2026-11-29", 1), ("2026-11-30", 6), ("2026-12-07", 7), ("2026-12-14", 8),
      ] {
        let logged = day(text)
        try store.updateWeek(ISOWeek(containing: logged)) { progress in
          progress.pain.append(PainRecord(day: logged, level: level, at: stamp))
        }
      }
      let entries = try store.painEntries(from: day("2026-11-30"), through: day("2026-12-13"))
      #expect(entries.map(\.level) == [6, 7])
      #expect(try store.painEntries(from: day("2026-12-13"), through: day("2026-11-30")) == [])
      #expect(
        try store.weeks(from: day("2026-11-30"), through: day("2026-12-13")).map(\.week.description)
          == ["2026-W49", "2026-W50"])
    }
  }

  @Test("a temporary file left by a killed writer is replaced, and writes leave none behind")
  func staleTemporaryFile() throws {
    try withStore { store, _ in
      try store.prepareDirectory()
      let w49 = week("2026-W49")
      let temporary = store.progressDirectory + "/.2026-W49.json.tmp"
      writeText("{\"half\": ", to: temporary)
      try store.updateWeek(w49) { progress in
        progress.items["2026-12-02.calf-stretch.left"] = ItemRecord(status: .done, at: stamp)
      }
      #expect(readBytes(temporary) == nil)
      #expect(try store.loadWeek(w49).items.count == 1)
      try store.saveProgramme(Fixtures.sampleProgramme(), replacing: false)
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory).sorted()
      #expect(leftovers == [".lock", "programme.json", "progress"])
    }
  }

  @Test("many threads updating one week at once lose nothing")
  func concurrentThreads() throws {
    try withStore { store, _ in
      let w49 = week("2026-W49")
      let count = 200
      let failures = Mutex(0)
      DispatchQueue.concurrentPerform(iterations: count) { index in
        let itemDay = w49.days[index % 7]
        do {
          try store.updateWeek(w49) { progress in
            progress.items["\(itemDay).exercise-\(index).left"] = ItemRecord(
              status: .done, at: Fixtures.stamp(index))
          }
        } catch {
          failures.withLock { $0 += 1 }
        }
      }
      #expect(failures.withLock { $0 } == 0)
      let items = try store.loadWeek(w49).items
      #expect(items.count == count)
      for index in 0..<count {
        #expect(items["\(w49.days[index % 7]).exercise-\(index).left"]?.at == Fixtures.stamp(index))
      }
    }
  }
}

/// Permissions depend on the process-wide umask, so these run one at a time.
@Suite("Privacy: 0700 directories and 0600 files whatever the umask", .serialized)
struct PermissionTests {
  @Test(arguments: [0o000, 0o022, 0o077, 0o377] as [mode_t])
  func permissions(umaskValue: mode_t) throws {
    let temporary = TemporaryDirectory()
    defer { temporary.remove() }
    let previous = umask(umaskValue)
    defer { umask(previous) }

    let store = ProgressStore(directory: temporary.sub("a/b/data"))
    try store.prepareDirectory()
    try store.saveProgramme(Fixtures.sampleProgramme(), replacing: false)
    try store.updateWeek(week("2026-W49")) { progress in
      progress.items["2026-12-02.calf-stretch.left"] = ItemRecord(
        status: .done, at: "2026-12-02T12:00:00Z")
    }
    try store.saveProgramme(Fixtures.sampleProgramme(weeks: 8), replacing: true)

    for directory in ["a", "a/b", "a/b/data", "a/b/data/progress"] {
      #expect(mode(temporary.sub(directory)) == 0o700, "\(directory) under umask \(umaskValue)")
    }
    for file in ["a/b/data/programme.json", "a/b/data/progress/2026-W49.json", "a/b/data/.lock"] {
      #expect(mode(temporary.sub(file)) == 0o600, "\(file) under umask \(umaskValue)")
    }
  }
}
