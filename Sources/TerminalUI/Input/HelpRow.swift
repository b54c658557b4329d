/// A row of generated help: the keys' label and what they do.
public struct HelpRow: Hashable, Sendable {
  public var keys: String
  public var help: String

  public init(keys: String, help: String) {
    self.keys = keys
    self.help = help
  }
}
