import TextSafety

/// One change a clinician makes to a running programme, from a day on: the template stays as it
/// was, and a day's checklist uses the template plus the revisions in force on it, so the days
/// before a revision never change (R-REV-EFFECTIVE).
public struct ProgrammeRevision: Hashable, Sendable {
  /// The longest note a revision keeps, as for a day's note.
  public static let noteLimit = 500

  /// `r-20261203-k3m9` (`RevisionID`): `r`, the effective day, four characters.
  public var id: String
  /// The first day the change governs.
  public var effective: CalendarDay
  public var change: ProgrammeChange
  /// Why, in the clinician's words ("review: pain settled"); one line, control characters
  /// replaced, at most `noteLimit` characters.
  public var note: String?
  /// When it was recorded (`Timestamp`).
  public var at: String
  /// The data folder (machine) that wrote it (`MachineID`); empty when unknown (older files).
  public var by: String

  public init(
    id: String, effective: CalendarDay, change: ProgrammeChange, note: String? = nil, at: String,
    by: String = ""
  ) {
    self.by = by
    self.id = id
    self.effective = effective
    self.change = change
    self.note = note.flatMap(ProgrammeRevision.cleanNote)
    self.at = at
  }

  /// The note as stored: one line without control characters, trimmed, nil when empty.
  /// Length is checked by `RevisionCheck`, so a long note is refused, never cut.
  public static func cleanNote(_ text: String) -> String? {
    // Line breaks become spaces (a note is one line), other controls the placeholder.
    var joined = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      joined.append(TextSanitizer.isLineBreak(scalar) ? " " : scalar)
    }
    let line = TextSanitizer.replacingControls(String(joined), keepLineBreaks: false)
    let trimmed = line.trimmingWhitespace
    return trimmed.isEmpty ? nil : String(trimmed)
  }

  /// The treatment the change is about; nil for `extend`.
  public var treatmentId: String? { change.treatmentId }

  /// The kinds of change it makes (a `set` can change dose, schedule and side at once).
  public var kinds: [RevisionKind] { change.kinds }
}

/// What a revision changes.
public enum ProgrammeChange: Hashable, Sendable {
  /// New dose, schedule and/or side of a treatment (at least one of them).
  case set(treatmentId: String, TreatmentSettings)
  /// A new treatment, from the effective day on.
  case add(Treatment)
  /// The treatment stops for good.
  case remove(treatmentId: String)
  /// The treatment stops from the effective day through `until` (inclusive), or until resumed.
  case pause(treatmentId: String, until: CalendarDay?)
  case resume(treatmentId: String)
  /// The programme gets `weeks` more weeks (effective the day after its old end).
  case extend(weeks: Int)

  public var treatmentId: String? {
    switch self {
    case .set(let id, _), .remove(let id), .pause(let id, _), .resume(let id): id
    case .add(let treatment): treatment.id
    case .extend: nil
    }
  }

  public var kinds: [RevisionKind] {
    switch self {
    case .set(_, let settings): settings.kinds
    case .add: [.add]
    case .remove: [.remove]
    case .pause: [.pause]
    case .resume: [.resume]
    case .extend: [.extend]
    }
  }
}

/// The kinds of change, as the history and the JSON name them.
public enum RevisionKind: String, CaseIterable, Codable, Hashable, Sendable {
  case dose, schedule, side, add, remove, pause, resume, extend
}

/// What a `set` revision gives a treatment; nil fields stay as they were.
public struct TreatmentSettings: Hashable, Sendable {
  public var dose: Dose?
  public var schedule: Schedule?
  public var side: SideRule?

  public init(dose: Dose? = nil, schedule: Schedule? = nil, side: SideRule? = nil) {
    self.dose = dose
    self.schedule = schedule
    self.side = side
  }

  public var isEmpty: Bool { dose == nil && schedule == nil && side == nil }

  public var kinds: [RevisionKind] {
    [dose.map { _ in .dose }, schedule.map { _ in .schedule }, side.map { _ in .side }]
      .compactMap { $0 }
  }

