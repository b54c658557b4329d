#if canImport(Glibc)
  import Glibc
#endif

/// The machine the figures were taken on, for the report: processors online and CPU model.
enum Machine {
  static var description: String {
    let processors = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return "\(processors) processors online, \(cpuModel ?? "unknown CPU")"
  }

  /// `model name` from /proc/cpuinfo.
  static var cpuModel: String? {
    guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 1024)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(
        decoding: line.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) },
        as: UTF8.self)
      guard text.hasPrefix("model name"), let colon = text.firstIndex(of: ":") else { continue }
      return String(text[text.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
    }
    return nil
  }
}
