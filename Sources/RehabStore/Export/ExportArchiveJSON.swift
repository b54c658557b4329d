import RehabCore

/// `rehabit export --format json` as text, and `rehabit import` reading it back.
extension ExportArchive {
  // MARK: Export

  public static func render(_ archive: ExportArchive, summary: ExportSummary) throws -> String {
    try render(archive, summaries: [summary])
  }

  /// The archive with the summary of one programme (`summary`), or with one per programme
  /// (`summaries`, each naming its programme) when there are several.
  public static func render(_ archive: ExportArchive, summaries: [ExportSummary]) throws -> String {
    var bytes: [UInt8] = []
    try write(StreamedArchive(archive), summaries: summaries) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `render`'s text handed to `sink` in order, a chunk at a time (`ExportJSONStream`): each
  /// week is made (`StreamedArchive.week`) and each item row printed only when its turn comes,
  /// so neither the text of the whole archive nor all its weeks are ever in memory.
  public static func write(
    _ archive: StreamedArchive, summaries: [ExportSummary],
    to sink: @escaping ([UInt8]) throws -> Void
  ) throws {
    guard let first = summaries.first, let last = summaries.last else {
      throw ExportProblem(
        path: "(export)", message: "covers no programme", fix: "please report this")
    }
    let programme = try ExportJSON.value(archive.programme)
    let earlier = try archive.earlierProgrammes.map { try ExportJSON.value($0) }
    var document: [String: StreamedJSON] = [
      "format": .value(.string(format)),
      "schemaVersion": .value(.number(Double(schemaVersion))),
      "exportedFor": .value(.string(last.asOf.description)),
      "range": .value(
        .object([
          "from": .string(first.from.description), "to": .string(last.to.description),
        ])),
      "programme": .value(programme),
      "earlierProgrammes": .value(.array(earlier)),
      "weeks": .list(count: archive.weekCount) { index in
        let week = try archive.week(index)
        return .written { out in
          let (count, depth) = (out.count, out.depth)
          if ProgressWeekWriter.write(week, into: &out) { return }
          // A value the direct printer declines (not finite): the encoder's way, and its error.
          out.truncate(to: count, depth: depth)
          out.value(try ExportJSON.value(week))
        }
      },
    ]
    if summaries.count == 1 {
      document["summary"] = .object(summaryJSON(first))
    } else {
      document["summaries"] = .list(count: summaries.count) { index in
        let summary = summaries[index]
        var object = summaryJSON(summary)
        object["programme"] = .value(
          .object([
            "id": .string(summary.programme.plan.id),
            "title": .string(summary.programme.plan.title),
            "start": .string(summary.programme.start.description),
            "end": .string(summary.programme.end.description),
          ]))
        object["range"] = .value(
          .object([
            "from": .string(summary.from.description), "to": .string(summary.to.description),
          ]))
        return .object(object)
      }
    }
    var stream = ExportJSONStream(sink: sink)
    try stream.write(.object(document))
  }

  /// The summary's members; its item rows (one per scheduled item and day, the bulk of it) as
  /// a list made row by row.
  static func summaryJSON(_ summary: ExportSummary) -> [String: StreamedJSON] {
    func figure(_ figure: AdherenceTally) -> [String: StoredJSON] {
      [
        "done": .number(Double(figure.done)), "scheduled": .number(Double(figure.scheduled)),
        "skipped": .number(Double(figure.skipped)),
        "adherence": ExportJSON.number(figure.ratio),
      ]
    }
    let adherence = summary.adherence
    var overall = figure(adherence.overall)
    overall["selfReported"] = .bool(true)
    overall["lowThreshold"] = .number(adherence.lowThreshold)
    overall["weeks"] = .array(
      adherence.weeks.map { week in
        var object = figure(week.figure)
        object["programmeWeek"] = .number(Double(week.programmeWeek))
        object["from"] = .string(week.firstDay.description)
        object["to"] = .string(week.lastDay.description)
        object["insufficientDose"] = .bool(week.isInsufficient)
        return .object(object)
      })
    overall["treatments"] = .array(
      adherence.treatments.map { treatment in
        var object = figure(treatment.figure)
        object["treatmentId"] = .string(treatment.treatmentId)
        object["treatment"] = .string(treatment.name)
        object["kind"] = .string(treatment.kind.rawValue)
        return .object(object)
      })

    let measures: [StoredJSON] = summary.measures.filter { !$0.points.isEmpty }.map { measure in
      func sideObject(_ side: Side?) -> StoredJSON {
        .object([
          "baseline": ExportJSON.number(
            measure.baseline.flatMap { MeasureSummary.number($0.value, side: side) }),
          "latest": ExportJSON.number(
            measure.latest.flatMap { MeasureSummary.number($0.value, side: side) }),
          "change": ExportJSON.number(measure.change(side: side)),
          // Pain: the 2-week rolling mean the change is judged on (R-M-PAIN).
          "latestJudged": ExportJSON.number(measure.latestJudged(side: side)),
          "mcid": .number(measure.mcid(side: side)),
          "verdict": ExportJSON.string(measure.verdict(side: side)?.rawValue),
        ])
      }
      var object: [String: StoredJSON] = [
        "measure": .string(measure.measure.rawValue),
        "rule": .string(measure.measure.rule),
        "mdc": .number(measure.measure.mdc),
        "baselineDay": ExportJSON.string(measure.baseline?.day.description),
        "latestDay": ExportJSON.string(measure.latest?.day.description),
      ]
      if measure.measure.isSided {
        object["left"] = sideObject(.left)
        object["right"] = sideObject(.right)
        object["lsiBaseline"] = ExportJSON.number(measure.symmetryIndex(at: measure.baseline))
        object["lsiLatest"] = ExportJSON.number(measure.symmetryIndex(at: measure.latest))
      } else {
        object["value"] = sideObject(nil)
      }
      return .object(object)
    }

    let flags: [StoredJSON] = summary.flags.map { flag in
      .object([
        "id": .string(flag.id), "rule": .string(flag.rule),
        "since": ExportJSON.string(flag.since?.description), "message": .string(flag.message),
        "evidence": .object(
          Dictionary(flag.evidence.map { ($0.name, StoredJSON.string($0.value)) }) { a, _ in a }),
      ])
    }

    // Row by row from the days, printed directly: no flattened copy of the rows, no tree.
    let days = summary.days
    var starts: [Int] = []
    starts.reserveCapacity(days.count)
    var total = 0
    for day in days {
      starts.append(total)
      total += day.items.count
    }
    let items = StreamedJSON.list(count: total) { [starts] index in
      // The last day starting at or before `index` (days without items start where the next
      // one does).
      var low = 0
      var high = starts.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if starts[middle] <= index { low = middle } else { high = middle - 1 }
      }
      let item = days[low].items[index - starts[low]]
      return .written { out in row(item, into: &out) }
    }

    let painLog: [StoredJSON] = summary.painLog.map { entry in
      .object([
        "day": .string(entry.record.day.description),
        "level": .number(Double(entry.record.level)),
        "timing": .string(entry.record.timing.rawValue),
        "itemId": ExportJSON.string(entry.record.itemId),
        "exercise": ExportJSON.string(entry.exercise),
        "effects": .array(
          entry.effects.map { effect in
            switch effect {
            case .lighterSession(let treatment, let day):
              .object([
                "kind": .string("lighter-session"), "treatment": .string(treatment),
                "day": .string(day.description), "rule": .string("R-PAIN-STEP"),
              ])
            case .heldWeek(let treatment, let week):
              .object([
                "kind": .string("held-week"), "treatment": .string(treatment),
                "programmeWeek": .number(Double(week)), "rule": .string("R-PAIN-HOLD"),
              ])
            }
          }),
      ])
    }
    let doseHistory: [StoredJSON] = summary.doseHistory.map { history in
      .object([
        "treatmentId": .string(history.treatmentId),
        "treatment": .string(history.name),
        "progresses": .bool(history.progresses),
        "weeks": .array(
          history.weeks.map { week in
            .object([
              "programmeWeek": .number(Double(week.programmeWeek)),
              "dose": .string(week.dose),
              "change": .string(week.change.rawValue),
              "lighterSessions": .array(
                week.lighterSessions.map {
                  .object(["day": .string($0.day.description), "dose": .string($0.dose)])
                }),
            ])
          }),
      ])
    }

    let revisions: [StoredJSON] = summary.programme.revisions.map { revision in
      .object([
        "id": .string(revision.id),
        "effective": .string(revision.effective.description),
        "kinds": .array(revision.kinds.map { .string($0.rawValue) }),
        "treatment": ExportJSON.string(revision.treatmentId),
        "change": .string(RevisionText.change(revision, programme: summary.programme)),
        "note": ExportJSON.string(revision.note),
        "at": .string(revision.at),
      ])
    }
    return [
      "revisions": .value(.array(revisions)),
      "adherence": .value(.object(overall)),
      "measures": .value(.array(measures)),
      "flags": .value(.array(flags)),
      "items": items,
      "painLog": .value(.array(painLog)),
      "doseHistory": .value(.array(doseHistory)),
      "disclaimer": .value(.string(SafetyText.disclaimer)),
    ]
  }

