import RehabCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads programme JSON into values, turning every decoding failure into a `ProgrammeProblem`.
public enum ProgrammeDecoding {
  /// Decodes and validates a template; never returns a partial plan.
  public static func plan(from data: [UInt8], file: String) throws(ProgrammeProblem)
    -> ProgrammePlan
  {
    let plan: ProgrammePlan = try decode(data, file: file)
    if let problem = ProgrammeValidator.problems(in: plan).first {
      throw problem.inFile(file)
    }
    return plan
  }

  /// Decodes and validates a running programme (`programme.json`).
  public static func programme(from data: [UInt8], file: String) throws(ProgrammeProblem)
    -> Programme
  {
    let programme: Programme = try decode(data, file: file)
    if let problem = ProgrammeValidator.problems(in: programme).first {
      throw problem.inFile(file)
    }
    return programme
  }

  static func decode<Value: Decodable>(_ data: [UInt8], file: String) throws(ProgrammeProblem)
    -> Value
  {
    do {
      return try JSONCoding.decoder.decode(Value.self, from: Data(data))
    } catch let error as DecodingError {
      // Foundation on Linux gives no position for syntax errors; find it for the user.
      do {
        _ = try StoredJSON.parse(data)
      } catch let syntax {
        throw ProgrammeProblem(
          file: file, path: "(top level)", message: "is not valid JSON at \(syntax)",
          fix: "fix the JSON syntax at that place (a missing comma, quote or bracket)")
      }
      throw problem(from: error, file: file)
    } catch {
      throw ProgrammeProblem(
        file: file, path: "(top level)", message: "cannot be read as JSON (\(error))",
        fix: "check the file is valid UTF-8 JSON")
    }
  }

  /// Maps Foundation's decoding errors to path, message and fix.
  public static func problem(from error: DecodingError, file: String) -> ProgrammeProblem {
    switch error {
    case .typeMismatch(let type, let context):
      return ProgrammeProblem(
        file: file, path: jsonPath(context.codingPath),
        message: "expected \(describe(type))",
        fix: "change the value to \(describe(type))")
    case .valueNotFound(let type, let context):
      return ProgrammeProblem(
        file: file, path: jsonPath(context.codingPath), message: "is null",
        fix: "give it \(describe(type))")
    case .keyNotFound(let key, let context):
      return ProgrammeProblem(
        file: file, path: jsonPath(context.codingPath + [key]),
        message: "missing field '\(key.stringValue)'",
        fix: "add it (see Programs/README.md)")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return ProgrammeProblem(
          file: file, path: "(top level)",
          message: "is not valid JSON: \(context.debugDescription)",
          fix: "fix the JSON syntax at that place (a missing comma, quote or bracket)")
      }
      return ProgrammeProblem(
        file: file, path: jsonPath(context.codingPath), message: context.debugDescription,
        fix: "see Programs/README.md for the allowed values")
    @unknown default:
      return ProgrammeProblem(
        file: file, path: "(top level)", message: "\(error)", fix: "see Programs/README.md")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default:
      "\(type)".hasPrefix("Array") ? "a list [ … ]" : "an object { … }"
    }
  }
}

/// Renders a coding path the way people read JSON: `treatments[2].dose.reps`.
public func jsonPath(_ codingPath: [any CodingKey]) -> String {
  var path = ""
  for key in codingPath {
    if let index = key.intValue {
      path += "[\(index)]"
    } else {
      path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
    }
  }
  return path.isEmpty ? "(top level)" : path
}
