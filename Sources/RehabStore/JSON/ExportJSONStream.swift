import RehabCore

/// A JSON document printed a piece at a time, exactly as `ExportJSON.pretty` prints the same
/// tree (sorted keys, two-space indent, `"key" : value`, `[]` and `{}` when empty), for the
/// export archive: the long lists (the weeks, the summary's item rows) are `list`s whose
/// elements are made one at a time and printed into a buffer that goes to the sink whenever it
/// passes `chunkSize`, so the writer holds about one element's text, never the document.
indirect enum StreamedJSON {
  case value(StoredJSON)
  case object([String: StreamedJSON])
  /// `count` elements, each made when it is printed.
  case list(count: Int, element: (Int) throws -> StreamedJSON)
  /// A value printed by `write` straight into the bytes (`PrettyJSONBytes` in the `export`
  /// layout), with no tree at all: the weeks and the item rows, the bulk of an archive.
  case written(_ write: (inout PrettyJSONBytes) throws -> Void)
}

/// The printer of `StreamedJSON`; `sink` receives the text in order, in chunks.
struct ExportJSONStream {
  /// A chunk goes to the sink once the buffer passes this size (after a whole element).
  static let chunkSize = 64 * 1024

  private var out = PrettyJSONBytes(layout: .export, capacity: ExportJSONStream.chunkSize * 2)
  private let sink: ([UInt8]) throws -> Void

  init(sink: @escaping ([UInt8]) throws -> Void) {
    self.sink = sink
  }

  /// Prints `document` and its final line break, and hands the sink the rest.
  mutating func write(_ document: StreamedJSON) throws {
    try print(document)
    out.literal("\n")
    try out.drain(into: sink)
  }

  private mutating func print(_ node: StreamedJSON) throws {
    switch node {
    case .value(let value): out.value(value)
    case .object(let members):
      out.openObject()
      for key in members.keys.sorted() {
        out.key(key)
        try print(members[key] ?? .value(.null))
      }
      out.closeObject()
    case .list(let count, let element):
      out.openArray()
      for index in 0..<count {
        out.element()
        try print(try element(index))
        if out.count >= ExportJSONStream.chunkSize { try out.drain(into: sink) }
      }
      out.closeArray()
    case .written(let write): try write(&out)
    }
  }
}
