// `--timeout`: parsing and wording the duration, and the runner stopping an endless case (a
// loop, a recursion) in process while the rest of its batch and file run and report.
import FlexInterpreter
@testable import FlexTesting
import Testing

@Suite struct TimeoutTests {
    @Test(arguments: [("3s", 3000, "3s"), ("500ms", 500, "500ms"), ("2m", 120_000, "2m"), ("45", 45_000, "45s"),
                      ("90s", 90_000, "90s"), ("1h", 3_600_000, "60m"), ("0", 0, "0s")])
    func parsesAndWords(text: String, milliseconds: Int, wording: String) throws {
        let timeout = try #require(CaseTimeout(parsing: text))
        #expect(timeout.milliseconds == milliseconds)
        #expect(timeout.text == wording)
        #expect(timeout.isUnlimited == (milliseconds == 0))
    }

    @Test(arguments: ["", "s", "3x", "-1", "1.5s", "3 s", "9999999999s"])
    func rejects(text: String) {
        #expect(CaseTimeout(parsing: text) == nil)
    }

    @Test func theStandardTimeoutIsAMinute() {
        #expect(CaseTimeout.standard.text == "1m")
    }

    @Test func endlessCasesTimeOutAndTheOthersPass() async {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        dir.write("endless.flex", """
            scenario "before" { expect true }
            scenario "loop" {
              let n = 0
              repeat 1000000000000 { n = n + 1 }
            }
            """)
        dir.write("recursion.flex", """
            def down(n) {
              if n > 0 { down(n - 1)
                down(n - 1) }
            }
            scenario "deep" { down(100) }
            scenario "after" { expect 1 == 1 }
            """)
        let options = TestOptions(configuration: .simulated(), jobs: 2, timeout: CaseTimeout(milliseconds: 200))
        // No wall-time bound here: in process the run shares the concurrency pool with every other
        // suite running meanwhile (seen at 20-38 s in a full run); the end-to-end test times one.
        let run = await Fixtures.run([dir.path], options: options)
        #expect(run.summary.line == "2 passed, 2 failed")
        #expect(run.summary.exitCode == ExitStatus.runtimeError)
        let timedOut = run.summary.results.filter { $0.status == .errored }
        #expect(Set(timedOut.compactMap(\.testCase.scenario)) == ["loop", "deep"])
        for result in timedOut {
            #expect(result.failure?.message == "timed out after 200ms")
            #expect(result.failure?.line ?? 0 > 1)
        }
        #expect(run.json.contains("\"message\":\"timed out after 200ms\""))
    }

    /// Single operations that never end by themselves (2^60 comparisons, a search of 2^50
    /// positions): each must stop part-way at the case's timeout, not at the next statement.
    @Test func endlessOperationsStopAtTheTimeout() async {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        dir.write("operations.flex", """
            def doubled(n) {
              let x = [1]
              repeat n { x = [x, x] }
              return x
            }
            scenario "equality" { expect doubled(60) == doubled(60) }
            scenario "contains" { expect doubled(60) in [doubled(60)] }
            scenario "pattern" { expect {a: doubled(60)} matches {a: doubled(60)} }
            scenario "search" {
              let s = "a"
              repeat 25 { s = s + s }
              let p = s + "b"
              let t = s + s
              expect not (t contains p)
            }
            scenario "after" { expect 1 == 1 }
            """)
        let options = TestOptions(configuration: .simulated(), jobs: 2, timeout: CaseTimeout(milliseconds: 300))
        let run = await Fixtures.run([dir.path], options: options)
        #expect(run.summary.line == "1 passed, 4 failed")
        for result in run.summary.results where result.status != .passed {
            #expect(result.failure?.message == "timed out after 300ms", "\(result.testCase.scenario ?? "")")
        }
    }
}
