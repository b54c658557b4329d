import RehabCore

/// An HL7 FHIR R4 (4.0.1) Bundle of type `collection` for clinic systems: a Patient with no
/// identifying data (the receiving clinic links it), the programme as a CarePlan with one
/// activity per treatment, each check-in measure and each logged pain rating as an
/// Observation (pain: LOINC 72514-3), weekly self-reported adherence as Observations, and each
/// logged item as a Procedure (`completed`, or `not-done` with the skip reason). Ids are
/// deterministic (name-based), so exporting twice gives the same resources. Free text goes in
/// FHIR `markdown` fields escaped as Markdown, in `string` fields as is; JSON escaping keeps
/// both valid.
public enum FHIRExport {
  public static let loinc = "http://loinc.org"
  public static let painLOINC = "72514-3"
  public static let painLOINCDisplay =
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
  static let ucum = "http://unitsofmeasure.org"
  static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"

  public static func render(_ summary: ExportSummary) -> String {
    var builder = Builder(summary: summary)
    return ExportJSON.pretty(builder.bundle())
  }

  /// One Bundle for several programmes: one Patient (named from the first programme), one
  /// CarePlan per programme with its own resources, each CarePlan after the first `replaces`
  /// the one before it.
  public static func render(programmes summaries: [ExportSummary]) -> String {
    guard let first = summaries.first, let last = summaries.last else { return "" }
    var entries: [StoredJSON] = []
    var previousCarePlan: String?
    for (index, summary) in summaries.enumerated() {
      var builder = Builder(summary: summary, patientSeed: Builder(summary: first).seed)
      builder.includesPatient = index == 0
      builder.replaces = previousCarePlan
      guard case .object(let bundle) = builder.bundle(), case .array(let own)? = bundle["entry"]
      else { continue }
      entries += own
      previousCarePlan = builder.carePlanId
    }
    let seed = Builder(summary: first).seed
    return ExportJSON.pretty(
      .object([
        "resourceType": .string("Bundle"),
        "id": .string(
          FHIRExport.uuid("\(seed)/bundle/all-programmes/\(summaries.count)/\(last.to)")),
        "type": .string("collection"),
        "timestamp": .string("\(last.asOf)T00:00:00Z"),
        "entry": .array(entries),
      ]))
  }

  struct Builder {
    let summary: ExportSummary
    var entries: [StoredJSON] = []
    /// Whose Patient the resources name (several programmes share one).
    let patientSeed: String?
    /// Whether the bundle adds the Patient (once per bundle).
    var includesPatient = true
    /// The CarePlan of the programme before, which this one replaces.
    var replaces: String?

    init(summary: ExportSummary, patientSeed: String? = nil) {
      self.summary = summary
      self.patientSeed = patientSeed
    }

    var programme: Programme { summary.programme }
    /// Everything is named from the programme's identity, so ids are stable across exports.
    var seed: String { "\(programme.plan.id)/\(programme.start)" }
    var patientId: String { FHIRExport.uuid("\(patientSeed ?? seed)/patient") }
    var carePlanId: String { FHIRExport.uuid("\(seed)/careplan") }
    var patient: StoredJSON { reference(patientId) }

    func reference(_ id: String) -> StoredJSON { .object(["reference": .string("urn:uuid:\(id)")]) }

    mutating func add(_ id: String, _ resource: [String: StoredJSON]) {
      var resource = resource
      resource["id"] = .string(id)
      entries.append(
        .object(["fullUrl": .string("urn:uuid:\(id)"), "resource": .object(resource)]))
    }

    mutating func bundle() -> StoredJSON {
      if includesPatient {
        add(patientId, ["resourceType": .string("Patient"), "active": .bool(true)])
      }
      add(carePlanId, carePlan())
      for checkin in summary.checkins { addObservations(checkin) }
      for (index, record) in summary.pain.enumerated() { addPain(record, index: index) }
      for week in summary.adherence.weeks { addAdherence(week) }
      for item in summary.rows where item.status == .done || item.status == .skipped {
        addProcedure(item)
      }
      return .object([
        "resourceType": .string("Bundle"),
        "id": .string(FHIRExport.uuid("\(seed)/bundle/\(summary.from)/\(summary.to)")),
        "type": .string("collection"),
        "timestamp": .string("\(summary.asOf)T00:00:00Z"),
        "entry": .array(entries),
      ])
    }

