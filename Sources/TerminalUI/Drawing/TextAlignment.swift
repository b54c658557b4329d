/// Horizontal placement of text within a width.
public enum TextAlignment: Hashable, Sendable {
  case left
  case right
  case center
}
