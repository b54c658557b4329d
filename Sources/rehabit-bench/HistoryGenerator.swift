import Foundation
import RehabCore
import RehabQueries
import RehabStore

/// Writes a data directory with years of daily history through `ProgressStore`, as years of use
/// would leave it: a 52-week programme ending on the last day (earlier years are the same
/// programme run again, its progress files kept; a history shorter than the programme started
/// it on its first day, so the last day falls mid-programme), 10 items a day (five daily treatments on each
/// leg), most done, some skipped with a reason, pain a few times a week, a weekly check-in and
/// a note now and then. Deterministic: the same arguments give the same files.
struct HistoryGenerator {
  static let itemsPerDay = 10

  let directory: String
  /// Days of history, ending on `lastDay`.
  let days: Int
  /// The last day of the history (and of the programme, when the history is a year or more).
  let lastDay: CalendarDay

  init(directory: String, days: Int, lastDay: CalendarDay) {
    self.directory = directory
    self.days = max(1, days)
    self.lastDay = lastDay
  }

  init(directory: String, years: Int, lastDay: CalendarDay) {
    self.init(directory: directory, days: years * 365 + years / 4, lastDay: lastDay)
  }

  var firstDay: CalendarDay { lastDay.adding(days: -days + 1) }

  /// The programme: five daily home treatments, each on both legs (10 items a day).
  var programme: Programme {
    let kinds: [(String, String, TreatmentKind, Dose)] = [
      ("calf-stretch", "Calf stretch", .stretching, .holds(seconds: 30, repetitions: 3)),
      ("soleus-stretch", "Soleus stretch", .stretching, .holds(seconds: 30, repetitions: 3)),
      ("single-leg-stance", "Single-leg stance", .activation, .holds(seconds: 30, repetitions: 3)),
      ("towel-curls", "Towel curls", .activation, .setsReps(sets: 3, reps: 10, load: nil)),
      (
        "heel-drops", "Eccentric heel drops", .strengthening,
        .setsReps(sets: 3, reps: 15, load: nil)
      ),
    ]
    let treatments = kinds.map { id, name, kind, dose in
      Treatment(
        id: id, name: name, kind: kind, instructions: "As shown by your physiotherapist.",
        side: .each, dose: dose,
        schedule: Schedule(.daily, allowConsecutiveDays: kind == .strengthening))
    }
    let plan = ProgrammePlan(
      id: "ten-years", title: "Ten years of ankle care", description: "Benchmark history.",
      weeks: 52, checkin: CheckinPlan(measures: [.heelRaises, .faamADL], primary: .faamADL),
      treatments: treatments)
    return Programme(
      plan: plan, start: max(firstDay, lastDay.adding(days: -52 * 7 + 1)), weeks: 52,
      affectedSide: .left)
  }

  /// The machine the history is written by: every record carries `by`, as in a synced folder,
  /// so the readers' timings include it.
  static let machine = "7rvsj8bh3a10w5bf"

  /// Creates the directory's files; returns how many item records were written.
  @discardableResult
  func write() throws -> Int {
    let store = ProgressStore(directory: directory)
    try store.prepareDirectory()
    let programme = programme
    try store.saveProgramme(programme, replacing: true)
    let treatments = programme.plan.treatments
    var records = 0
    var week = ISOWeek(containing: firstDay)
    let lastWeek = ISOWeek(containing: lastDay)
    while week <= lastWeek {
      try store.updateWeek(week) { progress in
        for day in week.days where day >= firstDay && day <= lastDay {
          let index = firstDay.days(until: day)
          for (position, treatment) in treatments.enumerated() {
            for side in [Side.left, .right] {
              let id = ChecklistItem.makeID(
                day: day, treatmentId: treatment.id, side: side, occurrence: 1)
              let roll = (index * 7 + position * 3 + (side == .left ? 0 : 1)) % 20
              if roll == 0 {
                progress.items[id] = ItemRecord(
                  status: .skipped, at: "\(day)T19:00:00Z", reason: "too sore after work",
                  by: Self.machine)
              } else if roll != 7 {
                progress.items[id] = ItemRecord(
                  status: .done, at: "\(day)T19:00:00Z", by: Self.machine)
              } else {
                continue
              }
              records += 1
            }
          }
          if index % 3 == 0 {
            progress.pain.append(
              PainRecord(
                day: day, level: 2 + index % 4, at: "\(day)T19:30:00Z",
                id: RecordID(kind: .pain, day: day, suffix: 1).description, by: Self.machine))
          }
          if index % 30 == 5 {
            progress.notes.append(
              NoteRecord(
                day: day, text: "Stairs felt easier today, \"finally\".", at: "\(day)T20:00:00Z",
                id: RecordID(kind: .note, day: day, suffix: 1).description, by: Self.machine))
          }
        }
        if let checkinDay = week.days.first(where: { $0 >= firstDay && $0 <= lastDay }) {
          let step = Double(firstDay.days(until: checkinDay) / 7 % 40)
          progress.checkins = [
            Checkin(
              day: checkinDay,
              values: [
                .pain: .single(Double(6 - Int(step) / 8)), .sane: .single(40 + step),
                .faamADL: .single(55 + step / 2),
                .heelRaises: .sided(left: 8 + (step / 3).rounded(.down), right: 22),
              ], at: "\(checkinDay)T09:00:00Z",
              id: RecordID(kind: .checkin, day: checkinDay, suffix: 1).description,
              by: Self.machine)
          ]
        }
      }
      week = week.next
    }
    return records
  }

  /// The history as the export reads it.
  static func load(_ directory: String) throws -> ProgressHistory {
    let store = ProgressStore(directory: directory)
    guard let programme = try store.loadProgramme() else {
      throw StoreError(.damagedFile, file: directory, problem: "no programme", fix: "generate it")
    }
    return try ProgressQueries(store: store, programme: programme).fullHistory()
  }
}
