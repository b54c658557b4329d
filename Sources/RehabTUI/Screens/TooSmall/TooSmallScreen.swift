import TerminalUI

/// Shown below `AppState.minimumSize`; the app recovers as soon as the terminal grows.
enum TooSmallScreen {
  static func message(size: Size, unicode: Bool) -> String {
    let times = unicode ? "×" : "x"
    let need = AppState.minimumSize
    return
      "terminal too small (need \(need.width)\(times)\(need.height), have \(size.width)\(times)\(size.height))"
  }

  static func render(into buffer: inout ScreenBuffer, theme: Theme) {
    let size = buffer.size
    let width = max(1, size.width - 2)
    let text = message(size: size, unicode: theme.unicode)
    // Split before the sizes rather than in the middle of them.
    let first =
      DisplayWidth.of(text) <= width
      ? [text]
      : text.split(separator: "(", maxSplits: 1).enumerated().map { index, part in
        index == 0 ? String(part).trimmingWhitespace : "(" + part
      }
    let lines =
      first.flatMap { WrappedText.lines($0, width: width) } + [""]
      + WrappedText.lines("Enlarge the window, or press q to quit.", width: width)
    let top = max(0, (size.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
      let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
      buffer.put(line, at: Point(x: x, y: top + index), style: index == 0 ? theme.title : .plain)
    }
  }
}
