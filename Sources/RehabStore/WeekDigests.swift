import RehabCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The identity of a week file as `lstat` sees it. A rehabit write replaces the file (a new
/// inode); an edit in place changes the size or the times; the change time cannot be set back.
struct SourceKey: Hashable, Sendable {
  var inode: UInt64
  var size: Int64
  var modified: Int64
  var changed: Int64

  /// nil when the path is missing or not a plain file (those are never digested).
  init?(path: String) {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
    changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
  }

  init(inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
    self.inode = inode
    self.size = size
    self.modified = modified
    self.changed = changed
  }
}

/// The digest cache file `cache/week-digests` of a data folder: a small line format read and
/// written here only. The header names the binary that wrote it (`BinaryIdentity`): day
/// tallies are the scheduler's work, so another build's are never taken for this one's.
///
/// ```
/// rehabit-week-digests 2 <binary identity>
/// week 2026-W49 <inode> <size> <mtime ns> <ctime ns>
/// pain 2026-12-02 3 during calf-raise
/// pain 2026-12-03 6 nextMorning -
/// checkin 2026-12-06 c-20261206-k3m9 2026-12-06T09:00:00Z 7rvsj8bh3a10w5bf pain=4 heel-raises=12/20
/// tally 9f2c0b1d3e4a5f60 10,9,1 10,10,0 10,8,0 10,10,0 10,9,1 10,10,0 10,0,0
/// end 3c5e0a9b1f2d4e68
/// ```
///
/// `end` carries the checksum (FNV-1a) of every byte before it.
///
/// A `tally` line is one programme's day tallies (scheduled, done, skipped; Monday first),
/// keyed by the programme's fingerprint; a week keeps those of the last few programmes asked.
enum WeekDigestFile {
  static let folderName = "cache"
  static let fileName = "week-digests"
  static let header = "rehabit-week-digests 2"
  /// Tally sets kept per week: a week shared by two programmes (a phase boundary) keeps both.
  static let talliesPerWeek = 3

  struct Entry: Hashable, Sendable {
    var key: SourceKey
    var pain: [PainEntry]
    var checkins: [Checkin]
    /// Programme fingerprint and its seven day tallies, most recently made first.
    var tallies: [(fingerprint: String, days: [AdherenceTally])]

    init(
      key: SourceKey, pain: [PainEntry], checkins: [Checkin],
      tallies: [(fingerprint: String, days: [AdherenceTally])] = []
    ) {
      self.key = key
      self.pain = pain
      self.checkins = checkins
      self.tallies = tallies
    }

    init(key: SourceKey, week: ProgressWeek) {
      self.init(key: key, pain: week.pain.map(\.painEntry), checkins: week.checkins)
    }

    /// The digest of the week for the programme of `fingerprint` (nil: pain and check-ins
    /// only); nil when its tallies are not kept.
    func digest(for fingerprint: String?) -> WeekDigest? {
      guard let fingerprint else { return WeekDigest(pain: pain, checkins: checkins) }
      guard let days = tallies.first(where: { $0.fingerprint == fingerprint })?.days else {
        return nil
      }
      return WeekDigest(pain: pain, checkins: checkins, dayTallies: days)
    }

    /// Keeps `days` as the tallies of `fingerprint`, first, within `talliesPerWeek`.
    mutating func keep(_ days: [AdherenceTally], for fingerprint: String) {
      tallies.removeAll { $0.fingerprint == fingerprint }
      tallies.insert((fingerprint, days), at: 0)
      if tallies.count > WeekDigestFile.talliesPerWeek {
        tallies.removeLast(tallies.count - WeekDigestFile.talliesPerWeek)
      }
    }

    static func == (lhs: Entry, rhs: Entry) -> Bool {
      lhs.key == rhs.key && lhs.pain == rhs.pain && lhs.checkins == rhs.checkins
        && lhs.tallies.map(\.fingerprint) == rhs.tallies.map(\.fingerprint)
        && lhs.tallies.map(\.days) == rhs.tallies.map(\.days)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(key)
      hasher.combine(pain)
      hasher.combine(checkins)
      for tally in tallies {
        hasher.combine(tally.fingerprint)
        hasher.combine(tally.days)
      }
    }
  }

  /// The header line of a cache written by this binary.
  static var headerLine: String { "\(header) \(BinaryIdentity.current ?? "unknown")" }

  /// The entries of `bytes`; empty for anything that is not a whole cache file of this version
  /// written by this binary (a damaged, truncated or foreign file is ignored, never an error).
  /// Read byte by byte (`CacheLine`): this file is read on every `today`, `week` and `flags`.
  static func parse(_ bytes: [UInt8]) -> [ISOWeek: Entry] {
    guard BinaryIdentity.current != nil else { return [:] }
    return bytes.withUnsafeBufferPointer { buffer in
      var reader = CacheLines(buffer)
      guard let first = reader.next(), first.equals(headerLine) else { return [:] }
      var entries: [ISOWeek: Entry] = [:]
      var current: (week: ISOWeek, entry: Entry)?
      func flush() {
        if let current { entries[current.week] = current.entry }
        current = nil
      }
      while true {
        let lineStart = reader.offset
        guard var line = reader.next(), let kind = line.word() else { return [:] }
        if kind.equals("end") {
          // The checksum of everything before this line: a byte changed anywhere (a disk
          // error, an edit) makes the whole cache unread, never other figures.
          guard let sum = line.word(), line.isAtEnd, reader.isAtEnd,
            sum.equals(checksum(UnsafeBufferPointer(rebasing: buffer[..<lineStart])))
          else { return [:] }
          flush()
          return entries
        }
        if kind.equals("week") {
          flush()
          guard let week = line.word().flatMap({ ISOWeek(utf8: $0.bytes) }),
            let inode = line.integer().map(UInt64.init), let size = line.integer(),
            let modified = line.integer(), let changed = line.integer(), line.isAtEnd
          else { return [:] }
          current = (
            week,
            Entry(
              key: SourceKey(inode: inode, size: size, modified: modified, changed: changed),
              pain: [], checkins: [])
          )
          continue
        }
        guard current != nil else { return [:] }
        if kind.equals("pain") {
          guard let day = line.day(), let level = line.integer().map(Int.init),
            PainEntry.levels.contains(level),
            let timing = line.word().flatMap({ word in
              PainEntry.Timing.allCases.first { word.equals($0.rawValue) }
            }),
            let treatment = line.word(), line.isAtEnd
          else { return [:] }
          current?.entry.pain.append(
            PainEntry(
              day: day, level: level, timing: timing,
              treatmentId: treatment.equals("-") ? nil : treatment.text))
        } else if kind.equals("checkin") {
          guard let checkin = parseCheckin(&line) else { return [:] }
          current?.entry.checkins.append(checkin)
        } else if kind.equals("tally") {
          guard let fingerprint = line.word() else { return [:] }
          var days: [AdherenceTally] = []
          for _ in 0..<7 {
            guard let scheduled = line.integer(until: UInt8(ascii: ",")),
              let done = line.integer(until: UInt8(ascii: ",")), let skipped = line.integer()
            else { return [:] }
            days.append(
              AdherenceTally(scheduled: Int(scheduled), done: Int(done), skipped: Int(skipped)))
          }
          guard line.isAtEnd else { return [:] }
          current?.entry.tallies.append((fingerprint.text, days))
        } else {
          return [:]
        }
      }
    }
  }

  /// FNV-1a (64 bits) of `bytes`, 16 hex digits: any one byte changed changes it.
  static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    Fingerprint.hex(of: bytes)
  }

  /// `checkin DAY ID AT BY MEASURE=VALUE…`: `-` for an empty id or machine; a sided value is
  /// `LEFT/RIGHT`; numbers as Swift prints a `Double` (which reads back exactly).
  private static func parseCheckin(_ line: inout CacheLine) -> Checkin? {
    guard let day = line.day(), let id = line.word(), let at = line.word(), let by = line.word()
    else { return nil }
    var values: [Measure: CheckinValue] = [:]
    while !line.isAtEnd {
      guard let pair = line.word() else { return nil }
      let text = pair.text
      guard let equals = text.firstIndex(of: "="),
        let measure = Measure(rawValue: String(text[..<equals])), values[measure] == nil
      else { return nil }
      let value = text[text.index(after: equals)...]
      let sides = value.split(separator: "/", omittingEmptySubsequences: false)
      switch sides.count {
      case 1:
        guard let number = Double(sides[0]) else { return nil }
        values[measure] = .single(number)
      case 2:
        guard let left = Double(sides[0]), let right = Double(sides[1]) else { return nil }
        values[measure] = .sided(left: left, right: right)
      default:
        return nil
      }
    }
    return Checkin(
      day: day, values: values, at: at.text, id: id.equals("-") ? "" : id.text,
      by: by.equals("-") ? "" : by.text)
  }

  private static func checkinLine(_ checkin: Checkin) -> String {
    func field(_ text: String) -> String { text.isEmpty ? "-" : text }
    var line = "checkin \(checkin.day) \(field(checkin.id)) \(checkin.at) \(field(checkin.by))"
    for measure in Measure.allCases {
      switch checkin.values[measure] {
      case .single(let value): line += " \(measure.rawValue)=\(value)"
      case .sided(let left, let right): line += " \(measure.rawValue)=\(left)/\(right)"
      case nil: break
      }
    }
    return line
  }

  /// The text of `entries`, oldest week first.
  static func render(_ entries: [ISOWeek: Entry]) -> [UInt8] {
    var text = headerLine + "\n"
    for week in entries.keys.sorted() {
      guard let entry = entries[week] else { continue }
      let key = entry.key
      text += "week \(week) \(key.inode) \(key.size) \(key.modified) \(key.changed)\n"
      for pain in entry.pain {
        text +=
          "pain \(pain.day) \(pain.level) \(pain.timing.rawValue) \(pain.treatmentId ?? "-")\n"
      }
      for checkin in entry.checkins { text += checkinLine(checkin) + "\n" }
      for tally in entry.tallies {
        text += "tally \(tally.fingerprint)"
        for day in tally.days { text += " \(day.scheduled),\(day.done),\(day.skipped)" }
        text += "\n"
      }
    }
    var bytes = Array(text.utf8)
    let sum = bytes.withUnsafeBufferPointer(checksum)
    bytes += Array("end \(sum)\n".utf8)
    return bytes
  }

  /// Whether `entry` survives `render` and `parse` unchanged (a treatment id, record id, time
  /// stamp or machine with a space, a line break or a lone `-`, or a value that does not read
  /// back: that week is simply not cached).
  static func isWritable(_ entry: Entry) -> Bool {
    func plain(_ text: String) -> Bool {
      !text.isEmpty && text != "-" && !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F })
    }
    let painFine = entry.pain.allSatisfy { $0.treatmentId.map(plain) ?? true }
    let checkinsFine = entry.checkins.allSatisfy { checkin in
      (checkin.id.isEmpty || plain(checkin.id)) && plain(checkin.at)
        && (checkin.by.isEmpty || plain(checkin.by))
        && checkin.values.values.allSatisfy { value in
          switch value {
          case .single(let number): number.isFinite
          case .sided(let left, let right): left.isFinite && right.isFinite
          }
        }
    }
    return painFine && checkinsFine && entry.tallies.allSatisfy { $0.days.count == 7 }
  }
}

