/// A size in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  public var description: String { "\(width)×\(height)" }

  /// True when both dimensions are at least those of `minimum` (for "terminal too small" checks).
  public func fits(_ minimum: Size) -> Bool {
    width >= minimum.width && height >= minimum.height
  }
}
