/// Where a treatment stands on a day.
public enum TreatmentStatus: Hashable, Sendable {
  case active
  /// Paused through `until` (inclusive), or until a `resume` when nil.
  case paused(until: CalendarDay?)
  case removed

  public var isActive: Bool { self == .active }
}

/// One treatment as the revisions in force on a day leave it.
public struct TreatmentInForce: Hashable, Sendable {
  /// The treatment with its revised dose, schedule and side. `dose` is the dose its
  /// progression counts from (the template's, or the latest dose revision's).
  public var treatment: Treatment
  public var status: TreatmentStatus
  /// The programme week its progression counts from: its first week, or the week its latest
  /// dose revision (or its addition) took effect (R-REV-DOSE).
  public var progressionFromWeek: Int
  /// The id of the revision whose dose it counts from; nil for the template's or the added
  /// treatment's own dose.
  public var doseRevisionId: String?
  /// The revisions in force on the day that touched it, in effective order.
  public var revisionIds: [String]

  public var id: String { treatment.id }

  /// The progression in force: a staged progression stops at a revised dose, which the
  /// clinician chose instead of the protocol's stages (R-REV-DOSE); a weekly one steps on.
  public var progression: Progression? {
    guard let progression = treatment.progression else { return nil }
    if doseRevisionId != nil, case .stages = progression { return nil }
    return progression
  }
}

/// The programme as the revisions in force on one day leave it (R-REV-EFFECTIVE): every
/// treatment it has on that day, in the plan's order and then the order they were added.
public struct ProgrammeInForce: Hashable, Sendable {
  public var day: CalendarDay
  public var treatments: [TreatmentInForce]

  public func treatment(id: String) -> TreatmentInForce? {
    treatments.first { $0.id == id }
  }

  /// The treatments done on the day's programme week: neither paused nor removed.
  public var active: [Treatment] { treatments.filter(\.status.isActive).map(\.treatment) }

  /// The plan as a programme file would hold it on that day (removed treatments left out,
  /// paused ones kept): what `ProgrammeValidator` judges for a revision.
  public func plan(from template: ProgrammePlan) -> ProgrammePlan {
    var plan = template
    plan.treatments = treatments.filter { $0.status != .removed }.map(\.treatment)
    return plan
  }
}

extension Programme {
  /// The revisions in the order they apply: by effective day, and in recorded order within a
  /// day, so a later-recorded change of the same day wins.
  public var revisionsInEffectiveOrder: [ProgrammeRevision] {
    revisions.enumerated().sorted {
      ($0.element.effective, $0.offset) < ($1.element.effective, $1.offset)
    }
    .map(\.element)
  }

  /// The treatments in force on `day`: the plan with every revision effective on or before it.
  public func inForce(on day: CalendarDay) -> ProgrammeInForce {
    ProgrammeInForce(day: day, treatments: applying(revisionsInEffectiveOrder, through: day))
  }

  /// The treatments after all revisions, whatever their day: for the latest names and doses.
  var afterAllRevisions: [TreatmentInForce] { applying(revisionsInEffectiveOrder, through: nil) }

  private func applying(_ ordered: [ProgrammeRevision], through day: CalendarDay?)
    -> [TreatmentInForce]
  {
    var treatments = plan.treatments.map {
      TreatmentInForce(
        treatment: $0, status: .active, progressionFromWeek: $0.firstWeek, doseRevisionId: nil,
        revisionIds: [])
    }
    func week(of revisionDay: CalendarDay) -> Int { start.days(until: revisionDay) / 7 + 1 }
    for revision in ordered {
      if let day, revision.effective > day { break }
      // A pause whose last day is past has ended by this revision's day.
      for index in treatments.indices {
        if case .paused(let until?) = treatments[index].status, until < revision.effective {
          treatments[index].status = .active
        }
      }
      if case .add(let added) = revision.change {
        guard !treatments.contains(where: { $0.id == added.id }) else { continue }
        treatments.append(
          TreatmentInForce(
            treatment: added, status: .active,
            progressionFromWeek: max(added.firstWeek, week(of: revision.effective)),
            doseRevisionId: nil, revisionIds: [revision.id]))
        continue
      }
      guard let id = revision.treatmentId,
        let index = treatments.firstIndex(where: { $0.id == id })
      else { continue }
      var current = treatments[index]
      current.revisionIds.append(revision.id)
      switch revision.change {
      case .set(_, let settings):
        current.treatment = settings.applied(to: current.treatment)
        if settings.dose != nil {
          current.progressionFromWeek = max(
            current.treatment.firstWeek, week(of: revision.effective))
          current.doseRevisionId = revision.id
        }
      case .remove: current.status = .removed
      case .pause(_, let until): current.status = .paused(until: until)
      case .resume: if current.status != .removed { current.status = .active }
      case .add, .extend: break
      }
      treatments[index] = current
    }
    if let day {
      for index in treatments.indices {
        if case .paused(let until?) = treatments[index].status, until < day {
          treatments[index].status = .active
        }
      }
    }
    return treatments
  }

  /// The first day of each stretch of days over which the treatments in force stay the same,
  /// from the start: the start, every revision's effective day and the day after each pause
  /// with an end. Sorted, without repeats, none before the start.
  public var revisionBoundaries: [CalendarDay] {
    var days: Set<CalendarDay> = [start]
    for revision in revisions where revision.effective > start {
      days.insert(revision.effective)
    }
    for revision in revisions {
      if case .pause(_, let until?) = revision.change, until >= start {
        days.insert(until.adding(days: 1))
      }
    }
    return days.sorted()
  }
}
