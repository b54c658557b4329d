import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// The key tables: what PRODUCT.md promises, routing order, and a help overlay that lists every
/// binding because it is generated from the same tables.
@Suite("keys and help")
struct KeyTests {
  @Test func todayKeysAreThoseOfProductMD() throws {
    let state = try Fixtures.todayState()
    let expected: [(Key, AppAction)] = [
      (.up, .moveUp), (.character("k"), .moveUp), (.down, .moveDown), (.character("j"), .moveDown),
      (.character(" "), .toggleSelectedItem), (.character("x"), .toggleSelectedItem),
      (.character("s"), .skipSelectedItem), (.character("p"), .logPain),
      (.character("n"), .addNote), (.left, .previousDay), (.character("h"), .previousDay),
      (.right, .nextDay), (.character("l"), .nextDay), (.character("t"), .goToToday),
      (.character("u"), .undo), (.character("?"), .showHelp), (.character("q"), .quit),
      (.character("w"), .showWeek), (.character("c"), .openCheckin),
      (.character("e"), .openExport),
    ]
    for (key, action) in expected {
      #expect(AppKeys.action(for: key, in: state) == action, "\(key)")
    }
  }

  @Test func weekKeysAreThoseOfProductMD() throws {
    let state = try WeekFixtures.weekState()
    let expected: [(Key, AppAction)] = [
      (.left, .previousWeek), (.character("h"), .previousWeek), (.right, .nextWeek),
      (.character("l"), .nextWeek), (.character("t"), .goToThisWeek),
      (.down, .scrollWeek(1)), (.character("j"), .scrollWeek(1)), (.up, .scrollWeek(-1)),
      (.character("c"), .openCheckin), (.escape, .back), (.character("b"), .back),
      (.character("?"), .showHelp), (.character("q"), .quit),
    ]
    for (key, action) in expected {
      #expect(AppKeys.action(for: key, in: state) == action, "\(key)")
    }
    // Today's keys mean nothing here.
    #expect(AppKeys.action(for: .character("x"), in: state) == nil)
  }

