import ArgumentParser

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The process floor `rehabit-bench` compares rehabit with: a command parsed by
/// swift-argument-parser, linked with Foundation the way rehabit is (FoundationEssentials where
/// it exists), printing one line through `Data` like rehabit's output.
struct Hello: ParsableCommand {
  @Option var name = "world"

  func run() {
    let data = Data("hello, \(name)\n".utf8)
    print(String(decoding: data, as: UTF8.self), terminator: "")
  }
}

Hello.main()
