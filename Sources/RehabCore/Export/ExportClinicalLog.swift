/// One pain rating as a clinician reads it: when, how much, about which exercise, and what the
/// scheduler did because of it (R-PAIN-STEP, R-PAIN-HOLD).
public struct ExportPainEntry: Hashable, Sendable {
  public enum Effect: Hashable, Sendable {
    /// The next session of `treatment`, on `day`, was one step lighter.
    case lighterSession(treatment: String, day: CalendarDay)
    /// The session counted towards holding `treatment`'s progression in programme week `week`.
    case heldWeek(treatment: String, week: Int)
  }

  public var record: PainRecord
  /// The exercise it was logged against; nil for the whole session.
  public var exercise: String?
  public var effects: [Effect]

  public init(record: PainRecord, exercise: String?, effects: [Effect]) {
    self.record = record
    self.exercise = exercise
    self.effects = effects
  }
}

/// One programme week of a treatment's dose: as planned, and what pain guidance changed.
public struct ExportDoseWeek: Hashable, Sendable {
  public enum Change: String, Hashable, Sendable {
    /// The treatment's first week.
    case start
    /// One progression step up from the week before.
    case progressed
    case unchanged
    /// Progression held after two painful sessions the week before (R-PAIN-HOLD).
    case held
  }

  public var programmeWeek: Int
  /// The week's dose before any step down (`3 × 12`).
  public var dose: String
  public var change: Change
  /// Sessions of the week that were a step lighter after a painful one (R-PAIN-STEP).
  public var lighterSessions: [LighterSession]

  /// A session dosed below the week's dose after a painful one, and the dose it had.
  public struct LighterSession: Hashable, Sendable {
    public var day: CalendarDay
    /// `3 × 10`.
    public var dose: String

    public init(day: CalendarDay, dose: String) {
      self.day = day
      self.dose = dose
    }
  }

  public init(
    programmeWeek: Int, dose: String, change: Change, lighterSessions: [LighterSession]
  ) {
    self.programmeWeek = programmeWeek
    self.dose = dose
    self.change = change
    self.lighterSessions = lighterSessions
  }

  /// Whether the week is worth a line in a short history (anything but an unchanged week).
  public var isNotable: Bool { change != .unchanged || !lighterSessions.isEmpty }
}

/// A treatment's dose week by week, through the export day.
public struct ExportDoseHistory: Hashable, Sendable {
  public var treatmentId: String
  public var name: String
  public var progresses: Bool
  public var weeks: [ExportDoseWeek]

  public init(treatmentId: String, name: String, progresses: Bool, weeks: [ExportDoseWeek]) {
    self.treatmentId = treatmentId
    self.name = name
    self.progresses = progresses
    self.weeks = weeks
  }
}

extension ExportSummary {
  /// The pain entries of the range with what each changed, and every treatment's dose history
  /// through `asOf`, from the same rules the checklist uses (`Scheduler.prescription`).
  static func clinicalLog(history: ProgressHistory, asOf: CalendarDay, pain: [PainRecord])
    -> (pain: [ExportPainEntry], doses: [ExportDoseHistory])
  {
    let programme = history.programme
    let scheduler = Scheduler(programme: programme)
    let guidance = scheduler.painGuidance(history.painEntries(through: asOf))
    let treatments = programme.allTreatments.filter { $0.kind.isHomeTask }
    let lastWeek = programme.programmeWeek(of: min(asOf, programme.end)) ?? 0

    func sessions(of treatment: Treatment, inWeek week: Int) -> [CalendarDay] {
      let first = programme.firstDay(ofWeek: week)
      return (0..<7).map { first.adding(days: $0) }.filter {
        $0 <= asOf && scheduler.isScheduled(treatment, on: $0)
      }
    }

    let painLog = pain.map { record -> ExportPainEntry in
      let sessionDay = record.painEntry.sessionDay
      var effects: [ExportPainEntry.Effect] = []
      for treatment in treatments where PainStep.applies(to: treatment.kind) {
        guard guidance.painCausing(treatment.id, session: sessionDay).contains(record.painEntry)
        else { continue }
        if let next = scheduler.nextSession(of: treatment, after: sessionDay), next <= asOf,
          scheduler.prescription(for: treatment, on: next, guidance: guidance)?.painAdjustments
            .contains(.steppedDown) == true
        {
          effects.append(.lighterSession(treatment: treatment.name, day: next))
        }
        if let week = programme.programmeWeek(of: sessionDay), week < programme.weeks,
          guidance.holdsProgression(of: treatment.id, inWeek: week + 1)
        {
          effects.append(.heldWeek(treatment: treatment.name, week: week + 1))
        }
      }
      let exercise =
        record.itemId.flatMap { id in
          ChecklistItem.parseID(id).flatMap { programme.treatment(id: $0.treatmentId)?.name }
        } ?? record.treatmentId.flatMap { programme.treatment(id: $0)?.name }
      return ExportPainEntry(record: record, exercise: exercise, effects: effects)
    }

    let doses = treatments.map { treatment -> ExportDoseHistory in
      var weeks: [ExportDoseWeek] = []
      var previousDose: String?
      for week in stride(from: treatment.firstWeek, through: lastWeek, by: 1)
      where treatment.runs(inWeek: week) {
        let days = sessions(of: treatment, inWeek: week)
        let prescriptions = days.compactMap {
          scheduler.prescription(for: treatment, on: $0, guidance: guidance)
        }
        guard let first = prescriptions.first else { continue }
        // The week's planned step; a stepped-down session is lighter than it.
        let step = scheduler.plannedStep(of: treatment, inWeek: week, guidance: guidance)
        let dose =
          treatment.progression?.apply(steps: step, to: treatment.dose).text
          ?? PrescribedDose(dose: treatment.dose).text
        let change: ExportDoseWeek.Change
        if first.painAdjustments.contains(.held) {
          change = .held
        } else if let previousDose {
          // A step past the cap leaves the dose as it was: only a new dose is a progression.
          change = dose != previousDose ? .progressed : .unchanged
        } else {
          change = .start
        }
        let lighter = zip(days, prescriptions).compactMap { day, prescription in
          prescription.painAdjustments.contains(.steppedDown)
            ? ExportDoseWeek.LighterSession(day: day, dose: prescription.dose.text) : nil
        }
        weeks.append(
          ExportDoseWeek(
            programmeWeek: week, dose: dose, change: change, lighterSessions: lighter))
        previousDose = dose
      }
      return ExportDoseHistory(
        treatmentId: treatment.id, name: treatment.name,
        progresses: treatment.progression != nil, weeks: weeks)
    }
    return (painLog, doses)
  }
}
