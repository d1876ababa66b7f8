// swift-tools-version:6.0
// flex: a small language for driving the Flex payments API against a simulator or the live API.
import PackageDescription

let package = Package(
    name: "flex",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "flex", targets: ["flex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Source text, lexer, parser, AST, checker, diagnostics. No I/O, no dependencies.
        .target(name: "FlexLanguage"),
        // The wire-level seam: JSON values, requests, responses, the FlexBackend protocol.
        .target(name: "FlexAPI"),
        // The embedded, deterministic simulated Flex.
        .target(name: "FlexSimulator", dependencies: ["FlexAPI"]),
        // Values, environment, evaluation, the command table's request builders.
        .target(name: "FlexInterpreter", dependencies: ["FlexLanguage", "FlexAPI", "FlexSimulator"]),
        .executableTarget(
            name: "flex",
            dependencies: [
                "FlexInterpreter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "flex-bench",
            dependencies: ["FlexLanguage", "FlexAPI", "FlexSimulator", "FlexInterpreter"],
            path: "bench/Sources/flex-bench"
        ),
        .testTarget(name: "FlexLanguageTests", dependencies: ["FlexLanguage"]),
        .testTarget(name: "FlexAPITests", dependencies: ["FlexAPI"]),
        .testTarget(name: "FlexSimulatorTests", dependencies: ["FlexSimulator", "FlexAPI"]),
        .testTarget(name: "FlexInterpreterTests", dependencies: ["FlexInterpreter", "FlexLanguage", "FlexAPI", "FlexSimulator"]),
        .testTarget(name: "EndToEndTests", dependencies: ["flex"]),
    ],
    swiftLanguageModes: [.v6]
)
