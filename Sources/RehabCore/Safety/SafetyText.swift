/// Fixed safety wording of docs/clinical-rules.md ("Red flags"), shown in help, at setup and in
/// every screen or export that suggests seeing a clinician.
public enum SafetyText {
  /// The one-line disclaimer beside any suggestion to see a clinician.
  public static let disclaimer =
    "rehabit is a self-management aid, not medical advice: discuss any change with your clinician."

  // The red-flag list, complete and in one place: `rehabit init`, the setup wizard's last step,
  // the help overlay, `rehabit --help` and the Markdown and HTML exports all show
  // `redFlagsHeading`, every line of `redFlags`, then every line of `redFlagCautions`.

  public static let redFlagsHeading = "Stop the programme and seek care the same day for:"

  public static let redFlags: [String] = [
    "inability to take 4 steps",
    "bone tenderness at the back edge or tip of an ankle bone, the navicular or the base of the 5th metatarsal",
    "a sudden \"kicked\" feeling or a gap at the heel cord",
    "a hot, swollen joint with fever",
    "calf pain, swelling or warmth (emergency department for breathlessness or a racing heart)",
    "a pale, blue or cold foot, new numbness, or toes that won't move",
  ]

  public static let thermalCaution =
    "With diabetes, neuropathy or poor circulation, use heat or ice only with a clinician's approval."

  public static let newInjury = "A new sprain or giving-way episode: pause progression and log it."

  /// What to do short of seeking care, shown after the red flags wherever they are.
  public static let redFlagCautions: [String] = [thermalCaution, newInjury]

  /// The whole list in order, heading first, for the surfaces that show it as plain lines and
  /// for the tests that check every surface shows all of it.
  public static var redFlagText: [String] { [redFlagsHeading] + redFlags + redFlagCautions }

  /// Shown through every heat or ice countdown (R-DOSE-ICE, R-DOSE-HEAT).
  public static let thermalSession =
    "Wrapped in a cloth, never on bare skin, and never while asleep. Stop if the skin turns white, blistered or numb."
}
