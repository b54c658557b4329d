import RehabCore
import RehabStore
import TerminalUI
import Testing

@testable import RehabTUI

/// The Programme screen (`m` on Today): the treatments in force on the day shown, the latest
/// revisions, the form that changes one from a day on (checked as typed by Core's
/// `RevisionCheck`), the 7-day preview, the compare-and-swap save, and `u` on Today.
@Suite("Programme screen")
struct ProgrammeScreenTests {
  /// Presses keys as the runner does: each through the key routing, then applied.
  static func press(_ keys: [Key], _ state: inout AppState) -> [AppEffect] {
    var effects: [AppEffect] = []
    for key in keys {
      if let action = AppKeys.action(for: key, in: state) { effects += state.apply(action) }
    }
    return effects
  }

  static func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  /// The Programme screen on Wednesday 2026-12-02 with the programme as of then loaded, and
  /// `selection` (the band eversion by default) selected.
  static func listState(
    size: Size = Fixtures.size, programme: Programme? = nil, selection: Int = 1
  ) throws -> AppState {
    var state = try Fixtures.todayState(size: size)
    if let programme { state.programme = programme }
    let effects = press([.character("m")], &state)
    #expect(effects == [.loadProgrammeOverview(Days.today)])
    let shown = try #require(state.programme)
    _ = state.apply(
      .programme(.loaded(ProgrammeOverview(programme: shown, day: Days.today, pain: []))))
    for _ in 0..<selection { _ = press([.down], &state) }
    return state
  }

  static func view(_ state: AppState) -> ProgrammeView? {
    if case .programme(let view) = state.screen { return view }
    return nil
  }

  /// The change form on the band eversion with its reps set to `reps`.
  static func formWithReps(_ reps: String, size: Size = Fixtures.size) throws -> AppState {
    var state = try listState(size: size)
    _ = press([.enter, .tab, .control("u")] + type(reps), &state)
    return state
  }

  /// The preview of reps 12 from the day shown, as the runner reports it.
  static func previewState(size: Size = Fixtures.size) throws -> (AppState, ProgrammeRevision) {
    var state = try formWithReps("12", size: size)
    let effects = press([.function(2)], &state)
    guard case .previewRevision(let revision)? = effects.first, effects.count == 1 else {
      Issue.record("no preview asked: \(effects)")
      return (
        state, ProgrammeRevision(id: "", effective: Days.today, change: .extend(weeks: 1), at: "")
      )
    }
    let programme = try #require(state.programme)
    var stamped = revision
    stamped.at = "2026-12-02T12:00:00Z"
    _ = state.apply(.programme(.previewLoaded(preview(stamped, on: programme))))
    return (state, revision)
  }

  /// What `ProgressQueries.preview` answers with no progress logged.
  static func preview(_ revision: ProgrammeRevision, on programme: Programme) -> RevisionPreview {
    let problems = RevisionCheck.problems(adding: revision, to: programme)
    var revised = programme
    if problems.isEmpty { revised.revisions.append(revision) }
    func days(_ programme: Programme) -> [DayChecklist] {
      (0..<7).map { offset in
        DayChecklist(
          programme: programme, day: revision.effective.adding(days: offset), pain: [],
          week: nil)
      }
    }
    return RevisionPreview(
      revision: revision, problems: problems, current: days(programme), revised: days(revised))
  }

  // MARK: Snapshots

  @Test func listAt80x24MatchesTheSnapshot() throws {
    let state = try Self.listState()
    Snapshot.expect(
      render(state, size: Fixtures.size, capabilities: .full), matches: "programme-80x24")
  }

  @Test func listAt60x16MatchesTheSnapshot() throws {
    let size = AppState.minimumSize
    let state = try Self.listState(size: size, selection: 8)
    Snapshot.expect(render(state, size: size, capabilities: .full), matches: "programme-60x16")
  }

  @Test func formAt80x24MatchesTheSnapshot() throws {
    let state = try Self.formWithReps("12")
    Snapshot.expect(
      render(state, size: Fixtures.size, capabilities: .full), matches: "programme-form-80x24")
  }

  @Test func previewAt80x24And60x16MatchTheSnapshots() throws {
    let (state, _) = try Self.previewState()
    Snapshot.expect(
      render(state, size: Fixtures.size, capabilities: .full),
      matches: "programme-preview-80x24")
    let small = AppState.minimumSize
    let (smallState, _) = try Self.previewState(size: small)
    Snapshot.expect(
      render(smallState, size: small, capabilities: .minimal), matches: "programme-preview-60x16")
  }

