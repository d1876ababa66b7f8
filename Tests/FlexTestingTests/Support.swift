// Helpers for the FlexTesting tests: the fixture suite's location, a collecting reporter, temp dirs.
import FlexInterpreter
@testable import FlexTesting
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum Fixtures {
    /// The repository root: this file is <root>/Tests/FlexTestingTests/Support.swift.
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let directory = root + "/fixtures/suites"
    static func path(_ relative: String) -> String { directory + "/" + relative }

    /// Runs `paths` in process; returns the summary and what every reporter wrote.
    static func run(_ paths: [String], options: TestOptions = TestOptions(configuration: .simulated(), jobs: 2), junit: Bool = false)
        async -> (summary: TestRunSummary, terminal: String, tap: String, json: String) {
        let terminalSink = CapturingOutputSink(), tapSink = CapturingOutputSink(), jsonSink = CapturingOutputSink()
        let reporters: [any TestReporter] = [
            TerminalReporter(output: terminalSink, showsDurations: false),
            TAPReporter(output: tapSink),
            JSONEventReporter(output: jsonSink),
        ]
        let summary = await TestRunner(options: options).run(paths: paths, reporters: reporters)
        return (summary, terminalSink.standardOutput, tapSink.standardOutput, jsonSink.standardOutput)
    }
}

/// A fresh directory under /tmp, removed recursively by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/flex-testing-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let full = path + "/" + name
        _ = TestFileSystem.write(text, to: full)
        return full
    }

    func remove() { Self.removeTree(path) }

    static func removeTree(_ path: String) {
        if TestFileSystem.kind(of: path, followLinks: false) == .directory {
            for name in TestFileSystem.list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
