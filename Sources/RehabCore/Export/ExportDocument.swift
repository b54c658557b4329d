/// The one call behind `rehabit export` and the app's Export dialog: the records in, the text
/// of the chosen format out. Pure; the caller loads the history and writes the text. The
/// range and the summary are here; `render` is in RehabStore, beside the JSON printer that the
/// `json` and `fhir` formats need.
public enum ExportDocument {
  /// The range of a summary: `from`/`to` when given, else the programme's start to the export
  /// day; a problem (one line, with a fix) when `from` is after `to`.
  public static func range(
    programme: Programme, asOf: CalendarDay, from: CalendarDay?, to: CalendarDay?
  ) throws(ExportProblem) -> (from: CalendarDay, to: CalendarDay) {
    let defaults = ExportSummary.defaultRange(programme: programme, asOf: asOf)
    let first = from ?? min(defaults.from, to ?? defaults.from)
    let last = to ?? max(defaults.to, first)
    guard first <= last else {
      throw ExportProblem(
        path: "range", message: "its first day \(first) is after its last day \(last)",
        fix: "give a first day on or before the last")
    }
    return (first, last)
  }

  /// The summary of `history` over the range as of `asOf`.
  public static func summary(
    history: ProgressHistory, asOf: CalendarDay, from: CalendarDay? = nil, to: CalendarDay? = nil
  ) throws(ExportProblem) -> ExportSummary {
    let range = try range(programme: history.programme, asOf: asOf, from: from, to: to)
    return ExportSummary.make(
      history: history, asOf: asOf, from: range.from, to: range.to, calendarThrough: to)
  }
}
