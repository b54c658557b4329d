// swift-tools-version: 6.1
import PackageDescription

/// Module flow (see docs/ARCHITECTURE.md): RehabCore ← RehabStore ← RehabQueries ← RehabTUI ←
/// CursesTerminal ← RehabCLI.
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "rehabit",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "rehabit", targets: ["rehabit"]),
    .executable(name: "rehabit-bench", targets: ["rehabit-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // Pure domain: calendar days, programmes, the scheduler, progress, flags, the export summary
    // and its text renderers. Codable conformances, but no JSON parser or printer.
    .target(name: "RehabCore", dependencies: ["TextSafety"], swiftSettings: swift6),
    // The one rule for user text leaving rehabit (terminal, JSON, exports), shared by the
    // domain and the generic terminal layer so both follow exactly the same rule.
    .target(name: "TextSafety", swiftSettings: swift6),
    // The JSON files and the embedded template library, and only that: JSON/ parses and checks
    // them (self-contained, so .ci/fuzz compiles it alone), Export/ writes the JSON and FHIR
    // exports and reads an export back.
    .target(
      name: "RehabStore",
      dependencies: ["RehabCore", "TextSafety"],
      swiftSettings: swift6,
      plugins: ["EmbedTemplates"]
    ),
    // The one query layer: which progress files count for a day, a week, the flags, an export.
    .target(
      name: "RehabQueries", dependencies: ["RehabCore", "RehabStore"], swiftSettings: swift6),
    // Generic cell-grid drawing, keys and widgets; no rehab words, no ncurses.
    .target(name: "TerminalUI", dependencies: ["TextSafety"], swiftSettings: swift6),
    // ncursesw as a system library with a small shim for macros and globals.
    .systemLibrary(
      name: "CNCurses",
      providers: [.apt(["libncurses-dev"])]
    ),
    // Signal and exit hooks that restore the terminal, in C so a handler touches no Swift runtime.
    .target(name: "CTerminalSupport", linkerSettings: [.linkedLibrary("ncursesw")]),
    // The only code that calls ncurses.
    .target(
      name: "CursesTerminal",
      dependencies: ["CNCurses", "CTerminalSupport", "TerminalUI"],
      swiftSettings: swift6
    ),
    // Notices other processes' writes to a folder: inotify, or stat polling where there is none.
    .target(name: "FolderWatch", swiftSettings: swift6),
    // The application: state, actions, effects, screens, the runner.
    .target(
      name: "RehabTUI",
      dependencies: ["RehabCore", "RehabStore", "RehabQueries", "TerminalUI", "FolderWatch"],
      swiftSettings: swift6
    ),
    // swift-argument-parser commands wiring everything together.
    .target(
      name: "RehabCLI",
      dependencies: [
        "RehabCore", "RehabStore", "RehabQueries", "TerminalUI", "CursesTerminal", "RehabTUI",
        "TextSafety", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swift6
    ),
    .executableTarget(name: "rehabit", dependencies: ["RehabCLI"], swiftSettings: swift6),
    // The benchmark's process floor: the same dependencies and flags as rehabit, one line out.
    .executableTarget(
      name: "rehabit-hello",
      dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: swift6
    ),
    .executableTarget(
      name: "rehabit-bench",
      dependencies: ["RehabCore", "RehabStore", "RehabQueries", "RehabTUI", "TerminalUI"],
      swiftSettings: swift6
    ),
    // Build-time embedding of Programs/*.json, so a copied binary still has its templates.
    .executableTarget(name: "TemplateEmbedder", swiftSettings: swift6),
    .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),

    // Fixtures and a seeded generator shared by the Core and Store tests.
    .target(
      name: "RehabTestSupport", dependencies: ["RehabCore"], path: "Tests/RehabTestSupport",
      swiftSettings: swift6),
    .testTarget(
      name: "RehabCoreTests",
      dependencies: [
        "RehabCore", "RehabTestSupport", "TextSafety",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "RehabStoreTests", dependencies: ["RehabStore", "RehabCore", "RehabTestSupport"],
      // Checked-in week files of older versions, read through #filePath.
      exclude: ["Fixtures"],
      swiftSettings: swift6),
    .testTarget(
      name: "RehabQueriesTests",
      dependencies: ["RehabQueries", "RehabCore", "RehabStore", "RehabTestSupport"],
      swiftSettings: swift6),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], swiftSettings: swift6),
    .testTarget(name: "FolderWatchTests", dependencies: ["FolderWatch"], swiftSettings: swift6),
    .testTarget(
      name: "RehabTUITests",
      dependencies: [
        "RehabTUI", "RehabCore", "RehabStore", "RehabQueries", "TerminalUI", "FolderWatch",
      ],
      // Text snapshots of screens, read through #filePath.
      exclude: ["Snapshots"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "RehabCLITests",
      // RehabTUI and TerminalUI too: one test renders the app's screens beside the commands.
      dependencies: ["RehabCLI", "RehabCore", "RehabStore", "RehabTUI", "TerminalUI"],
      swiftSettings: swift6
    ),
  ]
)
