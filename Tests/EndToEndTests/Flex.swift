// Where the end-to-end tests find the repository and the built `flex` binary, and a helper to run it.
import FlexTestSupport

enum Flex {
    /// The repository root: this file is Tests/EndToEndTests/Flex.swift.
    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// SwiftPM puts `flex` beside the test executable.
    static let binaryDirectory = FileSystem.builtProductsDirectory

    static var binary: String { binaryDirectory + "/flex" }

    /// Runs the built binary from the repository root with colours off unless a test asks for them.
    static func run(
        _ arguments: [String],
        stdin: String? = nil,
        environment: [String: String?] = [:],
        directory: String? = nil
    ) throws -> ProcessResult {
        var environment = environment
        if environment["NO_COLOR"] == nil { environment["NO_COLOR"] = "1" }
        return try ProcessRunner.run(binary, arguments, stdin: stdin, environment: environment, directory: directory ?? root)
    }
}
