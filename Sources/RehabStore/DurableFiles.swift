#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The system calls behind the files on disk: whole-file reads, atomic durable writes,
/// private directories and the advisory lock. Permissions are set explicitly (fchmod, chmod) so
/// the umask can neither widen nor narrow them.
enum DurableFiles {
  static let fileMode: mode_t = 0o600
  static let directoryMode: mode_t = 0o700

  /// Opens a file of the data folder without following a symbolic link rehabit did not put
  /// there and without blocking on a FIFO or a device (`O_NOFOLLOW | O_NONBLOCK`, then `fstat`):
  /// a planted link or pipe is an error naming the file, never a hang or a write elsewhere.
  /// Returns nil when the file does not exist.
  static func openRegular(_ path: String, _ flags: Int32, mode: mode_t = 0) throws(StoreError)
    -> Int32?
  {
    let fd = retryingOnInterrupt { open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode) }
    if fd < 0 {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP { throw notRegular(path, "is a symbolic link") }
      if code == EISDIR { throw notRegular(path, "is a folder") }
      if code == ENXIO { throw notRegular(path, "is not a regular file") }
      throw failure(code, path, doing: "cannot open")
    }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      let code = errno
      close(fd)
      throw failure(code, path, doing: "cannot inspect")
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(fd)
      throw notRegular(path, "is not a regular file")
    }
    // Back to blocking reads and writes: O_NONBLOCK was only for not hanging in open.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
  }

  static func notRegular(_ path: String, _ problem: String) -> StoreError {
    StoreError(
      .damagedFile, file: path,
      problem: "\(problem) (rehabit reads and writes only plain files it made there)",
      fix: "move it aside so rehabit can create the file; nothing was changed")
  }

  /// The largest file rehabit reads as a week or a programme (`SECURITY.md`, "Limits"): years
  /// of daily use stay far below it, and a bigger file is refused before it is read.
  static let maximumFileSize = 8 * 1024 * 1024

  /// The whole file, or nil when it does not exist; a file over `limit` bytes is refused.
  static func read(_ path: String, limit: Int = maximumFileSize) throws(StoreError) -> [UInt8]? {
    guard let fd = try openRegular(path, O_RDONLY) else { return nil }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw failure(errno, path, doing: "cannot inspect") }
    if Int(status.st_size) > limit { throw tooLarge(path, limit: limit) }
    // The size fstat gives, plus one byte to notice a file that grew meanwhile, read straight
    // into the array (no zeroed buffer to copy from: a year of week files is read per command).
    var readError: Int32 = 0
    let expected = max(0, Int(status.st_size)) + 1
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
      count = 0
      while count < buffer.count {
        let read = retryingOnInterrupt {
          systemRead(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
        }
        if read < 0 { readError = errno }
        if read <= 0 { return }
        count += read
      }
    }
    if readError != 0 { throw failure(readError, path, doing: "cannot read") }
    if bytes.count < expected { return bytes }
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in
        retryingOnInterrupt { systemRead(fd, buffer.baseAddress, buffer.count) }
      }
      if count < 0 { throw failure(errno, path, doing: "cannot read") }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit { throw tooLarge(path, limit: limit) }
    }
  }

  static func tooLarge(_ path: String, limit: Int) -> StoreError {
    StoreError(
      .damagedFile, file: path,
      problem: "is larger than \(limit / (1024 * 1024)) MiB, more than any real history holds",
      fix: "move it aside (rehabit never overwrites it); nothing was changed")
  }

  /// The bytes without a leading UTF-8 byte order mark, which some editors add: every file
  /// rehabit reads accepts one (and writes none).
  static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
  }

  /// Refuses a symbolic link at `path` (a folder rehabit makes inside the data folder).
  static func refuseLink(_ path: String) throws(StoreError) {
    var status = stat()
    if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
      throw notRegular(path, "is a symbolic link")
    }
  }

  static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  /// Replaces `name` in `directory` with `bytes` so that a crash at any moment leaves either the
  /// old file or the new one, never a mix: a temporary file in the same directory (created
  /// exclusively, mode 0600), written in full, fsync'd, renamed over the old name, then the
  /// directory fsync'd so the rename itself survives a power cut. Callers hold the lock, so a
  /// temporary file left by a killed writer is stale and is removed first.
  static func writeAtomically(
    _ bytes: [UInt8], directory: String, name: String, faults: FileFaults = .none
  ) throws(StoreError) {
    let path = DataDirectory.join(directory, name)
    let temporary = DataDirectory.join(directory, ".\(name).tmp")
    var fd = retryingOnInterrupt {
      open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
    }
    if fd < 0, errno == EEXIST {
      unlink(temporary)
      fd = retryingOnInterrupt {
        open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
      }
    }
    guard fd >= 0 else { throw failure(errno, temporary, doing: "cannot create") }
    var closed = false
    var renamed = false
    defer {
      if !closed { close(fd) }
      if !renamed { unlink(temporary) }
    }
    guard fchmod(fd, fileMode) == 0 else {
      throw failure(errno, temporary, doing: "cannot protect")
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        retryingOnInterrupt {
          systemWrite(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
        }
      }
      if count < 0 { throw failure(errno, path, doing: "cannot write") }
      written += count
    }
    guard fsync(fd) == 0 else { throw failure(errno, path, doing: "cannot flush") }
    closed = true
    guard close(fd) == 0 else { throw failure(errno, path, doing: "cannot finish writing") }
    guard rename(temporary, path) == 0 else { throw failure(errno, path, doing: "cannot replace") }
    renamed = true
    // From here the new file is in place: a failure is not "nothing was changed" but "saved,
    // not confirmed durable", which callers report as such (and a retry must not repeat it).
    do {
      try syncDirectory(directory, faults: faults)
    } catch {
      throw StoreError(
        .unconfirmed, file: path, problem: "saved, but \(error.problem)",
        fix:
          "the change is in the file but the disk did not confirm it will survive a power cut; check the disk, and do not record it again"
      )
    }
  }

  /// Flushes a directory's entries (a rename or a new name) to disk.
  static func syncDirectory(_ directory: String, faults: FileFaults = .none) throws(StoreError) {
    let fd = retryingOnInterrupt {
      open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }
    guard fd >= 0 else { throw failure(errno, directory, doing: "cannot open") }
    defer { close(fd) }
    // Some file systems cannot sync a directory (EINVAL); the rename is done either way.
    let result =
      faults.directorySync(directory).map { code -> Int32 in
        errno = code
        return -1
      } ?? fsync(fd)
    if result != 0, errno != EINVAL {
      throw failure(errno, directory, doing: "cannot flush")
    }
  }

  /// `syncDirectory` where a failure changes nothing the caller could act on.
  static func syncQuietly(_ directory: String) {
    _ = try? syncDirectory(directory)
  }

  /// Creates `path` and its missing parents, each 0700 whatever the umask. Existing
  /// directories keep their permissions: they are the user's.
  static func makeDirectories(_ path: String) throws(StoreError) {
    var status = stat()
    if stat(path, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFDIR else {
        throw StoreError(
          .fileSystem, file: path, problem: "is not a directory",
          fix: "choose another data directory or move the file aside",
          remedy: .chooseDataDirectory)
      }
      return
    }
    let parent = parentDirectory(of: path)
    if parent != path { try makeDirectories(parent) }
    if mkdir(path, directoryMode) != 0 {
      let code = errno
      // Another process may have created it in between.
      if code == EEXIST, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
      throw failure(code, path, doing: "cannot create directory")
    }
    guard chmod(path, directoryMode) == 0 else {
      throw failure(errno, path, doing: "cannot protect directory")
    }
    try syncDirectory(parent)
  }

  static func parentDirectory(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    return String(trimmed[..<slash])
  }

  /// A directory entry's name, read in place up to its NUL. Copying the fixed-size `d_name`
  /// field reads past the end of readdir's buffer for its last entry, which can crash.
  static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafePointer(to: &entry.pointee.d_name) { pointer in
      pointer.withMemoryRebound(
        to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)
      ) { String(cString: $0) }
    }
  }

  /// Names in a directory (without `.` and `..`); empty when it does not exist.
  static func names(in directory: String) throws(StoreError) -> [String] {
    guard let handle = opendir(directory) else {
      let code = errno
      if code == ENOENT { return [] }
      throw failure(code, directory, doing: "cannot list")
    }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = entryName(entry)
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// An exclusive advisory lock (flock) on `path`, created 0600 if missing. Blocks until no
  /// other process (or thread: each lock is its own open file) holds it.
  struct Lock {
    private let fd: Int32

    /// The lock file is opened like every data file (no symbolic link, nothing but a regular
    /// file, never blocking in open). Once locked, the file is checked to still be the one at
    /// `path`: an import swaps the whole folder, and a writer that waited on the old folder's
    /// lock must lock the new one instead, or two writers could each hold "the" lock.
    init(path: String) throws(StoreError) {
      for _ in 0..<100 {
        guard
          let fd = try DurableFiles.openRegular(
            path, O_RDWR | O_CREAT, mode: DurableFiles.fileMode)
        else {
          throw DurableFiles.failure(ENOENT, path, doing: "cannot open the lock file")
        }
        _ = fchmod(fd, DurableFiles.fileMode)
        guard retryingOnInterrupt({ flock(fd, LOCK_EX) }) == 0 else {
          let code = errno
          close(fd)
          throw DurableFiles.failure(code, path, doing: "cannot lock")
        }
        var held = stat()
        var current = stat()
        if fstat(fd, &held) == 0, lstat(path, &current) == 0, held.st_dev == current.st_dev,
          held.st_ino == current.st_ino
        {
          self.fd = fd
          return
        }
        close(fd)
      }
      throw DurableFiles.failure(EAGAIN, path, doing: "cannot lock")
    }

    /// Closing the file releases the lock (and so does the process ending, however it ends).
    func release() {
      close(fd)
    }
  }

  static func failure(_ code: Int32, _ path: String, doing action: String) -> StoreError {
    let reason = String(cString: strerror(code))
    let fix: String
    var remedy: StoreError.Remedy?
    switch code {
    case ENOSPC, EDQUOT, EFBIG: fix = "free some disk space and try again; nothing was changed"
    case EACCES, EPERM:
      fix = "check the permissions of the data directory (it should be yours, 0700)"
    case EROFS:
      fix = "the file system is read-only; choose another data directory"
      remedy = .chooseDataDirectory
    default: fix = "check the data directory and try again; nothing was changed"
    }
    return StoreError(
      .fileSystem, file: path, problem: "\(action): \(reason)", fix: fix, remedy: remedy)
  }
}

@inline(__always)
private func retryingOnInterrupt<Result: BinaryInteger>(_ call: () -> Result) -> Result {
  while true {
    let result = call()
    if result >= 0 || errno != EINTR { return result }
  }
}

/// The C `read` and `write`, which `DurableFiles.read` and friends would otherwise shadow.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
  #else
    Darwin.write(fd, buffer, count)
  #endif
}
