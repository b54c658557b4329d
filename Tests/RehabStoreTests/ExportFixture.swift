import RehabTestSupport

@testable import RehabCore
@testable import RehabStore

/// Three weeks of history on a small programme (a daily stretch on both legs, heel raises 3 days
/// a week on each side), with hostile text in a note, an item note and a skip reason, pain, and
/// check-ins with a sided measure, for the export tests.
enum ExportFixture {
  /// Every troublesome thing at once: markup, quotes, a comma, a line break, a formula, an emoji
  /// with a skin-tone modifier (two scalars, one character).
  static let hostileNote = "=cmd() <script>alert(\"x\")</script>, \"quoted\"\nsecond line 🦶🏽 sore"
  static let hostileReason = "@SUM(A1) <b>tired</b>, \"really\""
  static let start = Fixtures.day("2026-11-30")
  static let asOf = Fixtures.day("2026-12-16")

  static var programme: Programme {
    var heelRaises = Fixtures.strengthening(daysPerWeek: 3, side: .each)
    heelRaises.name = "Heel raises"
    return Fixtures.programme([Fixtures.stretch(), heelRaises], start: "2026-11-30", weeks: 6)
  }

  static var history: ProgressHistory {
    let programme = programme
    let scheduler = Scheduler(programme: programme)
    var weeks: [ISOWeek: ProgressWeek] = [:]
    func update(_ day: CalendarDay, _ change: (inout ProgressWeek) -> Void) {
      let key = ISOWeek(containing: day)
      var week = weeks[key] ?? ProgressWeek(week: key)
      change(&week)
      weeks[key] = week.withRecordIDs()
    }
    for offset in 0..<start.days(until: asOf) {
      let day = start.adding(days: offset)
      for (index, item) in scheduler.checklist(for: day).enumerated() {
        // Most items done, every fifth skipped, a few left undone (missed).
        if (offset + index) % 5 == 0 {
          update(day) {
            $0.items[item.id] = ItemRecord(
              status: .skipped, at: "\(day)T18:00:00Z", reason: hostileReason)
          }
        } else if (offset + index) % 7 != 3 {
          update(day) { $0.items[item.id] = ItemRecord(status: .done, at: "\(day)T18:00:00Z") }
        }
      }
    }
    let noteDay = Fixtures.day("2026-12-01")
    let itemId = scheduler.checklist(for: noteDay).first?.id ?? ""
    update(noteDay) { week in
      week.notes.append(NoteRecord(day: noteDay, text: hostileNote, at: "2026-12-01T19:00:00Z"))
      week.notes.append(
        NoteRecord(day: noteDay, itemId: itemId, text: hostileNote, at: "2026-12-01T19:01:00Z"))
      week.pain.append(PainRecord(day: noteDay, level: 4, at: "2026-12-01T18:30:00Z"))
    }
    // A note on the export day itself, so the calendar's first event carries it.
    update(asOf) { week in
      week.notes.append(NoteRecord(day: asOf, text: hostileNote, at: "2026-12-16T07:00:00Z"))
    }
    let checkins: [(String, Double, Double, Double, Double)] = [
      ("2026-11-30", 6, 40, 8, 20), ("2026-12-07", 4, 55, 11, 21), ("2026-12-14", 3, 65, 15, 21),
    ]
    for (text, pain, sane, left, right) in checkins {
      let day = Fixtures.day(text)
      update(day) { week in
        week.checkins.append(
          Checkin(
            day: day,
            values: [
              .pain: .single(pain), .sane: .single(sane),
              .heelRaises: .sided(left: left, right: right),
            ], at: "\(day)T09:00:00Z"))
      }
    }
    return ProgressHistory(programme: programme, weeks: weeks)
  }

  static func summary(from: CalendarDay? = nil, to: CalendarDay? = nil) throws -> ExportSummary {
    try ExportDocument.summary(history: history, asOf: asOf, from: from, to: to)
  }

  /// Scheduled items from `from` through `to`, counted straight from the scheduler.
  static func scheduledItems(from: CalendarDay, to: CalendarDay) -> Int {
    let scheduler = Scheduler(programme: programme)
    return (0...from.days(until: to)).reduce(0) {
      $0 + scheduler.checklist(for: from.adding(days: $1)).count
    }
  }
}

/// An RFC 4180 CSV reader: quoted fields with doubled quotes, commas and line breaks inside
/// quotes, CRLF or LF record ends. Throws on a stray quote.
enum CSVReader {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      if quoted {
        if scalar == "\"" {
          if characters.first == "\"" {
            characters.removeFirst()
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"":
        guard field.isEmpty, !afterQuote else { throw Malformed() }
        quoted = true
      case ",":
        record.append(field)
        field = ""
        afterQuote = false
      case "\r":
        guard characters.first == "\n" else { throw Malformed() }
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
        afterQuote = false
      default:
        guard !afterQuote else { throw Malformed() }
        field.unicodeScalars.append(scalar)
      }
    }
    guard !quoted else { throw Malformed() }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}

/// Checks that HTML is well formed as rehabit writes it: every element closed in order (void
/// elements and `/>` excepted), no raw `<` or `&` outside markup, and returns the element names.
enum HTMLShape {
  struct Problem: Error, CustomStringConvertible {
    let description: String
  }

  static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "input"]

  @discardableResult
  static func check(_ html: String) throws -> [String] {
    var stack: [String] = []
    var names: [String] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
      if rest[open] == "&" {
        let entity = rest[open...].prefix { $0 != ";" && $0 != " " }
        guard rest[open...].dropFirst(entity.count).first == ";", entity.count > 1 else {
          throw Problem(description: "a bare & at \(rest[open...].prefix(20))")
        }
        rest = rest[rest.index(open, offsetBy: entity.count + 1)...]
        continue
      }
      guard let close = rest[open...].firstIndex(of: ">") else {
        throw Problem(description: "an unclosed tag")
      }
      let tag = rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: close)...]
      if tag.hasPrefix("!") { continue }
      if tag.hasPrefix("/") {
        let name = String(tag.dropFirst()).lowercased()
        guard stack.popLast() == name else {
          throw Problem(description: "</\(name)> closes \(stack.last ?? "nothing")")
        }
        continue
      }
      let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
        throw Problem(description: "a raw < before '\(tag.prefix(20))'")
      }
      names.append(name)
      if tag.hasSuffix("/") || voidElements.contains(name) { continue }
      stack.append(name)
    }
    guard stack.isEmpty else { throw Problem(description: "unclosed: \(stack)") }
    return names
  }

  /// The five entities rehabit writes, back to text.
  static func unescape(_ text: String) -> String {
    text.replacingEach("&lt;", "<").replacingEach("&gt;", ">").replacingEach("&quot;", "\"")
      .replacingEach("&#39;", "'").replacingEach("&amp;", "&")
  }
}

extension String {
  func replacingEach(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
