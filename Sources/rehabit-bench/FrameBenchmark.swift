import RehabCore
import RehabStore
import RehabTUI
import TerminalUI

/// The full-screen app in process on a 200×60 `ScriptedTerminal`: from reading programme.json
/// (what `rehabit` does once the terminal is up) to the first complete frame, then the time
/// from a key to its frame (update, effects, render) for each kind of key.
@MainActor
enum FrameBenchmark {
  static let size = Size(width: 200, height: 60)

  static func run(_ history: BenchData.History, runs: Int, verdicts: inout Verdicts?) throws {
    let store = ProgressStore(directory: history.directory)
    let day = BenchData.lastDay
    let first = try Stopwatch.sample(warmUp: 2, runs: runs) {
      let programme = try store.loadProgramme()
      let templates = try TemplateLibrary.all()
      let terminal = ScriptedTerminal(size: size)
      let runner = AppRunner(
        terminal: terminal, store: store, clock: .fixed(day), programme: programme,
        templates: templates)
      runner.run()
      precondition(terminal.frames.count == 1, "one frame expected")
    }
    print(
      ReportLine(
        name: "first frame 200×60, \(history.label) (in process)", samples: first,
        target: verdicts == nil ? nil : 40
      ).text)
    verdicts?.judge(
      "full-screen first complete frame (200×60, in process)", first.median, atMost: 40,
      unit: "ms", figure: first.summary)

    let terminal = ScriptedTerminal(size: size)
    let runner = AppRunner(
      terminal: terminal, store: store, clock: .fixed(day), programme: try store.loadProgramme(),
      templates: [])
    runner.start()
    func key(_ name: String, _ keys: [Key]) {
      var index = 0
      let samples = Stopwatch.sample(warmUp: keys.count, runs: max(runs, keys.count * 4)) {
        runner.handle(.key(keys[index % keys.count]))
        index += 1
        _ = render(runner.state, size: size, capabilities: .full)
      }
      print(ReportLine(name: "key → frame: \(name), \(history.label)", samples: samples).text)
    }
    key("move (j/k)", [.character("j"), .character("j"), .character("k"), .character("k")])
    key("day back/forward (h/l, loads the day)", [.character("h"), .character("l")])
    key("toggle done (space, durable write)", [.character(" ")])
    key("help open/close (?)", [.character("?")])
  }
}
