// Runs every fixtures/scripts/**/*.flex and examples/*.flex through the built binary and checks the
// inline expectations written in the script itself (`# expect: …`, `# expect error: L:C: …`,
// `# expect exit: N`). Adding a test means adding a file.
import FlexTestSupport
import Testing

@Suite("Scripts")
struct ScriptTests {
    @Test("the corpus is large enough to cover the language")
    func corpusSize() {
        #expect(ScriptCorpus.all.count >= 68, "fixtures/scripts + examples hold \(ScriptCorpus.all.count) scripts")
    }

    @Test("the runner reads inline expectations")
    func parsesExpectations() {
        let source = """
            print "a"   # expect: a
            # expect:
            # expect error: 3:5: unknown clause 'emial' for 'customer create'
            # expect exit: 2
            """
        let parsed = ScriptExpectations(source: source)
        #expect(parsed.stdout == ["a", ""])
        #expect(parsed.errors == ["3:5: unknown clause 'emial' for 'customer create'"])
        #expect(parsed.exitCode == 2)
        #expect(ScriptExpectations(source: "print 1 # expect: 1").expectedExit == 0)
        #expect(ScriptExpectations(source: "# expect error: 1:1: x").expectedExit == nil)
    }

    @Test("script", arguments: ScriptCorpus.all)
    func script(_ path: String) throws {
        let source = try #require(FileSystem.read(Flex.root + "/" + path), "cannot read \(path)")
        let expected = ScriptExpectations(source: source)
        #expect(!expected.stdout.isEmpty || !expected.errors.isEmpty || expected.exitCode != nil,
                "\(path) checks nothing: give it `# expect:` lines or an expected exit code")
        let result = try Flex.run(["run", "--seed", "42", "--diagnostics", "short", path])
        let context = "\(path)\n--- exit \(result.exitCode)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"

        #expect(!result.timedOut, "timed out: \(context)")
        if let exit = expected.expectedExit {
            #expect(result.exitCode == exit, "\(context)")
        } else {
            #expect(result.exitCode != 0, "a script expecting an error must fail: \(context)")
        }
        #expect(result.stdoutLines == expected.stdout, "\(context)")
        let stderrLines = Set(result.stderrLines)
        for error in expected.errors {
            // `L:C: message` → `path:L:C: error: message`
            let location = error.prefix { $0 != " " }
            let message = error.dropFirst(location.count).drop { $0 == " " }
            let line = "\(path):\(location) error: \(message)"
            #expect(stderrLines.contains(line), "stderr lacks the line: \(line)\n\(context)")
        }
    }
}
