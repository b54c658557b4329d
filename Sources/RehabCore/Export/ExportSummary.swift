/// Everything the progress-summary renderers show, as plain values: the programme, the range,
/// every scheduled item of the range with what was logged, the check-ins, and the adherence and
/// flags as the adherence and flag engines computed them. Renderers are pure functions of this
/// value (text in, text out); `ExportSummary.make` fills it from the stored records.
public struct ExportSummary: Hashable, Sendable {
  public var programme: Programme
  /// The day the export is about (`--date`, default today): statuses before it are "missed"
  /// when nothing was logged, flags are as of this day.
  public var asOf: CalendarDay
  /// The first and last day of the summary, within the programme.
  public var from: CalendarDay
  public var to: CalendarDay
  /// Each day of the range with its scheduled items, oldest first.
  public var days: [ExportDay]
  /// Each programme day from the later of `from` and `asOf` to the end, for calendars.
  public var remaining: [ExportDay]
  public var adherence: ExportAdherence
  /// Check-ins up to `to`, oldest first (baseline = the first of the programme).
  public var checkins: [Checkin]
  public var measures: [MeasureSummary]
  public var flags: [ExportFlag]
  /// Notes and pain logged within the range, oldest first.
  public var notes: [NoteRecord]
  public var pain: [PainRecord]
  /// Each treatment as prescribed, with its dose as of `asOf`: what the patient was told.
  public var prescribed: [ExportTreatment]
  /// The pain entries of the range with what each made the scheduler do.
  public var painLog: [ExportPainEntry]
  /// Each home treatment's dose week by week through `asOf`.
  public var doseHistory: [ExportDoseHistory]

  public init(
    programme: Programme, asOf: CalendarDay, from: CalendarDay, to: CalendarDay,
    days: [ExportDay], remaining: [ExportDay], adherence: ExportAdherence, checkins: [Checkin],
    measures: [MeasureSummary], flags: [ExportFlag], notes: [NoteRecord], pain: [PainRecord],
    prescribed: [ExportTreatment] = [], painLog: [ExportPainEntry] = [],
    doseHistory: [ExportDoseHistory] = []
  ) {
    self.programme = programme
    self.asOf = asOf
    self.from = from
    self.to = to
    self.days = days
    self.remaining = remaining
    self.adherence = adherence
    self.checkins = checkins
    self.measures = measures
    self.flags = flags
    self.notes = notes
    self.pain = pain
    self.prescribed = prescribed
    self.painLog = painLog
    self.doseHistory = doseHistory
  }

  /// Every scheduled item of the range, in day and session order.
  public var rows: [ExportItem] { days.flatMap(\.items) }

  /// Items that were skipped, with their reasons, in the range.
  public var skipped: [ExportItem] { rows.filter { $0.status == .skipped } }
}

/// One treatment of the programme as prescribed: the plan's instructions, load, schedule and
/// sides, and the dose the scheduler gives as of the export day.
public struct ExportTreatment: Hashable, Sendable {
  public var treatment: Treatment
  /// The sides it is done on, for the programme's affected side.
  public var sides: [Side]
  /// The programme week the dose is for (the export day's, kept within the programme).
  public var programmeWeek: Int
  /// The dose as of the export day after progression and pain guidance; nil when the treatment
  /// does not run that week.
  public var currentDose: Prescription?

  public init(
    treatment: Treatment, sides: [Side], programmeWeek: Int, currentDose: Prescription?
  ) {
    self.treatment = treatment
    self.sides = sides
    self.programmeWeek = programmeWeek
    self.currentDose = currentDose
  }
}

/// One day of the range with its items and notes.
public struct ExportDay: Hashable, Sendable {
  public var day: CalendarDay
  /// nil for a day outside the current programme (history kept from an earlier one).
  public var programmeWeek: Int?
  public var items: [ExportItem]
  /// Notes written for this day (on the day or on one of its items).
  public var notes: [NoteRecord]

  public init(day: CalendarDay, programmeWeek: Int?, items: [ExportItem], notes: [NoteRecord]) {
    self.day = day
    self.programmeWeek = programmeWeek
    self.items = items
    self.notes = notes
  }
}

