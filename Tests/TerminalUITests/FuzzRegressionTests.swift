import Testing

@testable import TerminalUI

/// Inputs the fuzzers (.ci/fuzz) found, kept so the fix stays fixed.
@Suite struct FuzzRegressionTests {
  let decoder = KeyDecoder(
    codes: KeyDecoder.Codes(
      characterStatus: 0, functionKeyStatus: 256, resizeCode: 410, functionKeys: [:]))

  /// key-decoder, crash-043e1ee3: U+2028 LINE SEPARATOR decoded as a character key, which a text
  /// field would then hold although it breaks a line. Line and paragraph separators are no keys.
  @Test func lineAndParagraphSeparatorsAreNoCharacterKeys() {
    for code: UInt32 in [0x2028, 0x2029, 0x85] {
      #expect(decoder.decode(status: 0, code: code) == .nothing)
      #expect(KeyDecoder.character(code) == nil)
    }
    // Every code the decoder turns into a character key is printable.
    for code: UInt32 in Array(0...0x3000) + [0xFEFF, 0x1F4AA, 0x10FFFF, 0x110000, 0xD800] {
      if case .key(.character(let character)) = decoder.decode(status: 0, code: code) {
        #expect(TerminalText.isPrintable(character), "code \(code)")
      }
    }
  }
}
