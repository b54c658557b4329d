import ArgumentParser
import RehabStore

#if canImport(Glibc)
  import Glibc
#endif

/// `rehabit sync [--init [REMOTE]] [--status]`: keeps data folders on several machines the
/// same through the system's git. rehabit's merge driver merges its data files by meaning, so
/// a sync never leaves a conflict of rehabit's own.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Exchange changes with the data folder's git remote (set it up with --init).",
    discussion: """
      `rehabit sync --init REMOTE` makes the data folder a git repository (or adopts one) whose \
      remote is REMOTE (a bare repository on a USB stick, an ssh address); in an empty folder \
      it takes the remote's data. `rehabit sync` then commits this machine's changes, fetches, \
      merges (git calls `rehabit merge-driver`) and pushes, and prints `sent N changes, \
      received M` (a change is a data file that differs). `--status`: ahead/behind, last sync, \
      pending changes, files git could not merge. Credentials are git's own (ssh agent, \
      credential helpers); git never prompts.
      """)

  @OptionGroup var common: CommonOptions
  @Flag(name: .customLong("init"), help: "Set the data folder up for sync.")
  var setUp = false
  @Flag(help: "Show how this folder stands against its remote; changes nothing.")
  var status = false
  @Argument(help: "With --init: the git remote to sync with (a path or an ssh address).")
  var remote: String?

  func validate() throws {
    if setUp && status { throw ValidationError("--init and --status cannot be used together") }
    if remote != nil && !setUp {
      throw ValidationError("a remote is given only with --init, e.g. rehabit sync --init REMOTE")
    }
  }

  func run() throws {
    // Everything git writes in the data folder is private to the user.
    umask(0o077)
    let store = try common.store()
    let folder = SyncFolder(store: store, git: try Git.find(in: store.directory))
    if setUp {
      Output.line(Output.safe(try SyncSetUp(folder: folder).run(remote: remote)))
    } else if status {
      for line in try SyncStatus.lines(folder) { Output.line(Output.safe(line)) }
    } else {
      Output.line(Output.safe(try SyncRun(folder: folder).run()))
    }
  }
}

/// The checks every sync makes before touching anything.
extension SyncFolder {
  func requireRepository() throws {
    guard isRepository else {
      throw CLIError(
        "\(folder) is not set up for sync; run `rehabit sync --init REMOTE` first")
    }
  }

  func requireRemote() throws -> String {
    guard let url = remoteURL else {
      throw CLIError(
        "no remote is set for \(folder); set one with `rehabit sync --init REMOTE` (a path to a bare repository or an ssh address)"
      )
    }
    return url
  }

  /// Refuses to share a damaged file: it names the file, and nothing is committed.
  func requireReadableFiles() throws {
    if let damaged = store.firstDamagedFile() {
      throw CLIError("not synced, a data file is damaged: \(damaged.description)")
    }
  }

  /// Fetches the remote, or says it cannot be reached.
  func fetch(_ url: String) throws {
    let run = git.run(["fetch", "-q", SyncFolder.remoteName])
    guard run.succeeded else {
      throw CLIError(
        "cannot reach the remote \(url) (\(run.firstError)); check the address, the network or the drive, then run rehabit sync again (nothing was changed)"
      )
    }
  }
}

/// `rehabit sync --init [REMOTE]`.
struct SyncSetUp {
  let folder: SyncFolder

  func run(remote: String?) throws -> String {
    let git = folder.git
    try folder.store.prepareDirectory()
    return try folder.store.whileLocked {
      if !folder.isRepository {
        try git.must(
          ["init", "-q", "-b", SyncFolder.defaultBranch], "cannot make a git repository")
      }
      if let remote {
        let verb = folder.remoteURL == nil ? "add" : "set-url"
        try git.must(["remote", verb, SyncFolder.remoteName, remote], "cannot set the remote")
      }
      try folder.configure()
      guard let url = folder.remoteURL else {
        _ = try folder.commitPending()
        return
          "set up sync in \(folder.folder) without a remote; add one with `rehabit sync --init REMOTE`"
      }
      let fetched = folder.git.run(["fetch", "-q", SyncFolder.remoteName])
      guard fetched.succeeded else {
        _ = try folder.commitPending()
        throw CLIError(
          "set up sync in \(folder.folder), but cannot reach the remote \(url) (\(fetched.firstError)); check the address (re-run `rehabit sync --init REMOTE` to change it), then run rehabit sync"
        )
      }
      // An empty folder (a new machine) takes the remote's data as it is.
      if folder.head == nil, folder.pendingFiles.isEmpty,
        let remoteHead = git.value([
          "rev-parse", "-q", "--verify", "refs/remotes/origin/\(folder.branch)^{commit}",
        ])
      {
        try git.must(["reset", "-q", "--hard", remoteHead], "cannot take the remote's data")
        try git.must(
          ["branch", "-q", "--set-upstream-to", "origin/\(folder.branch)"],
          "cannot follow the remote")
        try folder.configure()
        _ = try folder.commitPending()
        folder.protect()
        return "set up sync in \(folder.folder) with \(url); took the remote's data"
      }
      try folder.requireReadableFiles()
      _ = try folder.commitPending()
      return "set up sync in \(folder.folder) with \(url); run `rehabit sync` to exchange changes"
    }
  }
}

