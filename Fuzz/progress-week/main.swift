// libFuzzer harness: progress week files (any schema version, so migrations too) through the
// syntax checker, the one-pass reader, the migrations and the decoder. Whatever the one-pass
// reader accepts, the careful path must read as the same week (the reader is only a shortcut).
// What is accepted must be written back and read again unchanged: a week that cannot be re-read
// would be lost on the next save. Built and run by .ci/fuzz, never by `swift build`.
import RehabCore

@testable import RehabStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgressWeek(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // The syntax checker alone: what it parses, its own text must parse to the same value.
  if let document = try? StoredJSON.parse(bytes) {
    guard let again = try? StoredJSON.parse(Array(document.text.utf8)), again == document else {
      fatalError("StoredJSON text does not parse back: \(document.text)")
    }
  }
  // The one-pass reader against the careful path, on every input it accepts.
  if let fast = ProgressFastDecoding.week(from: bytes) {
    do {
      let careful = try ProgressDecoding.carefulWeek(from: bytes)
      if careful != fast {
        fatalError("the one-pass reader and the careful path read different weeks")
      }
    } catch {
      fatalError("the one-pass reader accepts what the careful path refuses: \(error)")
    }
  }
  guard let week = try? ProgressDecoding.week(from: bytes) else { return 0 }
  guard let encoded = try? JSONCoding.encode(week) else {
    fatalError("an accepted week cannot be encoded")
  }
  do {
    let decoded = try ProgressDecoding.week(from: encoded, expected: week.week)
    if decoded != week { fatalError("a week changed in a round trip") }
  } catch {
    fatalError("an accepted week does not read back: \(error)")
  }
  // A merge (sync) of a week with itself or its own merge is the same week, valid.
  guard let merged = WeekMerge.merge([week, week]), merged.problems.isEmpty,
    WeekMerge.merge([merged, week]) == merged,
    Set(merged.pain) == Set(week.pain), merged.items == week.items
  else { fatalError("a week does not merge with itself into the same week") }
  _ = week.painEntries
  return 0
}
