import RehabCore

/// rehabit's benchmarks: `swift run -c release rehabit-bench`. Prints median and spread per
/// measure; timings are reported, never asserted in tests.
let arguments = Set(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let runs = quick ? 5 : 30

print("rehabit-bench (\(quick ? "quick" : "full") run, \(runs) samples per measure)")

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
print(ReportLine(name: "schedule: 52 weeks × 30 treatments (\(itemCount) items)", samples: wholeSchedule).text)

let lastDay = allDays[allDays.count - 1]
let oneDay = Stopwatch.sample(runs: runs * 10) {
  let scheduler = Scheduler(programme: programme)
  itemCount = scheduler.checklist(for: lastDay, pain: pain).count
}
print(ReportLine(name: "schedule: one day in week 52 (\(itemCount) items)", samples: oneDay).text)

do {
  try ExportBenchmark.run(runs: quick ? 3 : 10)
} catch {
  print("export benchmark failed: \(error)")
}
