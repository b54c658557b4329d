import RehabCore

/// rehabit's benchmarks: `swift run -c release --static-swift-stdlib rehabit-bench [--quick]
/// [--bin DIR] [--data DIR]`.
/// Prints median and spread per measure, and issue 7's targets with pass/MISS; timings are
/// reported, never asserted in tests.
let argumentList = Array(CommandLine.arguments.dropFirst())
let arguments = Set(argumentList)
let quick = arguments.contains("--quick")
let runs = quick ? 5 : 30
/// `--bin DIR`: time the `rehabit` and `rehabit-hello` already built in DIR.
let binDirectory = value(of: "--bin")
/// `--data DIR`: write the data directories into DIR and keep them (to profile against).
let dataDirectory = value(of: "--data")

func value(of option: String) -> String? {
  argumentList.firstIndex(of: option).flatMap {
    argumentList.indices.contains($0 + 1) ? argumentList[$0 + 1] : nil
  }
}

print("rehabit-bench (\(quick ? "quick" : "full") run, \(runs) samples per measure)")
print("machine: \(Machine.description)")

let start = CalendarDay(year: 2026, month: 11, day: 30) ?? CalendarDay(daysSinceEpoch: 20_787)
let programme = SyntheticProgramme.large(start: start)
let pain = SyntheticProgramme.pain(for: programme)
let allDays = (0..<(programme.weeks * 7)).map { start.adding(days: $0) }

var itemCount = 0
let wholeSchedule = Stopwatch.sample(runs: runs) {
  let scheduler = Scheduler(programme: programme)
  let guidance = scheduler.painGuidance(pain)
  itemCount = allDays.reduce(0) { $0 + scheduler.checklist(for: $1, guidance: guidance).count }
}
print(
  ReportLine(
    name: "schedule: 52 weeks × 30 treatments (\(itemCount) items)", samples: wholeSchedule
  ).text)

let lastDay = allDays[allDays.count - 1]
let oneDay = Stopwatch.sample(runs: runs * 10) {
  let scheduler = Scheduler(programme: programme)
  itemCount = scheduler.checklist(for: lastDay, pain: pain).count
}
print(ReportLine(name: "schedule: one day in week 52 (\(itemCount) items)", samples: oneDay).text)

print("")
let data = BenchData(root: dataDirectory)
defer { data.remove() }
var verdicts = Verdicts()
do {
  try data.write()
  try ExportBenchmark.run(data.tenYears.generator, runs: quick ? 3 : 10)

  print("")
  for history in data.histories {
    var judged: Verdicts? = history.label == data.tenYears.label ? verdicts : nil
    try FrameBenchmark.run(history, runs: runs, verdicts: &judged)
    if let judged { verdicts = judged }
  }

  let binaries = try Binaries.prepare(binDirectory: binDirectory)
  print("")
  try SessionBenchmark.run(root: data.root, binaries: binaries, quick: quick, verdicts: &verdicts)
  try ProcessBenchmark(
    binaries: binaries, data: data, runs: runs, exportRuns: quick ? 3 : 10, warmUp: quick ? 2 : 5
  ).run(&verdicts)
} catch {
  print("benchmark failed: \(error)")
}

print("")
print("Issue 7 and 19 targets (10 years of daily history, 10 items a day):")
for line in verdicts.table { print(line) }
