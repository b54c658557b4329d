import RehabStore

#if canImport(Glibc)
  import Glibc
#endif

/// `systemctl --user`, when this session has one. `$REHABIT_SYSTEMCTL` replaces the program
/// (tests point it at a script that records its arguments); `none` means "no systemd here",
/// so nothing ever touches the real user session from a test.
struct UserSystemd {
  static let overrideVariable = "REHABIT_SYSTEMCTL"

  let systemctl: String

  /// The usable `systemctl`: found, and `systemctl --user show-environment` succeeds (there is
  /// a user manager to talk to); nil otherwise.
  static func detect() -> UserSystemd? {
    let program: String?
    if let value = getenv(overrideVariable).map({ String(cString: $0) }), !value.isEmpty {
      program = value == "none" ? nil : value
    } else {
      program = ChildProcess.find("systemctl")
    }
    guard let program, ChildProcess.run(program, ["--user", "show-environment"]) == 0 else {
      return nil
    }
    return UserSystemd(systemctl: program)
  }

  /// Runs `systemctl --user ARGUMENTS…`; true when it succeeded.
  @discardableResult
  func user(_ arguments: [String]) -> Bool {
    ChildProcess.run(systemctl, ["--user"] + arguments, showingOutput: true) == 0
  }

  /// `$XDG_CONFIG_HOME/systemd/user` (an absolute XDG_CONFIG_HOME only), else
  /// `~/.config/systemd/user`.
  static func unitDirectory() throws -> String {
    if let config = getenv("XDG_CONFIG_HOME").map({ String(cString: $0) }), config.hasPrefix("/") {
      return "\(config)/systemd/user"
    }
    guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else {
      throw CLIError(
        "cannot find the systemd user folder: neither XDG_CONFIG_HOME nor HOME is set; set HOME")
    }
    return "\(home)/.config/systemd/user"
  }
}
