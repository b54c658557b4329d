import RehabCore

/// An export archive whose weeks are handed out one at a time, in order: `rehabit export
/// --format json` reads the week files as it prints them, and `rehabit import` parses the
/// weeks of the export as it writes them, each with a second thread a few weeks ahead
/// (`WeekReadAhead`). The archive holds every week, a summary only the weeks of its
/// programme's span, so ten years of weeks are never in memory at once.
public struct StreamedArchive {
  public var programme: Programme
  /// Oldest first.
  public var earlierProgrammes: [Programme]
  /// How many weeks the archive holds.
  public var weekCount: Int
  /// The week at a position (0 ..< `weekCount`), oldest first.
  public var week: (Int) throws -> ProgressWeek
  /// True when every week `week` gives has been checked as a progress file is
  /// (`ProgressWeek.problems` empty), as the export's readers do; an import then does not
  /// check it again.
  public var weeksAreChecked = false

  public init(
    programme: Programme, earlierProgrammes: [Programme], weekCount: Int,
    week: @escaping (Int) throws -> ProgressWeek
  ) {
    self.programme = programme
    self.earlierProgrammes = earlierProgrammes
    self.weekCount = weekCount
    self.week = week
  }

  /// An archive already in memory.
  public init(_ archive: ExportArchive) {
    programme = archive.programme
    earlierProgrammes = archive.earlierProgrammes
    weekCount = archive.weeks.count
    week = { index in archive.weeks[index] }
  }
}
