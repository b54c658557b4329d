/// The keys of one screen. The same table answers "what does this key do?" and generates the
/// help, so the two cannot drift apart.
public struct KeyTable<Action> {
  public var bindings: [KeyBinding<Action>]

  public init(_ bindings: [KeyBinding<Action>]) {
    self.bindings = bindings
  }

  /// The action of the first binding that lists `key`, or nil when the table does not use it.
  public func action(for key: Key) -> Action? {
    bindings.first { $0.keys.contains(key) }?.action
  }

  /// Every binding in table order, for the help overlay.
  public func helpRows(unicode: Bool = true) -> [HelpRow] {
    bindings.map { HelpRow(keys: $0.keysLabel(unicode: unicode), help: $0.help) }
  }

  public var helpRows: [HelpRow] { helpRows() }

  /// The bindings meant for the one-line help bar, in table order.
  public func helpBarItems(unicode: Bool = true) -> [HelpRow] {
    bindings.filter(\.showsInHelpBar).map {
      HelpRow(keys: $0.keysLabel(unicode: unicode), help: $0.help)
    }
  }

  /// The keys that send `action`, as the help shows them (`c`, `space/x`); nil when none does.
  /// Messages name keys through this, so they cannot name a key the table does not use.
  public func keysLabel(for action: Action, unicode: Bool = true) -> String?
  where Action: Equatable {
    bindings.first { $0.action == action }?.keysLabel(unicode: unicode)
  }

  /// Keys listed by more than one binding; only the first would ever fire, so a table with
  /// duplicates has a binding whose help is a lie. Tests assert this is empty.
  public var duplicateKeys: [Key] {
    var seen: Set<Key> = []
    var duplicates: [Key] = []
    for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted {
      if !duplicates.contains(key) { duplicates.append(key) }
    }
    return duplicates
  }

  /// This table followed by `fallback` (screen keys first, then global keys). A key of the
  /// fallback that this table already uses is dropped, so help never shows a dead binding.
  public func followed(by fallback: KeyTable<Action>) -> KeyTable<Action> {
    let used = Set(bindings.flatMap(\.keys))
    var merged = bindings
    for binding in fallback.bindings {
      var remaining = binding
      remaining.keys = binding.keys.filter { !used.contains($0) }
      if !remaining.keys.isEmpty {
        if remaining.keys.count != binding.keys.count { remaining.label = nil }
        merged.append(remaining)
      }
    }
    return KeyTable(merged)
  }

  /// The same table with every action transformed (wrapping screen actions in an app action).
  public func map<Other>(_ transform: (Action) -> Other) -> KeyTable<Other> {
    KeyTable<Other>(
      bindings.map {
        KeyBinding(
          keys: $0.keys, action: transform($0.action), help: $0.help, label: $0.label,
          showsInHelpBar: $0.showsInHelpBar)
      })
  }
}

extension KeyTable: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: KeyBinding<Action>...) {
    self.init(elements)
  }
}

extension KeyTable: Sendable where Action: Sendable {}
extension KeyTable: Equatable where Action: Equatable {}