/// The lines of a cache file, without their line feeds; the last line must end with one.
struct CacheLines {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var isAtEnd: Bool { position == bytes.count }

  /// Where the next line starts.
  var offset: Int { position }

  mutating func next() -> CacheLine? {
    guard position < bytes.count else { return nil }
    var end = position
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    // A last line without its line feed is a truncated file.
    guard end < bytes.count else { return nil }
    defer { position = end + 1 }
    return CacheLine(bytes: UnsafeBufferPointer(rebasing: bytes[position..<end]))
  }
}

/// One line of a cache file, read a space-separated word at a time.
struct CacheLine {
  let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var isAtEnd: Bool { position == bytes.count }

  /// The whole line is `text`.
  func equals(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { $0.elementsEqual(bytes) }
  }

  /// The next word (non-empty, up to a space or the end), or nil.
  mutating func word() -> CacheWord? {
    guard position < bytes.count else { return nil }
    var end = position
    while end < bytes.count, bytes[end] != 0x20 { end += 1 }
    guard end > position else { return nil }
    let word = CacheWord(bytes: UnsafeBufferPointer(rebasing: bytes[position..<end]))
    position = end < bytes.count ? end + 1 : end
    // A space at the very end leaves an empty word, which no line has.
    if end < bytes.count, position == bytes.count { return nil }
    return word
  }

