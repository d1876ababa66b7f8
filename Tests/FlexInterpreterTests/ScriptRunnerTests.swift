// The run/check drivers: exit codes, --json output, files that cannot be read.
import FlexAPI
@testable import FlexInterpreter
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

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
        let runner = ScriptRunner(configuration: .simulated(), output: sink)
        let code = await runner.run([.file("/nonexistent/dir/x.flex")])
        #expect(code == 1)
        #expect(sink.standardError == "flex: cannot read '/nonexistent/dir/x.flex': no such file or directory\n")
    }

    @Test func aSourceOverTheSizeLimitIsRefusedBeforeReading() async {
        // A sparse file: its size says 1 GiB + 1 byte without taking the disk space.
        var template = Array("/tmp/flex-huge-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        #expect(fd >= 0)
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        #expect(ftruncate(fd, off_t(FileSourceLoader.maximumSourceBytes + 1)) == 0)
        close(fd)
        let sink = CapturingOutputSink()
        let code = await ScriptRunner(configuration: .simulated(), output: sink).run([.file(path)])
        #expect(code == 1)
        #expect(sink.standardError == "flex: cannot read '\(path)': larger than 1 GiB, the most a flex source may be\n")
    }

    @Test func checkOnlyParsesAndChecks() {
        let sink = CapturingOutputSink()
        let runner = ScriptRunner(configuration: .simulated(diagnosticStyle: .short), output: sink)
        #expect(runner.check([.source(path: "ok.flex", bytes: Array("customer get fcus_A".utf8))]) == 0)
        #expect(sink.standardOutput == "")
        #expect(runner.check([.source(path: "bad.flex", bytes: Array("customer create emial \"x\"".utf8))]) == 2)
        #expect(sink.standardError.hasPrefix("bad.flex:1:17: error: unknown clause 'emial'"))
    }

    @Test func filesShareOneBackendInOrder() async {
        let sink = CapturingOutputSink()
        let runner = ScriptRunner(configuration: .simulated(diagnosticStyle: .short), output: sink)
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