  @Test func theCheckinFormTakesPrintableKeysAndMovesBetweenFields() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.openCheckin)
    #expect(AppKeys.action(for: .character("q"), in: state) == .editText(.character("q")))
    #expect(AppKeys.action(for: .character("4"), in: state) == .editText(.character("4")))
    #expect(AppKeys.action(for: .tab, in: state) == .nextField)
    #expect(AppKeys.action(for: .down, in: state) == .nextField)
    #expect(AppKeys.action(for: .backTab, in: state) == .previousField)
    #expect(AppKeys.action(for: .up, in: state) == .previousField)
    #expect(AppKeys.action(for: .enter, in: state) == .submit)
    #expect(AppKeys.action(for: .function(2), in: state) == .saveForm)
    #expect(AppKeys.action(for: .escape, in: state) == .cancel)
    #expect(AppKeys.action(for: .function(1), in: state) == .showHelp)
  }

  @Test func noTableBindsAKeyTwice() throws {
    var states = [try Fixtures.todayState()]
    for step in SetupWizard.Step.allCases {
      var state = try Fixtures.wizardState()
      if case .setup(var wizard) = state.screen {
        wizard.step = step
        state.screen = .setup(wizard)
      }
      states.append(state)
    }
    for state in states {
      #expect(AppKeys.screenTable(for: state).duplicateKeys.isEmpty)
    }
    states.append(try WeekFixtures.weekState())
    var checkin = try Fixtures.todayState()
    _ = checkin.apply(.openCheckin)
    states.append(checkin)
    for table in [
      AppKeys.help, AppKeys.textForm, AppKeys.noteForm, AppKeys.painForm, AppKeys.week,
      AppKeys.checkinForm, AppKeys.exportDialog, AppKeys.exportReplace, AppKeys.exportDone,
    ] {
      #expect(table.duplicateKeys.isEmpty)
    }
  }

  @Test func anOpenFormTakesKeysBeforeTheScreenAndGlobalKeys() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.skipSelectedItem)
    #expect(AppKeys.action(for: .character("q"), in: state) == .editText(.character("q")))
    #expect(AppKeys.action(for: .character("j"), in: state) == .editText(.character("j")))
    #expect(AppKeys.action(for: .enter, in: state) == .submit)
    #expect(AppKeys.action(for: .escape, in: state) == .cancel)

    var pain = try Fixtures.todayState()
    _ = pain.apply(.logPain)
    #expect(AppKeys.action(for: .character("7"), in: pain) == .setPainLevel(7))
    // Keys the pain form does not use are swallowed, not passed to the screen.
    #expect(AppKeys.action(for: .character("q"), in: pain) == nil)
    #expect(AppKeys.action(for: .character("x"), in: pain) == nil)
  }

  @Test func theHelpOverlayTakesEveryKey() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.showHelp)
    #expect(AppKeys.action(for: .down, in: state) == .scrollHelp(1))
    #expect(AppKeys.action(for: .character("x"), in: state) == .closeHelp)
    #expect(AppKeys.action(for: .character("q"), in: state) == .closeHelp)
  }

  @Test func aTooSmallTerminalOnlyQuits() throws {
    let state = try Fixtures.todayState(size: Size(width: 40, height: 12))
    #expect(AppKeys.action(for: .character(" "), in: state) == nil)
    #expect(AppKeys.action(for: .character("q"), in: state) == .quit)
  }

  @Test func wizardTextFieldsTakePrintableKeys() throws {
    var state = try Fixtures.wizardState()
    _ = state.apply(.submit)
    #expect(AppKeys.action(for: .character("q"), in: state) == .editText(.character("q")))
    #expect(AppKeys.action(for: .function(1), in: state) == .showHelp)
    #expect(AppKeys.action(for: .enter, in: state) == .submit)
  }

  /// Every binding of the screen's table (screen keys, then global keys) appears in the help
  /// overlay with its keys and its words, in table order; the red flags follow.
  @Test func theHelpOverlayListsEveryBindingOfEachScreen() throws {
    var states = [try Fixtures.todayState(size: Size(width: 100, height: 60))]
    for step in SetupWizard.Step.allCases {
      var state = try Fixtures.wizardState()
      state.size = Size(width: 100, height: 60)
      if case .setup(var wizard) = state.screen {
        wizard.step = step
        state.screen = .setup(wizard)
      }
      states.append(state)
    }
    let big = Size(width: 100, height: 60)
    states.append(try WeekFixtures.weekState(size: big))
    for open in [AppAction.openCheckin, .openExport] {
      var state = try Fixtures.todayState(size: big)
      _ = state.apply(open)
      states.append(state)
    }
    for var state in states {
      _ = state.apply(.showHelp)
      let table = AppKeys.screenTable(for: state)
      #expect(!table.bindings.isEmpty)
      let text = render(state, size: state.size, capabilities: .full).lines
      var searchFrom = 0
      for row in table.helpRows(unicode: true) {
        let index = text[searchFrom...].firstIndex {
          $0.contains(row.keys) && $0.contains(row.help)
        }
        #expect(index != nil, "help lacks \(row.keys) \(row.help)")
        searchFrom = index ?? searchFrom
      }
      let joined = text.joined(separator: "\n")
      #expect(joined.contains(SafetyText.redFlagsHeading))
      #expect(joined.contains("inability to take 4 steps"))
    }
  }

  @Test func theHelpBarComesFromTheSameTable() throws {
    let state = try Fixtures.todayState()
    let bar = render(state, size: Fixtures.size, capabilities: .full).line(23)
    for row in AppKeys.today.helpBarItems() + AppKeys.global.helpBarItems() {
      #expect(bar.contains("\(row.keys) \(row.help)"))
    }
    let hidden = AppKeys.today.bindings.filter { !$0.showsInHelpBar }
    for binding in hidden { #expect(!bar.contains(binding.help)) }
  }
}
