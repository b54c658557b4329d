import RehabStore

/// Words a write that is saved but not confirmed durable (`StoreError.Kind.unconfirmed`): the
/// record is there, under the id chosen before writing, so the message says so, names the id
/// and, where the command can retry idempotently, the exact retry.
enum RetrySafe {
  static func write<Result>(_ id: String, retry: String?, _ body: () throws -> Result) throws
    -> Result
  {
    do {
      return try body()
    } catch let error as StoreError where error.kind == .unconfirmed {
      let again =
        retry.map {
          "if in doubt, retry with `\($0)` (the same values), which stores it at most once"
        }
        ?? "check it with `rehabit log` before recording it again"
      throw CLIError(
        "\(error.file ?? "the data folder"): \(error.problem); \(id) is saved but the disk did not confirm it; check the disk; \(again)"
      )
    }
  }
}