    func carePlan() -> [String: StoredJSON] {
      let asOf = summary.asOf
      let status = asOf > programme.end ? "completed" : "active"
      // One activity per treatment and stretch of days over which the revisions leave it the
      // same (R-REV-EFFECTIVE): a revised dose is a new activity from its day, a paused span
      // an `on-hold` one and a removal a `stopped` one. Without revisions: one per treatment.
      let activities: [StoredJSON] = FHIRExport.segments(of: programme).map { segment in
        let treatment = segment.treatment
        var first = segment.first
        var last = segment.last
        if segment.status == .active {
          first = max(first, programme.firstDay(ofWeek: treatment.weeks?.from ?? 1))
          last = min(
            last,
            programme.firstDay(ofWeek: min(treatment.weeks?.to ?? programme.weeks, programme.weeks))
              .adding(days: 6))
        }
        let activityStatus: String
        switch segment.status {
        case .active:
          activityStatus = asOf < first ? "not-started" : asOf > last ? "completed" : "in-progress"
        case .paused: activityStatus = "on-hold"
        case .removed: activityStatus = "stopped"
        }
        var description =
          "\(treatment.kind.title), \(treatment.side.sides(affected: programme.affectedSide).map(\.rawValue).joined(separator: " and ")) side, starting dose \(treatment.dose.text). \(treatment.instructions)"
        if let revision = segment.revision {
          let note = revision.note.map { " (\($0))" } ?? ""
          description =
            "From \(revision.effective): \(RevisionText.change(revision, programme: programme))\(note). "
            + description
        }
        var detail: [String: StoredJSON] = [
          "status": .string(activityStatus),
          "code": .object(["text": .string(treatment.name)]),
          "description": .string(description),
        ]
        let bounds: StoredJSON = .object([
          "start": .string(first.description), "end": .string(last.description),
        ])
        let times = Double(max(1, treatment.schedule.timesPerDay))
        switch treatment.schedule.pattern {
        case .daily:
          detail["scheduledTiming"] = .object([
            "repeat": .object([
              "boundsPeriod": bounds, "frequency": .number(times), "period": .number(1),
              "periodUnit": .string("d"),
            ])
          ])
        case .daysPerWeek(let count):
          detail["scheduledTiming"] = .object([
            "repeat": .object([
              "boundsPeriod": bounds, "frequency": .number(Double(count) * times),
              "period": .number(1), "periodUnit": .string("wk"),
            ])
          ])
        case .weekdays(let days):
          detail["scheduledTiming"] = .object([
            "repeat": .object([
              "boundsPeriod": bounds, "frequency": .number(times), "period": .number(1),
              "periodUnit": .string("d"), "dayOfWeek": .array(days.map { .string($0.rawValue) }),
            ])
          ])
        case .sameDaysAs(let others):
          let name = ItemCardText.namesOf(others, in: programme.plan)
          detail["scheduledString"] = .string("On the days of \(name), \(first) to \(last)")
        }
        return .object(["detail": .object(detail)])
      }
      var plan: [String: StoredJSON] = [
        "resourceType": .string("CarePlan"),
        "status": .string(status),
        "intent": .string("plan"),
        "title": .string(programme.plan.title),
        "description": .string(
          "\(programme.plan.description) Affected side: \(programme.affectedSide.rawValue). \(SafetyText.disclaimer)"
        ),
        "subject": patient,
        "period": .object([
          "start": .string(programme.start.description), "end": .string(programme.end.description),
        ]),
        "category": .array([
          .object(["text": .string("Foot and ankle rehabilitation (self-managed)")])
        ]),
        "activity": .array(activities),
      ]
      let notes: [StoredJSON] = summary.notes.map { note in
        var text = note.text
        if let itemId = note.itemId { text = "(\(itemId)) " + text }
        return .object([
          "time": .string(FHIRExport.dateTime(note.at, fallback: note.day)),
          "text": .string(ExportEscaping.markdown(text, continuationIndent: "")),
        ])
      }
      if !notes.isEmpty { plan["note"] = .array(notes) }
      if let replaces { plan["replaces"] = .array([reference(replaces)]) }
      return plan
    }

    func category(_ code: String) -> StoredJSON {
      .array([
        .object([
          "coding": .array([
            .object(["system": .string(FHIRExport.observationCategory), "code": .string(code)])
          ])
        ])
      ])
    }

    func code(for measure: Measure) -> StoredJSON {
      var code: [String: StoredJSON] = ["text": .string(measure.title)]
      if measure == .pain {
        code["coding"] = .array([
          .object([
            "system": .string(FHIRExport.loinc), "code": .string(FHIRExport.painLOINC),
            "display": .string(FHIRExport.painLOINCDisplay),
          ])
        ])
      }
      return .object(code)
    }

