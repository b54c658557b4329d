import RehabCore
import RehabStore

/// `rehabit export --format html` over 10 years of history (issue 6), in process: reading every
/// progress file and rendering the HTML summary of the whole span (the data is `BenchData`'s).
enum ExportBenchmark {
  static func run(_ generator: HistoryGenerator, runs: Int) throws {
    let directory = generator.directory
    let lastDay = generator.lastDay

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
