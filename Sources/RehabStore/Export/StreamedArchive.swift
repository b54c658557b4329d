import RehabCore

/// The export archive as `rehabit export --format json` prints it: the programmes, and the
/// stored weeks in order, each made (read from its file) only when it is printed. Ten years of
/// weeks are then never in memory at once: the archive holds every week, a summary only the
/// weeks of its programme's span.
public struct StreamedArchive {
  public var programme: Programme
  /// Oldest first.
  public var earlierProgrammes: [Programme]
  /// How many weeks the archive holds.
  public var weekCount: Int
  /// The week at a position (0 ..< `weekCount`), oldest first.
  public var week: (Int) throws -> ProgressWeek

  /// The archive of `timeline` and the stored `weeks` (oldest first), `read` giving each.
  public init(
    timeline: ProgrammeTimeline, weeks: [ISOWeek],
    read: @escaping (ISOWeek) throws -> ProgressWeek
  ) {
    programme = timeline.current
    earlierProgrammes = Array(timeline.programmes.dropLast())
    weekCount = weeks.count
    week = { index in try read(weeks[index]) }
  }

  /// An archive already in memory.
  public init(_ archive: ExportArchive) {
    programme = archive.programme
    earlierProgrammes = archive.earlierProgrammes
    weekCount = archive.weeks.count
    week = { index in archive.weeks[index] }
  }
}
