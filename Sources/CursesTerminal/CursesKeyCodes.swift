import CNCurses
import TerminalUI

extension KeyDecoder {
  /// The decoder for ncurses' `wget_wch`: its status values and `KEY_*` codes.
  static let curses = KeyDecoder(
    codes: KeyDecoder.Codes(
      characterStatus: rh_ok(),
      functionKeyStatus: rh_key_code_yes(),
      resizeCode: rh_key_resize(),
      functionKeys: cursesFunctionKeys()))

  private static func cursesFunctionKeys() -> [Int32: Key] {
    var keys: [Int32: Key] = [
      KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
      KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
      KEY_DC: .delete, KEY_IC: .insert, KEY_ENTER: .enter, KEY_BACKSPACE: .backspace,
      KEY_BTAB: .backTab,
    ]
    for number in 1...24 {
      keys[rh_key_f(Int32(number))] = .function(number)
    }
    return keys
  }
}
