import TerminalUI

/// Key routing, written once. Each screen's keys live with the screen (`ScreenComponent.keys`);
/// the same tables dispatch keys and generate the help bar and the help overlay, so the two
/// cannot drift apart.
///
/// Precedence (docs/ARCHITECTURE.md): the help overlay takes every key first, then the screen's
/// table for its sub-state (an open form is part of it), then what the screen says of other
/// keys: the global keys, a text field, or nothing.
public enum AppKeys {
  /// Keys that work on every screen without a text field.
  public static let global: KeyTable<AppAction> = [
    KeyBinding(keys: [.character("?"), .function(1)], action: .help(.open), help: "help"),
    KeyBinding(keys: [.character("q")], action: .quit, help: "quit"),
  ]

  /// What `key` means in `state`, or nil when it means nothing (the key is ignored).
  public static func action(for key: Key, in state: AppState) -> AppAction? {
    // Too small to show anything: only quitting makes sense.
    if state.isTooSmall { return global.action(for: key) == .quit ? .quit : nil }
    let keys = state.help != nil ? HelpScreen.keys : state.screen.keys(in: state)
    if let action = keys.table.action(for: key) { return action }
    switch keys.otherKeys {
    case .globalKeys: return global.action(for: key)
    case .action(let other): return other(key)
    case .ignored: return nil
    }
  }

  /// The table of the screen showing (its keys, then the global keys that apply), as the help
  /// overlay lists it.
  public static func screenTable(for state: AppState) -> KeyTable<AppAction> {
    state.screen.helpKeys(in: state).fullTable
  }
}
