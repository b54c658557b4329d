import Foundation
import Testing

/// `rehabit remind`: a notification through a fake notify-send, a line without one, and the
/// timer installed into a temporary XDG_CONFIG_HOME with a fake systemctl (never the real user
/// session: `REHABIT_SYSTEMCTL` points at the fake, or is `none`).
@Suite struct RemindCommandTests {
  /// A folder with scripts that record their arguments, one per line, into `LOG.args`.
  struct FakePrograms {
    let root: URL
    var bin: String { root.appendingPathComponent("bin").path }
    var config: String { root.appendingPathComponent("config").path }
    var unitFolder: String { "\(config)/systemd/user" }

    init(_ names: [String]) throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "rehabit-fakes-\(UUID().uuidString)")
      let bin = root.appendingPathComponent("bin")
      try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
      for name in names {
        let log = root.appendingPathComponent("\(name).args").path
        let script =
          "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '\(log)'; done\nexit 0\n"
        let path = bin.appendingPathComponent(name).path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
      }
    }

    func arguments(of name: String) -> [String] {
      let path = root.appendingPathComponent("\(name).args").path
      return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        .split(separator: "\n").map(String.init)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
  }

  /// `N of M rehab item(s) still to do on DAY.` for `items` pending on the scenario's today.
  static func message(_ items: [[String: Any]]) -> String {
    "\(items.count) of \(items.count) rehab \(items.count == 1 ? "item" : "items") still to do on \(LoggingScenario.today)."
  }

  static func environment(_ extra: [String: String]) -> [String: String] {
    LoggingScenario.environment.merging(extra) { $1 }
  }

  @Test func pendingItemsNotifyThroughNotifySendWithCountsOnly() throws {
    let scenario = try LoggingScenario()
    let fakes = try FakePrograms(["notify-send"])
    defer {
      scenario.cleanUp()
      fakes.cleanUp()
    }
    let items = try scenario.items(on: LoggingScenario.today)
    let result = try RehabitBinary.run(
      ["remind", "--data-dir", scenario.data.path],
      environment: Self.environment([
        "PATH": "\(fakes.bin):/usr/bin:/bin", "DISPLAY": ":99", "WAYLAND_DISPLAY": "",
      ]))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty, "notified, so nothing for cron mail")
    let arguments = fakes.arguments(of: "notify-send")
    #expect(
      arguments == [
        "--app-name=rehabit", "rehabit", Self.message(items),
      ])
    for item in items {
      let name = try #require(item["treatment"] as? String)
      #expect(!arguments.joined().contains(name))
    }
  }

  @Test func withoutADesktopOrWithoutNotifySendItPrintsOneLine() throws {
    let scenario = try LoggingScenario()
    let fakes = try FakePrograms(["notify-send"])
    defer {
      scenario.cleanUp()
      fakes.cleanUp()
    }
    let items = try scenario.items(on: LoggingScenario.today)
    let sessions: [[String: String]] = [
      // notify-send on PATH, but no desktop session.
      ["PATH": "\(fakes.bin):/usr/bin:/bin", "DISPLAY": "", "WAYLAND_DISPLAY": ""],
      // A desktop session, but no notify-send.
      ["PATH": "/nonexistent", "DISPLAY": "", "WAYLAND_DISPLAY": "wayland-0"],
    ]
    for session in sessions {
      let result = try RehabitBinary.run(
        ["remind", "--data-dir", scenario.data.path], environment: Self.environment(session))
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stdout
          == "rehab: \(Self.message(items)) `rehabit today` lists them.\n"
      )
    }
    #expect(fakes.arguments(of: "notify-send").isEmpty)
  }

  @Test func ifPendingIsQuietWhenNothingIsPendingOrThereIsNoProgramme() throws {
    let scenario = try LoggingScenario()
    let fakes = try FakePrograms(["notify-send"])
    defer {
      scenario.cleanUp()
      fakes.cleanUp()
    }
    let count = try scenario.items(on: LoggingScenario.today).count
    try scenario.run(["check"] + (1...count).map(String.init))
    let desktop = Self.environment(["PATH": "\(fakes.bin):/usr/bin:/bin", "DISPLAY": ":99"])
    let quiet = try RehabitBinary.run(
      ["remind", "--if-pending", "--data-dir", scenario.data.path], environment: desktop)
    #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    let said = try RehabitBinary.run(
      ["remind", "--data-dir", scenario.data.path], environment: desktop)
    #expect(said.stdout == "rehab: nothing left to do on \(LoggingScenario.today).\n")
    #expect(fakes.arguments(of: "notify-send").isEmpty)

    let empty = try TemporaryDataDirectory()
    defer { empty.cleanUp() }
    let none = try RehabitBinary.run(["remind", "--if-pending", "--data-dir", empty.path])
    #expect(none.status == 0 && none.stdout.isEmpty && none.stderr.isEmpty)
    let error = try RehabitBinary.run(["remind", "--data-dir", empty.path])
    #expect(error.status == 1)
    #expect(error.stderr.contains("rehabit init"))
  }

  @Test func installWritesATimerAndServiceAndUninstallRemovesThemBothTwice() throws {
    let fakes = try FakePrograms(["systemctl"])
    let data = try TemporaryDataDirectory()
    defer {
      fakes.cleanUp()
      data.cleanUp()
    }
    let environment = Self.environment([
      "XDG_CONFIG_HOME": fakes.config, "REHABIT_SYSTEMCTL": "\(fakes.bin)/systemctl",
    ])
    let install = ["remind", "--install", "--at", "07:15", "--data-dir", data.path]
    let first = try RehabitBinary.run(install, environment: environment)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("07:15"))
    let service = try String(
      contentsOfFile: "\(fakes.unitFolder)/rehabit-remind.service", encoding: .utf8)
    let timer = try String(
      contentsOfFile: "\(fakes.unitFolder)/rehabit-remind.timer", encoding: .utf8)
    let binary = URL(fileURLWithPath: RehabitBinary.path).resolvingSymlinksInPath().path
    #expect(
      service.contains(
        "ExecStart=\"\(binary)\" \"remind\" \"--if-pending\" \"--data-dir\" \"\(data.path)\""))
    #expect(service.contains("Type=oneshot"))
    #expect(timer.contains("OnCalendar=*-*-* 07:15:00"))
    #expect(timer.contains("WantedBy=timers.target"))
    #expect(timer.contains("Persistent=true"))
    #expect(
      fakes.arguments(of: "systemctl").joined(separator: " ").contains(
        "--user daemon-reload --user enable --now rehabit-remind.timer"))

    // Twice: the same files, enabled again.
    let second = try RehabitBinary.run(install, environment: environment)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(
      try String(contentsOfFile: "\(fakes.unitFolder)/rehabit-remind.service", encoding: .utf8)
        == service)

    if let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first(where: {
      FileManager.default.isExecutableFile(atPath: $0)
    }) {
      try Self.verify(analyze, folder: fakes.unitFolder)
    }

    let removed = try RehabitBinary.run(
      ["remind", "--uninstall", "--data-dir", data.path], environment: environment)
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "\(fakes.unitFolder)/rehabit-remind.timer"))
    #expect(!FileManager.default.fileExists(atPath: "\(fakes.unitFolder)/rehabit-remind.service"))
    #expect(
      fakes.arguments(of: "systemctl").joined(separator: " ").contains(
        "--user disable --now rehabit-remind.timer"))
    let again = try RehabitBinary.run(
      ["remind", "--uninstall", "--data-dir", data.path], environment: environment)
    #expect(again.status == 0)
    #expect(again.stdout.contains("nothing to remove"))
  }

  @Test func installNeverReplacesAUnitItDidNotWriteAndUninstallLeavesIt() throws {
    let fakes = try FakePrograms(["systemctl"])
    defer { fakes.cleanUp() }
    try FileManager.default.createDirectory(
      atPath: fakes.unitFolder, withIntermediateDirectories: true)
    let theirs = "[Unit]\nDescription=someone else's\n"
    let path = "\(fakes.unitFolder)/rehabit-remind.timer"
    try theirs.write(toFile: path, atomically: true, encoding: .utf8)
    let environment = Self.environment([
      "XDG_CONFIG_HOME": fakes.config, "REHABIT_SYSTEMCTL": "\(fakes.bin)/systemctl",
    ])
    let install = try RehabitBinary.run(["remind", "--install"], environment: environment)
    #expect(install.status == 1)
    #expect(install.stderr.contains("was not written by rehabit"))
    let uninstall = try RehabitBinary.run(["remind", "--uninstall"], environment: environment)
    #expect(uninstall.status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)
  }

  @Test func withoutSystemdInstallPrintsTheCrontabLineAndWritesNothing() throws {
    let fakes = try FakePrograms([])
    let data = try TemporaryDataDirectory()
    defer {
      fakes.cleanUp()
      data.cleanUp()
    }
    let environment = Self.environment([
      "XDG_CONFIG_HOME": fakes.config, "REHABIT_SYSTEMCTL": "none",
    ])
    for _ in 0..<2 {
      let result = try RehabitBinary.run(
        ["remind", "--install", "--at", "21:05", "--data-dir", data.path],
        environment: environment)
      #expect(result.status == 0, "\(result.stderr)")
      let lines = result.stdout.split(separator: "\n")
      #expect(lines.count == 2)
      let binary = URL(fileURLWithPath: RehabitBinary.path).resolvingSymlinksInPath().path
      #expect(
        lines.last
          == "5 21 * * * '\(binary)' 'remind' '--if-pending' '--data-dir' '\(data.path)'"[...]
      )
    }
    #expect(!FileManager.default.fileExists(atPath: fakes.config))
  }

  @Test(arguments: [
    (["remind", "--install", "--at", "25:00"], "hour 25"),
    (["remind", "--at", "07:00"], "--at works with --install only"),
    (["remind", "--install", "--uninstall"], "exclude each other"),
    (["remind", "--install", "--if-pending"], "--if-pending"),
  ])
  func badArgumentsAreOneLineUsageErrors(arguments: [String], message: String) throws {
    let result = try RehabitBinary.run(
      arguments, environment: ["REHABIT_SYSTEMCTL": "none", "XDG_CONFIG_HOME": "/nonexistent"])
    #expect(result.status == 64)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  /// `systemd-analyze verify` on the installed units, where the tool exists.
  static func verify(_ analyze: String, folder: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: analyze)
    process.arguments = [
      "verify", "\(folder)/rehabit-remind.service", "\(folder)/rehabit-remind.timer",
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let output = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // Without a running systemd, verify may complain about the manager itself; the units'
    // own lines must not be named in any complaint.
    let complaints = output.split(separator: "\n").filter { $0.contains("rehabit-remind") }
    #expect(complaints.isEmpty, "\(output)")
  }
}
