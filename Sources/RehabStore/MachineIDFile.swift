import RehabCore

#if canImport(Glibc)
  import Glibc
#endif

/// The data folder's machine id (`MachineID`), in `DATA/.machine-id` (0600): drawn at random
/// when the folder is set up to be merged with others (`machineID()`, which sync calls), never
/// a host name. From then on every record this folder writes carries it as `by`, so a merge
/// with another machine's copy orders equal time stamps the same way everywhere; a folder that
/// never syncs writes none (its records are the unknown machine's, `""`). Sync must not carry
/// this file: each clone makes its own.
extension ProgressStore {
  public static let machineIDFileName = ".machine-id"

  public var machineIDFile: String {
    DataDirectory.join(directory, ProgressStore.machineIDFileName)
  }

  /// The id new records carry: the folder's machine id, or `""` when it has none yet.
  public func recordingMachine() throws(StoreError) -> String {
    try storedMachineID() ?? MachineID.unknown
  }

  /// The folder's machine id, made (exclusively, so two first writers agree) when missing.
  public func machineID() throws(StoreError) -> String {
    if let stored = try storedMachineID() { return stored }
    try prepareDirectory()
    let id = MachineID.make(
      bits: (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max)))
    let bytes = Array((id + "\n").utf8)
    let fd = open(machineIDFile, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if fd < 0 {
      // Another process made it first: use theirs.
      if errno == EEXIST, let stored = try storedMachineID() { return stored }
      throw DurableFiles.failure(errno, machineIDFile, doing: "cannot create")
    }
    defer { close(fd) }
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count, fsync(fd) == 0 else {
      unlink(machineIDFile)
      throw DurableFiles.failure(errno, machineIDFile, doing: "cannot write")
    }
    return id
  }

  /// The stored id; nil when there is none yet, an error when the file is not one.
  func storedMachineID() throws(StoreError) -> String? {
    guard let bytes = try DurableFiles.read(machineIDFile, limit: 256) else { return nil }
    let text = String(decoding: bytes.filter { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    guard !text.isEmpty, MachineID.isValid(text) else {
      throw StoreError(
        .damagedFile, file: machineIDFile, problem: "is not a machine id",
        fix: "delete it; rehabit makes a new one on the next change")
    }
    return text
  }
}
