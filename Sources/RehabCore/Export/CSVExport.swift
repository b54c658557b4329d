/// Tables for a spreadsheet, as RFC 4180 CSV (CRLF line ends, a header row). User text is
/// quoted where needed and a leading `= + - @` (or tab, carriage return) is neutralised with
/// `'` so no cell can run as a formula.
public enum CSVExport {
  public static let itemColumns = [
    "date", "week", "programme_week", "item_id", "treatment", "kind", "side", "dose", "status",
    "reason", "pain", "notes",
  ]
  public static let checkinColumns = [
    "date", "week", "programme_week", "measure", "side", "value", "unit", "mdc", "mcid",
  ]
  public static let noteColumns = ["date", "week", "item_id", "written_at", "text"]

  public static func render(_ summary: ExportSummary, table: ExportTable = .items) -> String {
    switch table {
    case .items: items(summary)
    case .checkins: checkins(summary)
    case .notes: notes(summary)
    }
  }

  /// One row per scheduled item per day of the range (and per logged item on days outside the
  /// current programme).
  public static func items(_ summary: ExportSummary, section: CSVSection = .none) -> String {
    var out = section.header(itemColumns)
    for item in summary.rows {
      out += section.row([
        item.day.description,
        ISOWeek(containing: item.day).description,
        item.programmeWeek.map(String.init) ?? "",
        ExportEscaping.csvText(item.id),
        ExportEscaping.csvText(item.treatment),
        item.kind?.rawValue ?? "",
        item.side?.rawValue ?? "",
        item.dose.map(ExportEscaping.csvText) ?? "",
        item.status.rawValue,
        item.reason.map(ExportEscaping.csvText) ?? "",
        item.pain.map(String.init) ?? "",
        ExportEscaping.csvText(item.notes.map(\.text).joined(separator: "\n")),
      ])
    }
    return out
  }

  /// One row per check-in value, left and right on rows of their own.
  public static func checkins(_ summary: ExportSummary, section: CSVSection = .none) -> String {
    var out = section.header(checkinColumns)
    for checkin in summary.checkins {
      let programmeWeek = summary.programme.programmeWeek(of: checkin.day).map(String.init) ?? ""
      for measure in Measure.allCases {
        guard let value = checkin.values[measure] else { continue }
        let baseline = summary.measures.first { $0.measure == measure }?.baseline?.value.single
        var sides: [(String, Double)] = []
        switch value {
        case .single(let number): sides = [("", number)]
        case .sided(let left, let right): sides = [("left", left), ("right", right)]
        }
        for (side, number) in sides {
          out += section.row([
            checkin.day.description, ISOWeek(containing: checkin.day).description, programmeWeek,
            measure.rawValue, side, plain(number), ExportEscaping.csvQuoted(measure.unit),
            plain(measure.mdc), plain((measure.mcid(baseline: baseline) * 1000).rounded() / 1000),
          ])
        }
      }
    }
    return out
  }

  public static func notes(_ summary: ExportSummary, section: CSVSection = .none) -> String {
    var out = section.header(noteColumns)
    for note in summary.notes {
      out += section.row([
        note.day.description, ISOWeek(containing: note.day).description,
        note.itemId.map(ExportEscaping.csvText) ?? "", ExportEscaping.csvText(note.at),
        ExportEscaping.csvText(note.text),
      ])
    }
    return out
  }

  static func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }

  /// A number with no rounding beyond what it holds (`12`, `4.5`), for machine reading.
  static func plain(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}

/// Where a CSV table sits in an export of several programmes: alone (`none`), or as one
/// programme's rows of a shared table, each row led by the programme's name, the header row
/// written once.
public struct CSVSection: Sendable {
  /// The first column's value on every row, nil for a one-programme table.
  var programme: String?
  var writesHeader: Bool

  public static let none = CSVSection(programme: nil, writesHeader: true)

  public static func programme(_ name: String, first: Bool) -> CSVSection {
    CSVSection(programme: name, writesHeader: first)
  }

  func header(_ columns: [String]) -> String {
    guard writesHeader else { return "" }
    return CSVExport.row(
      ((programme == nil ? [] : ["programme"]) + columns).map(ExportEscaping.csvQuoted))
  }

  func row(_ fields: [String]) -> String {
    CSVExport.row((programme.map { [ExportEscaping.csvText($0)] } ?? []) + fields)
  }
}
