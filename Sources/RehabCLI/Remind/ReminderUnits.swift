import RehabCore

/// The systemd user units and the crontab line of the daily reminder, as text. Each runs
/// `BINARY remind --if-pending --data-dir DATA` with absolute paths, so it works whatever the
/// environment of the timer or cron.
struct ReminderUnits {
  static let serviceName = "rehabit-remind.service"
  static let timerName = "rehabit-remind.timer"
  /// The first line of every file `--install` writes; `--uninstall` removes only files with it.
  static let marker =
    "# Written by `rehabit remind --install`; `rehabit remind --uninstall` removes it."

  var binary: String
  var dataDirectory: String
  var time: TimeOfDay

  var arguments: [String] { [binary, "remind", "--if-pending", "--data-dir", dataDirectory] }

  var service: String {
    """
    \(ReminderUnits.marker)
    [Unit]
    Description=rehabit: remind about the day's rehab items

    [Service]
    Type=oneshot
    ExecStart=\(arguments.map(ReminderUnits.systemdQuoted).joined(separator: " "))

    """
  }

  var timer: String {
    """
    \(ReminderUnits.marker)
    [Unit]
    Description=rehabit: daily rehab reminder at \(time)

    [Timer]
    OnCalendar=*-*-* \(time):00
    Persistent=true

    [Install]
    WantedBy=timers.target

    """
  }

  /// The line to add with `crontab -e`.
  var crontabLine: String {
    "\(time.minute) \(time.hour) * * * \(arguments.map(ReminderUnits.cronQuoted).joined(separator: " "))"
  }

  /// One ExecStart word: double-quoted, with systemd's specifiers (`%`) and variables (`$`)
  /// doubled and C escapes for quotes and backslashes.
  static func systemdQuoted(_ word: String) -> String {
    var out = "\""
    for character in word {
      switch character {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "%": out += "%%"
      case "$": out += "$$"
      default: out.append(character)
      }
    }
    return out + "\""
  }

  /// One shell word for a crontab line: single-quoted, and `%` escaped (cron turns a bare one
  /// into a newline).
  static func cronQuoted(_ word: String) -> String {
    var out = "'"
    for character in word {
      switch character {
      case "'": out += "'\\''"
      case "%": out += "\\%"
      default: out.append(character)
      }
    }
    return out + "'"
  }
}
