import RehabCore

/// What `rehabit merge-driver %O %A %B %P` does for git: merges two machines' versions of one
/// data file by meaning (`WeekMerge`, `ProgrammeMerge`) and writes the result canonically, so
/// git never leaves conflict markers in rehabit's files. A side that does not read strictly is
/// refused, naming the file, so a damaged file is never merged into a good one.
public enum MergeDriver {
  /// The kinds of data file the driver merges, told by their path in the data folder.
  public enum FileKind: Hashable, Sendable {
    case week(ISOWeek)
    case programme
  }

  /// `progress/2026-W49.json` is a week, `programme.json` and `programmes/*.json` programmes;
  /// nil for any other path.
  public static func kind(ofPath path: String) -> FileKind? {
    let parts = path.split(separator: "/").map(String.init)
    guard let name = parts.last, name.hasSuffix(".json") else { return nil }
    switch parts.dropLast().last {
    case "progress": return ISOWeek(String(name.dropLast(5))).map(FileKind.week)
    case "programmes": return .programme
    default: return name == "programme.json" ? .programme : nil
    }
  }

  /// The merged file's bytes: `ours` and `theirs` must read strictly; `base` (empty when git
  /// has none) is a hint only and ignored when it does not read. The result does not depend on
  /// which side is ours.
  public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], path: String)
    throws(StoreError) -> [UInt8]
  {
    guard let kind = kind(ofPath: path) else {
      throw StoreError(
        .invalidChange, file: path, problem: "is not a rehabit data file the merge driver knows",
        fix: "register the driver only for progress/*.json, programme.json and programmes/*.json")
    }
    switch kind {
    case .week(let week):
      func read(_ bytes: [UInt8], side: String) throws(StoreError) -> ProgressWeek {
        do {
          return try ProgressDecoding.week(from: bytes, expected: week)
        } catch {
          throw damaged(path, side: side, problem: error.description)
        }
      }
      let first = try read(ours, side: "ours")
      let second = try read(theirs, side: "theirs")
      let hint = base.flatMap { try? ProgressDecoding.week(from: $0, expected: week) }
      guard let merged = WeekMerge.merge([first, second], base: hint) else {
        throw damaged(path, side: "theirs", problem: "the two sides are of different weeks")
      }
      // Two valid sides merge into a valid file; checked anyway, as before every write.
      if let problem = merged.problems.first {
        throw damaged(path, side: "merged", problem: problem.description)
      }
      return try encode(merged, path: path)
    case .programme:
      func read(_ bytes: [UInt8], side: String) throws(StoreError) -> Programme {
        do {
          return try ProgrammeDecoding.programme(from: bytes, file: path)
        } catch {
          throw damaged(path, side: side, problem: "\(error.path): \(error.message)")
        }
      }
      let first = try read(ours, side: "ours")
      let second = try read(theirs, side: "theirs")
      let hint = base.flatMap { try? ProgrammeDecoding.programme(from: $0, file: path) }
      guard let merged = ProgrammeMerge.merge([first, second], base: hint) else {
        throw damaged(path, side: "theirs", problem: "nothing to merge")
      }
      if let problem = ProgrammeValidator.problems(in: merged).first {
        throw damaged(path, side: "merged", problem: "\(problem.path): \(problem.message)")
      }
      return try encode(merged, path: path)
    }
  }

  /// Reads git's three files, merges, and writes the result over `ours` (git's `%A`).
  public static func run(base: String, ours: String, theirs: String, path: String)
    throws(StoreError)
  {
    func bytes(_ file: String, side: String) throws(StoreError) -> [UInt8] {
      guard let read = try DurableFiles.read(file) else {
        throw StoreError(
          .fileSystem, file: path, problem: "git's \(side) version (\(file)) cannot be found",
          fix: "run the merge again from git")
      }
      return read
    }
    let merged = try merge(
      base: try? DurableFiles.read(base) ?? nil, ours: try bytes(ours, side: "ours"),
      theirs: try bytes(theirs, side: "theirs"), path: path)
    let directory = DurableFiles.parentDirectory(of: ours)
    let name = String(ours.split(separator: "/").last ?? Substring(ours))
    try DurableFiles.writeAtomically(merged, directory: directory, name: name)
  }

  static func damaged(_ path: String, side: String, problem: String) -> StoreError {
    StoreError(
      .damagedFile, file: path, problem: "cannot merge: \(side) version is damaged (\(problem))",
      fix: "repair that machine's copy of the file, then sync again")
  }

  static func encode<Value: Encodable>(_ value: Value, path: String) throws(StoreError)
    -> [UInt8]
  {
    do {
      return try JSONCoding.encode(value)
    } catch {
      throw StoreError(
        .fileSystem, file: path, problem: "cannot encode the merged file (\(error))",
        fix: "nothing was written; please report this")
    }
  }
}
