import RehabCore

// Here rather than in RehabCore: the `json` and `fhir` formats are printed by RehabStore's JSON
// printer (`ExportJSON`), which RehabCore cannot see.
extension ExportDocument {
  /// The export in `format`. `table` chooses the CSV table (items, check-ins or notes);
  /// `eventTime` makes the iCalendar events timed instead of all-day.
  public static func render(
    _ format: ExportFormat, history: ProgressHistory, asOf: CalendarDay,
    from: CalendarDay? = nil, to: CalendarDay? = nil, table: ExportTable = .items,
    eventTime: TimeOfDay? = nil
  ) throws(ExportProblem) -> String {
    let summary = try summary(history: history, asOf: asOf, from: from, to: to)
    return try render(
      format, summary: summary, history: history, table: table, eventTime: eventTime)
  }

  public static func render(
    _ format: ExportFormat, summary: ExportSummary, history: ProgressHistory,
    table: ExportTable = .items, eventTime: TimeOfDay? = nil
  ) throws(ExportProblem) -> String {
    switch format {
    case .markdown: return MarkdownExport.render(summary)
    case .csv: return CSVExport.render(summary, table: table)
    case .html: return HTMLExport.render(summary)
    case .ics: return ICSExport.render(summary, at: eventTime)
    case .fhir: return FHIRExport.render(summary)
    case .json:
      do {
        return try ExportArchive.render(
          ExportArchive(programme: history.programme, weeks: Array(history.weeks.values)),
          summary: summary)
      } catch {
        throw ExportProblem(
          path: "(export)", message: "cannot encode the records (\(error))",
          fix: "please report this; nothing was written")
      }
    }
  }

  /// The export of one section per summary (one per programme) in `format`; with one summary,
  /// exactly the one-programme export. The JSON archive is `archive` (every programme and
  /// week of the folder) whatever the summaries cover.
  public static func render(
    _ format: ExportFormat, summaries: [ExportSummary], archive: ExportArchive,
    table: ExportTable = .items, eventTime: TimeOfDay? = nil
  ) throws(ExportProblem) -> String {
    guard format == .json else {
      return try render(format, summaries: summaries, table: table, eventTime: eventTime)
    }
    guard !summaries.isEmpty else {
      throw ExportProblem(
        path: "(export)", message: "covers no programme",
        fix: "give a range that meets a programme")
    }
    do {
      return try ExportArchive.render(archive, summaries: summaries)
    } catch {
      throw ExportProblem(
        path: "(export)", message: "cannot encode the records (\(error))",
        fix: "please report this; nothing was written")
    }
  }

  /// Every format but the JSON archive, one section per summary.
  static func render(
    _ format: ExportFormat, summaries: [ExportSummary], table: ExportTable,
    eventTime: TimeOfDay?
  ) throws(ExportProblem) -> String {
    guard let last = summaries.last else {
      throw ExportProblem(
        path: "(export)", message: "covers no programme",
        fix: "give a range that meets a programme")
    }
    guard summaries.count > 1 else {
      return try render(
        format, summary: last, history: ProgressHistory(programme: last.programme),
        table: table, eventTime: eventTime)
    }
    switch format {
    case .markdown: return MarkdownExport.render(programmes: summaries)
    case .csv: return CSVExport.render(programmes: summaries, table: table)
    case .html: return HTMLExport.render(programmes: summaries)
    case .fhir: return FHIRExport.render(programmes: summaries)
    // The calendar is the schedule still to come: the latest programme's.
    case .ics: return ICSExport.render(last, at: eventTime)
    case .json: return ""  // the archive, `render(_:summaries:archive:…)`
    }
  }
}

extension ExportDocument {
  /// `render(_:summaries:archive:…)`'s text handed to `sink` in order: the JSON archive a
  /// chunk at a time as it is printed (`ExportArchive.write`), every other format whole. An
  /// error the sink throws (a failed write) comes out as it is.
  public static func write(
    _ format: ExportFormat, summaries: [ExportSummary], archive: StreamedArchive,
    table: ExportTable = .items, eventTime: TimeOfDay? = nil,
    to sink: @escaping ([UInt8]) throws -> Void
  ) throws {
    guard format == .json, !summaries.isEmpty else {
      try sink(
        Array(try render(format, summaries: summaries, table: table, eventTime: eventTime).utf8))
      return
    }
    do {
      try ExportArchive.write(archive, summaries: summaries, to: sink)
    } catch let error as EncodingError {
      throw ExportProblem(
        path: "(export)", message: "cannot encode the records (\(error))",
        fix: "please report this; nothing was written")
    }
  }
}
