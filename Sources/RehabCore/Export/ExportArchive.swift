/// `rehabit export --format json`: the whole data directory (the programme and every stored
/// progress week, exactly as the files hold them) plus the summary of the range, versioned.
/// `rehabit import` restores a data directory from the `programme` and `weeks` members; the
/// `summary` is derived data and is ignored on import. The JSON text (both ways) is
/// `ExportArchive.render` and `ExportArchive.decode` in RehabStore.
///
/// Version 3 carries every programme of the folder: `programme` is the current one
/// (`programme.json`) and `earlierProgrammes` the kept earlier ones, oldest first (each as its
/// `programmes/…json` holds it), so an import restores a folder of several programmes
/// completely. With `--all-programmes` the derived `summary` is replaced by `summaries`, one
/// per programme. Versions 1 and 2 (one programme) are still read, as a folder of one programme.
///
/// Version 2 carries week files of version 2: record ids and the tombstones of removed records
/// (`removed`), so a restore keeps what was removed removed. Version 1 archives (week files of
/// version 1) are still read; their weeks are upgraded as week files are.
///
/// ```json
/// {"format": "rehabit-export", "schemaVersion": 3, "exportedFor": "2026-12-20",
///  "range": {"from": "…", "to": "…"}, "programme": {…programme.json…},
///  "earlierProgrammes": [{…programmes/2026-09-07-acl-early.json…}, …],
///  "weeks": [{…progress/2026-W49.json…}, …], "summary": {"adherence": …, "measures": …,
///  "flags": …, "items": …}}
/// ```
public struct ExportArchive: Hashable, Sendable {
  public static let schemaVersion = 3
  public static let format = "rehabit-export"

  /// The current programme (`programme.json`).
  public var programme: Programme
  /// The earlier programmes of the folder, oldest first (empty for a folder of one).
  public var earlierProgrammes: [Programme]
  /// Oldest first, one per ISO week.
  public var weeks: [ProgressWeek]

  public init(programme: Programme, earlierProgrammes: [Programme] = [], weeks: [ProgressWeek]) {
    self.programme = programme
    self.earlierProgrammes = earlierProgrammes.sorted { $0.start < $1.start }
    self.weeks = weeks.sorted { $0.week < $1.week }
  }

  /// The archive of every programme of `timeline` and `weeks`.
  public init(timeline: ProgrammeTimeline, weeks: [ProgressWeek]) {
    self.init(
      programme: timeline.current, earlierProgrammes: Array(timeline.programmes.dropLast()),
      weeks: weeks)
  }

  public var timeline: ProgrammeTimeline {
    ProgrammeTimeline(current: programme, earlier: earlierProgrammes)
  }
}

/// What is wrong with an export file, where (a JSON path), and how to fix it; one line. An
/// export holds the same records as the progress files, so it shares their problem type.
public typealias ExportProblem = ProgressProblem
