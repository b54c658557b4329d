import ArgumentParser
import Foundation

/// The process floor `rehabit-bench` compares rehabit with: a command parsed by
/// swift-argument-parser, linked with Foundation like rehabit, printing one line.
struct Hello: ParsableCommand {
  @Option var name = "world"

  func run() {
    FileHandle.standardOutput.write(Data("hello, \(name)\n".utf8))
  }
}

Hello.main()
