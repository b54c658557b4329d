import RehabCore
import RehabQueries
import TextSafety

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where commands print. Every user or programme text goes through `safe` so that nothing
/// stored can put control sequences on the terminal.
enum Output {
  static func line(_ text: String = "") {
    write(text + "\n", to: STDOUT_FILENO)
  }

  static func error(_ text: String) {
    write(TextSanitizer.terminalLine(text) + "\n", to: STDERR_FILENO)
  }

  /// One warning line on stderr per damaged week file the answer left out (`ProgressQueries.
  /// damaged`): the command still answers, from what can be read, and says what may be off.
  static func warnAboutDamagedWeeks(_ queries: ProgressQueries) {
    for entry in queries.damaged.all {
      let file = entry.error.file ?? "progress/\(entry.week).json"
      error(
        "rehabit: warning: \(file) is damaged (\(entry.error.problem)) and was left out: adherence, flags and pain guidance may be off until it is fixed; rehabit never overwrites it"
      )
    }
  }

  /// Text from a file or a person, made safe to show on a terminal (`TextSanitizer`, the one
  /// rule every output of rehabit follows).
  static func safe(_ text: String) -> String { TextSanitizer.terminalLine(text) }

  /// Pretty JSON with sorted keys, like the files on disk.
  static func json<Value: Encodable>(_ value: Value) throws {
    write(try JSONCoding.encode(value), to: STDOUT_FILENO)
  }

  /// All of `text` to the file descriptor, unbuffered (as FileHandle wrote it, without
  /// Foundation): retried on interruption and short writes, given up on any other error.
  static func write(_ text: String, to descriptor: Int32) {
    write(Array(text.utf8), to: descriptor)
  }

  static func write(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { buffer in
      var written = 0
      while written < buffer.count {
        let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          return
        }
        written += count
      }
    }
  }

  private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int)
    -> Int
  {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #else
      Darwin.write(descriptor, bytes, count)
    #endif
  }
}
