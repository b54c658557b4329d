import RehabCore
import RehabStore

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

func readBytes(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count == 0 { return bytes }
    bytes.append(contentsOf: buffer[0..<count])
  }
}

func writeBytes(_ bytes: [UInt8], to path: String) {
  guard let file = fopen(path, "wb") else { return }
  _ = fwrite(bytes, 1, bytes.count, file)
  fclose(file)
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
