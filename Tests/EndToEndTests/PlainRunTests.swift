// `flex run FILE…` with no option skips swift-argument-parser (PlainRun): every such command line
// must do exactly what the parsed one with the defaults spelled out does, and anything that looks
// like an option must still reach the parser.
import FlexTestSupport
import Testing

@Suite("flex run without options")
struct PlainRunTests {
    /// The same run through PlainRun and through the parser (`--seed 42`, the default, forces it).
    static func expectSameAsParsed(_ files: [String], stdin: String? = nil, directory: String? = nil) throws {
        let plain = try Flex.run(["run"] + files, stdin: stdin, directory: directory)
        let parsed = try Flex.run(["run", "--seed", "42"] + files, stdin: stdin, directory: directory)
        #expect(plain.exitCode == parsed.exitCode, "\(files)")
        #expect(plain.stdout == parsed.stdout, "\(files)")
        #expect(plain.stderr == parsed.stderr, "\(files)")
    }

    @Test("examples, one and several at once, print and exit as through the parser")
    func examples() throws {
        try Self.expectSameAsParsed(["examples/quickstart.flex"])
        try Self.expectSameAsParsed(["examples/refunds.flex", "examples/declines.flex"])
        // A failing example (exit 3 or 4) and its rendered error.
        try Self.expectSameAsParsed(["examples/errors.flex"])
    }

    @Test("a script that does not parse, a missing file, and standard input")
    func failuresAndStandardInput() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let broken = try scratch.write("broken.flex", "let = 3\n")
        try Self.expectSameAsParsed([broken])
        try Self.expectSameAsParsed([scratch.path + "/missing.flex"])
        try Self.expectSameAsParsed(["-"], stdin: "let c = customer create email \"a@b.co\"\nprint c.email\n")
        let run = try Flex.run([broken])
        #expect(run.exitCode == 2)
    }

    @Test("options, --, -h and a bare run still go to the parser", arguments: [
        (["run", "--help"], 0), (["run", "-h"], 0), (["run"], 1), (["run", "--", "missing.flex"], 1),
    ] as [([String], Int32)])
    func parserStillDecides(arguments: [String], exitCode: Int32) throws {
        let result = try Flex.run(arguments)
        #expect(result.exitCode == exitCode, "\(arguments): \(result.stderr)")
        if exitCode == 0 { #expect(result.stdout.contains("USAGE: flex run"), "\(result.stdout)") }
    }

    @Test("an option after the files is an option, not a file")
    func optionAfterTheFiles() throws {
        let result = try Flex.run(["run", "examples/quickstart.flex", "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{"), "\(result.stdout)")
    }
}
