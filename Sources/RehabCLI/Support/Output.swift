import Foundation
import RehabCore
import TerminalUI

/// Where commands print. Every user or programme text goes through `safe` so that nothing
/// stored can put control sequences on the terminal.
enum Output {
  static func line(_ text: String = "") {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.sanitized(text) + "\n").utf8))
  }

  /// Text from a file or a person, made safe to show on a terminal.
  static func safe(_ text: String) -> String { TerminalText.sanitized(text) }

  /// Pretty JSON with sorted keys, like the files on disk.
  static func json<Value: Encodable>(_ value: Value) throws {
    FileHandle.standardOutput.write(Data(try JSONCoding.encode(value)))
  }
}