    func quantity(_ value: Double, measure: Measure) -> StoredJSON {
      var quantity: [String: StoredJSON] = ["value": .number(value)]
      switch measure {
      case .pain:
        quantity["unit"] = .string("{score}")
        quantity["system"] = .string(FHIRExport.ucum)
        quantity["code"] = .string("{score}")
      case .sane, .faamADL, .faamSport, .yBalance:
        quantity["unit"] = .string("%")
        quantity["system"] = .string(FHIRExport.ucum)
        quantity["code"] = .string("%")
      case .kneeToWall:
        quantity["unit"] = .string("cm")
        quantity["system"] = .string(FHIRExport.ucum)
        quantity["code"] = .string("cm")
      case .balance:
        quantity["unit"] = .string("s")
        quantity["system"] = .string(FHIRExport.ucum)
        quantity["code"] = .string("s")
      case .heelRaises:
        quantity["unit"] = .string("repetitions")
      case .lefs, .cait:
        quantity["unit"] = .string("{score}")
        quantity["system"] = .string(FHIRExport.ucum)
        quantity["code"] = .string("{score}")
      }
      return .object(quantity)
    }

    mutating func addObservations(_ checkin: Checkin) {
      for measure in Measure.allCases {
        guard let value = checkin.values[measure] else { continue }
        var observation: [String: StoredJSON] = [
          "resourceType": .string("Observation"),
          "status": .string("final"),
          "category": category(measure.isSided ? "exam" : "survey"),
          "code": code(for: measure),
          "subject": patient,
          "effectiveDateTime": .string(checkin.day.description),
          "basedOn": .array([reference(carePlanId)]),
        ]
        switch value {
        case .single(let number):
          observation["valueQuantity"] = quantity(number, measure: measure)
        case .sided(let left, let right):
          observation["component"] = .array([
            .object([
              "code": .object(["text": .string("\(measure.title), left")]),
              "valueQuantity": quantity(left, measure: measure),
            ]),
            .object([
              "code": .object(["text": .string("\(measure.title), right")]),
              "valueQuantity": quantity(right, measure: measure),
            ]),
          ])
        }
        add(FHIRExport.uuid("\(seed)/checkin/\(checkin.day)/\(measure.rawValue)"), observation)
      }
    }

    mutating func addPain(_ record: PainRecord, index: Int) {
      let when = record.timing == .during ? "during exercise" : "on waking, about the day before"
      var observation: [String: StoredJSON] = [
        "resourceType": .string("Observation"),
        "status": .string("final"),
        "category": category("survey"),
        "code": code(for: .pain),
        "subject": patient,
        "effectiveDateTime": .string(FHIRExport.dateTime(record.at, fallback: record.day)),
        "valueQuantity": quantity(Double(record.level), measure: .pain),
        "basedOn": .array([reference(carePlanId)]),
      ]
      var note = "Logged \(when) on \(record.day)"
      if let treatment = record.treatmentId {
        note += ", about \(programme.treatment(id: treatment)?.name ?? treatment)"
      }
      if let entry = summary.painLog.first(where: { $0.record == record }) {
        note += "; \(ExportClinicalText.effects(entry))"
      }
      observation["note"] = .array([
        .object(["text": .string(ExportEscaping.markdown(note, continuationIndent: ""))])
      ])
      add(
        FHIRExport.uuid(
          "\(seed)/pain/\(index)/\(record.day)/\(record.at)/\(record.level)/\(record.timing.rawValue)"
        ), observation)
    }

    mutating func addAdherence(_ week: ExportAdherence.Week) {
      guard let ratio = week.figure.ratio else { return }
      add(
        FHIRExport.uuid("\(seed)/adherence/\(week.programmeWeek)"),
        [
          "resourceType": .string("Observation"),
          "status": .string(week.lastDay < summary.asOf ? "final" : "preliminary"),
          "category": category("activity"),
          "code": .object([
            "text": .string(
              "Adherence to the home programme, self-reported (items done ÷ scheduled)")
          ]),
          "subject": patient,
          "effectivePeriod": .object([
            "start": .string(week.firstDay.description), "end": .string(week.lastDay.description),
          ]),
          "valueQuantity": .object([
            "value": .number((ratio * 1000).rounded() / 10), "unit": .string("%"),
            "system": .string(FHIRExport.ucum), "code": .string("%"),
          ]),
          "note": .array([
            .object([
              "text": .string(
                "Programme week \(week.programmeWeek): \(week.figure.done) of \(week.figure.scheduled) items done, \(week.figure.skipped) skipped\(week.isInsufficient ? "; insufficient dose (R-ADH-LOW)" : "")."
              )
            ])
          ]),
          "basedOn": .array([reference(carePlanId)]),
        ])
    }

