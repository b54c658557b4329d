import RehabCore
import RehabQueries
import RehabStore
import RehabTestSupport
import Testing

/// The exports read only the weeks around their range and programme for their summaries, and
/// the archive reads the others one at a time as it prints them (issue 19); what they print
/// must be what the whole history gives, whatever the range, also with records kept from long
/// before the programme and after it.
@Suite("Exports read the weeks they need")
struct ExportReadingTests {
  typealias Fixture = ProgressQueriesTests.Fixture

  @Test(arguments: [UInt64(1), 2, 3])
  func everyFormatEqualsTheExportOfTheWholeHistory(seed: UInt64) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var random = SeededRandom(state: seed)
    let programme = fixture.queries.programme
    // Records from a year before the programme to a month after it, pain and check-ins too.
    for index in 0..<120 {
      let day = programme.start.adding(days: random.int(-365...(programme.weeks * 7 + 30)))
      let items = fixture.queries.items(on: day)
      try fixture.store.updateWeek(ISOWeek(containing: day)) { week in
        if let item = items.isEmpty ? nil : random.pick(items) {
          week.items[item.id] = ItemRecord(
            status: random.chance(70) ? .done : .skipped, at: Fixtures.stamp(index),
            reason: random.chance(50) ? "tired" : nil)
        }
        if random.chance(30) {
          week.pain.append(
            PainRecord(day: day, level: random.int(0...10), at: Fixtures.stamp(index)))
        }
        if random.chance(15), week.checkins.isEmpty {
          week.checkins.append(
            Checkin(
              day: day, values: [.pain: .single(Double(random.int(0...10)))],
              at: Fixtures.stamp(index)))
        }
        if random.chance(20) {
          week.notes.append(NoteRecord(day: day, text: "n\(index)", at: Fixtures.stamp(index)))
        }
      }
    }
    let whole = try fixture.queries.fullHistory()
    let asOf = programme.start.adding(days: random.int(0...(programme.weeks * 7 + 10)))
    let ranges: [(CalendarDay?, CalendarDay?)] = [
      (nil, nil), (programme.start.adding(days: -200), nil),
      (nil, programme.start.adding(days: 20)),
      (programme.start.adding(days: -30), programme.end.adding(days: 20)),
    ]
    for (from, to) in ranges {
      for format in ExportFormat.allCases {
        let tables: [ExportTable] = format == .csv ? ExportTable.allCases : [.items]
        for table in tables {
          let read = try fixture.queries.export(
            format, asOf: asOf, from: from, to: to, table: table)
          let summary = try ExportDocument.summary(history: whole, asOf: asOf, from: from, to: to)
          let expected = try ExportDocument.render(
            format, summaries: [summary],
            // The archive holds every week, read or not by the summary.
            archive: ExportArchive(
              timeline: fixture.queries.timeline, weeks: Array(whole.weeks.values)),
            table: table)
          #expect(
            read == expected,
            "\(format) \(table) from \(String(describing: from)) to \(String(describing: to))")
        }
      }
    }
  }
}
