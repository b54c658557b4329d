#if canImport(Glibc)
  import Glibc
#endif

/// Runs another program (notify-send, systemctl) and waits for it: posix_spawn, stdin from
/// /dev/null, output to /dev/null unless asked for, this process's environment.
enum ChildProcess {
  /// The first executable `name` on `$PATH`, or nil (also for an empty or unset `$PATH`).
  static func find(_ name: String) -> String? {
    guard let path = getenv("PATH").map({ String(cString: $0) }), !path.isEmpty else {
      return nil
    }
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// The exit status of `executable arguments…`, or nil when it could not be started or was
  /// killed by a signal. Output is shown only when `showingOutput`.
  @discardableResult
  static func run(_ executable: String, _ arguments: [String], showingOutput: Bool = false)
    -> Int32?
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if !showingOutput {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return nil }
    }
    // WIFEXITED / WEXITSTATUS are macros: exited normally when the low 7 bits are 0.
    guard status & 0x7f == 0 else { return nil }
    return (status >> 8) & 0xff
  }

  /// The absolute path of the running binary (what a timer or a cron line should start).
  static func currentExecutable() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
