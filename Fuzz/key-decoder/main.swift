// libFuzzer harness: the key decoder (what ncurses' wget_wch reports, as status and code) and
// the terminal-text sanitizer behind every screen cell. No decoded character key and no cell
// may carry a control character. Built and run by .ci/fuzz, never by `swift build`.
import TerminalUI

/// ncurses 6.4's values on Linux (OK, KEY_CODE_YES, KEY_RESIZE, KEY_UP …, KEY_F(n)).
private let decoder = KeyDecoder(
  codes: KeyDecoder.Codes(
    characterStatus: 0, functionKeyStatus: 0o400, resizeCode: 0o632,
    functionKeys: {
      var keys: [Int32: Key] = [
        0o403: .up, 0o402: .down, 0o404: .left, 0o405: .right, 0o406: .home, 0o550: .end,
        0o523: .pageUp, 0o522: .pageDown, 0o512: .delete, 0o513: .insert, 0o527: .enter,
        0o407: .backspace, 0o541: .backTab,
      ]
      for number in 1...24 { keys[0o410 + Int32(number)] = .function(number) }
      return keys
    }()))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  // Every 8 bytes: a status (small, so it often hits the real ones) and a code.
  var index = 0
  while index + 8 <= bytes.count {
    let status =
      Int32(bitPattern: UInt32(bytes[index])) - 1 + (bytes[index + 1] & 1 == 0 ? 0 : 0o400)
    var code: UInt32 = 0
    for offset in 4..<8 { code = code << 8 | UInt32(bytes[index + offset]) }
    if bytes[index + 2] & 1 == 0 { code &= 0x1FFFF }
    check(decoder.decode(status: status, code: code))
    _ = KeyDecoder.character(code)
    index += 8
  }
  // The same bytes as text, through the sanitizer and onto a screen.
  let text = String(decoding: bytes, as: UTF8.self)
  let safe = TerminalText.sanitized(text)
  if safe.unicodeScalars.contains(where: TerminalText.isControl) {
    fatalError("sanitized text keeps a control character")
  }
  var buffer = ScreenBuffer(size: Size(width: 40, height: 3))
  buffer.put(text, at: Point(x: Int(bytes.first ?? 0) % 50 - 5, y: 1), maxWidth: 30)
  for y in 0..<3 {
    for x in 0..<40
    where buffer[x, y].grapheme.unicodeScalars.contains(where: TerminalText.isControl) {
      fatalError("a cell holds a control character")
    }
  }
  return 0
}

private func check(_ decoded: KeyDecoder.Decoded) {
  guard case .key(let key) = decoded else { return }
  if case .character(let character) = key, !TerminalText.isPrintable(character) {
    fatalError("a character key is not printable: \(character.unicodeScalars.map(\.value))")
  }
  if key.label.unicodeScalars.contains(where: TerminalText.isControl) {
    fatalError("a key label holds a control character")
  }
}
