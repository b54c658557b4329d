/// One terminal cell: a single grapheme and its style. A wide grapheme (CJK, emoji) occupies its
/// cell and the next one, which is marked `isContinuation` and drawn by nobody.
public struct Cell: Hashable, Sendable {
  public var grapheme: String
  public var style: Style
  public var isContinuation: Bool

  public init(_ grapheme: String = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.grapheme = grapheme
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()
}
