/// Fixed safety wording of docs/clinical-rules.md ("Red flags"), shown in help, at setup and in
/// every screen or export that suggests seeing a clinician.
public enum SafetyText {
  /// The one-line disclaimer beside any suggestion to see a clinician.
  public static let disclaimer =
    "rehabit is a self-management aid, not medical advice: discuss any change with your clinician."

  public static let redFlagsHeading = "Stop the programme and seek care the same day for:"

  public static let redFlags: [String] = [
    "inability to take 4 steps",
    "bone tenderness at the back edge or tip of an ankle bone, the navicular or the base of the 5th metatarsal",
    "a sudden \"kicked\" feeling or a gap at the heel cord",
    "a hot, swollen joint with fever",
    "calf pain, swelling or warmth (emergency department for breathlessness or a racing heart)",
    "a pale, blue or cold foot, new numbness, or toes that won't move",
  ]

  /// Shown through every heat or ice countdown (R-DOSE-ICE, R-DOSE-HEAT).
  public static let thermalSession =
    "Wrapped in a cloth, never on bare skin, and never while asleep. Stop if the skin turns white, blistered or numb."

  public static let thermalCaution =
    "With diabetes, neuropathy or poor circulation, use heat or ice only with a clinician's approval."

  public static let newInjury = "A new sprain or giving-way episode: pause progression and log it."
}
