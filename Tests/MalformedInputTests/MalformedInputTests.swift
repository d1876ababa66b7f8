// Every broken script, committed (fixtures/malformed/) or generated (100,000-deep brackets, 10 MB
// lines), makes `flex run` exit 2 with a located diagnostic and a caret: never a crash.
import Testing

@Suite struct MalformedInputTests {
    static let corpusDirectory = FlexProcess.root + "/fixtures/malformed"
    static let corpus = FlexProcess.list(corpusDirectory)

    @Test func corpusIsLargeEnough() {
        #expect(Self.corpus.count >= 200, "fixtures/malformed holds \(Self.corpus.count) scripts")
    }

    @Test(arguments: corpus)
    func committedScriptFailsCleanly(_ name: String) {
        expectCleanCheckFailure(path: Self.corpusDirectory + "/" + name)
    }

    /// The huge inputs are generated here rather than committed.
    static let generated: [(String, [UInt8])] = [
        ("list-100000-deep", Array("let x = ".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 100_000) + [10]),
        ("parens-100000-deep", Array("let x = ".utf8) + [UInt8](repeating: UInt8(ascii: "("), count: 100_000) + Array("1".utf8)
            + [UInt8](repeating: UInt8(ascii: ")"), count: 100_000) + [10]),
        ("records-100000-deep", Array("let x = ".utf8) + Array(String(repeating: "{a: ", count: 100_000).utf8) + [10]),
        ("calls-100000-deep", Array("let x = ".utf8) + Array(String(repeating: "len(", count: 100_000).utf8) + [10]),
        ("blocks-100000-deep", Array(String(repeating: "if true {\n", count: 100_000).utf8)),
        ("minus-100000-deep", Array("let x = ".utf8) + Array(String(repeating: "- ", count: 100_000).utf8) + Array("1\nlet = 2\n".utf8)),
        ("unterminated-string-10MB", Array("let x = \"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20) + [10]),
        ("stray-bytes-1MB", Array("print 1\nlet y = ".utf8) + [UInt8](repeating: 0xFF, count: 1 << 20) + [10]),
    ]

    @Test(arguments: generated.map(\.0))
    func generatedScriptFailsCleanly(_ name: String) throws {
        let bytes = try #require(Self.generated.first { $0.0 == name }?.1)
        let path = try #require(FlexProcess.writeTemporary(bytes, name: name))
        defer { _ = unlink(path) }
        expectCleanCheckFailure(path: path)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Exit 2, a ` --> PATH:LINE:COLUMN` line naming the file, and a caret line under the excerpt.
func expectCleanCheckFailure(path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let outcome = FlexProcess.run(["run", "--diagnostics", "full", path])
    let excerpt = String(outcome.stderr.prefix(600))
    #expect(!outcome.timedOut, "flex did not finish on \(path)", sourceLocation: sourceLocation)
    #expect(outcome.exitCode == 2, "exit \(outcome.exitCode) on \(path):\n\(excerpt)", sourceLocation: sourceLocation)
    let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    let located = lines.contains { line in
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("--> " + path + ":") else { return false }
        let position = trimmed.dropFirst(("--> " + path + ":").count).split(separator: ":")
        return position.count == 2 && position.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }
    #expect(located, "no ' --> \(path):LINE:COL' line:\n\(excerpt)", sourceLocation: sourceLocation)
    let caret = lines.contains { line in
        let afterGutter = line.drop { $0 != "|" }.dropFirst()
        return afterGutter.drop { $0 == " " || $0 == "\t" }.first == "^"
    }
    #expect(caret, "no caret line:\n\(excerpt)", sourceLocation: sourceLocation)
}
