#if canImport(Glibc)
  import Glibc
#endif

/// Whole-process timing: `posix_spawn` a built executable with stdout and stderr redirected to
/// files (stdout to /dev/null by default), wait for it with `wait4`, and return the wall time
/// from spawn to reaped exit and the child's peak resident set size.
enum ProcessRunner {
  struct Run {
    let milliseconds: Double
    /// `ru_maxrss` of the child, in KiB.
    let peakKiB: Int
    /// User + system time of the child and the children it reaped, in milliseconds.
    var cpuMilliseconds: Double = 0
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs `executable arguments…` with `environment` added to this process's environment.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    standardOutput: String = "/dev/null", standardError: String = "/dev/null",
    searchingPath: Bool = false
  ) throws -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if standardError == standardOutput {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    } else {
      posix_spawn_file_actions_addopen(
        &actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = ProcessRunner.environment(adding: environment).map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid = pid_t()
    let start = Stopwatch.nanoseconds()
    let spawned =
      searchingPath
      ? posix_spawnp(&pid, executable, &actions, nil, argv, envp)
      : posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw Failure(
        description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw Failure(description: "wait4 failed for \(executable)") }
    }
    let elapsed = Double(Stopwatch.nanoseconds() - start) / 1_000_000
    // WIFEXITED / WEXITSTATUS are macros: exited normally when the low 7 bits are 0.
    let signalled = status & 0x7f != 0
    let code = (status >> 8) & 0xff
    if signalled || code != 0 {
      let detail = signalled ? "signal \(status & 0x7f)" : "exit status \(code)"
      throw Failure(
        description:
          "`\(([executable] + arguments).joined(separator: " "))` failed (\(detail))\(errorText(standardError))"
      )
    }
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
    return Run(milliseconds: elapsed, peakKiB: Int(usage.ru_maxrss), cpuMilliseconds: cpu)
  }

  /// Peak resident set size of one run, in KiB, as GNU time reports it; nil without
  /// /usr/bin/time. Not wait4's `ru_maxrss` of our own child: posix_spawn starts the child in
  /// this process's memory (vfork), and Linux keeps that high-water mark across the exec, so
  /// it would report this benchmark's size. time's child is forked from a small process.
  static func peakRSS(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> Int? {
    guard access("/usr/bin/time", X_OK) == 0 else { return nil }
    let report = "/tmp/rehabit-bench-rss-\(getpid()).txt"
    defer { unlink(report) }
    _ = try run(
      "/usr/bin/time", ["-f", "%M", "-o", report, executable] + arguments,
      environment: environment)
    guard let file = fopen(report, "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 64)
    guard fgets(&line, Int32(line.count), file) != nil else { return nil }
    let text = String(
      decoding: line.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return Int(text)
  }

  /// This process's environment with `extra` set on top.
  static func environment(adding extra: [String: String]) -> [String] {
    var entries: [String] = []
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      let name = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
      if extra[name] == nil { entries.append(text) }
      pointer += 1
    }
    return entries + extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
  }

  private static func errorText(_ path: String) -> String {
    guard path != "/dev/null", let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 512)
    guard fgets(&line, Int32(line.count), file) != nil else { return "" }
    let text = String(
      decoding: line.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return ": \(text)"
  }
}
