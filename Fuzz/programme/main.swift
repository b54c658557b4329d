// libFuzzer harness: programme files (templates and programme.json) through the decoder and
// the validator; whatever they accept must schedule without trapping and survive a round trip.
// Built and run by .ci/fuzz, never by `swift build`.
import RehabCore
import RehabStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgramme(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let plan = try? ProgrammeDecoding.plan(from: bytes, file: "fuzz") {
    guard let start = CalendarDay("2026-11-30") else { return 0 }
    exercise(Programme(plan: plan, start: start, affectedSide: .left))
  }
  if let programme = try? ProgrammeDecoding.programme(from: bytes, file: "fuzz") {
    exercise(programme)
  }
  return 0
}

/// A valid programme must schedule every day and read back what it writes.
private func exercise(_ programme: Programme) {
  let scheduler = Scheduler(programme: programme)
  for offset in [0, 1, 6, 7, 13, programme.weeks * 7 - 1] {
    _ = scheduler.checklist(for: programme.start.adding(days: offset))
  }
  guard let encoded = try? JSONCoding.encode(programme) else {
    fatalError("a valid programme cannot be encoded")
  }
  guard let decoded = try? ProgrammeDecoding.programme(from: encoded, file: "fuzz") else {
    fatalError("a valid programme does not read back: \(String(decoding: encoded, as: UTF8.self))")
  }
  if decoded != programme { fatalError("a programme changed in a round trip") }
}