  /// One item row of the summary, as the tree `ExportJSON.pretty` printed:
  /// `{"date", "dose", "id", "kind", "pain", "programmeWeek", "reason", "side", "status",
  /// "treatment", "treatmentId"}` in that (sorted) order, absent values as `null`.
  static func row(_ item: ExportItem, into out: inout PrettyJSONBytes) {
    func text(_ value: String?) {
      if let value { out.string(value) } else { out.null() }
    }
    func whole(_ value: Int?) {
      if let value { out.number(Double(value)) } else { out.null() }
    }
    out.openObject()
    out.key("date")
    out.literalString(item.day.description)
    out.key("dose")
    text(item.dose)
    out.key("id")
    out.string(item.id)
    out.key("kind")
    text(item.kind?.rawValue)
    out.key("pain")
    whole(item.pain)
    out.key("programmeWeek")
    whole(item.programmeWeek)
    out.key("reason")
    text(item.reason)
    out.key("side")
    text(item.side?.rawValue)
    out.key("status")
    out.literalString(item.status.rawValue)
    out.key("treatment")
    out.string(item.treatment)
    out.key("treatmentId")
    out.string(item.treatmentId)
    out.closeObject()
  }

  // MARK: Import

  /// The top level's checks but the weeks: the format and version, the fields allowed, the
  /// programme and the earlier ones (each checked as `programme.json` is) and their order.
  /// `object` may hold placeholders for `weeks` and the summaries, which are not looked at.
  static func programmes(of object: [String: StoredJSON]) throws(ExportProblem) -> (
    Programme, [Programme]
  ) {
    guard object["format"]?.stringValue == format else {
      throw ExportProblem(
        path: "format", message: "is not an export of rehabit (no \"format\": \"\(format)\")",
        fix: "use a file made by the JSON export of rehabit")
    }
    guard let version = object["schemaVersion"]?.intValue else {
      throw ExportProblem(
        path: "schemaVersion", message: "missing or not a whole number",
        fix: "add \"schemaVersion\": \(schemaVersion)")
    }
    guard version <= schemaVersion else {
      throw ExportProblem(
        path: "schemaVersion",
        message:
          "version \(version) was written by a newer rehabit (this one reads up to \(schemaVersion))",
        fix: "upgrade rehabit to import it")
    }
    guard version >= 1 else {
      throw ExportProblem(
        path: "schemaVersion", message: "version \(version) is not a valid version",
        fix: "use a file made by the JSON export of rehabit")
    }
    var allowed: Set<String> = [
      "format", "schemaVersion", "exportedFor", "range", "programme", "weeks", "summary",
    ]
    // Version 3: every programme of the folder, and a summary per programme on request.
    if version >= 3 { allowed.formUnion(["earlierProgrammes", "summaries"]) }
    if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw ExportProblem(
        path: unknown, message: "unknown field '\(unknown)'",
        fix: "remove it; an export holds \(allowed.sorted().joined(separator: ", "))")
    }
    guard let programmeValue = object["programme"] else {
      throw ExportProblem(
        path: "programme", message: "missing", fix: "an export must hold the programme")
    }
    let programme: Programme
    do {
      programme = try ProgrammeDecoding.programme(
        from: Array(programmeValue.text.utf8), file: "programme")
    } catch {
      throw ExportProblem(path: "programme.\(error.path)", message: error.message, fix: error.fix)
    }
    var earlier: [Programme] = []
    if let earlierValue = object["earlierProgrammes"] {
      guard case .array(let values) = earlierValue else {
        throw ExportProblem(
          path: "earlierProgrammes", message: "not a list",
          fix: "write \"earlierProgrammes\": [ … ]")
      }
      for (index, value) in values.enumerated() {
        do {
          earlier.append(
            try ProgrammeDecoding.programme(
              from: Array(value.text.utf8), file: "earlierProgrammes[\(index)]"))
        } catch {
          throw ExportProblem(
            path: "earlierProgrammes[\(index)].\(error.path)", message: error.message,
            fix: error.fix)
        }
      }
    }
    let timeline = ProgrammeTimeline(current: programme, earlier: earlier)
    if timeline.programmes.count != earlier.count + 1 {
      throw ExportProblem(
        path: "earlierProgrammes", message: "two programmes start on the same day",
        fix: "keep one programme per start day")
    }
    if let (before, after) = timeline.overlap {
      throw ExportProblem(
        path: "earlierProgrammes",
        message: "the programme starting \(after.start) overlaps the one ending \(before.end)",
        fix: "programmes follow one another; use a file made by the JSON export of rehabit")
    }
    if timeline.current != programme {
      throw ExportProblem(
        path: "earlierProgrammes", message: "a programme starts after the current one",
        fix: "the current programme is the latest; use a file made by the JSON export of rehabit")
    }
    return (programme, earlier)
  }

  /// Reads an export back, checking everything before anything is written: the syntax (with
  /// line and column), the format and version, the programme (as `programme.json` is checked)
  /// and every week (as a progress file is checked, older versions migrated), and that no week
  /// appears twice.
  public static func decode(_ bytes: [UInt8]) throws(ExportProblem) -> ExportArchive {
    // An export as rehabit writes it takes one pass (`ExportArchiveFastDecoding`); anything
    // it is unsure of, every mistake included, takes the careful path below, so what is
    // accepted and every error are exactly the careful path's.
    if let fast = ExportArchiveFastDecoding.decode(bytes) { return fast }
    return try carefulDecode(bytes)
  }

  /// `decode` for a reader that takes the weeks one at a time (`rehabit import`, which writes
  /// each as it comes): `body` is handed the archive with each week read from `bytes` only
  /// when it asks for it, so the weeks are never all in memory. A week the one-pass reader
  /// will not vouch for stops `body` part way (by an error it must let through); `body` is
  /// then handed the archive `decode` gives, or `decode`'s error is thrown. So `body` must
  /// leave nothing behind when it fails, as an import's staging folder does.
  public static func reading<Result>(
    _ bytes: [UInt8], _ body: (StreamedArchive) throws -> Result
  ) throws -> Result {
    if let streamed = ExportArchiveFastDecoding.streamed(bytes) {
      do {
        return try body(streamed)
      } catch is ExportArchiveFastDecoding.Declined {
        // Decoded again below the careful way, which gives the archive or the exact error.
      }
    }
    var careful = StreamedArchive(try decode(bytes))
    careful.weeksAreChecked = true  // every week read as a progress file is, problems refused
    return try body(careful)
  }

  /// The whole document parsed into a tree, then checked member by member.
  static func carefulDecode(_ bytes: [UInt8]) throws(ExportProblem) -> ExportArchive {
    let document: StoredJSON
    do {
      document = try StoredJSON.parse(bytes)
    } catch {
      throw ExportProblem(
        path: "line \(error.line), column \(error.column)",
        message: "not valid JSON: \(error.message)",
        fix: "use a file made by the JSON export of rehabit")
    }
    guard let object = document.objectValue else {
      throw ExportProblem(
        path: "format", message: "is not an export of rehabit (no \"format\": \"\(format)\")",
        fix: "use a file made by the JSON export of rehabit")
    }
    let (programme, earlier) = try programmes(of: object)
    guard case .array(let weekValues)? = object["weeks"] else {
      throw ExportProblem(
        path: "weeks", message: "missing or not a list", fix: "write \"weeks\": [ … ]")
    }
    var weeks: [ProgressWeek] = []
    var seen: Set<ISOWeek> = []
    for (index, value) in weekValues.enumerated() {
      let week: ProgressWeek
      do {
        week = try ProgressDecoding.week(from: Array(value.text.utf8))
      } catch {
        throw ExportProblem(
          path: "weeks[\(index)].\(error.path)", message: error.message, fix: error.fix)
      }
      guard seen.insert(week.week).inserted else {
        throw ExportProblem(
          path: "weeks[\(index)].week", message: "\(week.week) appears twice",
          fix: "keep one record of each week")
      }
      weeks.append(week)
    }
    return ExportArchive(programme: programme, earlierProgrammes: earlier, weeks: weeks)
  }
}
