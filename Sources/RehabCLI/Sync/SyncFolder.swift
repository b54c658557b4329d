import RehabStore

#if canImport(Glibc)
  import Glibc
#endif

/// A data folder as a git repository: the files that make it one rehabit can sync
/// (`.gitattributes`, `.gitignore`, the merge driver in the local config, a neutral identity)
/// and the questions the sync asks of it. Shared by `sync --init`, `sync` and `sync --status`.
struct SyncFolder {
  let store: ProgressStore
  let git: Git
  var folder: String { store.directory }

  /// A path inside the data folder.
  func inFolder(_ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  static let remoteName = "origin"
  static let defaultBranch = "main"
  /// When this folder last synced (seconds since 1970), inside `.git` so it is never synced.
  static let lastSyncFileName = "rehabit-last-sync"

  /// rehabit's merge driver for every synced data file.
  static let attributes =
    "# Written by `rehabit sync --init`: rehabit merges its own data files by meaning.\n"
    + ProgressStore.syncedPatterns.map { "\($0) merge=rehabit\n" }.joined()

  /// What stays on this machine: the lock, atomic writes' temporary files, caches, the
  /// machine id, an interrupted import's markers.
  static let ignored = """
    # Written by `rehabit sync --init`: files that stay on this machine.
    .lock
    *.tmp
    .*.tmp
    .merge_file_*
    cache/
    \(ProgressStore.machineIDFileName)
    .rehabit-import-staging
    .rehabit-import-complete

    """

  /// Is the folder itself the top of a git repository (not merely inside one)?
  var isRepository: Bool {
    guard let top = git.value(["rev-parse", "--show-toplevel"]) else { return false }
    return SyncFolder.sameFile(top, folder)
  }

  var remoteURL: String? { git.value(["remote", "get-url", SyncFolder.remoteName]) }
  var branch: String {
    git.value(["symbolic-ref", "--short", "-q", "HEAD"]) ?? SyncFolder.defaultBranch
  }
  var head: String? { git.value(["rev-parse", "-q", "--verify", "HEAD^{commit}"]) }
  /// The remote's copy of this branch as last fetched; nil when the remote has none yet.
  var remoteHead: String? {
    git.value(["rev-parse", "-q", "--verify", "refs/remotes/origin/\(branch)^{commit}"])
  }

  /// The neutral short id that names this machine in commit messages (the first characters
  /// of the folder's random machine id, never a host name).
  var machineLabel: String {
    guard let id = try? store.recordingMachine(), !id.isEmpty else { return "unknown" }
    return String(id.prefix(6))
  }

  /// Writes what makes the folder syncable and configures the repository. Safe to repeat:
  /// it also refreshes the driver's path after the binary moved.
  func configure() throws {
    // From now on this folder's records carry its machine id, so merges order ties alike.
    _ = try store.machineID()
    try writeIfChanged(".gitattributes", SyncFolder.attributes)
    try writeIfChanged(".gitignore", SyncFolder.ignored)
    guard let binary = ChildProcess.currentExecutable() else {
      throw CLIError("cannot find the path of this rehabit binary; run it by its full path")
    }
    let quoted =
      "'"
      + binary.split(separator: "'", omittingEmptySubsequences: false)
      .joined(separator: "'\\''") + "'"
    try git.must(["config", "merge.rehabit.name", "rehabit records"], "cannot configure git")
    try git.must(
      ["config", "merge.rehabit.driver", "\(quoted) merge-driver %O %A %B %P"],
      "cannot configure git")
    // Commits carry a neutral author, never the user's own name.
    if git.value(["config", "--local", "user.name"]) == nil {
      try git.must(["config", "user.name", "rehabit"], "cannot configure git")
    }
    if git.value(["config", "--local", "user.email"]) == nil {
      try git.must(["config", "user.email", "rehabit@localhost"], "cannot configure git")
    }
    protect()
  }

  /// The data folder and `.git` 0700, the data files 0600 (git writes with the umask).
  func protect() {
    store.protectDataFiles()
    _ = chmod(inFolder(".git"), 0o700)
  }

  /// Stages everything not ignored and commits it as one neutral commit; the commit's id, or
  /// nil when nothing was pending.
  func commitPending() throws -> String? {
    try git.must(["add", "-A"], "cannot stage the data files")
    let staged = git.run(["diff", "--cached", "--name-only"]).lines
    guard !staged.isEmpty else { return nil }
    let count = staged.filter(ProgressStore.isSyncedDataFile).count
    let files = count == 1 ? "1 file" : "\(count) files"
    try git.must(
      ["commit", "-q", "--no-verify", "-m", "rehabit sync: \(files) from machine \(machineLabel)"],
      "cannot commit the data files")
    return head
  }

  /// Data files changed here and not yet committed.
  var pendingFiles: [String] {
    git.run(["status", "--porcelain", "--untracked-files=all", "--no-renames"]).lines.compactMap {
      line in
      let path = String(line.dropFirst(3))
      return ProgressStore.isSyncedDataFile(path) ? path : nil
    }
  }

  /// Data files whose content differs between two commits (nil `from`: every file of `to`).
  func changedDataFiles(from: String?, to: String?) -> Int {
    guard let to else { return 0 }
    let names =
      from.map { git.run(["diff", "--name-only", "--no-renames", $0, to]).lines }
      ?? git.run(["ls-tree", "-r", "--name-only", to]).lines
    return names.filter(ProgressStore.isSyncedDataFile).count
  }

  var unmergedFiles: [String] { git.run(["diff", "--name-only", "--diff-filter=U"]).lines }

  var lastSync: Int? {
    SyncFolder.readSmallFile(inFolder(".git/\(SyncFolder.lastSyncFileName)"))
      .flatMap { Int($0.trimmedOf(" \n")) }
  }

  func recordSync(at seconds: Int) {
    try? SyncFolder.writeFile(
      inFolder(".git/\(SyncFolder.lastSyncFileName)"), "\(seconds)\n")
  }

  private func writeIfChanged(_ name: String, _ text: String) throws {
    let path = inFolder(name)
    if SyncFolder.readSmallFile(path) == text { return }
    try SyncFolder.writeFile(path, text)
  }

  static func writeFile(_ path: String, _ text: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw CLIError(
        "cannot write \(path): \(String(cString: strerror(errno))); check the folder's permissions")
    }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      throw CLIError(
        "cannot write \(path): \(String(cString: strerror(errno))); free some space and try again")
    }
  }

  static func readSmallFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 65_536)
    let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count >= 0 else { return nil }
    return String(decoding: bytes[0..<count], as: UTF8.self)
  }

  static func sameFile(_ one: String, _ other: String) -> Bool {
    var first = stat()
    var second = stat()
    return stat(one, &first) == 0 && stat(other, &second) == 0 && first.st_dev == second.st_dev
      && first.st_ino == second.st_ino
  }
}
