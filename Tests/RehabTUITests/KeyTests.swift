import RehabCore
import TerminalUI
import Testing

@testable import RehabTUI

/// The key tables: what docs/PRODUCT.md promises, routing order, and a help overlay that lists every
/// binding because it is generated from the same tables.
@Suite("keys and help")
struct KeyTests {
  @Test func todayKeysAreThoseOfProductMD() throws {
    let state = try Fixtures.todayState()
    let expected: [(Key, AppAction)] = [
      (.up, .today(.moveUp)), (.character("k"), .today(.moveUp)), (.down, .today(.moveDown)),
      (.character("j"), .today(.moveDown)),
      (.character(" "), .today(.toggleSelectedItem)),
      (.character("x"), .today(.toggleSelectedItem)),
      (.character("s"), .today(.skipSelectedItem)), (.character("p"), .today(.logPain)),
      (.character("n"), .today(.addNote)), (.left, .today(.previousDay)),
      (.character("h"), .today(.previousDay)),
      (.right, .today(.nextDay)), (.character("l"), .today(.nextDay)),
      (.character("t"), .today(.goToToday)),
      (.character("u"), .today(.undo)), (.character("d"), .today(.removeSelected)),
      (.delete, .today(.removeSelected)), (.character("?"), .help(.open)), (.character("q"), .quit),
      (.character("w"), .today(.showWeek)), (.character("c"), .today(.openCheckin)),
      (.character("e"), .today(.openExport)),
    ]
    for (key, action) in expected {
      #expect(AppKeys.action(for: key, in: state) == action, "\(key)")
    }
  }

  @Test func weekKeysAreThoseOfProductMD() throws {
    let state = try WeekFixtures.weekState()
    let expected: [(Key, AppAction)] = [
      (.left, .week(.previousWeek)), (.character("h"), .week(.previousWeek)),
      (.right, .week(.nextWeek)),
      (.character("l"), .week(.nextWeek)), (.character("t"), .week(.goToThisWeek)),
      (.down, .week(.scroll(1))), (.character("j"), .week(.scroll(1))), (.up, .week(.scroll(-1))),
      (.character("c"), .week(.openCheckin)), (.escape, .week(.back)),
      (.character("b"), .week(.back)),
      (.character("?"), .help(.open)), (.character("q"), .quit),
    ]
    for (key, action) in expected {
      #expect(AppKeys.action(for: key, in: state) == action, "\(key)")
    }
    // Today's keys mean nothing here.
    #expect(AppKeys.action(for: .character("x"), in: state) == nil)
  }

  @Test func theCheckinFormTakesPrintableKeysAndMovesBetweenFields() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.openCheckin))
    #expect(AppKeys.action(for: .character("q"), in: state) == .checkin(.editText(.character("q"))))
    #expect(AppKeys.action(for: .character("4"), in: state) == .checkin(.editText(.character("4"))))
    #expect(AppKeys.action(for: .tab, in: state) == .checkin(.nextField))
    #expect(AppKeys.action(for: .down, in: state) == .checkin(.nextField))
    #expect(AppKeys.action(for: .backTab, in: state) == .checkin(.previousField))
    #expect(AppKeys.action(for: .up, in: state) == .checkin(.previousField))
    #expect(AppKeys.action(for: .enter, in: state) == .checkin(.submit))
    #expect(AppKeys.action(for: .function(2), in: state) == .checkin(.save))
    #expect(AppKeys.action(for: .escape, in: state) == .checkin(.cancel))
    #expect(AppKeys.action(for: .function(1), in: state) == .help(.open))
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
    _ = checkin.apply(.today(.openCheckin))
    states.append(checkin)
    for table in [
      HelpScreen.table, TodayScreen.textFormKeys, TodayScreen.noteFormKeys,
      TodayScreen.painFormKeys, WeekScreen.keys,
      CheckinScreen.keys, ExportScreen.editingKeys, ExportScreen.replaceKeys, ExportScreen.doneKeys,
    ] {
      #expect(table.duplicateKeys.isEmpty)
    }
  }

  @Test func anOpenFormTakesKeysBeforeTheScreenAndGlobalKeys() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.today(.skipSelectedItem))
    #expect(AppKeys.action(for: .character("q"), in: state) == .today(.editText(.character("q"))))
    #expect(AppKeys.action(for: .character("j"), in: state) == .today(.editText(.character("j"))))
    #expect(AppKeys.action(for: .enter, in: state) == .today(.submit))
    #expect(AppKeys.action(for: .escape, in: state) == .today(.cancel))

    var pain = try Fixtures.todayState()
    _ = pain.apply(.today(.logPain))
    #expect(AppKeys.action(for: .character("7"), in: pain) == .today(.setPainLevel(7)))
    // Keys the pain form does not use are swallowed, not passed to the screen.
    #expect(AppKeys.action(for: .character("q"), in: pain) == nil)
    #expect(AppKeys.action(for: .character("x"), in: pain) == nil)
  }

  @Test func theHelpOverlayTakesEveryKey() throws {
    var state = try Fixtures.todayState()
    _ = state.apply(.help(.open))
    #expect(AppKeys.action(for: .down, in: state) == .help(.scroll(1)))
    #expect(AppKeys.action(for: .character("x"), in: state) == .help(.close))
    #expect(AppKeys.action(for: .character("q"), in: state) == .help(.close))
  }

  @Test func aTooSmallTerminalOnlyQuits() throws {
    let state = try Fixtures.todayState(size: Size(width: 40, height: 12))
    #expect(AppKeys.action(for: .character(" "), in: state) == nil)
    #expect(AppKeys.action(for: .character("q"), in: state) == .quit)
  }

  @Test func wizardTextFieldsTakePrintableKeys() throws {
    var state = try Fixtures.wizardState()
    _ = state.apply(.setup(.submit))
    #expect(AppKeys.action(for: .character("q"), in: state) == .setup(.editText(.character("q"))))
    #expect(AppKeys.action(for: .function(1), in: state) == .help(.open))
    #expect(AppKeys.action(for: .enter, in: state) == .setup(.submit))
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
    for open in [AppAction.today(.openCheckin), .today(.openExport)] {
      var state = try Fixtures.todayState(size: big)
      _ = state.apply(open)
      states.append(state)
    }
    for var state in states {
      _ = state.apply(.help(.open))
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
    for row in TodayScreen.keys.helpBarItems() + AppKeys.global.helpBarItems() {
      #expect(bar.contains("\(row.keys) \(row.help)"))
    }
    let hidden = TodayScreen.keys.bindings.filter { !$0.showsInHelpBar }
    for binding in hidden { #expect(!bar.contains(binding.help)) }
  }
}