  /// `treatment` with these settings.
  public func applied(to treatment: Treatment) -> Treatment {
    var changed = treatment
    if let dose { changed.dose = dose }
    if let schedule { changed.schedule = schedule }
    if let side { changed.side = side }
    return changed
  }
}

/// A revision id such as `r-20261203-k3m9`, formatted like `RecordID` (the same alphabet), with
/// the effective day in it.
public enum RevisionID {
  public static let prefix: Character = "r"

  public static func make(effective day: CalendarDay, suffix: UInt32) -> String {
    RecordID.format(prefix: prefix, day: day, suffix: suffix)
  }

  /// Whether `text` is an id as `make` writes it, for `day`.
  public static func isValid(_ text: String, effective day: CalendarDay) -> Bool {
    let suffix = text.split(separator: "-").last.map(String.init) ?? ""
    guard suffix.count == 4, suffix.utf8.allSatisfy({ RecordID.alphabet.contains($0) }) else {
      return false
    }
    return text == "\(prefix)-\(RecordID.compact(day))-\(suffix)"
  }
}

// MARK: JSON

extension ProgrammeRevision: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case id, effective, kind, treatment, dose, schedule, side, until, weeks, note, at, by
  }

  /// The stored `kind`: `set` for dose/schedule/side changes, else the kind itself.
  private enum StoredKind: String, Codable {
    case set, add, remove, pause, resume, extend
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try container.decode(StoredKind.self, forKey: .kind)
    func treatmentId() throws -> String { try container.decode(String.self, forKey: .treatment) }
    let change: ProgrammeChange
    switch kind {
    case .set:
      change = .set(
        treatmentId: try treatmentId(),
        TreatmentSettings(
          dose: try container.decodeIfPresent(Dose.self, forKey: .dose),
          schedule: try container.decodeIfPresent(Schedule.self, forKey: .schedule),
          side: try container.decodeIfPresent(SideRule.self, forKey: .side)))
    case .add: change = .add(try container.decode(Treatment.self, forKey: .treatment))
    case .remove: change = .remove(treatmentId: try treatmentId())
    case .pause:
      change = .pause(
        treatmentId: try treatmentId(),
        until: try container.decodeIfPresent(CalendarDay.self, forKey: .until))
    case .resume: change = .resume(treatmentId: try treatmentId())
    case .extend: change = .extend(weeks: try container.decode(Int.self, forKey: .weeks))
    }
    self.init(
      id: try container.decode(String.self, forKey: .id),
      effective: try container.decode(CalendarDay.self, forKey: .effective),
      change: change,
      note: try container.decodeIfPresent(String.self, forKey: .note),
      at: try container.decode(String.self, forKey: .at),
      by: try container.decodeIfPresent(String.self, forKey: .by) ?? "")
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(effective, forKey: .effective)
    try container.encodeIfPresent(note, forKey: .note)
    try container.encode(at, forKey: .at)
    if !by.isEmpty { try container.encode(by, forKey: .by) }
    switch change {
    case .set(let treatmentId, let settings):
      try container.encode(StoredKind.set, forKey: .kind)
      try container.encode(treatmentId, forKey: .treatment)
      try container.encodeIfPresent(settings.dose, forKey: .dose)
      try container.encodeIfPresent(settings.schedule, forKey: .schedule)
      try container.encodeIfPresent(settings.side, forKey: .side)
    case .add(let treatment):
      try container.encode(StoredKind.add, forKey: .kind)
      try container.encode(treatment, forKey: .treatment)
    case .remove(let treatmentId):
      try container.encode(StoredKind.remove, forKey: .kind)
      try container.encode(treatmentId, forKey: .treatment)
    case .pause(let treatmentId, let until):
      try container.encode(StoredKind.pause, forKey: .kind)
      try container.encode(treatmentId, forKey: .treatment)
      try container.encodeIfPresent(until, forKey: .until)
    case .resume(let treatmentId):
      try container.encode(StoredKind.resume, forKey: .kind)
      try container.encode(treatmentId, forKey: .treatment)
    case .extend(let weeks):
      try container.encode(StoredKind.extend, forKey: .kind)
      try container.encode(weeks, forKey: .weeks)
    }
  }
}
