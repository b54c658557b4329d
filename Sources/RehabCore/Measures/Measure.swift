/// The weekly check-in measures of docs/clinical-rules.md ("Measures"), each with its range,
/// direction, MDC (real change) and MCID (change that matters).
public enum Measure: String, Codable, CaseIterable, Sendable {
  case pain
  case sane
  case faamADL = "faam-adl"
  case faamSport = "faam-sport"
  case lefs
  case cait
  case heelRaises = "heel-raises"
  case balance
  case kneeToWall = "knee-to-wall"
  case yBalance = "y-balance"

  /// Measures every check-in asks for, whatever the template says.
  public static let alwaysAsked: [Measure] = [.pain, .sane]

  public var rule: String {
    switch self {
    case .pain: "R-M-PAIN"
    case .sane: "R-M-SANE"
    case .faamADL: "R-M-FAAM-ADL"
    case .faamSport: "R-M-FAAM-SPORT"
    case .lefs: "R-M-LEFS"
    case .cait: "R-M-CAIT"
    case .heelRaises: "R-M-HEELRAISE"
    case .balance: "R-M-BALANCE"
    case .kneeToWall: "R-M-KNEEWALL"
    case .yBalance: "R-M-YBAL"
    }
  }

  public var title: String {
    switch self {
    case .pain: "Pain (0–10)"
    case .sane: "Function, self-rated (SANE %)"
    case .faamADL: "FAAM daily living (%)"
    case .faamSport: "FAAM sports (%)"
    case .lefs: "LEFS (0–80)"
    case .cait: "CAIT (0–30)"
    case .heelRaises: "Single-leg heel raises"
    case .balance: "Single-leg balance, eyes closed (s)"
    case .kneeToWall: "Knee-to-wall (cm)"
    case .yBalance: "Y-balance composite (%)"
    }
  }

  public var unit: String {
    switch self {
    case .pain: "/10"
    case .sane, .faamADL, .faamSport, .yBalance: "%"
    case .lefs: "/80"
    case .cait: "/30"
    case .heelRaises: "reps"
    case .balance: "s"
    case .kneeToWall: "cm"
    }
  }

  /// Valid values; check-ins outside are rejected.
  public var range: ClosedRange<Double> {
    switch self {
    case .pain: 0...10
    case .sane, .faamADL, .faamSport: 0...100
    case .lefs: 0...80
    case .cait: 0...30
    case .heelRaises: 0...200
    case .balance: 0...45
    case .kneeToWall: 0...30
    case .yBalance: 0...150
    }
  }

  public var higherIsBetter: Bool { self != .pain }

  /// Entered for left and right separately (limb symmetry, R-LSI).
  public var isSided: Bool {
    switch self {
    case .heelRaises, .balance, .kneeToWall, .yBalance: true
    default: false
    }
  }

  /// Minimal detectable change: smaller changes are measurement noise.
  public var mdc: Double {
    switch self {
    case .pain: 1
    case .sane: 10
    case .faamADL: 5.7
    case .faamSport: 12.3
    case .lefs: 9
    case .cait: 3.08
    case .heelRaises: 6
    case .balance: 5
    case .kneeToWall: 1.6
    case .yBalance: 7
    }
  }

  /// Minimal clinically important difference. Pain's is 2 points or 30 % of baseline,
  /// whichever is smaller (R-M-PAIN, Farrar 2001).
  public func mcid(baseline: Double?) -> Double {
    switch self {
    case .pain:
      guard let baseline, baseline > 0 else { return 2 }
      return min(2, 0.3 * baseline)
    case .sane: return 10
    case .faamADL: return 8
    case .faamSport: return 9
    case .lefs: return 9
    case .cait: return 3
    case .heelRaises: return 6
    case .balance: return 5
    case .kneeToWall: return 1.9
    case .yBalance: return 7
    }
  }
}
