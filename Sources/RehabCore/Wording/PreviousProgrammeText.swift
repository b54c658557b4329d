/// The previous programme's last check-in in words, the same for `flags`, `week` and the Week
/// screen: labelled as the previous programme's, and said not to be compared (each programme
/// judges its measures against its own baseline, R-FLAG-BASELINE).
public enum PreviousProgrammeText {
  /// "Previous programme, for reference only (not compared): ACL early phase, 2026-09-07 to
  /// 2026-11-01; its last check-in 2026-10-30: pain 2, SANE 80, heel raises L 12 / R 20."
  public static func line(_ previous: PreviousProgrammeCheckin) -> String {
    let programme = previous.programme
    let head =
      "Previous programme, for reference only (not compared): \(programme.plan.title), \(programme.start) to \(programme.end)"
    guard let checkin = previous.checkin else { return "\(head); it has no check-in." }
    let values = Measure.allCases.compactMap { measure in
      checkin[measure].map { "\(FlagText.name(of: measure)) \(value($0))" }
    }
    return "\(head); its last check-in \(checkin.day): \(values.joined(separator: ", "))."
  }

  static func value(_ value: CheckinValue) -> String {
    switch value {
    case .single(let single): FlagText.number(single)
    case .sided(let left, let right): "L \(FlagText.number(left)) / R \(FlagText.number(right))"
    }
  }
}
