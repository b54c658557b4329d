/// R-PAIN-STEP's "one step lighter": the dose after a painful session, worked out from the dose
/// of the session that hurt. The scheduler doses the next session with it and the pain message
/// names what it returns, so the two cannot differ (docs/clinical-rules.md, "Pain-guided
/// progression").
public enum PainStep {
  /// The floors and default steps of a step down (product defaults).
  public enum Floors {
    /// Reps are never stepped below this.
    public static let reps = 5
    /// Sets, and repetitions of a hold, are never stepped below this.
    public static let sets = 1
    /// A hold is never stepped below this many seconds.
    public static let holdSeconds = 10
    /// Minutes of an exercise dosed in time are never stepped below this.
    public static let minutes = 5
  }

  /// The step taken when the treatment's own progression does not step that field.
  public enum DefaultSteps {
    public static let reps = 2
    public static let holdSeconds = 10
    public static let minutes = 5
  }

  /// Whether pain ever changes a treatment of this kind: heat, ice and ultrasound are passive
  /// and are never stepped (nor held), so no promise is made for them.
  public static func applies(to kind: TreatmentKind) -> Bool {
    switch kind {
    case .strengthening, .stretching, .activation: true
    case .heat, .ice, .ultrasound: false
    }
  }

  /// One step below `dose`, the dose of the session that hurt; nil when the kind is never
  /// stepped or the dose is already at every floor. The field the treatment progresses steps
  /// back by its progression step first; otherwise, in order: reps (not below 5), then one set
  /// fewer (not below 1), then a shorter hold (not below 10 s). A treatment without a
  /// progression loses a set (or a repetition of its hold) first.
  public static func lighter(
    than dose: PrescribedDose, kind: TreatmentKind, progression: Progression?
  ) -> PrescribedDose? {
    guard applies(to: kind) else { return nil }
    for field in order(for: dose.dose, progression: progression) {
      guard let value = dose.dose.value(of: field) else { continue }
      let floor = floor(of: field)
      guard value > floor else { continue }
      let step =
        progression?.weekly.flatMap { $0.field == field ? $0.step : nil } ?? defaultStep(of: field)
      let stepped = max(floor, value - max(1, step))
      return PrescribedDose(
        dose: dose.dose.setting(field, to: stepped), addedLoadPercent: dose.addedLoadPercent)
    }
    return nil
  }

  /// The fields to try, most fitting first. Without a weekly progression (none, or whole-dose
  /// stages such as a 12RM → 8RM protocol, where fewer reps would not be lighter at that load)
  /// a set goes first.
  private static func order(for dose: Dose, progression: Progression?) -> [ProgressionField] {
    let weekly = progression?.weekly
    let natural: [ProgressionField]
    switch dose {
    case .setsReps: natural = weekly == nil ? [.sets, .reps] : [.reps, .sets]
    case .holds:
      natural = weekly == nil ? [.repetitions, .holdSeconds] : [.holdSeconds, .repetitions]
    case .time: natural = [.minutes]
    }
    guard let field = weekly?.field, natural.contains(field) else { return natural }
    return [field] + natural.filter { $0 != field }
  }

  private static func floor(of field: ProgressionField) -> Int {
    switch field {
    case .reps: Floors.reps
    case .sets, .repetitions: Floors.sets
    case .holdSeconds: Floors.holdSeconds
    case .minutes: Floors.minutes
    }
  }

  private static func defaultStep(of field: ProgressionField) -> Int {
    switch field {
    case .reps: DefaultSteps.reps
    case .sets, .repetitions: 1
    case .holdSeconds: DefaultSteps.holdSeconds
    case .minutes: DefaultSteps.minutes
    }
  }
}
