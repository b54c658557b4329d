/// What is wrong with a programme file, where, and how to fix it; always one line.
public struct ProgrammeProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file the programme came from (a path or `template NAME`), when known.
  public var file: String?
  /// JSON path such as `treatments[2].dose.reps`.
  public var path: String
  public var message: String
  public var fix: String

  public init(file: String? = nil, path: String, message: String, fix: String) {
    self.file = file
    self.path = path
    self.message = message
    self.fix = fix
  }

  public var description: String {
    let location = [file, path].compactMap { $0 }.joined(separator: ": ")
    return "\(location): \(message); \(fix)"
  }

  public func inFile(_ file: String) -> ProgrammeProblem {
    var copy = self
    copy.file = file
    return copy
  }
}
