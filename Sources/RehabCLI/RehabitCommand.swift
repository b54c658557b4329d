import ArgumentParser

/// Temporary root while the store lands (the full CLI is being written beside the tree).
public struct RehabitCommand: ParsableCommand {
  public init() {}
}
