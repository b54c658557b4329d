/// What a proposed revision would do, before it is saved: its problems (none when it can be
/// saved) and the checklists of the days from its effective day, as they are now and as they
/// would be with it (the app's preview before confirming).
public struct RevisionPreview: Hashable, Sendable {
  public var revision: ProgrammeRevision
  /// Empty when the revision fits; the first one is what saving would refuse with.
  public var problems: [ProgrammeProblem]
  /// The days as they are now.
  public var current: [DayChecklist]
  /// The same days with the revision in force; equal to `current` when it has problems.
  public var revised: [DayChecklist]

  public init(
    revision: ProgrammeRevision, problems: [ProgrammeProblem], current: [DayChecklist],
    revised: [DayChecklist]
  ) {
    self.revision = revision
    self.problems = problems
    self.current = current
    self.revised = revised
  }

  /// The revision's days on which the checklist changes.
  public var changedDays: [CalendarDay] {
    zip(current, revised).filter { $0.entries != $1.entries }.map(\.0.day)
  }
}
