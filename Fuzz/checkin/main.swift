// libFuzzer harness: the check-in words of `rehabit checkin` (`--pain`, `--function`,
// `--measure NAME[:SIDE]=VALUE`). The input is lines of text: pain, function, then measures.
// Accepted values must be in range and survive being stored in a week file.
// Built and run by .ci/fuzz, never by `swift build`.
import RehabCore
import RehabStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckin(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  for line in lines { _ = try? CheckinInput.Entry.parse(line) }
  guard lines.count >= 2, let pain = Double(lines[0]), let function = Double(lines[1]) else {
    return 0
  }
  guard
    let input = try? CheckinInput(
      pain: pain, function: function, measures: Array(lines.dropFirst(2))),
    let values = try? input.values()
  else { return 0 }
  for (measure, value) in values where CheckinProblem.check(value, for: measure) != nil {
    fatalError("an accepted check-in value is out of range: \(measure) \(value)")
  }
  guard let day = CalendarDay("2026-12-06") else { return 0 }
  let id = RecordID(kind: .checkin, day: day, suffix: 1).description
  // A real time stamp: files refuse anything else (`Timestamp`).
  let checkin = Checkin(day: day, values: values, at: "2026-12-06T09:00:00Z", id: id)
  let week = ProgressWeek(week: ISOWeek(containing: day), checkins: [checkin])
  do {
    let decoded = try ProgressDecoding.week(from: try JSONCoding.encode(week), expected: week.week)
    if decoded != week { fatalError("a check-in changed when stored") }
  } catch {
    fatalError("an accepted check-in cannot be stored: \(error)")
  }
  return 0
}
