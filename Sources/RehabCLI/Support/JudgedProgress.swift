import RehabCore
import RehabStore

/// The programme and its progress files as of a day, judged by the flag engine: what `week`
/// and `flags` read.
struct JudgedProgress {
  let programme: Programme
  let asOf: CalendarDay
  let engine: FlagEngine

  /// Reads programme.json and the progress weeks from the start through `asOf` (nothing later
  /// counts), then judges them.
  static func load(_ common: CommonOptions) throws -> JudgedProgress {
    let store = try common.store()
    let programme = try common.requireProgramme(in: store)
    let asOf = try common.day()
    let weeks = try store.weeks(from: programme.start, through: min(asOf, programme.end))
    let history = ProgressHistory(programme: programme, weeks: weeks)
    return JudgedProgress(
      programme: programme, asOf: asOf, engine: FlagEngine(history: history, asOf: asOf))
  }
}
