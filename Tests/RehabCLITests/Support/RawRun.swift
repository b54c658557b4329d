import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One command-line word as bytes, so a test can pass text that is not UTF-8 (which
/// `Foundation.Process` cannot).
struct Word: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
  let bytes: [UInt8]

  init(stringLiteral text: String) { bytes = Array(text.utf8) }
  init(_ text: String) { bytes = Array(text.utf8) }
  init(bytes: [UInt8]) { self.bytes = bytes }

  /// Printable for a test name: invalid UTF-8 shows as `\xFF`, long words are shortened.
  var description: String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x\(String($0, radix: 16))" }
        .joined()
    }
    return text.count > 40 ? "\(text.prefix(20))…(\(bytes.count) bytes)" : text
  }
}

/// Runs `rehabit` with posix_spawn: raw argument bytes, an empty signal mask (Swift Testing's
/// threads block signals, and children would inherit that), output through pipes, a deadline.
/// With `fullDisk`, it runs under `/bin/sh` with `ulimit -f 0` (RLIMIT_FSIZE), so every write
/// that would grow a file fails, as on a full disk: rehabit ignores SIGXFSZ itself, so the
/// write returns EFBIG instead of the signal killing it.
enum RawRun {
  struct Result {
    /// The exit code, or 128 + the signal that ended the process.
    let status: Int32
    let stdout: [UInt8]
    let stderr: [UInt8]
  }

  static func rehabit(
    _ arguments: [Word], environment: [String: String], fullDisk: Bool = false,
    deadlineSeconds: Double = 30
  ) throws -> Result {
    var argv: [[UInt8]] = [Array(RehabitBinary.path.utf8)] + arguments.map(\.bytes)
    var program = RehabitBinary.path
    if fullDisk {
      program = "/bin/sh"
      argv =
        [Array("/bin/sh".utf8), Array("-c".utf8), Array("ulimit -f 0; exec \"$0\" \"$@\"".utf8)]
        + argv
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Pipes, not files: `ulimit -f` limits every file the child writes, its output files too.
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
    defer { for fd in [outPipe[0], errPipe[0]] { close(fd) } }
    for fd in [outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    posix_spawn_file_actions_addclose(&actions, outPipe[0])
    posix_spawn_file_actions_addclose(&actions, errPipe[0])

    func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
      let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
      for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
      pointer[bytes.count] = 0
      return pointer
    }
    let cArguments = argv.map(cString) + [nil]
    let cEnvironment = environment.map { cString(Array("\($0.key)=\($0.value)".utf8)) } + [nil]
    defer { for pointer in cArguments + cEnvironment { pointer?.deallocate() } }

    var child: pid_t = 0
    let spawned = posix_spawn(&child, program, &actions, &attributes, cArguments, cEnvironment)
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    /// Whatever the pipe holds now; false at end of file.
    func drain(_ fd: Int32, into output: inout [UInt8]) -> Bool {
      while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
          output.append(contentsOf: chunk[0..<count])
          continue
        }
        return count < 0 && (errno == EAGAIN || errno == EINTR)
      }
    }

    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(deadlineSeconds)
    while true {
      _ = drain(outPipe[0], into: &stdout)
      _ = drain(errPipe[0], into: &stderr)
      let done = waitpid(child, &status, WNOHANG)
      if done == child { break }
      if done < 0 && errno != EINTR { break }
      if Date() > deadline {
        kill(child, SIGKILL)
        _ = waitpid(child, &status, 0)
        Issue.record("rehabit did not finish within \(deadlineSeconds) s; killed")
        break
      }
      usleep(2_000)
    }
    // The child is gone; what it wrote is in the pipes (a grandchild could keep them open, so
    // this is bounded too).
    var rounds = 0
    while rounds < 1_000 {
      let outOpen = drain(outPipe[0], into: &stdout)
      let errOpen = drain(errPipe[0], into: &stderr)
      guard outOpen || errOpen else { break }
      usleep(1_000)
      rounds += 1
    }
    let code: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Result(status: code, stdout: stdout, stderr: stderr)
  }
}

/// Everything below a folder: each entry's kind, permission bits and (for files) bytes; to
/// prove a failed command changed nothing, not even a mode or an empty leftover folder.
struct FolderState: Equatable, CustomStringConvertible {
  struct Entry: Equatable {
    let kind: mode_t
    let mode: mode_t
    let bytes: [UInt8]?
    let link: String?
  }

  let entries: [String: Entry]

  static func capture(_ root: String) -> FolderState {
    var entries: [String: Entry] = [:]
    func visit(_ relative: String) {
      let path = relative.isEmpty ? root : "\(root)/\(relative)"
      var status = stat()
      guard lstat(path, &status) == 0 else { return }
      let kind = status.st_mode & S_IFMT
      var bytes: [UInt8]?
      var link: String?
      if kind == S_IFREG { bytes = Array(FileManager.default.contents(atPath: path) ?? Data()) }
      if kind == S_IFLNK { link = try? FileManager.default.destinationOfSymbolicLink(atPath: path) }
      entries[relative.isEmpty ? "." : relative] = Entry(
        kind: kind, mode: status.st_mode & 0o7777, bytes: bytes, link: link)
      if kind == S_IFDIR {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
          visit(relative.isEmpty ? name : "\(relative)/\(name)")
        }
      }
    }
    visit("")
    return FolderState(entries: entries)
  }

  /// The paths that differ between two states, for a failure message.
  func differences(from other: FolderState) -> [String] {
    Set(entries.keys).union(other.entries.keys).sorted().filter { entries[$0] != other.entries[$0] }
  }

  var description: String { entries.keys.sorted().joined(separator: ", ") }
}
