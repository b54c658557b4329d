import RehabCore
import RehabStore
import RehabTUI
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// The guided session: key → frame in process, and the CPU the real binary uses while a
/// countdown runs in a terminal (`script` gives it a pseudo-terminal; keys come through a pipe).
@MainActor
enum SessionBenchmark {
  /// One treatment of each dose kind, so a session has a hold, sets and a countdown.
  static let programme = """
    {"schemaVersion": 1, "id": "bench-session", "title": "Session benchmark", "weeks": 2,
     "description": "For the benchmark.", "checkin": {"measures": [], "primary": "sane"},
     "treatments": [
       {"id": "ice", "name": "Ice", "kind": "ice", "instructions": "A wrapped ice pack.",
        "side": "affected", "dose": {"minutes": 15}, "schedule": {"daily": true}},
       {"id": "stretch", "name": "Stretch", "kind": "stretching", "instructions": "Lean.",
        "side": "both", "dose": {"holdSeconds": 30, "repetitions": 3},
        "schedule": {"daily": true}}
     ]}
    """

  static let day = CalendarDay(year: 2026, month: 12, day: 2) ?? CalendarDay(daysSinceEpoch: 20_789)

  static func run(root: String, binaries: Binaries, quick: Bool, verdicts: inout Verdicts) throws {
    let directory = "\(root)/session"
    let file = "\(root)/session-programme.json"
    try writeText(programme, to: file)
    let plan = try TemplateLibrary.readPlan(at: file)
    let store = ProgressStore(directory: directory)
    let start = day.adding(days: -2)
    try store.saveProgramme(
      Programme(plan: plan, start: start, affectedSide: .left), replacing: true)

    // Key → frame on the session screen, in process.
    let size = Size(width: 80, height: 24)
    let terminal = ScriptedTerminal(size: size)
    let runner = AppRunner(
      terminal: terminal, store: store, clock: .fixed(day), programme: try store.loadProgramme(),
      templates: [])
    runner.start()
    runner.handle(.key(.character("g")))
    var index = 0
    let keys: [Key] = [.character("p"), .character("+"), .character("p"), .character("-")]
    let samples = Stopwatch.sample(warmUp: 4, runs: 40) {
      runner.handle(.key(keys[index % keys.count]))
      index += 1
      _ = render(runner.state, size: size, capabilities: .full)
    }
    print(ReportLine(name: "key → frame: session pause/±5 s (p, +, -)", samples: samples).text)

    // CPU of the real binary while the ice counts down, against the same time idle on Today.
    guard access("/usr/bin/script", X_OK) == 0 else {
      print("session countdown CPU: skipped (no /usr/bin/script to give it a terminal)")
      return
    }
    let seconds = quick ? 5 : 60
    func pipeline(_ key: String) -> [String] {
      let app =
        "\(binaries.rehabit) --no-bell --data-dir \(directory) --date \(day)"
      return [
        "-c",
        "( sleep 0.5; printf \(key); sleep \(seconds); printf q; sleep 0.3; printf q ) | TERM=xterm /usr/bin/script -qfec '\(app)' /dev/null",
      ]
    }
    let counting = try ProcessRunner.run("/bin/sh", pipeline("g"))
    let idle = try ProcessRunner.run("/bin/sh", pipeline("t"))
    let extra = max(0, counting.cpuMilliseconds - idle.cpuMilliseconds)
    let share = extra / (Double(seconds) * 1000) * 100
    print(
      "session countdown: \(Verdicts.format(counting.cpuMilliseconds)) ms CPU over \(seconds) s counting, \(Verdicts.format(idle.cpuMilliseconds)) ms idle on Today; the countdown adds \(Verdicts.format(share)) % of one core"
    )
    verdicts.judge(
      "CPU while a countdown runs (over the same time idle)", share, atMost: 1, unit: "% of a core")
  }

  static func writeText(_ text: String, to path: String) throws {
    guard let handle = fopen(path, "w") else {
      throw ProcessRunner.Failure(description: "cannot write \(path)")
    }
    defer { fclose(handle) }
    _ = text.withCString { fputs($0, handle) }
  }
}
