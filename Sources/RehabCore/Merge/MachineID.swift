/// The id of the data folder that wrote a record (`by`): random per data folder, never a host
/// name, so a merge can tell two machines' writes apart without naming anyone's computer.
/// Sixteen characters of the record ids' alphabet (`RecordID`): 80 random bits.
public enum MachineID {
  public static let length = 16

  /// What records written before machine ids existed carry: the unknown machine.
  public static let unknown = ""

  /// The id made of `bits` (the caller draws them: Core has no random source of its own).
  public static func make(bits: (UInt64, UInt64)) -> String {
    var letters: [UInt8] = []
    var high = bits.0
    var low = bits.1
    for index in 0..<length {
      if index < 12 {
        letters.append(RecordID.alphabet[Int(high & 31)])
        high >>= 5
      } else {
        letters.append(RecordID.alphabet[Int(low & 31)])
        low >>= 5
      }
    }
    return String(decoding: letters, as: UTF8.self)
  }

  /// An id as `make` writes it, or the unknown machine.
  public static func isValid(_ text: String) -> Bool {
    // Checked for every record on every read: on the bytes in place, no copy made.
    text.isEmpty || (text.utf8.count == length && text.utf8.allSatisfy(RecordID.isLetter))
  }

  public static func problem(_ text: String) -> String? {
    isValid(text)
      ? nil
      : "'\(text)' is not a machine id (\(length) characters of 0-9 and a-z without i, l, o, u)"
  }
}
