// swift-tools-version:6.0
// libFuzzer targets for flex. A package of its own because a fuzz target has no `main` and only
// links with -sanitize=fuzzer; scripts/fuzz.sh builds and runs them (docs/robustness.md).
import PackageDescription

let package = Package(
    name: "flex-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "flex", path: "..")],
    targets: [
        .executableTarget(name: "fuzz-language", dependencies: [.product(name: "FlexLanguage", package: "flex")]),
        .executableTarget(name: "fuzz-fmt", dependencies: [.product(name: "FlexLanguage", package: "flex")]),
        .executableTarget(name: "fuzz-json", dependencies: [.product(name: "FlexAPI", package: "flex")]),
        .executableTarget(name: "fuzz-regex", dependencies: [.product(name: "FlexRegex", package: "flex")]),
        .executableTarget(name: "fuzz-simulator", dependencies: [
            .product(name: "FlexAPI", package: "flex"), .product(name: "FlexSimulator", package: "flex"),
        ]),
        .executableTarget(name: "fuzz-interpreter", dependencies: [
            .product(name: "FlexLanguage", package: "flex"), .product(name: "FlexAPI", package: "flex"),
            .product(name: "FlexSimulator", package: "flex"), .product(name: "FlexInterpreter", package: "flex"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
