import TextSafety

/// Makes user text (notes, skip reasons, programme and treatment names) safe in each export
/// format while keeping it readable back intact.
public enum ExportEscaping {
  /// Control characters a format cannot carry (C0 except tab and line breaks, DEL, C1, bidi
  /// overrides) become U+FFFD, so a stray escape sequence can never reach a viewer: the one
  /// rule of `TextSanitizer`.
  static func replacingControls(_ text: String, keepLineBreaks: Bool = true) -> String {
    TextSanitizer.replacingControls(text, keepLineBreaks: keepLineBreaks)
  }

  // MARK: CSV (RFC 4180)

  /// Characters that make a spreadsheet read a cell as a formula (or hide it) when they lead.
  static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// A user-text CSV field: a leading `= + - @`, tab or carriage return is neutralised with a
  /// `'` (OWASP's advice against formula injection), then the field is quoted as RFC 4180 says
  /// when it holds a comma, quote or line break.
  public static func csvText(_ text: String) -> String {
    var value = csvSafe(text)
    if let first = text.first, formulaTriggers.contains(first) { value = "'" + value }
    return csvQuoted(value)
  }

  /// A field rehabit itself produced (a date, a number, an id): quoted only when needed.
  public static func csvQuoted(_ text: String) -> String {
    let value = csvSafe(text)
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0.isNewline }
    guard needsQuotes else { return value }
    return "\"" + value.replacingEach("\"", with: "\"\"") + "\""
  }

  /// A CSV field's text with its line breaks as LF (a lone CR would move `cat`'s cursor back
  /// over the line) and every other control replaced, so `cat export.csv` shows text only.
  static func csvSafe(_ text: String) -> String {
    guard
      text.unicodeScalars.contains(where: {
        TextSanitizer.isControl($0) && $0 != "\n" || $0 == "\u{2028}" || $0 == "\u{2029}"
      })
    else { return text }
    return normalizedLines(text).map { replacingControls($0) }.joined(separator: "\n")
  }

  // MARK: HTML

  /// Text for HTML content or a quoted attribute: `& < > " '` as entities, controls replaced.
  public static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in replacingControls(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// HTML text with its line breaks kept as `<br/>`.
  public static func htmlLines(_ text: String) -> String {
    normalizedLines(text).map(html).joined(separator: "<br/>")
  }

  // MARK: Markdown (CommonMark)

  /// Characters CommonMark could read as markup or raw HTML; a backslash makes each literal.
  static let markdownSpecials: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!", "{", "}",
  ]

  /// One line of user text for Markdown: markup characters backslash-escaped (so `<script>`
  /// stays text, never HTML), a leading `- + =` or `1.` escaped so it cannot start a list or
  /// heading, and line breaks kept as hard breaks (`\` at the end of a line) indented under
  /// the list item they belong to.
  public static func markdown(_ text: String, continuationIndent: String = "  ") -> String {
    let lines = normalizedLines(replacingControls(text))
    return lines.map(markdownLine).joined(separator: "\\\n" + continuationIndent)
  }

  static func markdownLine(_ line: String) -> String {
    var out = ""
    var atStart = true
    var leadingDigits = false
    for character in line {
      if atStart, character == " " {
        // Leading spaces could make an indented code block; keep them as non-breaking.
        out += "&nbsp;"
        continue
      }
      if markdownSpecials.contains(character) {
        out += "\\" + String(character)
      } else if atStart, character == "-" || character == "+" || character == "=" {
        out += "\\" + String(character)
      } else if leadingDigits, character == "." || character == ")" {
        out += "\\" + String(character)
      } else {
        out.append(character)
      }
      leadingDigits = (atStart || leadingDigits) && character.isASCII && character.isNumber
      atStart = false
    }
    return out
  }

  /// A Markdown table cell: like `markdown`, with line breaks as `<br>` (a table row is one
  /// line).
  public static func markdownCell(_ text: String) -> String {
    normalizedLines(replacingControls(text)).map(markdownLine).joined(separator: "<br>")
  }

  // MARK: iCalendar (RFC 5545)

  /// A TEXT value: `\ ; ,` escaped, line breaks as `\n`, other controls replaced.
  public static func icsText(_ text: String) -> String {
    var out = ""
    let lines = normalizedLines(replacingControls(text))
    for (index, line) in lines.enumerated() {
      if index > 0 { out += "\\n" }
      for character in line {
        switch character {
        case "\\": out += "\\\\"
        case ";": out += "\\;"
        case ",": out += "\\,"
        case "\t": out += " "
        default: out.append(character)
        }
      }
    }
    return out
  }

  /// One content line folded to at most 75 octets per line (continuations start with a space,
  /// counted in the 75), never inside a UTF-8 sequence and, where a character fits on a line,
  /// never inside a character (an emoji with its skin tone stays whole); lines end in CRLF.
  public static func icsFold(_ line: String) -> String {
    let limit = 75
    guard line.utf8.count > limit else { return line + "\r\n" }
    var out = ""
    var current = 0
    func append(_ scalar: Unicode.Scalar) {
      let width = UTF8.width(scalar)
      if current + width > limit {
        out += "\r\n "
        current = 1
      }
      out.unicodeScalars.append(scalar)
      current += width
    }
    for character in line {
      let width = character.utf8.count
      if width > limit - 1 {
        // Longer than any line can hold: split between its scalars, never inside one.
        for scalar in character.unicodeScalars { append(scalar) }
        continue
      }
      if current + width > limit {
        out += "\r\n "
        current = 1
      }
      out.append(character)
      current += width
    }
    return out + "\r\n"
  }

  // MARK: Shared

  /// Lines of text, whatever the line-break convention (CRLF, CR, LF, U+2028/9, NEL).
  static func normalizedLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      if scalar == "\n", previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = scalar == "\r"
      if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
        || scalar == "\u{85}"
      {
        lines.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    lines.append(String(current))
    return lines
  }
}

extension String {
  /// Plain replacement without Foundation.
  func replacingEach(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
