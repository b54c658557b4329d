/// The flags as of a day, with what a reader needs to place them.
public struct FlagsSummary: Hashable, Sendable {
  public var programme: Programme
  public var asOf: CalendarDay
  /// Completed programme weeks as of `asOf` (flags are judged once the first is over).
  public var completedWeeks: Int
  public var flags: [ProgressFlag]
  /// Flags held back by R-FLAG-BASELINE: not raised, with what is missing.
  public var pending: [PendingFlag]
  /// The programme before this one with its last check-in, shown for reference only: this
  /// programme's flags have their own baseline and never compare with it. nil for the first.
  public var previousProgramme: PreviousProgrammeCheckin?

  public init(
    programme: Programme, asOf: CalendarDay, completedWeeks: Int, flags: [ProgressFlag],
    pending: [PendingFlag] = []
  ) {
    self.programme = programme
    self.asOf = asOf
    self.completedWeeks = completedWeeks
    self.flags = flags
    self.pending = pending
  }

  public init(history: ProgressHistory, asOf: CalendarDay) {
    let engine = FlagEngine(history: history, asOf: asOf)
    self.init(
      programme: history.programme, asOf: asOf, completedWeeks: engine.ledger.completedWeeks,
      flags: engine.flags, pending: engine.pending)
  }

  public var programmeWeek: Int? { programme.programmeWeek(of: asOf) }
}
