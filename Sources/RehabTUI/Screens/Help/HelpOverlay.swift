import RehabCore
import TerminalUI

/// The `?` overlay: every key of the current screen, generated from the key table that
/// dispatches them, then the red flags (docs/clinical-rules.md). Scrolls when it does not fit.
public struct HelpOverlay: Equatable, Sendable {
  public var scrollOffset: Int

  public init(scrollOffset: Int = 0) {
    self.scrollOffset = scrollOffset
  }

  /// The overlay's text at `width` columns: one line per binding, then the safety text.
  public static func lines(
    screenTitle: String, table: KeyTable<AppAction>, width: Int, unicode: Bool
  ) -> [HelpLine] {
    let rows = table.helpRows(unicode: unicode)
    let keyWidth = min(16, (rows.map { DisplayWidth.of($0.keys) }.max() ?? 0))
    var lines: [HelpLine] = [HelpLine("Keys on the \(screenTitle) screen", style: .heading)]
    for row in rows {
      let keys = DisplayWidth.padded(row.keys, to: keyWidth)
      for (index, text) in WrappedText.lines(row.help, width: max(1, width - keyWidth - 2))
        .enumerated()
      {
        lines.append(
          HelpLine(
            (index == 0 ? keys : String(repeating: " ", count: keyWidth)) + "  " + text,
            style: .key))
      }
    }
    lines.append(HelpLine(""))
    lines += WrappedText.lines("Red flags: " + SafetyText.redFlagsHeading, width: width).map {
      HelpLine($0, style: .warning)
    }
    for flag in SafetyText.redFlags {
      lines += bulleted(flag, width: width, unicode: unicode)
    }
    for caution in SafetyText.redFlagCautions {
      lines += WrappedText.lines(caution, width: width).map { HelpLine($0) }
    }
    lines.append(HelpLine(""))
    lines += WrappedText.lines(SafetyText.disclaimer, width: width).map {
      HelpLine($0, style: .dim)
    }
    return lines
  }

  static func bulleted(_ text: String, width: Int, unicode: Bool) -> [HelpLine] {
    let bullet = unicode ? "• " : "- "
    return WrappedText.lines(text, width: max(1, width - 2)).enumerated().map {
      HelpLine(($0.offset == 0 ? bullet : "  ") + $0.element)
    }
  }
}

/// One line of the help overlay.
public struct HelpLine: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case plain
    case heading
    case key
    case warning
    case dim
  }

  public var text: String
  public var style: Kind

  public init(_ text: String, style: Kind = .plain) {
    self.text = text
    self.style = style
  }
}
