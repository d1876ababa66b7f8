// `flex fmt` never changes what a script does: every corpus script and example, formatted, has the
// same tree, formats to itself, and runs with the same output; a re-spaced copy formats back to it.
import FlexLanguage
import FlexInterpreter
import FlexTestSupport
import Testing

@Suite struct FormatCorpusTests {
    /// The repository root: this file is Tests/FlexInterpreterTests/FormatCorpusTests.swift.
    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// Every .flex file under fixtures/scripts (include libraries too) and in examples/.
    static let corpus: [String] = collect("fixtures/scripts") + collect("examples")

    static func collect(_ directory: String) -> [String] {
        FileSystem.list(root + "/" + directory).flatMap { name -> [String] in
            let relative = directory + "/" + name
            if FileSystem.isDirectory(root + "/" + relative) { return collect(relative) }
            return name.hasSuffix(".flex") ? [relative] : []
        }
    }

    /// Scripts that exist to show a parse error: the formatter must refuse them.
    static let unparsable: Set<String> = ["fixtures/scripts/failures/parse_error.flex"]

    @Test func theCorpusIsThere() {
        #expect(Self.corpus.count >= 150)
    }

    @Test(arguments: corpus)
    func formattingKeepsMeaning(_ path: String) async throws {
        let source = try #require(FileSystem.read(Self.root + "/" + path))
        guard let formatted = Formatter.format(text: source) else {
            #expect(Self.unparsable.contains(path), "\(path) does not parse")
            return
        }
        #expect(!Self.unparsable.contains(path), "\(path) parses now: take it off the list")
        #expect(SyntaxShape.of(text: formatted) == SyntaxShape.of(text: source), "\(path): the tree changed")
        #expect(Formatter.format(text: formatted) == formatted, "\(path): formatting twice changes it")
        let messy = Self.respaced(source)
        #expect(Formatter.format(text: messy) == formatted, "\(path): a re-spaced copy formats differently")

        let expected = await Self.run(path, source)
        #expect(await Self.run(path, formatted) == expected, "\(path): the formatted script runs differently")
        #expect(await Self.run(path, messy) == expected, "\(path): the re-spaced script runs differently")
    }

    /// Stdout and exit status of `text` run as if it were the file at `path` (includes resolve beside it).
    static func run(_ path: String, _ text: String) async -> String {
        let sink = CapturingOutputSink()
        let runner = ScriptRunner(configuration: .simulated(diagnosticStyle: .short), output: sink)
        let code = await runner.run([.source(path: root + "/" + path, bytes: Array(text.utf8))])
        return "exit \(code)\n" + sink.standardOutput
    }

    /// The same tokens with one to three extra blanks before each, a tab before each line break
    /// and blank lines doubled: what a careless editor leaves. Strings are left alone.
    static func respaced(_ text: String) -> String {
        let file = SourceFile(id: FileID(rawValue: 0), path: "<text>", text: text)
        let tokens = Lexer.tokenize(file).tokens
        var out: [UInt8] = []
        var position = 0
        for (number, token) in tokens.enumerated() where token.kind != .newline {
            for byte in file.bytes[position..<token.startOffset] {
                if byte == UInt8(ascii: "\n") {
                    if out.last == UInt8(ascii: "\n") { out.append(byte) }
                    out.append(UInt8(ascii: "\t"))
                }
                out.append(byte)
            }
            out += Array(repeating: UInt8(ascii: " "), count: number % 3 + 1)
            out += file.bytes[token.startOffset..<token.endOffset]
            position = token.endOffset
        }
        return String(decoding: out, as: UTF8.self)
    }
}