    mutating func addProcedure(_ item: ExportItem) {
      var procedure: [String: StoredJSON] = [
        "resourceType": .string("Procedure"),
        "status": .string(item.status == .done ? "completed" : "not-done"),
        "code": .object(["text": .string(item.treatment)]),
        "subject": patient,
        "performedDateTime": .string(item.day.description),
        "basedOn": .array([reference(carePlanId)]),
      ]
      if let side = item.side, side != .both {
        procedure["bodySite"] = .array([
          .object(["text": .string("\(side.rawValue) foot and ankle")])
        ])
      }
      if item.status == .skipped {
        procedure["statusReason"] = .object(["text": .string(item.reason ?? "skipped")])
      }
      var notes: [StoredJSON] = []
      if let dose = item.dose {
        notes.append(.object(["text": .string(ExportEscaping.markdown("Dose: \(dose)"))]))
      }
      for note in item.notes {
        notes.append(
          .object([
            "time": .string(FHIRExport.dateTime(note.at, fallback: note.day)),
            "text": .string(ExportEscaping.markdown(note.text, continuationIndent: "")),
          ]))
      }
      if !notes.isEmpty { procedure["note"] = .array(notes) }
      add(FHIRExport.uuid("\(seed)/item/\(item.id)"), procedure)
    }
  }

  /// A stored time stamp when it is a full FHIR dateTime (`2026-12-02T18:04:05Z`), else the day.
  static func dateTime(_ stamp: String, fallback day: CalendarDay) -> String {
    let bytes = Array(stamp.utf8)
    guard bytes.count == 20, CalendarDay(String(decoding: bytes[0..<10], as: UTF8.self)) != nil,
      bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      [11, 12, 14, 15, 17, 18].allSatisfy({ (48...57).contains(bytes[$0]) })
    else { return day.description }
    return stamp
  }

  /// A name-based UUID (RFC 9562 version 8: two 64-bit FNV-1a hashes of the name), so the same
  /// record always gets the same id.
  static func uuid(_ name: String) -> String {
    func fnv(_ seed: UInt64) -> UInt64 {
      var hash = seed
      for byte in name.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
      }
      return hash
    }
    var high = fnv(0xCBF2_9CE4_8422_2325)
    var low = fnv(0x8422_2325_CBF2_9CE4 ^ high)
    high = (high & ~0xF000) | 0x8000  // version 8
    low = (low & ~(0xC000 << 48)) | (0x8000 << 48)  // variant 10
    func hex(_ value: UInt64, _ digits: Int) -> String {
      let text = String(value, radix: 16)
      return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
    let h = hex(high, 16)
    let l = hex(low, 16)
    return
      "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
  }
}

extension FHIRExport {
  /// A treatment over a stretch of days with the same settings and status.
  struct Segment {
    let treatment: Treatment
    let status: TreatmentStatus
    let first: CalendarDay
    let last: CalendarDay
    /// The revision that began it; nil for the programme's own start.
    let revision: ProgrammeRevision?
  }

  /// Each home treatment's stretches, in the plan's order (then as added), oldest first.
  static func segments(of programme: Programme) -> [Segment] {
    let boundaries = programme.revisionBoundaries.filter { $0 <= programme.end }
    let byDay = Dictionary(grouping: programme.revisions, by: \.effective)
    var result: [Segment] = []
    for treatment in programme.allTreatments where treatment.kind.isHomeTask {
      var open:
        (
          treatment: Treatment, status: TreatmentStatus, first: CalendarDay,
          revision: ProgrammeRevision?
        )?
      for (index, day) in boundaries.enumerated() {
        let next = index + 1 < boundaries.count ? boundaries[index + 1] : nil
        let last = next.map { $0.adding(days: -1) } ?? programme.end
        guard let current = programme.inForce(on: day).treatment(id: treatment.id) else {
          continue
        }
        if let still = open, still.treatment == current.treatment, still.status == current.status {
          if next == nil {
            result.append(
              Segment(
                treatment: still.treatment, status: still.status, first: still.first, last: last,
                revision: still.revision))
          }
          continue
        }
        if let ended = open {
          result.append(
            Segment(
              treatment: ended.treatment, status: ended.status, first: ended.first,
              last: day.adding(days: -1), revision: ended.revision))
        }
        let revision = byDay[day]?.last { $0.treatmentId == treatment.id }
        open = (current.treatment, current.status, day, revision)
        if next == nil {
          result.append(
            Segment(
              treatment: current.treatment, status: current.status, first: day, last: last,
              revision: revision))
        }
      }
    }
    return result
  }
}
