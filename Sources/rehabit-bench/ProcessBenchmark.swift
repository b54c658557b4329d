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

  /// A ÷ B with the two run in turn (A B A B …, after warm-up runs of each) and the ratio
  /// taken pair by pair: the load of a shared machine drifts over the minutes between two
  /// separate measures, but hardly between two runs in a row. The median of the pairs' ratios.
  /// `alternates`: the arguments of every other pair (a `check` alternates with `uncheck`, so
  /// each run writes).
  private func pairedRatio(
    _ first: [String], over second: [String], secondExecutable: String? = nil,
    alternates: (first: [String], second: [String])? = nil
  ) throws -> Double {
    var ratios: [Double] = []
    for index in 0..<(warmUp + runs) {
      let words = index % 2 == 1 ? alternates ?? (first, second) : (first, second)
      let a = try ProcessRunner.run(
        binaries.rehabit, words.0, environment: environment,
        standardError: "/tmp/rehabit-bench-stderr.txt")
      let b = try ProcessRunner.run(
        secondExecutable ?? binaries.rehabit, words.1, environment: environment,
        standardError: "/tmp/rehabit-bench-stderr.txt")
      guard index >= warmUp, b.milliseconds > 0 else { continue }
      ratios.append(a.milliseconds / b.milliseconds)
    }
    return Samples(milliseconds: ratios).median
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

    /// Medians per history label and measure, for issue 19's "flat in history" ratios.
    var medians: [String: [String: Double]] = [:]
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

      let flags = try measure(["flags"] + common)
      print(ReportLine(name: "flags, \(label)", samples: flags.samples).text)
      medians[label] = [
        "today": today.samples.median, "status": status.samples.median,
        "week": week.samples.median, "check": check.samples.median,
        "flags": flags.samples.median,
      ]

      let export = try measure(["export", "--format", "html"] + common, runs: exportRuns)
      print(
        ReportLine(
          name: "export --format html, \(label)", samples: export.samples,
          target: isTarget ? 300 : nil
        ).text)

      guard isTarget else { continue }
      // The ratios from runs in turn (`pairedRatio`); the medians above beside them.
      verdicts.judge(
        "`rehabit today`, whole process", today.samples.median, atMost: 8, unit: "ms",
        figure: today.samples.summary)
      verdicts.judge(
        "`today` ÷ hello-world floor (\(floor.samples.summary)), runs in turn",
        try pairedRatio(
          ["today"] + common, over: ["--name", "rehabit"], secondExecutable: binaries.hello),
        atMost: 2.5, unit: "×")
      verdicts.judge(
        "`rehabit status` ÷ `today` (\(status.samples.summary)), runs in turn",
        try pairedRatio(["status"] + common, over: ["today"] + common), atMost: 1.05, unit: "×")
      verdicts.judge(
        "`rehabit week`", week.samples.median, atMost: 10, unit: "ms", figure: week.samples.summary
      )
      verdicts.judge(
        "one durable `check`", check.samples.median, atMost: 10, unit: "ms",
        figure: check.samples.summary)
      let emptyCommon = ["--data-dir", data.empty, "--date", day]
      verdicts.judge(
        "`check` ÷ the same on an empty history (\(emptyCheck.samples.summary)), runs in turn",
        try pairedRatio(
          ["check", "1"] + common, over: ["check", "1"] + emptyCommon,
          alternates: (["uncheck", "1"] + common, ["uncheck", "1"] + emptyCommon)),
        atMost: 1.2, unit: "×")
      verdicts.judge(
        "`export --format html` of everything", export.samples.median, atMost: 300, unit: "ms",
        figure: export.samples.summary)
      verdicts.judge(
        "peak RSS of `today`", Double(today.peakKiB) / 1024, atMost: 15, unit: "MB")
      verdicts.judge(
        "`week` ÷ hello-world floor, runs in turn",
        try pairedRatio(
          ["week"] + common, over: ["--name", "rehabit"], secondExecutable: binaries.hello),
        atMost: 3.5, unit: "×")
      verdicts.judge(
        "`flags` ÷ hello-world floor (flags \(flags.samples.summary)), runs in turn",
        try pairedRatio(
          ["flags"] + common, over: ["--name", "rehabit"], secondExecutable: binaries.hello),
        atMost: 3.5, unit: "×")
    }

    // Issue 19: each command on 10 years within 1.2× of the same on 1 month, runs in turn
    // (`check` alternating with `uncheck`, so that every run writes).
    let short = data.histories[0].label
    if let month = medians[short], let decade = medians[data.tenYears.label] {
      let shortCommon = ["--data-dir", data.histories[0].directory, "--date", day]
      let longCommon = ["--data-dir", data.tenYears.directory, "--date", day]
      for name in ["today", "check", "status", "week", "flags"] {
        guard let small = month[name], let large = decade[name] else { continue }
        let words = name == "check" ? ["check", "1"] : [name]
        let ratio = try pairedRatio(
          words + longCommon, over: words + shortCommon,
          alternates: name == "check"
            ? (["uncheck", "1"] + longCommon, ["uncheck", "1"] + shortCommon) : nil)
        verdicts.judge(
          "`\(name)` 10 years ÷ \(short) (medians \(Verdicts.format(large)) / \(Verdicts.format(small)) ms), runs in turn",
          ratio, atMost: 1.2, unit: "×")
      }
    }
    try exports(&verdicts)
  }

  /// Issue 19: every export format, and `import` of the JSON one, with peak RSS, at each
  /// history (1 month, 1 year, 10 years); the targets are judged at 10 years.
  private func exports(_ verdicts: inout Verdicts) throws {
    let day = "\(BenchData.lastDay)"
    let targets: [(String, Double)] = [
      ("json", 100), ("html", 60), ("ics", 60), ("markdown", 60), ("csv", 60),
    ]
    for history in data.histories {
      let isTarget = history.label == data.tenYears.label
      let common = ["--data-dir", history.directory, "--date", day]
      for (format, target) in targets {
        let export = try measure(["export", "--format", format] + common, runs: exportRuns)
        print(
          ReportLine(
            name: "export --format \(format), \(history.label)", samples: export.samples,
            target: isTarget ? target : nil
          ).text)
        print("  peak RSS \(megabytes(export.peakKiB)) MB")
        guard isTarget else { continue }
        verdicts.judge(
          "`export --format \(format)` of 10 years", export.samples.median, atMost: target,
          unit: "ms", figure: export.samples.summary)
        if format == "json" {
          verdicts.judge(
            "peak RSS of `export --format json`", Double(export.peakKiB) / 1024, atMost: 30,
            unit: "MB")
        }
      }
      let (samples, peak, measured) = try importing(history, common: common)
      print(
        ReportLine(
          name: "import of the JSON export, \(history.label)", samples: samples,
          target: isTarget ? 150 : nil
        ).text)
      print("  peak RSS \(megabytes(peak)) MB\(measured ? "" : " (wait4, an upper bound)")")
      guard isTarget else { continue }
      verdicts.judge(
        "`import` of the 10-year JSON export", samples.median, atMost: 150, unit: "ms",
        figure: samples.summary)
      verdicts.judge("peak RSS of `import`", Double(peak) / 1024, atMost: 30, unit: "MB")
    }
  }

  /// `import` of the history's JSON export into a new folder each run (an import never fills
  /// a folder that has data without --force): the timings, the median peak RSS, and whether
  /// that is GNU time's figure.
  private func importing(_ history: BenchData.History, common: [String]) throws -> (
    Samples, Int, Bool
  ) {
    let archive =
      "\(data.root)/export-\(history.label.replacingOccurrences(of: " ", with: "-")).json"
    _ = try ProcessRunner.run(
      binaries.rehabit, ["export", "--format", "json", "--output", archive, "--force"] + common,
      environment: environment)
    var times: [Double] = []
    var peaks: [Int] = []
    // The folders are removed after all the runs, not between them: deleting 500 files
    // (discarded on this file system) slows the writes of the next run, which is the
    // benchmark's own cost, not an import's.
    let folders = (0..<(warmUp + exportRuns)).map { "\(data.root)/import-\($0)" }
    defer { folders.forEach(BenchData.removeTree) }
    for (index, target) in folders.enumerated() {
      let run = try ProcessRunner.run(
        binaries.rehabit, ["import", archive, "--data-dir", target], environment: environment,
        standardError: "/tmp/rehabit-bench-stderr.txt")
      guard index >= warmUp else { continue }
      times.append(run.milliseconds)
      peaks.append(run.peakKiB)
    }
    // GNU time's figure where there is one (see `ProcessRunner.peakRSS`), each run into a
    // new folder too.
    var measured: [Int] = []
    let rssTargets = (0..<3).map { "\(data.root)/import-rss-\($0)" }
    defer { rssTargets.forEach(BenchData.removeTree) }
    for target in rssTargets {
      if let peak = try ProcessRunner.peakRSS(
        binaries.rehabit, ["import", archive, "--data-dir", target], environment: environment)
      {
        measured.append(peak)
      }
    }
    let rss = measured.isEmpty ? peaks : measured
    return (Samples(milliseconds: times), rss.sorted()[rss.count / 2], !measured.isEmpty)
  }

  private func megabytes(_ kibibytes: Int) -> String {
    Verdicts.format(Double(kibibytes) / 1024)
  }
}
