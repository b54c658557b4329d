/// One line of a key table: the keys that trigger an action and what it does, in words.
public struct KeyBinding<Action> {
  public var keys: [Key]
  public var action: Action
  /// What the action does, for the help overlay and help bar ("mark done").
  public var help: String
  /// Replaces the generated key label when a shorter one reads better ("↑↓/j k").
  public var label: String?
  /// Whether the one-line help bar shows this binding (the help overlay shows every binding).
  public var showsInHelpBar: Bool

  public init(
    keys: [Key], action: Action, help: String, label: String? = nil, showsInHelpBar: Bool = true
  ) {
    self.keys = keys
    self.action = action
    self.help = help
    self.label = label
    self.showsInHelpBar = showsInHelpBar
  }

  /// The label shown for the keys: the override, or each key's label joined with "/".
  public func keysLabel(unicode: Bool = true) -> String {
    label ?? keys.map { $0.label(unicode: unicode) }.joined(separator: "/")
  }
}

extension KeyBinding: Sendable where Action: Sendable {}
extension KeyBinding: Equatable where Action: Equatable {}
