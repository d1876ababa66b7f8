// scenario blocks: fresh simulator and setup for each, independent outcomes, worst exit code.
@testable import FlexInterpreter
import Testing

@Suite struct ScenarioTests {
    @Test func eachScenarioStartsFromTheSameState() async {
        let result = await run("""
        let p = product "Thermometer" eligible price $24.99
        scenario "one" {
          let c = customer create email "a@b.co"
          print c.id, p.id
        }
        scenario "two" {
          let c = customer create email "a@b.co"
          print c.id, p.id
        }
        """)
        #expect(result.err == "")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == lines.last)
        #expect(lines.first?.hasPrefix("fcus_") == true)
    }

    @Test func aFailingScenarioDoesNotStopTheOthers() async {
        let result = await run("""
        scenario "fails" {
          expect 1 == 2
        }
        scenario "runs" {
          print "ran"
        }
        """)
        #expect(result.code == 4)
        #expect(result.out == "ran\n")
        let full = await runFull("scenario \"fails\" {\n  expect 1 == 2\n}\n")
        #expect(full.contains("= note: in scenario \"fails\""))
    }

    @Test func aRuntimeErrorOutranksAFailedExpectation() async {
        let result = await run("""
        scenario "a" { expect false }
        scenario "b" { customer get fcus_NOPE }
        """)
        #expect(result.code == 3)
    }

    @Test func scenarioVariablesDoNotLeak() async {
        let result = await run("""
        scenario "a" { let x = 1 }
        scenario "b" { print x }
        """)
        // The checker may reject `x` before anything runs; either way "b" cannot see it.
        #expect(result.code == 2 || result.code == 3)
    }

    @Test func sameSeedSameOutput() async {
        let script = "let c = customer create email \"a@b.co\"\nprint c.id, c.created_at"
        let first = await run(script)
        let second = await run(script)
        let other = await run(script, seed: 7)
        #expect(first.out == second.out)
        #expect(first.out != other.out)
    }
}