  /// The next word as a decimal integer (an optional leading minus), ending at `separator`.
  mutating func integer(until separator: UInt8 = 0x20) -> Int64? {
    var index = position
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    let first = index
    var value: Int64 = 0
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowSum) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
      guard !overflowTimes, !overflowSum else { return nil }
      value = sum
      index += 1
    }
    guard index > first else { return nil }
    if index < bytes.count {
      guard bytes[index] == separator, index + 1 < bytes.count else { return nil }
      index += 1
    }
    position = index
    return negative ? -value : value
  }

  /// The next word as a day (`yyyy-MM-dd`).
  mutating func day() -> CalendarDay? {
    guard let word = word() else { return nil }
    return CalendarDay(utf8: word.bytes)
  }
}

/// One word of a cache line.
struct CacheWord {
  let bytes: UnsafeBufferPointer<UInt8>

  var text: String { String(decoding: bytes, as: UTF8.self) }

  func equals(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { $0.elementsEqual(bytes) }
  }
}

/// A programme's fingerprint for the cache: FNV-1a (64 bits) of its canonical JSON, so any
/// change to what is scheduled (a revision, a start, a dose) gives another; nil when it cannot
/// be encoded.
enum ProgrammeFingerprint {
  static func of(_ programme: Programme) -> String? {
    guard let bytes = try? JSONCoding.encode(programme) else { return nil }
    return bytes.withUnsafeBufferPointer(Fingerprint.hex)
  }
}

