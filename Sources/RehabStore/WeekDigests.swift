import RehabCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a later day needs from an earlier week file, kept so that a day's list reads its own
/// week and this digest instead of every week since the programme began (issue 19): the
/// week's pain entries (pain guidance, R-PAIN-STEP/HOLD).
///
/// Derived data only. Each digest carries the identity of the week file it was made from
/// (`SourceKey`: inode, size, modification and change times); a digest is used only while the
/// file still has that identity, and anything else — no cache, a damaged or foreign cache file,
/// a stale entry — is read from the week file as before and the cache rewritten. The cache is
/// never an error and never trusted over the source.
public struct WeekDigest: Hashable, Sendable {
  /// The week file's pain entries, in file order.
  public var pain: [PainEntry]

  public init(pain: [PainEntry]) {
    self.pain = pain
  }

  public init(_ week: ProgressWeek) {
    self.init(pain: week.pain.map(\.painEntry))
  }
}

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
/// written here only.
///
/// ```
/// rehabit-week-digests 1
/// week 2026-W49 <inode> <size> <mtime ns> <ctime ns>
/// pain 2026-12-02 3 during calf-raise
/// pain 2026-12-03 6 nextMorning -
/// ```
enum WeekDigestFile {
  static let folderName = "cache"
  static let fileName = "week-digests"
  static let header = "rehabit-week-digests 1"

  struct Entry: Hashable, Sendable {
    var key: SourceKey
    var digest: WeekDigest
  }

  /// The entries of `bytes`; empty for anything that is not a whole cache file of this version
  /// (a damaged, truncated or foreign file is ignored, never an error).
  static func parse(_ bytes: [UInt8]) -> [ISOWeek: Entry] {
    guard let text = String(validating: bytes, as: UTF8.self), text.hasSuffix("\nend\n") else {
      return [:]
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first == Substring(header) else { return [:] }
    lines.removeFirst()
    var entries: [ISOWeek: Entry] = [:]
    var current: (ISOWeek, Entry)?
    func flush() {
      if let (week, entry) = current { entries[week] = entry }
      current = nil
    }
    for line in lines {
      let fields = line.split(separator: " ", omittingEmptySubsequences: false)
      switch fields.first {
      case "week":
        flush()
        guard fields.count == 6, let week = ISOWeek(String(fields[1])),
          let inode = UInt64(fields[2]), let size = Int64(fields[3]),
          let modified = Int64(fields[4]), let changed = Int64(fields[5])
        else { return [:] }
        current = (
          week,
          Entry(
            key: SourceKey(inode: inode, size: size, modified: modified, changed: changed),
            digest: WeekDigest(pain: []))
        )
      case "pain":
        guard fields.count == 5, current != nil, let day = CalendarDay(String(fields[1])),
          let level = Int(fields[2]), PainEntry.levels.contains(level),
          let timing = PainEntry.Timing(rawValue: String(fields[3]))
        else { return [:] }
        let treatment = fields[4] == "-" ? nil : String(fields[4])
        current?.1.digest.pain.append(
          PainEntry(day: day, level: level, timing: timing, treatmentId: treatment))
      case "end":
        flush()
        return entries
      default:
        return [:]
      }
    }
    return [:]
  }

  /// The text of `entries`, oldest week first; nil when one cannot be written in this format
  /// (a treatment id with a space or a line break: that week is simply not cached).
  static func render(_ entries: [ISOWeek: Entry]) -> [UInt8] {
    var text = header + "\n"
    for week in entries.keys.sorted() {
      guard let entry = entries[week] else { continue }
      let key = entry.key
      text += "week \(week) \(key.inode) \(key.size) \(key.modified) \(key.changed)\n"
      for pain in entry.digest.pain {
        text +=
          "pain \(pain.day) \(pain.level) \(pain.timing.rawValue) \(pain.treatmentId ?? "-")\n"
      }
    }
    text += "end\n"
    return Array(text.utf8)
  }

  /// Whether `digest` survives `render` and `parse` unchanged.
  static func isWritable(_ digest: WeekDigest) -> Bool {
    digest.pain.allSatisfy { entry in
      guard let id = entry.treatmentId else { return true }
      return !id.isEmpty && id != "-" && !id.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F })
    }
  }
}

extension ProgressStore {
  /// `cache/` inside the data folder: derived files only, safe to delete at any time.
  public var cacheDirectory: String { DataDirectory.join(directory, WeekDigestFile.folderName) }

  var weekDigestFile: String { DataDirectory.join(cacheDirectory, WeekDigestFile.fileName) }

  /// The digests of `weeks`, each from the cache while its week file is unchanged, else read
  /// from the week file (as `readableWeek` reads it: a damaged one is an empty week, noted in
  /// `damaged`, and never cached). A missing week file is an empty week. Rewrites the cache
  /// when it held anything stale or missing; a cache that cannot be written is left as it is.
  public func weekDigests(_ weeks: [ISOWeek], damaged: DamagedFiles) throws(StoreError)
    -> [ISOWeek: WeekDigest]
  {
    guard !weeks.isEmpty else { return [:] }
    let cached = ((try? DurableFiles.read(weekDigestFile)) ?? nil).map(WeekDigestFile.parse) ?? [:]
    var kept: [ISOWeek: WeekDigestFile.Entry] = [:]
    var result: [ISOWeek: WeekDigest] = [:]
    var rewrite = false
    for week in weeks {
      // The identity is taken before the read: a file replaced in between is read anew next
      // time (its new identity does not match), never trusted with the old one's digest.
      guard let key = SourceKey(path: file(for: week)) else {
        // Missing (or not a plain file: `readableWeek` gives its error or empty week).
        result[week] = WeekDigest(try readableWeek(week, damaged: damaged))
        if cached[week] != nil { rewrite = true }
        continue
      }
      if let entry = cached[week], entry.key == key {
        damaged.clear(week)
        result[week] = entry.digest
        kept[week] = entry
        continue
      }
      rewrite = true
      let loaded = try readableWeek(week, damaged: damaged)
      let digest = WeekDigest(loaded)
      result[week] = digest
      if damaged.all.contains(where: { $0.week == week }) { continue }
      if WeekDigestFile.isWritable(digest) {
        kept[week] = WeekDigestFile.Entry(key: key, digest: digest)
      }
    }
    if rewrite || kept.count != cached.count {
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
