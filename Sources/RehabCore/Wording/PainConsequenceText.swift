/// What a logged pain entry changes, in plain words that name no command and no key: the CLI's
/// `pain` output, the app's pain form and its message line all word `PainConsequence` here, so
/// none of them can promise what the scheduler does not do.
public enum PainConsequenceText {
  /// "not acceptable (above 5)", "safe (0–3)".
  public static func zone(_ zone: PainZone) -> String {
    switch zone {
    case .safe: "safe (0–\(PainZones.safeMax))"
    case .acceptable: "acceptable (\(PainZones.safeMax + 1)–\(PainZones.acceptableMax))"
    case .notAcceptable: "not acceptable (above \(PainZones.acceptableMax))"
    }
  }

  /// One sentence per change, most important first.
  public static func lines(_ consequence: PainConsequence) -> [String] {
    let session = consequence.sessionDay.labelWithWeekday
    switch consequence.verdict {
    case .acceptable:
      return [
        "\(PainZones.acceptableMax) or less during exercise: the next sessions stay as planned."
      ]
    case .notHigherThanSessionDay(let highest):
      return [
        "Not higher than the \(highest)/10 logged on \(session): the next sessions stay as planned (R-PAIN-STEP)."
      ]
    case .nothingLoggedOnSessionDay:
      return [
        "No pain was logged on \(session) to compare with: the next sessions stay as planned (R-PAIN-STEP)."
      ]
    case .painful:
      break
    }
    guard !consequence.treatments.isEmpty else {
      return ["Nothing was scheduled on \(session): no session changes."]
    }
    var lines: [String] = []
    for treatment in consequence.treatments {
      lines.append(line(treatment))
      if let week = treatment.heldWeek {
        lines.append(
          "\(treatment.name): a second painful session this programme week, so week \(week) adds no progression step (R-PAIN-HOLD)."
        )
      }
    }
    return lines
  }

  /// The lines as one text, for a message line or a form.
  public static func summary(_ consequence: PainConsequence) -> String {
    lines(consequence).joined(separator: " ")
  }

  private static func line(_ treatment: PainConsequence.TreatmentChange) -> String {
    switch treatment.change {
    case .lighter(let next, let dose, let planned):
      "\(treatment.name), next session \(next.labelWithWeekday): \(dose.text) instead of \(planned.text) (R-PAIN-STEP)."
    case .atLightest(let next, let dose):
      "\(treatment.name), next session \(next.labelWithWeekday): stays at \(dose.text), already the lightest dose (R-PAIN-STEP)."
    case .noNextSession:
      "\(treatment.name): no later session in the programme."
    case .neverChanged:
      "\(treatment.name): unchanged; pain never changes \(treatment.kind.rawValue) (R-PAIN-STEP)."
    }
  }
}
