/// `rehabit export --format json`: the whole data directory (the programme and every stored
/// progress week, exactly as the files hold them) plus the summary of the range, versioned.
/// `rehabit import` restores a data directory from the `programme` and `weeks` members; the
/// `summary` is derived data and is ignored on import. The JSON text (both ways) is
/// `ExportArchive.render` and `ExportArchive.decode` in RehabStore.
///
/// Version 2 carries week files of version 2: record ids and the tombstones of removed records
/// (`removed`), so a restore keeps what was removed removed. Version 1 archives (week files of
/// version 1) are still read; their weeks are upgraded as week files are.
///
/// ```json
/// {"format": "rehabit-export", "schemaVersion": 2, "exportedFor": "2026-12-20",
///  "range": {"from": "…", "to": "…"}, "programme": {…programme.json…},
///  "weeks": [{…progress/2026-W49.json…}, …], "summary": {"adherence": …, "measures": …,
///  "flags": …, "items": …}}
/// ```
public struct ExportArchive: Hashable, Sendable {
  public static let schemaVersion = 2
  public static let format = "rehabit-export"

  public var programme: Programme
  /// Oldest first, one per ISO week.
  public var weeks: [ProgressWeek]

  public init(programme: Programme, weeks: [ProgressWeek]) {
    self.programme = programme
    self.weeks = weeks.sorted { $0.week < $1.week }
  }
}

/// What is wrong with an export file, where (a JSON path), and how to fix it; one line. An
/// export holds the same records as the progress files, so it shares their problem type.
public typealias ExportProblem = ProgressProblem
