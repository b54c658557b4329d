#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an export file (`rehabit export --output`, the app's Export dialog) the way the data
/// files are written: a private temporary file in the same directory (0600 whatever the umask;
/// unnamed where the file system allows, so a killed run leaves nothing), written in full and
/// fsync'd, then moved into place and the directory fsync'd, so a crash leaves the old file or
/// the new one, never half of one.
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
    removeStaleTemporaries(in: directory, of: name)
    let temporary = try createTemporary(in: directory, of: name, path: path)
    let fd = temporary.fd
    var open = true
    var named = temporary.name
    defer {
      if open { close(fd) }
      if let named { unlink(named) }
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
    if named == nil, !replacing {
      // An unnamed file gets its one name, which must be free: never overwrites.
      if linkProcFD(fd, to: path) != 0 {
        let code = errno
        if code == EEXIST { throw ExportFileError(.exists, path: path, directory: directory) }
        throw failure(code, path, directory, "cannot create")
      }
    } else {
      if named == nil {
        // Replacing: a private name first (flock'd, so no other run removes it), then the
        // rename over the old file.
        let name = try nameUnnamed(fd, in: directory, of: name, path: path)
        named = name
      }
      guard let source = named else { return }
      if replacing {
        guard rename(source, path) == 0 else {
          throw failure(errno, path, directory, "cannot replace")
        }
        named = nil
      } else if link(source, path) != 0 {
        let code = errno
        if code == EEXIST { throw ExportFileError(.exists, path: path, directory: directory) }
        // File systems without hard links: the name was free a moment ago.
        guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP, lstat(path, &status) != 0,
          rename(source, path) == 0
        else { throw failure(code, path, directory, "cannot create") }
        named = nil
      }
    }
    open = false
    guard close(fd) == 0 else { throw failure(errno, path, directory, "cannot finish writing") }
    let directoryFD = systemOpen(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      _ = fsync(directoryFD)
      close(directoryFD)
    }
  }

  /// The prefix of the temporary names beside an export `name`: recognisably rehabit's, so a
  /// later run can remove one a killed run left.
  static func temporaryPrefix(of name: String) -> String { ".\(name).rehabit-export-" }

  /// A file for the export's bytes that no other process can see: unnamed (`O_TMPFILE`, linked
  /// in only when complete, so a killed run leaves nothing) where the file system allows, else
  /// `mkstemp` under a recognisable private name (0600 from its creation), flock'd while in use.
  private static func createTemporary(in directory: String, of name: String, path: String)
    throws(ExportFileError) -> (fd: Int32, name: String?)
  {
    #if os(Linux)
      let unnamed = systemOpen(directory, oTmpFile | O_WRONLY | O_CLOEXEC, fileMode)
      if unnamed >= 0 { return (unnamed, nil) }
    #endif
    var template = Array(
      "\(directory)/\(temporaryPrefix(of: name))XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard fd >= 0 else {
      throw failure(errno, path, directory, "cannot create a file in the folder")
    }
    _ = flock(fd, LOCK_EX)
    return (
      fd,
      String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    )
  }

  /// Gives an unnamed file a private temporary name (to rename it over an existing file).
  private static func nameUnnamed(_ fd: Int32, in directory: String, of name: String, path: String)
    throws(ExportFileError) -> String
  {
    _ = flock(fd, LOCK_EX)
    for _ in 0..<32 {
      let suffix = String(
        (0..<6).map { _ in Array("abcdefghijklmnopqrstuvwxyz0123456789").randomElement() ?? "x" })
      let candidate = "\(directory)/\(temporaryPrefix(of: name))\(suffix)"
      if linkProcFD(fd, to: candidate) == 0 { return candidate }
      if errno != EEXIST { break }
    }
    throw failure(errno, path, directory, "cannot create a file in the folder")
  }

  /// Links an open file (an `O_TMPFILE` one included) to `path`, through `/proc/self/fd`.
  private static func linkProcFD(_ fd: Int32, to path: String) -> Int32 {
    linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW)
  }

  /// Removes temporary files a killed run left beside `name` in `directory`: names with
  /// `temporaryPrefix`, regular files, not held (flock) by a run in progress.
  static func removeStaleTemporaries(in directory: String, of name: String) {
    guard let handle = opendir(directory) else { return }
    defer { closedir(handle) }
    let prefix = temporaryPrefix(of: name)
    var stale: [String] = []
    while let entry = readdir(handle) {
      let entryName = DurableFiles.entryName(entry)
      if entryName.hasPrefix(prefix) { stale.append("\(directory)/\(entryName)") }
    }
    for file in stale {
      let fd = systemOpen(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      var status = stat()
      guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
        flock(fd, LOCK_EX | LOCK_NB) == 0
      else { continue }
      unlink(file)
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

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, flags, mode)
  #else
    Darwin.open(path, flags, mode)
  #endif
}

#if os(Linux)
  /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's Swift overlay does not
  /// import.
  private let oTmpFile: Int32 = 0o20_000_000 | O_DIRECTORY
#endif
