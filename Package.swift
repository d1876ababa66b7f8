// swift-tools-version:6.0
// flex: a small language for driving the Flex payments API against a simulator or the live API.
import PackageDescription

let package = Package(
    name: "flex",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "flex", targets: ["flex"]),
        // Libraries are products too so fuzz/ (a package of its own) can link them.
        .library(name: "FlexLanguage", targets: ["FlexLanguage"]),
        .library(name: "FlexAPI", targets: ["FlexAPI"]),
        .library(name: "FlexSimulator", targets: ["FlexSimulator"]),
        .library(name: "FlexInterpreter", targets: ["FlexInterpreter"]),
        .library(name: "FlexRegex", targets: ["FlexRegex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through the two above; named so targets can import NIO modules.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
    ],
    targets: [
        // A pthread-backed lock that ThreadSanitizer can see (Locked.swift says why not Mutex).
        .target(name: "FlexSync"),
        // The regular expressions of `matches`: a linear-time engine that can be stopped part-way.
        .target(name: "FlexRegex"),
        // Source text, lexer, parser, AST, checker, diagnostics. No I/O.
        .target(name: "FlexLanguage", dependencies: ["FlexSync", "FlexRegex"]),
        // The wire-level seam: JSON values, requests, responses, the FlexBackend protocol, the
        // backend's description, the simulator's /_sim/ requests, percent-encoding.
        .target(name: "FlexAPI", dependencies: ["FlexSync"]),
        // The embedded, deterministic simulated Flex.
        .target(name: "FlexSimulator", dependencies: ["FlexAPI", "FlexSync"]),
        // The live backend: HTTPFlex over AsyncHTTPClient, retries, key safety; in Decorators/ the
        // backends that wrap another (record, replay, the remote simulator's reset to the seed).
        .target(name: "FlexHTTP", dependencies: [
            "FlexAPI", "FlexSync",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOTLS", package: "swift-nio"),
        ]),
        // `flex serve`'s options, declared once for flex and flex-serve, and how flex finds flex-serve.
        .target(name: "FlexServeSupport", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `flex serve`: HTTP framing (Hummingbird) around SimulatedFlex.
        .target(name: "FlexServer", dependencies: [
            "FlexAPI", "FlexSimulator",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            // Webhook deliveries over HTTP (WebhookSender).
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        // Values, environment, evaluation, the command table's request builders. It knows backends
        // only as FlexAPI's FlexBackend, made by the factory in its RunConfiguration.
        .target(name: "FlexInterpreter", dependencies: ["FlexLanguage", "FlexAPI", "FlexSync", "FlexRegex"]),
        // libedit's native API (libedit-dev, installed by scripts/setup.sh) and a C shim over its variadic calls.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CEditShim", dependencies: ["CLibEdit"]),
        // `flex test`: discovery, the parallel case runner, snapshots, terminal/JUnit/TAP/NDJSON reports.
        .target(name: "FlexTesting", dependencies: ["FlexLanguage", "FlexAPI", "FlexInterpreter", "FlexSync"]),
        // The interactive REPL: line readers, history, completion, dot-commands, .save.
        .target(name: "FlexREPL", dependencies: ["FlexLanguage", "FlexInterpreter", "FlexSync", "CEditShim"]),
        .executableTarget(
            name: "flex",
            // The composition root: the only target that knows which backends exist.
            dependencies: [
                "FlexAPI",
                "FlexInterpreter",
                "FlexREPL",
                "FlexTesting",
                "FlexHTTP",
                "FlexSimulator",
                "FlexServeSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds (make install, make bench) are one static executable: no dynamic loading
            // at start-up (docs/performance.md (g)). libedit's archive needs its own libraries named.
            linkerSettings: [
                .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("tinfo", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("bsd", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("md", .when(platforms: [.linux], configuration: .release)),
                // What --static-swift-stdlib would add for FoundationEssentials (a dependency uses it),
                // so a plain `swift build -c release` links too.
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // `flex serve` execs this program, so Hummingbird (and full Foundation) stay out of flex.
        .executableTarget(
            name: "flex-serve",
            dependencies: ["FlexServer", "FlexServeSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "flex-bench",
            dependencies: ["FlexLanguage", "FlexAPI", "FlexSimulator", "FlexInterpreter", "FlexHTTP", "FlexRegex"],
            path: "bench/Sources/flex-bench"
        ),
        .executableTarget(name: "test-bench", dependencies: ["FlexTesting", "FlexInterpreter", "FlexSimulator"], path: "bench/Sources/test-bench"),
        // A bare Hummingbird endpoint (a fixed small JSON body): the baseline of bench/http-bench.sh's wrk figure.
        .executableTarget(
            name: "bare-hummingbird",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")],
            path: "bench/Sources/bare-hummingbird"
        ),
        // The floor of flex-bench's start-up section (g): print("hello"), built like flex.
        .executableTarget(name: "swift-hello", path: "bench/Sources/swift-hello"),
        .executableTarget(name: "repl-bench", dependencies: ["FlexREPL", "FlexInterpreter", "FlexSimulator"], path: "bench/Sources/repl-bench"),
        // What several test targets share: a run configuration on the embedded simulator, and
        // running the built flex binary as a child process.
        .target(name: "FlexTestSupport", dependencies: ["FlexInterpreter", "FlexSimulator"], path: "Tests/FlexTestSupport"),
        .testTarget(name: "FlexLanguageTests", dependencies: ["FlexLanguage"]),
        .testTarget(name: "FlexRegexTests", dependencies: ["FlexRegex"]),
        .testTarget(name: "FlexAPITests", dependencies: ["FlexAPI"]),
        .testTarget(name: "FlexSimulatorTests", dependencies: ["FlexSimulator", "FlexAPI"]),
        .testTarget(name: "FlexInterpreterTests", dependencies: ["FlexInterpreter", "FlexLanguage", "FlexAPI", "FlexSimulator", "FlexSync", "FlexTestSupport"]),
        .testTarget(name: "FlexHTTPTests", dependencies: [
            "FlexHTTP", "FlexServer", "FlexAPI", "FlexSimulator", "FlexSync", "FlexTestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),  // ScriptedServer's https
        ]),
        .testTarget(name: "FlexServerTests", dependencies: [
            "FlexServer", "FlexHTTP", "FlexAPI", "FlexSimulator", "FlexSync",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            // The loopback webhook receiver that stands in for a shop (WebhookReceiver).
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "REPLTests", dependencies: ["FlexREPL", "FlexInterpreter", "FlexLanguage", "FlexTestSupport", "flex"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FlexTestSupport", "FlexLanguage", "FlexServeSupport", "flex", "flex-serve"]),
        // Broken scripts (fixtures/malformed/ and generated huge ones) through the built binary: exit 2, located, no crash.
        .testTarget(name: "MalformedInputTests", dependencies: ["FlexTestSupport", "flex"]),
        .testTarget(name: "FlexTestingTests", dependencies: ["FlexTesting", "FlexInterpreter", "FlexLanguage", "FlexAPI", "FlexSimulator", "FlexTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