  // MARK: The list

  @Test func theListShowsEachTreatmentInForceWithTheDoseOfTheDaysWeek() throws {
    var programme = try Fixtures.programme()
    programme.revisions = [
      ProgrammeRevision(
        id: "r-20261201-abcd", effective: Days.day("2026-12-01"),
        change: .pause(treatmentId: "star-reaches", until: Days.day("2026-12-06")),
        note: "sore \u{1b}[31mknee", at: "2026-12-01T09:00:00Z")
    ]
    let state = try Self.listState(programme: programme)
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("Elastic band eversion"))
    #expect(text.contains("strengthening"))
    #expect(text.contains("3 × 10"))
    #expect(text.contains("3 days a week"))
    // A treatment of later weeks says when it starts; a paused one says so and until when.
    #expect(text.contains("from week 5"))
    #expect(text.contains("paused"))
    #expect(text.contains("to Sun 12-06"))
    // The revision is listed with its note, its escape sequence made harmless.
    #expect(text.contains("Star reaches paused through Sun 2026-12-06"))
    #expect(text.contains("sore"))
    #expect(!text.contains("\u{1b}"))
  }

  @Test func wideAndAccentedNamesKeepTheColumnsWithoutColour() throws {
    var programme = try Fixtures.programme()
    programme.plan.treatments[1].name = "Éversion élastique 弹力带外翻练习 très longue"
    for size in [Fixtures.size, AppState.minimumSize] {
      let state = try Self.listState(size: size, programme: programme)
      let buffer = render(state, size: size, capabilities: .minimal)
      for line in buffer.lines { #expect(DisplayWidth.of(line) <= size.width) }
      let heading = try #require(buffer.lines.firstIndex { $0.contains("Treatment") })
      let doseColumn = try #require(buffer.lines[heading].range(of: "Dose")).lowerBound
      let x = DisplayWidth.of(String(buffer.lines[heading][..<doseColumn]))
      // The dose of the wide-named row starts in the Dose column, like every other row.
      let row = buffer.lines[heading + 2]
      #expect(row.contains("Éversion"))
      let dose = try #require(row.range(of: "3 x 10"))
      #expect(DisplayWidth.of(String(row[..<dose.lowerBound])) == x)
    }
  }

  @Test func escAndMGoBackToTodayAndTheHelpListsTheKeys() throws {
    for key in [Key.escape, .character("m"), .character("q")] {
      var state = try Self.listState()
      let effects = Self.press([key], &state)
      #expect(state.screen == .today)
      #expect(effects == [.loadDay(Days.today)])
    }
    var state = try Self.listState()
    _ = state.apply(.help(.open))
    let help = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(help.contains("Keys on the My programme screen"))
    #expect(help.contains("pause"))
    #expect(help.contains("resume"))
    let today = try Fixtures.todayState()
    #expect(
      AppKeys.screenTable(for: today).helpRows.contains {
        $0.keys == "m" && $0.help.hasPrefix("my programme")
      })
  }

  // MARK: The form

  @Test func theFormStartsWithTheDayShownAndTheDoseOfItsWeek() throws {
    var state = try Self.listState()
    _ = Self.press([.enter], &state)
    let form = try #require(Self.view(state)?.form)
    #expect(form.kind == .change)
    #expect(form.fields == [.from, .sets, .reps, .load, .schedule, .side, .note])
    #expect(form.text(.from) == "2026-12-02")
    #expect(form.text(.sets) == "3")
    #expect(form.text(.reps) == "10")
    #expect(form.text(.load) == "light elastic band")
    #expect(form.text(.schedule) == "3 days a week")
    #expect(form.focusedField == .sets)
    #expect(form.problem == nil)
  }

  @Test func aDoseOutOfRangeIsRefusedAsTypedWithCoresWords() throws {
    let state = try Self.formWithReps("101")
    let form = try #require(Self.view(state)?.form)
    let problem = try #require(form.problem)
    #expect(problem.field == .reps)
    // The same problem a programme file or `rehabit programme set` gets from RevisionCheck.
    let programme = try #require(state.programme)
    let core = try #require(
      RevisionCheck.problems(
        adding: ProgrammeRevision(
          id: "", effective: Days.today,
          change: .set(
            treatmentId: "band-eversion",
            TreatmentSettings(dose: .setsReps(sets: 3, reps: 101, load: "light elastic band"))),
          at: Timestamp.example), to: programme
      ).first)
    #expect(problem.message == "Reps: \(core.message); \(core.fix)")
    // F2 does not preview it: the reps field is shown instead.
    var stuck = state
    #expect(Self.press([.function(2)], &stuck).isEmpty)
    #expect(Self.view(stuck)?.form?.step == .editing)
  }

  @Test func unreadableFieldsSayWhatToType() throws {
    #expect(
      Self.view(try Self.formWithReps("1x"))?.form?.problem?.message
        == "Reps: '1x' is not a whole number; type digits only")
    var state = try Self.formWithReps("12")
    _ = Self.press([.backTab, .backTab, .control("u")] + Self.type("2026-13-01"), &state)
    let problem = try #require(Self.view(state)?.form?.problem)
    #expect(problem.field == .from)
    #expect(problem.message.contains("is not a day; type it as YYYY-MM-DD"))
    _ = Self.press([.control("u")] + Self.type("2026-11-01"), &state)
    #expect(
      Self.view(state)?.form?.problem?.message.contains("before the programme starts") == true)
  }

  @Test func strengtheningEveryDayIsRefusedAsAProgrammeFileWouldBe() throws {
    var state = try Self.listState()
    _ = Self.press([.enter, .down, .down, .down, .control("u")] + Self.type("daily"), &state)
    let problem = try #require(Self.view(state)?.form?.problem)
    #expect(problem.field == .schedule)
    var schedule = Schedule(.daily)
    schedule.timesPerDay = 1
    let programme = try #require(state.programme)
    let core = try #require(
      RevisionCheck.problems(
        adding: ProgrammeRevision(
          id: "", effective: Days.today,
          change: .set(treatmentId: "band-eversion", TreatmentSettings(schedule: schedule)),
          at: Timestamp.example), to: programme
      ).first)
    #expect(problem.message.hasSuffix("\(core.message); \(core.fix)"))
  }

  @Test func scheduleAndSideFieldsBuildTheirChange() throws {
    var state = try Self.listState()
    _ = Self.press(
      [.enter, .down, .down, .down, .control("u")] + Self.type("mon,wed,fri") + [.down, .right],
      &state)
    let form = try #require(Self.view(state)?.form)
    #expect(form.side == .affected.next)
    guard case .success(let revision) = form.revision(),
      case .set(let id, let settings) = revision.change
    else {
      Issue.record("no revision: \(form.problem as Any)")
      return
    }
    #expect(id == "band-eversion")
    #expect(settings.dose == nil)
    #expect(settings.schedule?.pattern == .weekdays([.monday, .wednesday, .friday]))
    #expect(settings.side == .affected.next)
  }

  @Test func schedulePatternsReadAsTheHintSays() {
    #expect(ProgrammeForm.pattern("daily") == .daily)
    #expect(ProgrammeForm.pattern("3") == .daysPerWeek(3))
    #expect(ProgrammeForm.pattern("2 days a week") == .daysPerWeek(2))
    #expect(ProgrammeForm.pattern("mon wed") == .weekdays([.monday, .wednesday]))
    #expect(ProgrammeForm.pattern("someday") == nil)
    #expect(ProgrammeForm.pattern("3 times") == nil)
  }

  @Test func aPauseHasAnOptionalLastDay() throws {
    var state = try Self.listState()
    _ = Self.press([.character("p")], &state)
    var form = try #require(Self.view(state)?.form)
    #expect(form.fields == [.from, .until, .note])
    #expect(
      form.revision().map(\.change) == .success(.pause(treatmentId: "band-eversion", until: nil)))
    _ = Self.press([.tab] + Self.type("2026-12-09"), &state)
    form = try #require(Self.view(state)?.form)
    #expect(
      form.revision().map(\.change)
        == .success(.pause(treatmentId: "band-eversion", until: Days.day("2026-12-09"))))
    // Resuming a treatment that is not paused: Core's refusal at once.
    var resume = try Self.listState()
    _ = Self.press([.character("r")], &resume)
    #expect(Self.view(resume)?.form?.problem?.message.contains("is not paused") == true)
  }

  @Test func escClosesTheFormWithNothingWritten() throws {
    var state = try Self.formWithReps("12")
    #expect(Self.press([.escape], &state).isEmpty)
    #expect(Self.view(state)?.form == nil)
    #expect(state.programme?.revisions.isEmpty == true)
  }

  // MARK: Preview and save

  @Test func thePreviewShowsTheNextSevenDaysWithTheChange() throws {
    let (state, revision) = try Self.previewState()
    #expect(
      revision.change
        == .set(
          treatmentId: "band-eversion",
          TreatmentSettings(dose: .setsReps(sets: 3, reps: 12, load: "light elastic band"))))
    #expect(revision.effective == Days.today)
    let text = render(state, size: Fixtures.size, capabilities: .full).text
    #expect(text.contains("Wed 12-02  Elastic band eversion 3 × 10 → 3 × 12"))
    #expect(text.contains("Thu 12-03  no change"))
    // Week 2 progresses from the revised dose.
    #expect(text.contains("Mon 12-07  Elastic band eversion 3 × 12 → 3 × 14"))
    #expect(text.contains("Enter/y saves this change"))
  }

  @Test func thePreviewNamesTheSidesWhenTheyChangeAndItemsThatComeOrGo() throws {
    let programme = try Fixtures.programme()
    let revision = ProgrammeRevision(
      id: "", effective: Days.today,
      change: .set(
        treatmentId: "calf-stretch",
        TreatmentSettings(schedule: Schedule(.weekdays([.thursday])), side: .right)),
      at: Timestamp.example)
    let preview = Self.preview(revision, on: programme)
    #expect(preview.problems.isEmpty)
    let days = zip(preview.current, preview.revised).map(ProgrammeText.changes)
    #expect(days[0] == ["Calf stretch against a wall 3 × 30 s → not scheduled"])
    #expect(days[1] == ["Calf stretch against a wall left 3 × 30 s → right 3 × 30 s"])
  }

  @Test func aChangeOfLoadAloneIsNamedInThePreview() throws {
    let programme = try Fixtures.programme()
    let band = try #require(programme.plan.treatment(id: "band-eversion"))
    guard case .setsReps(let sets, let reps, _) = band.dose else {
      Issue.record("the band eversion is dosed in sets × reps")
      return
    }
    let revision = ProgrammeRevision(
      id: "", effective: Days.today,
      change: .set(
        treatmentId: "band-eversion",
        TreatmentSettings(dose: .setsReps(sets: sets, reps: reps, load: "red band"))),
      at: Timestamp.example)
    let preview = Self.preview(revision, on: programme)
    #expect(preview.problems.isEmpty)
    let lines = zip(preview.current, preview.revised).flatMap(ProgrammeText.changes)
    let first = try #require(lines.first)
    #expect(first.hasPrefix("Elastic band eversion "))
    #expect(first.hasSuffix("(red band)"))
    #expect(first.contains(" (\(band.dose.load ?? "no load")) → "))
  }

  @Test func escOnThePreviewGoesBackToTheFormAsTyped() throws {
    var (state, _) = try Self.previewState()
    #expect(Self.press([.escape], &state).isEmpty)
    let form = try #require(Self.view(state)?.form)
    #expect(form.step == .editing)
    #expect(form.text(.reps) == "12")
  }

  @Test func confirmingWritesAgainstTheProgrammePreviewedAndTodayShowsTheNewDose() throws {
    var (state, revision) = try Self.previewState()
    let programme = try #require(state.programme)
    let effects = Self.press([.character("y")], &state)
    #expect(effects == [.addRevision(revision, expected: programme)])
    // Keys wait while it is written.
    #expect(Self.press([.character("y"), .enter], &state).isEmpty)
    var stored = programme
    var written = revision
    written.id = "r-20261202-abcd"
    written.at = "2026-12-02T12:00:00Z"
    stored.revisions.append(written)
    let after = state.apply(.revisionWritten(effects[0], .saved(stored)))
    #expect(after == [.loadProgrammeOverview(Days.today), .loadDay(Days.today)])
    #expect(state.programme == stored)
    #expect(Self.view(state)?.form == nil)
    #expect(
      state.message?.text
        == "Saved: Elastic band eversion 3 × 12 from Wed 12-02; u on Today undoes it.")
    #expect(state.todayScreen.undoStack.last?.change == .programmeRevised(written))
    // The day's list, read with the stored programme, has the new dose.
    let items = Scheduler(programme: stored).checklist(for: Days.today)
    #expect(items.first { $0.treatmentId == "band-eversion" }?.dose.text == "3 × 12")
  }

  @Test func aRevisionWrittenElsewhereMeanwhileIsNotOverwritten() throws {
    var (state, _) = try Self.previewState()
    let effects = Self.press([.enter], &state)
    var other = try #require(state.programme)
    other.revisions.append(
      ProgrammeRevision(
        id: "r-20261203-wxyz", effective: Days.day("2026-12-03"),
        change: .pause(treatmentId: "ice", until: nil), at: "2026-12-02T11:00:00Z"))
    let after = state.apply(.revisionWritten(effects[0], .changedElsewhere(other)))
    #expect(state.programme == other)
    #expect(state.message?.kind == .error)
    #expect(state.message?.text.contains("changed elsewhere") == true)
    #expect(after.contains(.loadProgrammeOverview(Days.today)))
    #expect(after.contains(.loadDay(Days.today)))
    // The form is back, as typed, to be previewed again against the programme as it is.
    let form = try #require(Self.view(state)?.form)
    #expect(form.step == .editing)
    #expect(form.text(.reps) == "12")
    #expect(state.todayScreen.undoStack.isEmpty)
  }

  @Test func aFailedSaveStaysOnThePreviewWithTheReasonAndIsNotQueued() throws {
    var (state, _) = try Self.previewState()
    let effects = Self.press([.enter], &state)
    _ = state.apply(.saveFailed(effects[0], "disk full"))
    #expect(state.unsaved.isEmpty)
    guard case .previewing = Self.view(state)?.form?.step else {
      Issue.record("not on the preview")
      return
    }
    #expect(Self.view(state)?.form?.problem?.message == "Not saved: disk full")
  }

  // MARK: Undo on Today

  static func savedState() throws -> (AppState, ProgrammeRevision) {
    var (state, revision) = try previewState()
    let effects = press([.enter], &state)
    var stored = try #require(state.programme)
    var written = revision
    written.id = "r-20261202-abcd"
    written.at = "2026-12-02T12:00:00Z"
    stored.revisions.append(written)
    _ = state.apply(.revisionWritten(effects[0], .saved(stored)))
    _ = press([.escape], &state)
    return (state, written)
  }

  @Test func uOnTodayTakesTheRevisionBack() throws {
    var (state, written) = try Self.savedState()
    #expect(state.screen == .today)
    let stored = try #require(state.programme)
    let effects = Self.press([.character("u")], &state)
    #expect(effects == [.undoRevision(written, expected: stored)])
    var before = stored
    before.revisions.removeLast()
    let after = state.apply(.revisionWritten(effects[0], .undone(before, written)))
    #expect(state.programme == before)
    #expect(after.contains(.loadDay(Days.today)))
    #expect(
      state.message?.text == "Undone: Elastic band eversion 3 × 12 from Wed 12-02 is taken back.")
  }

  @Test func undoRefusedOnceADayItGovernsIsLoggedSaysWhatToDo() throws {
    var (state, written) = try Self.savedState()
    let effects = Self.press([.character("u")], &state)
    _ = state.apply(
      .revisionWritten(effects[0], .undoRefused(.logged(written, firstLoggedDay: Days.today))))
    #expect(state.message?.kind == .error)
    #expect(
      state.message?.text
        == "Not undone: Wed 2026-12-02 is logged under the change from Wed 2026-12-02; change it again with m instead."
    )
  }

  @Test func undoOfARevisionNoLongerTheLatestWritesNothing() throws {
    var (state, _) = try Self.savedState()
    state.programme?.revisions.append(
      ProgrammeRevision(
        id: "r-20261203-wxyz", effective: Days.day("2026-12-03"),
        change: .pause(treatmentId: "ice", until: nil), at: "2026-12-02T12:30:00Z"))
    #expect(Self.press([.character("u")], &state).isEmpty)
    #expect(state.message?.text.contains("no longer the programme's latest change") == true)
  }

  @Test func filesChangedReadsTheProgrammeScreenAgain() throws {
    var state = try Self.listState()
    let effects = state.apply(.filesChanged)
    #expect(effects.contains(.loadProgrammeOverview(Days.today)))
  }
}

extension SideRule {
  /// The choice after this one in the form's cycle.
  fileprivate var next: SideRule {
    let all = SideRule.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }
}