/// One scheduled item (or, outside the current programme, one logged item) and what the person
/// logged about it.
public struct ExportItem: Hashable, Sendable {
  /// `2026-12-02.heel-raises.left` (`ChecklistItem.id`).
  public var id: String
  public var day: CalendarDay
  public var programmeWeek: Int?
  public var treatmentId: String
  /// The treatment's name, or its id when the current programme no longer has it.
  public var treatment: String
  public var kind: TreatmentKind?
  public var side: Side?
  /// `3 × 12`; nil when not known (an item of an earlier programme).
  public var dose: String?
  /// Done, skipped, missed (a past item with nothing logged), pending (the export day's) or
  /// upcoming, as the adherence engine judges it.
  public var status: ItemOutcome
  public var reason: String?
  /// The highest pain logged during the day that concerns this item (its own entry, its
  /// treatment's, or the whole session's); nil when none was logged.
  public var pain: Int?
  /// Notes written on this item.
  public var notes: [NoteRecord]

  public init(
    id: String, day: CalendarDay, programmeWeek: Int?, treatmentId: String, treatment: String,
    kind: TreatmentKind?, side: Side?, dose: String?, status: ItemOutcome, reason: String? = nil,
    pain: Int? = nil, notes: [NoteRecord] = []
  ) {
    self.id = id
    self.day = day
    self.programmeWeek = programmeWeek
    self.treatmentId = treatmentId
    self.treatment = treatment
    self.kind = kind
    self.side = side
    self.dose = dose
    self.status = status
    self.reason = reason
    self.pain = pain
    self.notes = notes
  }

  /// A scheduled item with its status.
  public init(
    _ item: ChecklistItem, status: ItemOutcome, reason: String? = nil, pain: Int? = nil,
    notes: [NoteRecord] = []
  ) {
    self.init(
      id: item.id, day: item.day, programmeWeek: item.programmeWeek,
      treatmentId: item.treatmentId, treatment: item.name, kind: item.kind, side: item.side,
      dose: item.dose.text, status: status, reason: reason, pain: pain, notes: notes)
  }

  /// `Heel raises (left)`.
  public var title: String {
    guard let side, side != .both else { return treatment }
    return "\(treatment) (\(side.rawValue))"
  }
}

/// Self-reported adherence (R-ADH) over the range, from the adherence engine
/// (`AdherenceLedger`): per programme week, per treatment, and in all.
public struct ExportAdherence: Hashable, Sendable {
  public struct Week: Hashable, Sendable {
    public var programmeWeek: Int
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    public var figure: AdherenceTally
    /// R-ADH-LOW: below the programme's threshold, "insufficient dose".
    public var isInsufficient: Bool

    public init(
      programmeWeek: Int, firstDay: CalendarDay, lastDay: CalendarDay, figure: AdherenceTally,
      isInsufficient: Bool
    ) {
      self.programmeWeek = programmeWeek
      self.firstDay = firstDay
      self.lastDay = lastDay
      self.figure = figure
      self.isInsufficient = isInsufficient
    }
  }

  public struct Treatment: Hashable, Sendable {
    public var treatmentId: String
    public var name: String
    public var kind: TreatmentKind
    public var figure: AdherenceTally

    public init(treatmentId: String, name: String, kind: TreatmentKind, figure: AdherenceTally) {
      self.treatmentId = treatmentId
      self.name = name
      self.kind = kind
      self.figure = figure
    }
  }

  public var weeks: [Week]
  public var treatments: [Treatment]
  public var overall: AdherenceTally
  /// R-ADH-LOW threshold (0–1) the weeks were judged against.
  public var lowThreshold: Double

  public init(
    weeks: [Week], treatments: [Treatment], overall: AdherenceTally, lowThreshold: Double
  ) {
    self.weeks = weeks
    self.treatments = treatments
    self.overall = overall
    self.lowThreshold = lowThreshold
  }

  public static let none = ExportAdherence(
    weeks: [], treatments: [], overall: .empty,
    lowThreshold: FlagThresholds.defaults.lowAdherence)
}

/// One flag with the numbers behind it, as the flag engine raised it (`ProgressFlag`), with
/// its evidence as readable lines.
public struct ExportFlag: Hashable, Sendable {
  public struct Evidence: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// `plateau`, `worsening`, `low-adherence`, `imbalance`, `see-specialist`, `missed-checkin`.
  public var id: String
  /// The clinical rule, e.g. `R-FLAG-PLATEAU`.
  public var rule: String
  public var title: String
  public var since: CalendarDay?
  public var message: String
  public var evidence: [Evidence]
  /// The message suggests seeing a clinician (and so carries the disclaimer).
  public var suggestsClinician: Bool

  public init(
    id: String, rule: String, title: String, since: CalendarDay?, message: String,
    evidence: [Evidence], suggestsClinician: Bool
  ) {
    self.id = id
    self.rule = rule
    self.title = title
    self.since = since
    self.message = message
    self.evidence = evidence
    self.suggestsClinician = suggestsClinician
  }
}
