#if canImport(Glibc)
  import Glibc
#endif

/// The system's `git`, run in the data folder: posix_spawn with stdin from /dev/null, output
/// captured, and `GIT_TERMINAL_PROMPT=0` so a remote that wants a password fails instead of
/// waiting for one. Credentials are git's own business (ssh agent, credential helpers).
struct Git {
  /// What one git run printed and how it ended.
  struct Run {
    /// The exit status; nil when git could not be started or was killed by a signal.
    let status: Int32?
    let output: String
    let errors: String

    var succeeded: Bool { status == 0 }
    /// Git's first line of complaint, for a one-line error.
    var firstError: String {
      let lines = errors.split(separator: "\n").map { $0.trimmedOf(" \t") }
      return String(lines.first { !$0.isEmpty } ?? "git failed")
    }
    var lines: [String] { output.split(separator: "\n").map(String.init) }
  }

  let executable: String
  let folder: String

  /// The git on `$PATH`, or an error saying how to get one.
  static func find(in folder: String) throws -> Git {
    guard let executable = ChildProcess.find("git") else {
      throw CLIError(
        "git is not installed or not on PATH; install it (e.g. `apt install git`) and run rehabit sync again"
      )
    }
    return Git(executable: executable, folder: folder)
  }

  /// `git -C folder arguments…`.
  @discardableResult
  func run(_ arguments: [String]) -> Run {
    Git.spawn(executable, ["-C", folder] + arguments)
  }

  /// The trimmed output of a run that succeeded; nil otherwise.
  func value(_ arguments: [String]) -> String? {
    let run = run(arguments)
    guard run.succeeded else { return nil }
    let text = run.output.trimmedOf(" \n\t")
    return text.isEmpty ? nil : text
  }

  /// Runs and throws the one-line `failure` (with git's own first line) when git fails.
  @discardableResult
  func must(_ arguments: [String], _ failure: String) throws -> Run {
    let run = run(arguments)
    guard run.succeeded else { throw CLIError("\(failure): \(run.firstError)") }
    return run
  }

  private static func spawn(_ executable: String, _ arguments: [String]) -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0 else { return Run(status: nil, output: "", errors: "") }
    guard pipe(&errPipe) == 0 else {
      close(outPipe[0])
      close(outPipe[1])
      return Run(status: nil, output: "", errors: "")
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    posix_spawn_file_actions_addclose(&actions, outPipe[0])
    posix_spawn_file_actions_addclose(&actions, errPipe[0])
    var environment = ["GIT_TERMINAL_PROMPT=0", "LC_ALL=C"]
    var index = 0
    while let entry = environ[index] {
      let text = String(cString: entry)
      if !text.hasPrefix("GIT_TERMINAL_PROMPT=") && !text.hasPrefix("LC_ALL=") {
        environment.append(text)
      }
      index += 1
    }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    close(outPipe[1])
    close(errPipe[1])
    defer {
      close(outPipe[0])
      close(errPipe[0])
    }
    guard spawned == 0 else { return Run(status: nil, output: "", errors: "") }
    var output: [UInt8] = []
    var errors: [UInt8] = []
    var open = [true, true]
    var chunk = [UInt8](repeating: 0, count: 16_384)
    // Both pipes at once: git may fill one while we wait on the other.
    while open[0] || open[1] {
      var fds = [
        pollfd(fd: open[0] ? outPipe[0] : -1, events: Int16(POLLIN), revents: 0),
        pollfd(fd: open[1] ? errPipe[0] : -1, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&fds, 2, -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      for slot in 0..<2 where open[slot] && fds[slot].revents != 0 {
        let count = chunk.withUnsafeMutableBytes { read(fds[slot].fd, $0.baseAddress, $0.count) }
        if count > 0 {
          if slot == 0 {
            output.append(contentsOf: chunk[0..<count])
          } else {
            errors.append(contentsOf: chunk[0..<count])
          }
        } else if count == 0 || errno != EINTR {
          open[slot] = false
        }
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return Run(status: nil, output: "", errors: "") }
    }
    let code: Int32? = status & 0x7f == 0 ? (status >> 8) & 0xff : nil
    return Run(
      status: code, output: String(decoding: output, as: UTF8.self),
      errors: String(decoding: errors, as: UTF8.self))
  }
}

extension StringProtocol {
  /// Without leading and trailing characters of `set` (no Foundation needed).
  func trimmedOf(_ set: String) -> String {
    let drop = Set(set)
    var slice = Substring(self)
    while let first = slice.first, drop.contains(first) { slice.removeFirst() }
    while let last = slice.last, drop.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
