import RehabCore
import RehabStore
import RehabTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh directory under /tmp, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init() {
    var template = Array("/tmp/rehabit-store-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    path = made ?? "/tmp/rehabit-store-\(getpid())-\(Int.random(in: 0..<Int.max))"
    if made == nil { mkdir(path, 0o700) }
  }

  /// Removes the directory and what an import of a data folder at `path` itself set beside
  /// it (`PATH.before-import-…`, the data it replaced), so no test leaves data in /tmp.
  func remove() {
    let parent = "/tmp"
    let prefix = String(path.dropFirst(parent.count + 1)) + ".before-import-"
    var targets = [path]
    if let directory = opendir(parent) {
      while let entry = readdir(directory) {
        // Read the name in place up to its NUL: copying the whole d_name field can read past
        // the end of the last entry of readdir's buffer (a crash seen with a full /tmp).
        let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
          pointer.withMemoryRebound(
            to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)
          ) { String(cString: $0) }
        }
        if name.hasPrefix(prefix) { targets.append("\(parent)/\(name)") }
      }
      closedir(directory)
    }
    for target in targets {
      run(["chmod", "-R", "u+rwx", target])
      run(["rm", "-rf", target])
    }
  }

  func sub(_ name: String) -> String { "\(path)/\(name)" }
}

/// Runs a program (found on PATH) and returns its exit status.
@discardableResult
func run(_ arguments: [String]) -> Int32 {
  var pid: pid_t = 0
  var cArguments = arguments.map { strdup($0) } + [nil]
  var environment: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/bin:/bin"), nil]
  defer { for pointer in cArguments + environment { free(pointer) } }
  guard posix_spawnp(&pid, arguments[0], nil, nil, &cArguments, &environment) == 0 else {
    return -1
  }
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  return status
}

func writeText(_ text: String, to path: String) { writeBytes(Array(text.utf8), to: path) }

/// Permission bits (e.g. 0o600) of a path, or nil when it does not exist.
func mode(_ path: String) -> mode_t? {
  var status = stat()
  guard stat(path, &status) == 0 else { return nil }
  return status.st_mode & 0o7777
}

func day(_ text: String) -> CalendarDay {
  guard let day = CalendarDay(text) else { fatalError("bad test day \(text)") }
  return day
}

func week(_ text: String) -> ISOWeek {
  guard let week = ISOWeek(text) else { fatalError("bad test week \(text)") }
  return week
}
