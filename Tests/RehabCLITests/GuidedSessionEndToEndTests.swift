import Foundation
import Testing

/// The guided session in the real binary and a real terminal (tmux): a short programme from `g`
/// to the summary, then the JSON it wrote; and one left mid-way.
@Suite("guided session end to end", .serialized)
struct GuidedSessionEndToEndTests {
  static let day = "2026-12-02"

  /// 2 s holds with 1 s pauses, sets of 3 with a 1 s rest on both sides, and a minute of ice.
  static let programme = """
    {
      "schemaVersion": 1, "id": "quick", "title": "Quick session", "weeks": 2,
      "description": "Short holds and rests for a test.",
      "checkin": {"measures": [], "primary": "sane"},
      "treatments": [
        {"id": "stretch", "name": "Calf stretch", "kind": "stretching",
         "instructions": "Lean into the wall, heel down.", "side": "affected",
         "dose": {"holdSeconds": 2, "repetitions": 2}, "schedule": {"daily": true},
         "session": {"getReadySeconds": 1, "restSeconds": 1}},
        {"id": "raises", "name": "Heel raises", "kind": "strengthening",
         "instructions": "Rise onto your toes, lower slowly.", "side": "both",
         "dose": {"sets": 2, "reps": 3},
         "schedule": {"daily": true, "allowConsecutiveDays": true},
         "session": {"setRestSeconds": 1}},
        {"id": "ice", "name": "Ice", "kind": "ice",
         "instructions": "A wrapped ice pack on the ankle.", "side": "affected",
         "dose": {"minutes": 1}, "schedule": {"daily": true}}
      ]
    }
    """

  func started() throws -> TemporaryDataDirectory {
    let data = try TemporaryDataDirectory()
    let file = data.root.appendingPathComponent("quick.json")
    try Data(Self.programme.utf8).write(to: file)
    let created = try RehabitBinary.run([
      "init", "--file", file.path, "--start", "2026-11-30", "--affected-side", "left",
      "--data-dir", data.path,
    ])
    #expect(created.succeeded, "\(created.stderr)")
    return data
  }

  func open(_ data: TemporaryDataDirectory) throws -> TmuxSession {
    try TmuxSession(
      command: TmuxSession.wrapped([
        RehabitBinary.path, "--no-bell", "--data-dir", data.path, "--date", Self.day,
      ]))
  }

  func week(_ data: TemporaryDataDirectory) throws -> [String: Any] {
    let file = URL(fileURLWithPath: "\(data.path)/progress/2026-W49.json")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
  }

  @Test func aWholeSessionTicksEveryItemAndStoresThePainGiven() throws {
    let data = try started()
    defer { data.cleanUp() }
    let tmux = try open(data)
    defer { tmux.close() }
    tmux.waitFor(text: "0/3 done")
    tmux.send("g")
    tmux.waitFor(text: "GET READY")
    tmux.waitFor(text: "HOLD 1 of 2")
    tmux.waitFor(text: "HOLD 2 of 2")
    // Resized mid-countdown, the screen follows.
    tmux.resize(width: 60, height: 16)
    tmux.waitFor(text: "How much did it hurt")
    tmux.resize(width: 80, height: 24)
    tmux.send("3")
    tmux.waitFor(text: "SET 1 of 2 — 3 reps · left")
    tmux.send("Space")
    tmux.waitFor(text: "REST")
    tmux.waitFor(text: "SET 2 of 2 — 3 reps · left")
    tmux.send("Space")
    tmux.waitFor(text: "SET 1 of 2 — 3 reps · right")
    tmux.send("Space")
    tmux.waitFor(text: "SET 2 of 2 — 3 reps · right")
    tmux.send("Space")
    tmux.waitFor(text: "How much did it hurt")
    tmux.send("Enter")
    tmux.waitFor(text: "never while asleep")
    // A minute of ice made a second with -5 s presses; it then runs out by itself.
    for _ in 0..<12 { tmux.send("-") }
    tmux.waitFor(text: "How much did it hurt", seconds: 10)
    tmux.send("Enter")
    tmux.waitFor(text: "Session over: 3 done, 0 skipped")
    tmux.send("Enter")
    tmux.waitFor(text: "3/3 done")
    tmux.send("q")
    tmux.waitFor("the exit status") { $0.contains("EXIT=0") }

    let week = try week(data)
    let items = try #require(week["items"] as? [String: [String: String]])
    #expect(
      items.keys.sorted() == [
        "\(Self.day).ice.left", "\(Self.day).raises.both", "\(Self.day).stretch.left",
      ])
    #expect(items.values.allSatisfy { $0["status"] == "done" })
    let pain = try #require(week["pain"] as? [[String: Any]])
    #expect(pain.count == 1)
    #expect(pain.first?["level"] as? Int == 3)
    #expect(pain.first?["itemId"] as? String == "\(Self.day).stretch.left")
    #expect(pain.first?["timing"] as? String == "during")
    #expect((week["notes"] as? [Any])?.isEmpty == true)
    #expect(week["checkin"] == nil)
  }

  @Test func leavingMidwayTicksNothingUnfinished() throws {
    let data = try started()
    defer { data.cleanUp() }
    let tmux = try open(data)
    defer { tmux.close() }
    tmux.waitFor(text: "0/3 done")
    tmux.send("g")
    tmux.waitFor(text: "HOLD 1 of 2")
    tmux.send("q")
    tmux.waitFor(text: "Session left: 0 done, 0 skipped")
    tmux.waitFor(text: "0/3 done")
    tmux.send("q")
    tmux.waitFor("the exit status") { $0.contains("EXIT=0") }
    let file = "\(data.path)/progress/2026-W49.json"
    if FileManager.default.fileExists(atPath: file) {
      let week = try week(data)
      #expect((week["items"] as? [String: Any])?.isEmpty ?? true)
      #expect((week["pain"] as? [Any])?.isEmpty ?? true)
    }
  }
}
