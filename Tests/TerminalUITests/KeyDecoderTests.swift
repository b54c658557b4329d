import Testing

@testable import TerminalUI

@Suite struct KeyDecoderTests {
  // Made-up constants: the decoder must work from whatever the library supplies.
  let decoder = KeyDecoder(
    codes: KeyDecoder.Codes(
      characterStatus: 0, functionKeyStatus: 256, resizeCode: 410,
      functionKeys: [
        259: .up, 258: .down, 343: .enter, 263: .backspace, 353: .backTab, 265: .function(1),
      ]))

  @Test func characterCodesDecodeLikeATerminalSendsThem() {
    #expect(decoder.decode(status: 0, code: 10) == .key(.enter))
    #expect(decoder.decode(status: 0, code: 13) == .key(.enter))
    #expect(decoder.decode(status: 0, code: 127) == .key(.backspace))
    #expect(decoder.decode(status: 0, code: 8) == .key(.backspace))
    #expect(decoder.decode(status: 0, code: 27) == .key(.escape))
    #expect(decoder.decode(status: 0, code: 9) == .key(.tab))
    #expect(decoder.decode(status: 0, code: 3) == .key(.control("c")))
    #expect(decoder.decode(status: 0, code: 26) == .key(.control("z")))
    #expect(decoder.decode(status: 0, code: 32) == .key(.character(" ")))
    #expect(decoder.decode(status: 0, code: 0xE9) == .key(.character("é")))
    #expect(decoder.decode(status: 0, code: 0x1F4AA) == .key(.character("💪")))
  }

  @Test func functionKeyCodesUseTheSuppliedTable() {
    #expect(decoder.decode(status: 256, code: 259) == .key(.up))
    #expect(decoder.decode(status: 256, code: 343) == .key(.enter))
    #expect(decoder.decode(status: 256, code: 353) == .key(.backTab))
    #expect(decoder.decode(status: 256, code: 265) == .key(.function(1)))
    #expect(decoder.decode(status: 256, code: 410) == .resize)
    #expect(decoder.decode(status: 256, code: 999) == .nothing)
  }

  @Test func errorsAndUnprintableCodesDecodeToNothing() {
    #expect(decoder.decode(status: -1, code: 65) == .nothing)
    #expect(decoder.decode(status: 0, code: 0) == .nothing)
    #expect(decoder.decode(status: 0, code: 0x9B) == .nothing)
    #expect(decoder.decode(status: 0, code: 0xD800) == .nothing)
    #expect(decoder.decode(status: 0, code: 0x11_0000) == .nothing)
    #expect(decoder.decode(status: 256, code: UInt32.max) == .nothing)
  }

  @Test func anyInputDecodesWithoutCrashingAndCharactersArePrintable() {
    var generator = SystemRandomNumberGenerator()
    let statuses: [Int32] = [-1, 0, 256, 7]
    for _ in 0..<20_000 {
      let status = statuses.randomElement(using: &generator) ?? 0
      let code =
        Bool.random(using: &generator)
        ? UInt32.random(in: 0...0x11_0000, using: &generator)
        : UInt32.random(in: 0...UInt32.max, using: &generator)
      if case .key(.character(let character)) = decoder.decode(status: status, code: code) {
        #expect(TerminalText.isPrintable(character))
      }
    }
  }
}