/// `rehabit sync`: commit, fetch, merge, push (once more on a push race).
struct SyncRun {
  let folder: SyncFolder

  func run() throws -> String {
    try folder.requireRepository()
    let url = try folder.requireRemote()
    return try folder.store.whileLocked {
      try folder.requireReadableFiles()
      try folder.configure()
      try folder.fetch(url)
      let before = folder.head
      let remoteBefore = folder.remoteHead
      let committed = try folder.commitPending()
      let localTip = folder.head
      do {
        try merge(before: before, committed: committed)
      } catch {
        // Back to the folder as it was: the changes stay in the files, uncommitted.
        if let before { _ = folder.git.run(["reset", "-q", before]) }
        throw error
      }
      if !push() {
        // Someone pushed in between: fetch, merge and push once more.
        try folder.fetch(url)
        try merge(before: folder.head, committed: nil)
        guard push() else {
          throw CLIError(
            "the remote \(url) refused the changes (\(folder.git.run(["push", "--dry-run", "-q", SyncFolder.remoteName, "HEAD:refs/heads/\(folder.branch)"]).firstError)); run rehabit sync again (your changes are committed here)"
          )
        }
      }
      folder.protect()
      let sent = folder.changedDataFiles(from: remoteBefore, to: folder.head)
      let received = folder.changedDataFiles(from: localTip, to: folder.head)
      folder.recordSync(at: time(nil))
      return "sent \(SyncRun.changes(sent)), received \(received)"
    }
  }

  static func changes(_ count: Int) -> String { count == 1 ? "1 change" : "\(count) changes" }

  /// Merges the remote's branch as fetched. A sync that both committed and merged is made one
  /// commit (its tree, with both parents), so the log shows one commit per sync.
  private func merge(before: String?, committed: String?) throws {
    let git = folder.git
    guard let remote = folder.remoteHead else { return }
    if git.run(["merge-base", "--is-ancestor", remote, "HEAD"]).succeeded { return }
    let run = git.run([
      "merge", "-q", "--no-edit", "--no-verify", "--allow-unrelated-histories", "-m",
      "rehabit sync: merged changes from the remote", remote,
    ])
    guard run.succeeded else {
      let files = folder.unmergedFiles
      _ = git.run(["merge", "--abort"])
      let named = files.isEmpty ? run.firstError : files.joined(separator: ", ")
      throw CLIError(
        "not synced: git could not merge \(named); a copy on one machine may be damaged, repair it there and sync again (nothing was changed here)"
      )
    }
    guard let committed, let merged = folder.head, merged != committed,
      git.value(["rev-parse", "-q", "--verify", "HEAD^2"]) != nil,
      let message = git.value(["log", "-1", "--format=%s", committed])
    else { return }
    var arguments = ["commit-tree", "HEAD^{tree}"]
    if let before { arguments += ["-p", before] }
    arguments += ["-p", remote, "-m", message]
    guard let single = git.value(arguments) else { return }
    try git.must(["reset", "-q", "--soft", single], "cannot record the merge")
  }

  private func push() -> Bool {
    folder.git.run(["push", "-q", SyncFolder.remoteName, "HEAD:refs/heads/\(folder.branch)"])
      .succeeded
  }
}

/// `rehabit sync --status`: read only (no fetch; ahead/behind are as of the last fetch).
enum SyncStatus {
  static func lines(_ folder: SyncFolder) throws -> [String] {
    try folder.requireRepository()
    var lines = ["remote: \(folder.remoteURL ?? "none (set one with rehabit sync --init REMOTE)")"]
    if let remote = folder.remoteHead,
      let counts = folder.git.value([
        "rev-list", "--left-right", "--count", "HEAD...\(remote)",
      ])
    {
      let parts = counts.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if parts.count == 2 {
        lines.append("ahead \(parts[0]), behind \(parts[1]) (as of the last fetch)")
      }
    } else {
      lines.append("ahead/behind: the remote has no data yet")
    }
    lines.append("last sync: \(folder.lastSync.map(format) ?? "never")")
    let pending = folder.pendingFiles.count
    lines.append("pending: \(pending == 1 ? "1 file" : "\(pending) files") changed here")
    let unmerged = folder.unmergedFiles
    lines.append(
      "not merged: \(unmerged.isEmpty ? "none" : unmerged.joined(separator: ", "))")
    return lines
  }

  /// UTC, to the minute.
  static func format(_ seconds: Int) -> String {
    var value = time_t(seconds)
    var parts = tm()
    guard gmtime_r(&value, &parts) != nil else { return "\(seconds)" }
    func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
    return
      "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
  }
}
