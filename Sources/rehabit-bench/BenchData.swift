import Foundation
import RehabCore
import RehabStore

/// The data directories the benchmarks run against, written once per run through
/// `ProgressStore`: 1 month, 1 year and 10 years of daily history (10 items a day), and an
/// empty history (programme.json only, the 10-year one's programme) for the `check` floor.
struct BenchData {
  struct History {
    let label: String
    let generator: HistoryGenerator
    var directory: String { generator.directory }
  }

  /// A past Wednesday, so `check` (today or earlier) works and `week` is half over.
  static let lastDay =
    CalendarDay(year: 2026, month: 6, day: 24) ?? CalendarDay(daysSinceEpoch: 20_628)

  let root: String
  let histories: [History]
  let empty: String

  var tenYears: History { histories[histories.count - 1] }

  /// Kept after the run when `root` is given (for profiling); else a temporary folder.
  let keep: Bool

  init(root: String? = nil) {
    keep = root != nil
    self.root =
      root
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("rehabit-bench-\(UUID().uuidString)").path
    histories = [
      History(
        label: "1 month",
        generator: HistoryGenerator(
          directory: "\(self.root)/1-month", days: 30, lastDay: BenchData.lastDay)),
      History(
        label: "1 year",
        generator: HistoryGenerator(
          directory: "\(self.root)/1-year", years: 1, lastDay: BenchData.lastDay)),
      History(
        label: "10 years",
        generator: HistoryGenerator(
          directory: "\(self.root)/10-years", years: 10, lastDay: BenchData.lastDay)),
    ]
    empty = "\(self.root)/empty"
  }

  /// Writes every directory; prints how long each took.
  func write() throws {
    for history in histories {
      var records = 0
      let samples = try Stopwatch.sample(warmUp: 0, runs: 1) {
        records = try history.generator.write()
      }
      print(
        ReportLine(
          name: "history: write \(history.label) (\(records) item records)", samples: samples
        ).text)
    }
    let store = ProgressStore(directory: empty)
    try store.saveProgramme(tenYears.generator.programme, replacing: true)
  }

  static func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }

  func remove() {
    if !keep { try? FileManager.default.removeItem(atPath: root) }
  }
}
