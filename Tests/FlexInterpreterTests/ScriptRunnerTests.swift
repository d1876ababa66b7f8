// The run/check drivers: exit codes, --json output, files that cannot be read.
import FlexAPI
@testable import FlexInterpreter
import Testing

@Suite struct ScriptRunnerTests {
    @Test func exitCodes() async {
        #expect(await run("print 1").code == 0)
        #expect(await run("print (").code == 2)
        #expect(await run("print undefined_name").code == 2)
        #expect(await run("print [1][2]").code == 3)
        #expect(await run("expect false").code == 4)
    }

    @Test func nothingRunsWhenCheckingFails() async {
        let result = await run("print \"ran\"\nprint (")
        #expect(result.code == 2)
        #expect(result.out == "")
    }

    @Test func jsonWritesOneDocumentPerStatementWithAValue() async {
        let result = await run("""
        let n = 2
        n + 1
        print "text"
        {a: [1, fcus_X], d: 2h}
        expect true
        """, json: true)
        #expect(result.err == "")
        #expect(result.out == "2\n3\n\"text\"\n{\"a\":[1,\"fcus_X\"],\"d\":7200}\n")
    }

    @Test func missingFileIsAUsageError() async {
        let sink = CapturingOutputSink()
        let runner = ScriptRunner(output: sink)
        let code = await runner.run([.file("/nonexistent/dir/x.flex")])
        #expect(code == 1)
        #expect(sink.standardError == "flex: cannot read '/nonexistent/dir/x.flex': no such file or directory\n")
    }

    @Test func checkOnlyParsesAndChecks() {
        let sink = CapturingOutputSink()
        let runner = ScriptRunner(options: ScriptRunner.Options(diagnosticStyle: .short), output: sink)
        #expect(runner.check([.source(path: "ok.flex", bytes: Array("customer get fcus_A".utf8))]) == 0)
        #expect(sink.standardOutput == "")
        #expect(runner.check([.source(path: "bad.flex", bytes: Array("customer create emial \"x\"".utf8))]) == 2)
        #expect(sink.standardError.hasPrefix("bad.flex:1:17: error: unknown clause 'emial'"))
    }

    @Test func filesShareOneBackendInOrder() async {
        let sink = CapturingOutputSink()
        let runner = ScriptRunner(options: ScriptRunner.Options(diagnosticStyle: .short), output: sink)
        let code = await runner.run([
            .source(path: "a.flex", bytes: Array("customer create email \"a@b.co\"".utf8)),
            .source(path: "b.flex", bytes: Array("let l = customers\nprint len(l)".utf8)),
        ])
        #expect(code == 0)
        #expect(sink.standardOutput == "1\n")
    }

    @Test func loaderResolvesRelativePaths() {
        #expect(FileSourceLoader.normalize("tests/./a/../b.flex") == "tests/b.flex")
        #expect(FileSourceLoader.normalize("../x.flex") == "../x.flex")
        #expect(FileSourceLoader.normalize("/a/../../b") == "/b")
        #expect(FileSourceLoader().load("x.flex", relativeTo: "/nonexistent/y.flex") == nil)
    }
}
