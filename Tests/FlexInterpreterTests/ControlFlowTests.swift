// if/for/repeat/wait, def/return and the call depth limit, include, it, assignment.
@testable import FlexInterpreter
import Testing

@Suite struct ControlFlowTests {
    @Test func branchesAndLoops() async {
        let result = await run("""
        for x in [1, 2] { print x }
        let r = {a: 1, b: 2}
        for k in r { print k }
        repeat 2 { print "r" }
        if 1 > 2 { print "no" } else if 2 > 1 { print "yes" } else { print "never" }
        let total = 0
        for n in range(5) { total = total + n }
        print total
        """)
        #expect(result.err == "")
        #expect(result.out == "1\n2\na\nb\nr\nr\nyes\n10\n")
    }

    @Test func itIsTheLastValue() async {
        let result = await run("""
        1 + 2
        print it
        customer create email "a@b.co"
        print it.email
        """)
        #expect(result.out == "3\na@b.co\n")
    }

    @Test func functionsRecurseAndClose() async {
        let result = await run("""
        def fact(n) {
          if n <= 1 { return 1 }
          return n * fact(n - 1)
        }
        print fact(20)
        let base = 10
        def add(x) { return x + base }
        print add(5)
        def nothing() { let y = 1 }
        print nothing()
        """)
        #expect(result.err == "")
        #expect(result.out == "2432902008176640000\n15\nnull\n")
    }

    @Test func recursionDepthIsLimited() async {
        let result = await run("def f(n) { return f(n + 1) }\nf(0)")
        #expect(result.code == 3)
        #expect(result.err.contains("error: too many nested calls (more than 200) calling 'f'"))
    }

    @Test func overflowInsideRecursionIsAnError() async {
        let result = await run("def fact(n) {\n if n <= 1 { return 1 }\n return n * fact(n - 1)\n}\nprint fact(21)")
        #expect(result.code == 3)
        #expect(result.err.contains("integer overflow"))
    }

    @Test func waitUntilAdvancesTheSimulatorClock() async {
        let result = await run("""
        def status(x) {
          let fresh = checkout get x
          return fresh.status
        }
        let p = product "X" eligible price $1
        let s = checkout items [p] success "https://x"
        wait until status(s) == "expired" every 1h timeout 2d
        print status(s)
        """)
        #expect(result.err == "")
        #expect(result.out == "expired\n")
    }

    @Test func waitUntilTimesOut() async {
        let result = await run("wait until false every 10s timeout 1m")
        #expect(result.code == 3)
        #expect(result.err.contains("error: timed out after 1m waiting until false"))
    }

    @Test func includeRunsInTheTopLevelScope() async {
        let result = await run("""
        include "setup.flex"
        print greeting, twice(4)
        """, files: ["setup.flex": "let greeting = \"hi\"\ndef twice(n) { return n * 2 }\n"])
        #expect(result.err == "")
        #expect(result.out == "hi 8\n")
    }

    @Test func predefinedVariables() async {
        let result = await run("print total, who", variables: [("total", .integer(2499)), ("who", .string("ada"))])
        #expect(result.out == "2499 ada\n")
    }

    @Test func commandLineValues() {
        #expect(ScriptRunner.parseVariable("n=42")?.value.quoted == "42")
        #expect(ScriptRunner.parseVariable("m=$24.99")?.value.quoted == "2499")
        #expect(ScriptRunner.parseVariable("m=$24.5")?.value.quoted == "2450")
        #expect(ScriptRunner.parseVariable("b=true")?.value.quoted == "true")
        #expect(ScriptRunner.parseVariable("z=null")?.value.quoted == "null")
        #expect(ScriptRunner.parseVariable("c=fcus_01ABC")?.value.quoted == "fcus_01ABC")
        #expect(ScriptRunner.parseVariable("s=hello world")?.value.quoted == "\"hello world\"")
        #expect(ScriptRunner.parseVariable("e=")?.value.quoted == "\"\"")
        #expect(ScriptRunner.parseVariable("noequals") == nil)
        #expect(ScriptRunner.parseVariable("1x=2") == nil)
        #expect(ScriptRunner.parseVariable("fcus_x=2") == nil)
    }
}
