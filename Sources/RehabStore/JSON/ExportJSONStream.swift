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
}

/// The printer of `StreamedJSON`; `sink` receives the text in order, in chunks.
struct ExportJSONStream {
  /// A chunk goes to the sink once the buffer passes this size (after a whole element).
  static let chunkSize = 64 * 1024

  private var buffer: [UInt8] = []
  private let sink: ([UInt8]) throws -> Void

  init(sink: @escaping ([UInt8]) throws -> Void) {
    self.sink = sink
    buffer.reserveCapacity(ExportJSONStream.chunkSize * 2)
  }

  /// Prints `document` and its final line break, and hands the sink the rest.
  mutating func write(_ document: StreamedJSON) throws {
    try write(document, indent: 0)
    buffer.append(UInt8(ascii: "\n"))
    try sink(buffer)
    buffer.removeAll(keepingCapacity: false)
  }

  private mutating func flushIfFull() throws {
    guard buffer.count >= ExportJSONStream.chunkSize else { return }
    try sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func indentation(_ level: Int) {
    for _ in 0..<level {
      buffer.append(UInt8(ascii: " "))
      buffer.append(UInt8(ascii: " "))
    }
  }

  private mutating func append(_ text: String) {
    buffer.append(contentsOf: text.utf8)
  }

  /// `StoredJSON.quote(text)`, copied straight into the buffer when there is nothing to escape
  /// (ids, days, time stamps: most strings of an export).
  private mutating func appendQuoted(_ text: String) {
    let utf8 = text.utf8
    let plain =
      utf8.withContiguousStorageIfAvailable { bytes in
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
      } ?? false
    guard plain else {
      append(StoredJSON.quote(text))
      return
    }
    buffer.append(UInt8(ascii: "\""))
    buffer.append(contentsOf: utf8)
    buffer.append(UInt8(ascii: "\""))
  }

  private mutating func write(_ node: StreamedJSON, indent: Int) throws {
    switch node {
    case .value(let value): write(value, indent: indent)
    case .object(let members) where !members.isEmpty:
      append("{\n")
      let keys = members.keys.sorted()
      for (index, key) in keys.enumerated() {
        indentation(indent + 1)
        append(StoredJSON.quote(key))
        append(" : ")
        try write(members[key] ?? .value(.null), indent: indent + 1)
        append(index == keys.count - 1 ? "\n" : ",\n")
      }
      indentation(indent)
      append("}")
    case .object: append("{}")
    case .list(let count, let element) where count > 0:
      append("[\n")
      for index in 0..<count {
        indentation(indent + 1)
        try write(try element(index), indent: indent + 1)
        append(index == count - 1 ? "\n" : ",\n")
        try flushIfFull()
      }
      indentation(indent)
      append("]")
    case .list: append("[]")
    }
  }

  /// `ExportJSON.write`, into bytes.
  private mutating func write(_ value: StoredJSON, indent: Int) {
    switch value {
    case .array(let elements) where !elements.isEmpty:
      append("[\n")
      for (index, element) in elements.enumerated() {
        indentation(indent + 1)
        write(element, indent: indent + 1)
        append(index == elements.count - 1 ? "\n" : ",\n")
      }
      indentation(indent)
      append("]")
    case .object(let members) where !members.isEmpty:
      append("{\n")
      let keys = members.keys.sorted()
      for (index, key) in keys.enumerated() {
        indentation(indent + 1)
        appendQuoted(key)
        append(" : ")
        write(members[key] ?? .null, indent: indent + 1)
        append(index == keys.count - 1 ? "\n" : ",\n")
      }
      indentation(indent)
      append("}")
    case .string(let text): appendQuoted(text)
    default: append(value.text)
    }
  }
}
