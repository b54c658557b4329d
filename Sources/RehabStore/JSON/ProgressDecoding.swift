import RehabCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads a progress file's bytes into a `ProgressWeek`: syntax (with line and column), version
/// (migrating older ones, refusing newer ones), shape (with a JSON path) and consistency.
public enum ProgressDecoding {
  public static func week(from bytes: [UInt8], expected: ISOWeek? = nil) throws(ProgressProblem)
    -> ProgressWeek
  {
    // Files as rehabit writes them take one cheap pass; anything else the careful path below.
    let week: ProgressWeek
    if let fast = ProgressFastDecoding.week(from: bytes) {
      week = fast
    } else {
      week = try carefulWeek(from: bytes)
    }
    if let expected, week.week != expected {
      throw ProgressProblem(
        path: "week", message: "says \(week.week) but the file is for \(expected)",
        fix: "set \"week\": \"\(expected)\" or rename the file to \(week.week).json")
    }
    if let problem = week.problems.first { throw problem }
    return week
  }

  /// Syntax (with line and column), version (migrating older ones) and shape (with a path).
  static func carefulWeek(from bytes: [UInt8]) throws(ProgressProblem) -> ProgressWeek {
    let document: StoredJSON
    do {
      document = try StoredJSON.parse(bytes)
    } catch {
      throw ProgressProblem(
        path: "line \(error.line), column \(error.column)",
        message: "not valid JSON: \(error.message)",
        fix: "fix the JSON at that place")
    }
    guard let object = document.objectValue else {
      throw ProgressProblem(
        path: "(top level)", message: "expected an object { … }",
        fix: "a progress file is one JSON object with \"schemaVersion\" and \"week\"")
    }
    guard let versionValue = object["schemaVersion"] else {
      throw ProgressProblem(
        path: "schemaVersion", message: "missing field 'schemaVersion'",
        fix: "add \"schemaVersion\": \(ProgressWeek.schemaVersion)")
    }
    guard let version = versionValue.intValue else {
      throw ProgressProblem(
        path: "schemaVersion", message: "\(versionValue.text) is not a version number",
        fix: "write a whole number such as \(ProgressWeek.schemaVersion)")
    }
    if version > ProgressWeek.schemaVersion {
      throw ProgressProblem(
        path: "schemaVersion",
        message:
          "version \(version) was written by a newer rehabit (this one reads up to \(ProgressWeek.schemaVersion))",
        fix: "upgrade rehabit to read it")
    }

    if version == ProgressWeek.schemaVersion { return try decode(bytes) }
    let migrated = try ProgressWeekMigration.migrate(object, from: version)
    return try decode(Array(StoredJSON.object(migrated).text.utf8), migratedFrom: version)
  }

  private static func decode(_ bytes: [UInt8], migratedFrom version: Int? = nil)
    throws(ProgressProblem) -> ProgressWeek
  {
    do {
      return try JSONCoding.decoder.decode(ProgressWeek.self, from: Data(bytes))
    } catch let error as DecodingError {
      var problem = problem(from: error)
      if let version { problem.message += " (after upgrading from version \(version))" }
      throw problem
    } catch {
      throw ProgressProblem(
        path: "(top level)", message: "cannot be read (\(error))", fix: "check the file by hand")
    }
  }

  /// Foundation's decoding errors as path, message and fix.
  public static func problem(from error: DecodingError) -> ProgressProblem {
    switch error {
    case .typeMismatch(let type, let context):
      return ProgressProblem(
        path: path(context.codingPath), message: "expected \(describe(type))",
        fix: "change the value to \(describe(type))")
    case .valueNotFound(let type, let context):
      return ProgressProblem(
        path: path(context.codingPath), message: "is null", fix: "give it \(describe(type))")
    case .keyNotFound(let key, let context):
      return ProgressProblem(
        path: path(context.codingPath + [key]), message: "missing field '\(key.stringValue)'",
        fix: "add it")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        // The syntax was checked already, so this is a number of the wrong kind.
        return ProgressProblem(
          path: "(top level)", message: "a value has the wrong kind (\(context.debugDescription))",
          fix: "check numbers and text against the file's documented shape")
      }
      return ProgressProblem(
        path: path(context.codingPath), message: context.debugDescription,
        fix: "correct the value")
    @unknown default:
      return ProgressProblem(
        path: "(top level)", message: "\(error)", fix: "check the file by hand")
    }
  }

  /// `items["2026-12-02.heel-raises.left"].status`: keys that contain dots are quoted.
  public static func path(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
      if let index = key.intValue {
        text += "[\(index)]"
      } else if key.stringValue.contains(".") || key.stringValue.contains(" ") {
        text += "[\"\(key.stringValue)\"]"
      } else {
        text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return text.isEmpty ? "(top level)" : text
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default: "\(type)".hasPrefix("Array") ? "a list [ … ]" : "an object { … }"
    }
  }
}
