#if canImport(Glibc)
  import Glibc
#endif

/// The executables timed as whole processes: `rehabit` and the hello-world floor
/// `rehabit-hello` (swift-argument-parser and Foundation, like rehabit, printing one line),
/// built with the same flags.
///
/// By default they are (re)built first with `swift build -c release` into the scratch
/// directory this benchmark was built in, with `--static-swift-stdlib` when the benchmark
/// itself was (so `swift run -c release --static-swift-stdlib rehabit-bench` times the release
/// build the README documents, and nothing is rebuilt with other flags); `--bin DIR` times
/// ready-built ones instead (no build).
struct Binaries {
  let rehabit: String
  let hello: String
  /// How they were built, for the report.
  let description: String

  static func prepare(binDirectory: String?) throws -> Binaries {
    let staticStdlib = !linksSwiftRuntimeDynamically()
    if let binDirectory {
      return Binaries(
        rehabit: "\(binDirectory)/rehabit", hello: "\(binDirectory)/rehabit-hello",
        description: "ready-built in \(binDirectory)")
    }
    let own = executableDirectory()
    // `<scratch>/<triple>/release/rehabit-bench`.
    let scratch = own.split(separator: "/").dropLast(2).joined(separator: "/")
    let flags = ["-c", "release"] + (staticStdlib ? ["--static-swift-stdlib"] : [])
    let log = "/tmp/rehabit-bench-build-\(getpid()).log"
    defer { unlink(log) }
    for product in ["rehabit", "rehabit-hello"] {
      let arguments = ["build"] + flags + ["--scratch-path", "/\(scratch)", "--product", product]
      do {
        _ = try ProcessRunner.run(
          "swift", arguments, standardOutput: log, standardError: log, searchingPath: true)
      } catch {
        throw ProcessRunner.Failure(
          description: "\(error); pass --bin DIR to time ready-built binaries")
      }
    }
    return Binaries(
      rehabit: "\(own)/rehabit", hello: "\(own)/rehabit-hello",
      description: "swift build \(flags.joined(separator: " "))")
  }

  /// Whether libswiftCore.so is mapped into this process (a build without
  /// `--static-swift-stdlib`).
  static func linksSwiftRuntimeDynamically() -> Bool {
    guard let maps = fopen("/proc/self/maps", "r") else { return false }
    defer { fclose(maps) }
    var line = [CChar](repeating: 0, count: 4096)
    while fgets(&line, Int32(line.count), maps) != nil {
      if strstr(line, "libswiftCore.so") != nil { return true }
    }
    return false
  }

  /// The folder of this executable (symbolic links resolved).
  static func executableDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return "." }
    let path = String(
      decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }
}
