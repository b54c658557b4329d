import TerminalUI

/// Hands out curses colour-pair numbers for (foreground, background) combinations, creating
/// each pair the first time it is needed. Pair 0 is the terminal's own colours.
struct ColorPairCache {
  private struct Colors: Hashable {
    let foreground: TerminalColor
    let background: TerminalColor
  }

  private var pairs: [Colors: Int16] = [:]
  private var nextPair: Int16 = 1
  private let pairLimit: Int
  /// Whether -1 ("the terminal's default") is a valid colour (`use_default_colors` succeeded).
  private let defaultColorsWork: Bool
  /// Creates a pair in the library (`init_pair`); injected so the cache stays testable.
  private let register: (Int16, Int16, Int16) -> Void

  init(
    pairLimit: Int, defaultColorsWork: Bool, register: @escaping (Int16, Int16, Int16) -> Void
  ) {
    self.pairLimit = min(pairLimit, Int(Int16.max))
    self.defaultColorsWork = defaultColorsWork
    self.register = register
  }

  /// The pair for these colours; 0 when both are default or the pairs have run out.
  mutating func pair(foreground: TerminalColor, background: TerminalColor) -> Int16 {
    if foreground == .default && background == .default { return 0 }
    let key = Colors(foreground: foreground, background: background)
    if let existing = pairs[key] { return existing }
    guard Int(nextPair) < pairLimit else { return 0 }
    let pair = nextPair
    nextPair += 1
    register(pair, number(foreground, fallback: 7), number(background, fallback: 0))
    pairs[key] = pair
    return pair
  }

  /// Without default-colour support, "default" has to be spelled as white on black.
  private func number(_ color: TerminalColor, fallback: Int16) -> Int16 {
    if color == .default && !defaultColorsWork { return fallback }
    return Int16(color.ansiIndex)
  }
}
