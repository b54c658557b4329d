/// Whole `rehabit` processes, as a person or a script runs them: spawned, stdout to /dev/null,
/// reaped; warm-up runs first, then timed runs. Each history size in turn shows how the cost
/// grows; the targets are judged at 10 years.
struct ProcessBenchmark {
  let binaries: Binaries
  let data: BenchData
  let runs: Int
  let exportRuns: Int
  let warmUp: Int

  private var environment: [String: String] { ["REHABIT_TODAY": "\(BenchData.lastDay)"] }

  /// Times `rehabit arguments…` (or `executable`); returns the timings and the median peak RSS.
  private func measure(
    _ arguments: [String], executable: String? = nil, runs: Int? = nil,
    alternate: [String]? = nil
  ) throws -> (samples: Samples, peakKiB: Int) {
    let runs = runs ?? self.runs
    var times: [Double] = []
    var peaks: [Int] = []
    for index in 0..<(warmUp + runs) {
      let words = alternate.flatMap { index % 2 == 1 ? $0 : nil } ?? arguments
      let run = try ProcessRunner.run(
        executable ?? binaries.rehabit, words, environment: environment,
        standardError: "/tmp/rehabit-bench-stderr.txt")
      guard index >= warmUp else { continue }
      times.append(run.milliseconds)
      peaks.append(run.peakKiB)
    }
    let executable = executable ?? binaries.rehabit
    var measured: [Int] = []
    for _ in 0..<3 {
      if let peak = try ProcessRunner.peakRSS(executable, arguments, environment: environment) {
        measured.append(peak)
      }
    }
    // Without GNU time, wait4's figure: an upper bound (see `ProcessRunner.peakRSS`).
    let rss = measured.isEmpty ? peaks : measured
    return (Samples(milliseconds: times), rss.sorted()[rss.count / 2])
  }

  func run(_ verdicts: inout Verdicts) throws {
    print("")
    print(
      "whole processes (posix_spawn + wait4, stdout to /dev/null; \(warmUp) warm-up runs, binaries: \(binaries.description))"
    )
    let floor = try measure(["--name", "rehabit"], executable: binaries.hello)
    print(
      ReportLine(name: "floor: rehabit-hello (ArgumentParser + Foundation)", samples: floor.samples)
        .text)
    print("  floor peak RSS \(megabytes(floor.peakKiB)) MB")

    let day = "\(BenchData.lastDay)"
    let emptyCheck = try measure(
      ["check", "1", "--data-dir", data.empty, "--date", day],
      alternate: ["uncheck", "1", "--data-dir", data.empty, "--date", day])
    print(ReportLine(name: "check (durable), empty history", samples: emptyCheck.samples).text)

    for history in data.histories {
      let isTarget = history.label == data.tenYears.label
      let common = ["--data-dir", history.directory, "--date", day]
      let label = history.label

      let today = try measure(["today"] + common)
      print(
        ReportLine(
          name: "today, \(label)", samples: today.samples, target: isTarget ? 8 : nil
        ).text)
      print(
        "  today ÷ floor \(Verdicts.format(today.samples.median / floor.samples.median))×, peak RSS \(megabytes(today.peakKiB)) MB"
      )

      // A prompt runs `status` on every command line: it must cost no more than `today`.
      let status = try measure(["status"] + common)
      print(ReportLine(name: "status, \(label)", samples: status.samples).text)
      print(
        "  status ÷ today \(Verdicts.format(status.samples.median / today.samples.median))×"
      )

      let week = try measure(["week"] + common)
      print(
        ReportLine(name: "week, \(label)", samples: week.samples, target: isTarget ? 10 : nil).text
      )

      let check = try measure(
        ["check", "1"] + common, alternate: ["uncheck", "1"] + common)
      print(
        ReportLine(
          name: "check (durable, alternating with uncheck), \(label)", samples: check.samples,
          target: isTarget ? 10 : nil
        ).text)
      print(
        "  check ÷ check on an empty history \(Verdicts.format(check.samples.median / emptyCheck.samples.median))×"
      )

      let export = try measure(["export", "--format", "html"] + common, runs: exportRuns)
      print(
        ReportLine(
          name: "export --format html, \(label)", samples: export.samples,
          target: isTarget ? 300 : nil
        ).text)

      guard isTarget else { continue }
      verdicts.judge(
        "`rehabit today`, whole process", today.samples.median, atMost: 8, unit: "ms",
        figure: today.samples.summary)
      verdicts.judge(
        "`today` ÷ hello-world floor (\(floor.samples.summary))",
        today.samples.median / floor.samples.median, atMost: 2.5, unit: "×")
      verdicts.judge(
        "`rehabit status` ÷ `today` (\(status.samples.summary))",
        status.samples.median / today.samples.median, atMost: 1.05, unit: "×")
      verdicts.judge(
        "`rehabit week`", week.samples.median, atMost: 10, unit: "ms", figure: week.samples.summary
      )
      verdicts.judge(
        "one durable `check`", check.samples.median, atMost: 10, unit: "ms",
        figure: check.samples.summary)
      verdicts.judge(
        "`check` ÷ the same on an empty history (\(emptyCheck.samples.summary))",
        check.samples.median / emptyCheck.samples.median, atMost: 1.2, unit: "×")
      verdicts.judge(
        "`export --format html` of everything", export.samples.median, atMost: 300, unit: "ms",
        figure: export.samples.summary)
      verdicts.judge(
        "peak RSS of `today`", Double(today.peakKiB) / 1024, atMost: 15, unit: "MB")
    }
  }

  private func megabytes(_ kibibytes: Int) -> String {
    Verdicts.format(Double(kibibytes) / 1024)
  }
}
