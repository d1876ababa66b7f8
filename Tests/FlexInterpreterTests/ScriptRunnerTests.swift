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

    // The --json shape is this feature's interface: these expectations pin it on purpose.
    @Test func jsonWritesOneSelfDescribingLinePerStatement() async {
        let result = await run("""
        let n = 2
        n + 1
        print "text"
        {a: [1, fcus_X], d: 2h}
        expect true
        show [1]
        """, json: true)
        #expect(result.err == "")
        let at = { (line: Int) in "\"file\":\"test.flex\",\"line\":\(line),\"column\":1,\"scenario\":null" }
        #expect(result.out == """
        {"type":"value",\(at(1)),"value":2}
        {"type":"value",\(at(2)),"value":3}
        {"type":"print",\(at(3)),"text":"text"}
        {"type":"value",\(at(4)),"value":{"a":[1,"fcus_X"],"d":7200}}
        {"type":"expect",\(at(5)),"expectation":"true","passed":true}
        {"type":"show",\(at(6)),"text":"- 1"}

        """)
    }

    @Test func jsonWritesFailedExpectationsAndErrorsWithTheirScenario() async {
        let result = await run("""
        scenario "one" {
          expect 1 == 2
        }
        scenario "two" {
          expect error customer_not_found: customer get fcus_nothere
          customer get fcus_nothere
        }
        """, json: true)
        #expect(result.code == 3)
        #expect(result.err.contains("error: customer_not_found"))
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"{"type":"expect","file":"test.flex","line":2,"column":3,"scenario":"one","expectation":"1 == 2","passed":false,"message":"expectation failed: 1 == 2","notes":["left:  1","right: 2"]}"#,
            #"{"type":"error","file":"test.flex","line":2,"column":10,"scenario":"one","kind":"expectation","message":"expectation failed: 1 == 2","code":null,"status":null,"decline_code":null,"help":null,"notes":["left:  1","right: 2"]}"#,
            #"{"type":"expect","file":"test.flex","line":5,"column":3,"scenario":"two","expectation":"error customer_not_found","passed":true}"#,
            #"{"type":"error","file":"test.flex","line":6,"column":3,"scenario":"two","kind":"api","message":"customer_not_found: no such customer: fcus_nothere (HTTP 404)","code":"customer_not_found","status":404,"decline_code":null,"help":"check the ID; objects from another scenario or simulator run do not exist here","notes":[]}"#,
        ])
    }

    @Test func jsonWritesCheckErrorsAndAnInnerFailureOnce() async {
        let broken = await run("print undefined_name", json: true)
        #expect(broken.code == 2)
        #expect(broken.out.hasPrefix(#"{"type":"error","file":"test.flex","line":1,"column":7,"scenario":null,"kind":"check","message":"'undefined_name' is not defined""#))
        let nested = await run("def f() { expect false }\nexpect error: f()", json: true)
        #expect(nested.code == 4)
        let expectLines = nested.out.split(separator: "\n").filter { $0.hasPrefix("{\"type\":\"expect\"") }
        #expect(expectLines.count == 1, "\(nested.out)")
    }

    @Test func jsonNamesTheIncludedFileAndTheScenarioOfSharedSetup() async {
        let result = await run("""
        include "setup.flex"
        scenario "a" { print greeting }
        """, json: true, files: ["setup.flex": "let greeting = \"hi\"\n"])
        #expect(result.err == "")
        #expect(result.out == """
        {"type":"value","file":"setup.flex","line":1,"column":1,"scenario":"a","value":"hi"}
        {"type":"print","file":"test.flex","line":2,"column":16,"scenario":"a","text":"hi"}

        """)
    }

    @Test func plainOutputHasNoJSON() async {
        let result = await run("let n = 2\nprint n\nexpect n == 2")
        #expect(result.out == "2\n")
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
