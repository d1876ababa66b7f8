// Limits that fail cleanly: the step and time budget, value nesting, size caps on values built
// by doubling, deep values at the limit, and the scope/function cycle the fuzzer's leak check found.
import FlexAPI
@testable import FlexInterpreter
import FlexLanguage
import FlexSimulator
import FlexTestSupport
import Testing

/// Runs `script` on a fresh interpreter with `configuration`; the rendered failures, if any.
private func runDirect(_ script: String, configuration: RunConfiguration) async -> (code: Int32, failures: [String]) {
    let sources = SourceManager()
    let file = sources.add(path: "budget.flex", bytes: Array(script.utf8))
    let parsed = Parser.parse(file)
    #expect(parsed.diagnostics.isEmpty)
    let interpreter = Interpreter(sources: sources, output: CapturingOutputSink(), configuration: configuration)
    var failures: [String] = []
    let code = await interpreter.run(CheckedProgram(program: parsed.program)) { failure, _ in failures.append(failure.diagnostic.message) }
    return (code, failures)
}

@Suite struct LimitsTests {
    @Test func stepBudgetStopsAnEndlessRepeat() async {
        let result = await runDirect("let n = 0\nrepeat 1000000000 { n = n + 1 }", configuration: .simulated(maximumSteps: 10_000))
        #expect(result.code == 3)
        #expect(result.failures.first?.hasPrefix("step limit reached") == true)
    }

    @Test func stepBudgetCountsRecursionAndForLoops() async {
        let script = "def f(n) {\n for x in range(1000) { let y = x }\n return f(n)\n}\nf(1)"
        let result = await runDirect(script, configuration: .simulated(maximumSteps: 5_000))
        #expect(result.code == 3)
        #expect(result.failures.first?.hasPrefix("step limit reached") == true)
    }

    @Test func timeLimitStopsALongRun() async {
        let configuration = RunConfiguration.simulated(timeLimit: .milliseconds(50))
        let result = await runDirect("repeat 1000000000 { let x = 1 }", configuration: configuration)
        #expect(result.code == 3)
        #expect(result.failures.first?.hasPrefix("time limit reached") == true)
    }

    @Test func theDefaultBudgetIsUnlimited() async {
        let result = await runDirect("let n = 0\nrepeat 50000 { n = n + 1 }\nexpect n == 50000", configuration: .simulated())
        #expect(result.code == 0)
    }

    @Test(arguments: ["x = [x]", "x = {a: x}", "x = [1, {b: [x]}]"])
    func wrappingAValueInALoopStopsAtTheDepthLimit(_ wrap: String) async {
        let result = await run("let x = []\nrepeat 100000 { \(wrap) }")
        #expect(result.code == 3)
        #expect(result.err.contains("value nested too deeply (more than 512 levels of lists and records)"))
    }

    /// A value just under the limit can be printed, compared, serialized, sent and freed.
    @Test func theDeepestAllowedValueIsUsable() async {
        let script = """
        let x = 1
        repeat 511 { x = [x] }
        let y = 1
        repeat 511 { y = [y] }
        expect x == y
        let text = string(x)
        expect len(text) == 1023
        expect len(json(x)) == 1023
        print len(string({deep: x}))
        show len(text)
        """
        let result = await run(script)
        #expect(result.err == "")
        #expect(result.code == 0)
        #expect(result.out == "1031\n1023\n")
        let jsonRun = await run("let x = 1\nrepeat 511 { x = [x] }\nx", json: true)
        #expect(jsonRun.code == 0)
        #expect(jsonRun.out.hasSuffix(String(repeating: "]", count: 511) + "}\n"))
    }

    @Test func responseJSONCountsTowardTheDepth() async {
        // A customer record is one level of JSON; wrapping it 511 more times is one too many.
        let result = await run("let x = customer create email \"a@b.co\"\nrepeat 511 { x = [x] }")
        #expect(result.code == 3)
        #expect(result.err.contains("value nested too deeply"))
    }

    @Test func doublingAStringStopsAtTheSizeLimit() async {
        let plus = await run("let s = \"abcdefgh\"\nrepeat 64 { s = s + s }")
        #expect(plus.code == 3)
        #expect(plus.err.contains("string too long"))
        let interpolated = await run("let s = \"abcdefgh\"\nrepeat 64 { s = \"${s}${s}\" }")
        #expect(interpolated.code == 3)
        #expect(interpolated.err.contains("string too long"))
    }

    @Test func doublingAListStopsAtTheSizeLimit() async {
        let result = await run("let l = [1]\nrepeat 64 { l = l + l }")
        #expect(result.code == 3)
        #expect(result.err.contains("list too long"))
    }

    /// Lists and records carry their depth, so reading it is O(1) however deep or shared.
    @Test func nestingDepthIsCachedAndJSONIsWalkedIteratively() {
        var value = Value.integer(1)
        for _ in 0..<2_000 { value = .list([value]) }
        #expect(value.nestingDepth == 2_000)
        #expect(Value.list([.integer(1), .record(Record([("a", .list([]))]))]).nestingDepth == 3)
        #expect(Value.nestingDepth(of: ["a": [["b": 1]]]) == 3)
    }

    /// Found by fuzz-interpreter (LeakSanitizer): a `def` and the scope it closes over held each
    /// other, so every script that defined a function leaked its globals.
    @Test func functionScopesAreFreedWithTheInterpreter() async {
        weak var globals: Scope?
        do {
            let sources = SourceManager()
            let file = sources.add(path: "leak.flex", bytes: Array("def f(n) { def g() { return n } return g() }\nprint f(1)".utf8))
            let interpreter = Interpreter(sources: sources, output: CapturingOutputSink(), configuration: .simulated())
            let code = await interpreter.run(CheckedProgram(program: Parser.parse(file).program)) { _, _ in }
            #expect(code == 0)
            globals = interpreter.globals
            #expect(globals != nil)
        }
        #expect(globals == nil)
    }
}
