/// A small deterministic generator (SplitMix64), so a failure can be replayed.
public struct SeededRandom {
  public var state: UInt64

  public init(state: UInt64) { self.state = state }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  public mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

  public mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...(choices.count - 1))] }

  /// `elements` with one random edit: an element replaced by one of `choices`, removed, or
  /// one of `choices` inserted (the damage a fuzz test makes to a valid text).
  public mutating func edited<T>(_ elements: [T], using choices: [T]) -> [T] {
    var edited = elements
    guard !edited.isEmpty else { return [pick(choices)] }
    let at = int(0...(edited.count - 1))
    switch int(0...2) {
    case 0: edited[at] = pick(choices)
    case 1: edited.remove(at: at)
    default: edited.insert(pick(choices), at: int(0...edited.count))
    }
    return edited
  }
}
