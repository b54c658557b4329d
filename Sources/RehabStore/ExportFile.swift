#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an export file (`rehabit export --output`, the app's Export dialog) the way the data
/// files are written: a private temporary file in the same directory (0600 whatever the umask),
/// written in full and fsync'd, then moved into place and the directory fsync'd, so a crash
/// leaves the old file or the new one, never half of one.
///
/// Without `replacing` the move is a hard link, which fails if the name exists, even when
/// another process creates it meanwhile: an existing file is never overwritten by accident.
public enum ExportFile {
  public static let fileMode: mode_t = 0o600

  public static func write(_ bytes: [UInt8], to path: String, replacing: Bool)
    throws(ExportFileError)
  {
    let directory = parentDirectory(of: path)
    let name = String(path.split(separator: "/").last ?? Substring(path))
    var status = stat()
    guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
      throw ExportFileError(.noFolder, path: path, directory: directory)
    }
    if lstat(path, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFDIR {
        throw ExportFileError(.isFolder, path: path, directory: directory)
      }
      if !replacing { throw ExportFileError(.exists, path: path, directory: directory) }
    }
    var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard fd >= 0 else {
      throw failure(errno, path, directory, "cannot create a file in the folder")
    }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var open = true
    var keep = false
    defer {
      if open { close(fd) }
      if !keep { unlink(temporary) }
    }
    guard fchmod(fd, fileMode) == 0 else {
      throw failure(errno, path, directory, "cannot protect the file")
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        systemWrite(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(errno, path, directory, "cannot write")
      }
      written += count
    }
    guard fsync(fd) == 0 else { throw failure(errno, path, directory, "cannot flush") }
    open = false
    guard close(fd) == 0 else { throw failure(errno, path, directory, "cannot finish writing") }
    if replacing {
      guard rename(temporary, path) == 0 else {
        throw failure(errno, path, directory, "cannot replace")
      }
      keep = true
    } else if link(temporary, path) != 0 {
      let code = errno
      if code == EEXIST { throw ExportFileError(.exists, path: path, directory: directory) }
      // File systems without hard links: the name was free a moment ago.
      guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP, lstat(path, &status) != 0,
        rename(temporary, path) == 0
      else { throw failure(code, path, directory, "cannot create") }
      keep = true
    }
    let directoryFD = systemOpen(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      _ = fsync(directoryFD)
      close(directoryFD)
    }
  }

  /// The folder of `path`: `.` for a bare name, `/` for a file at the root.
  public static func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func failure(_ code: Int32, _ path: String, _ directory: String, _ action: String)
    -> ExportFileError
  {
    ExportFileError(
      .fileSystem, path: path, directory: directory,
      problem: "\(action): \(String(cString: strerror(code)))")
  }
}

/// Why an export file was not written; nothing was changed on disk. Callers phrase the fix in
/// their own terms (`--force` for the command, "replace? y/n" in the app).
public struct ExportFileError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// The file exists and `replacing` was false.
    case exists
    /// The path names a folder.
    case isFolder
    /// The folder of the path does not exist (or is not a folder).
    case noFolder
    /// The operating system refused (permissions, a full disk …); `problem` says what.
    case fileSystem
  }

  public var kind: Kind
  public var path: String
  public var directory: String
  /// For `.fileSystem`: what failed and the system's reason.
  public var problem: String?

  public init(_ kind: Kind, path: String, directory: String, problem: String? = nil) {
    self.kind = kind
    self.path = path
    self.directory = directory
    self.problem = problem
  }

  /// One line, without a caller-specific fix.
  public var description: String {
    switch kind {
    case .exists: "\(path) already exists"
    case .isFolder: "\(path) is a folder; give a file name"
    case .noFolder: "\(path): the folder \(directory) does not exist; create it or choose another"
    case .fileSystem: "\(path): \(problem ?? "cannot write"); nothing was written"
    }
  }
}

/// The C `write` and `open`, unambiguous beside Swift names.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
  #else
    Darwin.write(fd, buffer, count)
  #endif
}

private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, flags)
  #else
    Darwin.open(path, flags)
  #endif
}
