import Foundation
import RehabCore

/// `rehabit export --format html` over 10 years of history (issue 6): generating the data once,
/// then reading every progress file and rendering the HTML summary of the whole span.
enum ExportBenchmark {
  static func run(runs: Int) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehabit-bench-history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let lastDay = CalendarDay(year: 2036, month: 11, day: 30) ?? CalendarDay(daysSinceEpoch: 24_440)
    let generator = HistoryGenerator(directory: directory, years: 10, lastDay: lastDay)

    var records = 0
    let generate = try Stopwatch.sample(warmUp: 0, runs: 1) { records = try generator.write() }
    print(
      ReportLine(
        name: "history: write 10 years (\(records) item records)", samples: generate
      ).text)

    var bytes = 0
    let render = try Stopwatch.sample(warmUp: 1, runs: runs) {
      let history = try HistoryGenerator.load(directory)
      let html = try ExportDocument.render(
        .html, history: history, asOf: lastDay, from: generator.firstDay, to: lastDay)
      bytes = html.utf8.count
    }
    print(
      ReportLine(
        name: "export: HTML of 10 years (\(bytes / 1024) KiB), files read", samples: render
      ).text)

    let history = try HistoryGenerator.load(directory)
    let renderOnly = try Stopwatch.sample(warmUp: 1, runs: runs) {
      bytes = try ExportDocument.render(
        .html, history: history, asOf: lastDay, from: generator.firstDay, to: lastDay
      ).utf8.count
    }
    print(ReportLine(name: "export: HTML of 10 years, records in memory", samples: renderOnly).text)
  }
}
