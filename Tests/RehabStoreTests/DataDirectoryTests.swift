import RehabStore
import Testing

@Suite("Data directory")
struct DataDirectoryTests {
  let environment = [
    "HOME": "/home/ada", "XDG_DATA_HOME": "/xdg", "REHABIT_HOME": "/rehab",
  ]

  @Test("--data-dir, then $REHABIT_HOME, then $XDG_DATA_HOME/rehabit, then ~/.local/share/rehabit")
  func resolutionOrder() throws {
    var environment = environment
    #expect(
      try DataDirectory.resolve(explicit: "/explicit", environment: environment) == "/explicit")
    #expect(try DataDirectory.resolve(explicit: nil, environment: environment) == "/rehab")
    environment["REHABIT_HOME"] = ""
    #expect(try DataDirectory.resolve(explicit: nil, environment: environment) == "/xdg/rehabit")
    environment["XDG_DATA_HOME"] = "relative/ignored"
    #expect(
      try DataDirectory.resolve(explicit: nil, environment: environment)
        == "/home/ada/.local/share/rehabit")
    environment["XDG_DATA_HOME"] = nil
    #expect(
      try DataDirectory.resolve(explicit: nil, environment: environment)
        == "/home/ada/.local/share/rehabit")
  }

  @Test("~ is expanded from HOME; no HOME and no option is a clear error")
  func edges() throws {
    #expect(
      try DataDirectory.resolve(explicit: "~/rehab", environment: environment) == "/home/ada/rehab")
    #expect(try DataDirectory.resolve(explicit: "relative/dir", environment: [:]) == "relative/dir")
    let noHome = #expect(throws: StoreError.self) {
      try DataDirectory.resolve(explicit: nil, environment: [:])
    }
    #expect(
      noHome?.description
        == "cannot choose a data directory: HOME is not set; choose a data directory or set REHABIT_HOME"
    )
    #expect(throws: StoreError.self) {
      try DataDirectory.resolve(explicit: "", environment: environment)
    }
    #expect(throws: StoreError.self) {
      try DataDirectory.resolve(explicit: "~/x", environment: [:])
    }
  }
}