extension ProgressStore {
  /// `programme` as read from `bytes`, kept with their fingerprint (`readProgrammes`).
  func remembered(_ programme: Programme, read bytes: [UInt8]) -> Programme {
    let fingerprint = bytes.withUnsafeBufferPointer(Fingerprint.hex)
    readProgrammes.withLock { $0.append((programme, fingerprint)) }
    return programme
  }

  /// The cache key of `programme`'s tallies: the fingerprint of the file it was read from (the
  /// same bytes are the same programme; other bytes of an equal one only miss the cache), or
  /// of its encoding when this store did not read it; nil when it cannot be encoded.
  func fingerprint(of programme: Programme) -> String? {
    if let read = readProgrammes.withLock({ $0.first { $0.programme == programme } }) {
      return read.fingerprint
    }
    return ProgrammeFingerprint.of(programme)
  }
}

/// FNV-1a, 64 bits, as 16 hex digits.
enum Fingerprint {
  static func hex(of bytes: UnsafeBufferPointer<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// The identity of the running binary (`/proc/self/exe`: inode, size, modification time), so a
/// cache of derived values is used only by the build that made it; nil where it cannot be told,
/// and then no cache is read.
enum BinaryIdentity {
  static let current: String? = {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 else { return nil }
    let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
    return "\(status.st_ino)-\(status.st_size)-\(modified)"
  }()
}

extension ProgressStore {
  /// `cache/` inside the data folder: derived files only, safe to delete at any time.
  public var cacheDirectory: String { DataDirectory.join(directory, WeekDigestFile.folderName) }

  var weekDigestFile: String { DataDirectory.join(cacheDirectory, WeekDigestFile.fileName) }

  /// The digests of `weeks`, each from the cache while its week file is unchanged, else read
  /// from the week file (as `readableWeek` reads it: a damaged one is an empty week, noted in
  /// `damaged`, and never cached). A missing week file is an empty week. With `programme`, each
  /// digest carries the days' tallies of that programme (`WeekDigest(_:scheduler:)`), kept in
  /// the cache under the programme's fingerprint; without, pain and check-ins only. Rewrites
  /// the cache when it held anything stale or missing; a cache that cannot be written is left
  /// as it is.
  public func weekDigests(
    _ weeks: [ISOWeek], tallying programme: Programme? = nil, damaged: DamagedFiles
  ) throws(StoreError) -> [ISOWeek: WeekDigest] {
    guard !weeks.isEmpty else { return [:] }
    let fingerprint = programme.flatMap(fingerprint(of:))
    if let programme, fingerprint == nil {
      // Tallies that could not be keyed are made afresh and not kept.
      let scheduler = Scheduler(programme: programme)
      var result: [ISOWeek: WeekDigest] = [:]
      for week in weeks {
        result[week] = WeekDigest(try readableWeek(week, damaged: damaged), scheduler: scheduler)
      }
      return result
    }
    let cached = ((try? DurableFiles.read(weekDigestFile)) ?? nil).map(WeekDigestFile.parse) ?? [:]
    var scheduler: Scheduler?
    func tallies(of week: ProgressWeek) -> [AdherenceTally]? {
      guard let programme else { return nil }
      let made = scheduler ?? Scheduler(programme: programme)
      scheduler = made
      return WeekDigest(week, scheduler: made).dayTallies
    }
    var kept = cached
    var result: [ISOWeek: WeekDigest] = [:]
    var rewrite = false
    for week in weeks {
      // The identity is taken before the read: a file replaced in between is read anew next
      // time (its new identity does not match), never trusted with the old one's digest.
      guard let key = SourceKey(path: file(for: week)) else {
        // Missing (or not a plain file: `readableWeek` gives its error or empty week).
        let loaded = try readableWeek(week, damaged: damaged)
        result[week] = WeekDigest(
          pain: loaded.pain.map(\.painEntry), checkins: loaded.checkins,
          dayTallies: tallies(of: loaded))
        if kept.removeValue(forKey: week) != nil { rewrite = true }
        continue
      }
      if var entry = cached[week], entry.key == key {
        damaged.clear(week)
        if let digest = entry.digest(for: fingerprint) {
          result[week] = digest
          continue
        }
        // Known week, new programme: its tallies are made from the file and kept beside.
        let loaded = try readableWeek(week, damaged: damaged)
        if let fingerprint, let days = tallies(of: loaded) {
          entry.keep(days, for: fingerprint)
          kept[week] = entry
          rewrite = true
        }
        result[week] = entry.digest(for: fingerprint)
        continue
      }
      rewrite = true
      kept.removeValue(forKey: week)
      let loaded = try readableWeek(week, damaged: damaged)
      var entry = WeekDigestFile.Entry(key: key, week: loaded)
      let days = tallies(of: loaded)
      if let fingerprint, let days { entry.keep(days, for: fingerprint) }
      result[week] = WeekDigest(pain: entry.pain, checkins: entry.checkins, dayTallies: days)
      if damaged.all.contains(where: { $0.week == week }) { continue }
      if WeekDigestFile.isWritable(entry) { kept[week] = entry }
    }
    if rewrite {
      writeCache(WeekDigestFile.render(kept), name: WeekDigestFile.fileName)
    }
    return result
  }

  /// Replaces a cache file atomically (a temporary file of this process, renamed), 0600 in a
  /// 0700 folder, without fsync: a cache lost in a crash is rebuilt. Failures are ignored.
  func writeCache(_ bytes: [UInt8], name: String) {
    var status = stat()
    // Only inside an existing data folder: a cache never creates the folder itself.
    guard lstat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return }
    let folder = cacheDirectory
    if lstat(folder, &status) != 0 {
      guard mkdir(folder, DurableFiles.directoryMode) == 0 || errno == EEXIST else { return }
      _ = chmod(folder, DurableFiles.directoryMode)
    } else if status.st_mode & S_IFMT != S_IFDIR {
      return
    }
    let temporary = DataDirectory.join(folder, ".\(name).\(getpid()).tmp")
    unlink(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    var complete = fchmod(fd, DurableFiles.fileMode) == 0
    var written = 0
    while complete, written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count <= 0 { complete = false } else { written += count }
    }
    if close(fd) != 0 { complete = false }
    if !complete || rename(temporary, DataDirectory.join(folder, name)) != 0 { unlink(temporary) }
  }
}
