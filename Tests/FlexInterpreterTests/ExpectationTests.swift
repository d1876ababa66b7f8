// expect and expect error: outcomes, exit codes and the notes their diagnostics carry.
import FlexAPI
@testable import FlexInterpreter
import Testing

@Suite struct ExpectationTests {
    @Test func passingExpectationsPrintNothing() async {
        let result = await run("expect 1 == 1\nexpect \"abc\" contains \"b\"\nexpect true")
        #expect(result.code == 0)
        #expect(result.out == "" && result.err == "")
    }

    @Test func comparisonShowsBothSides() async {
        let full = await runFull("let c = customer create email \"a@b.co\"\nexpect c.email == \"b@b.co\"\n")
        #expect(full == """
        error: expectation failed: c.email == "b@b.co"
         --> test.flex:2:8
          |
        2 | expect c.email == "b@b.co"
          |        ^^^^^^^^^^^^^^^^^^^
          = note: left:  "a@b.co"
          = note: right: "b@b.co"

        """)
    }

    @Test func failureExitsWithFourAndStopsTheScript() async {
        let result = await run("expect 1 == 2\nprint \"after\"")
        #expect(result.code == 4)
        #expect(result.out == "")
        #expect(result.err == "test.flex:1:8: error: expectation failed: 1 == 2\n")
    }

    @Test func recordsGetAFieldDiff() async {
        let full = await runFull("let a = {x: 1, y: \"two\", z: 3}\nexpect a == {x: 1, y: \"three\", w: 4}\n")
        #expect(full.contains("""
          = note: - y: "two"
          = note: + y: "three"
          = note: - z: 3
          = note: + w: 4
        """))
        #expect(!full.contains("x: 1\n"))
    }

    @Test func dollarsComparedWithCentsGetAHelp() async {
        let full = await runFull("let amount = $10.00\nexpect amount == 10.00\n")
        #expect(full.contains("= help: money is integer cents: write $10.00 (that is 1000), not 10.00"))
        #expect(await runFull("expect 1000 < 2.5\n").contains("write $2.50 (that is 250), not 2.5"))
        // Only a likely dollar amount: more than two places, or no integer side, gets no help.
        #expect(!(await runFull("expect 1 == 0.125\n")).contains("help"))
        #expect(!(await runFull("expect 1.5 == 2.5\n")).contains("help"))
    }

    @Test func elseMessageReplacesTheHeadline() async {
        let result = await run("let n = 3\nexpect n > 5 else \"n should be large, was ${n}\"")
        #expect(result.code == 4)
        #expect(result.err == "test.flex:2:8: error: n should be large, was 3\n")
    }

    @Test func nonComparisonShowsTheValue() async {
        let full = await runFull("let r = {ok: false}\nexpect r.ok\n")
        #expect(full.contains("error: expectation failed: r.ok"))
        #expect(full.contains("= note: value: false"))
    }

    @Test func expectErrorCatchesTheCodeAndSetsIt() async {
        let result = await run("""
        expect error customer_not_found: customer get fcus_NOPE
        print it.code, it.status
        expect error: customer get fcus_NOPE
        expect error "customer_not_found" { customer get fcus_NOPE }
        print it
        """)
        #expect(result.err == "")
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("customer_not_found 404\n{code: \"customer_not_found\", message: "))
        // it carries everything the error body says; what it leaves out is null.
        #expect(result.out.hasSuffix(", status: 404, decline_code: null, param: null}\n"))
    }

    @Test func expectErrorWithTheWrongCode() async {
        let full = await runFull("expect error price_not_found: customer get fcus_NOPE\n")
        #expect(full.contains("error: expected error 'price_not_found', got 'customer_not_found'"))
        #expect(full.contains("= note: expected: price_not_found"))
        #expect(full.contains("= note: actual:   customer_not_found: "))
    }

    @Test func expectErrorWhenTheCommandSucceeds() async {
        let result = await run("expect error: customer create email \"a@b.co\"")
        #expect(result.code == 4)
        #expect(result.err == "test.flex:1:15: error: expected an error, but the command succeeded\n")
    }

    @Test func runtimeErrorsAreNotAPIErrors() async {
        let plain = await run("expect error: print [1][3]")
        #expect(plain.code == 3)
        #expect(plain.err.contains("index 3 is out of range"))
        let explicit = await run("expect error runtime_error: print [1][3]\nprint it.code, it.status")
        #expect(explicit.code == 0)
        #expect(explicit.out == "runtime_error 0\n")
    }

    @Test func apiErrorsRenderCodeMessageAndStatus() async {
        let result = await run("customer get fcus_NOPE")
        #expect(result.code == 3)
        #expect(result.err.hasPrefix("test.flex:1:1: error: customer_not_found: "))
        #expect(result.err.hasSuffix("(HTTP 404)\n"))
    }

    @Test func missingSuccessURLGetsAHelp() {
        let help = Interpreter.help(for: FlexError(status: 400, code: "invalid_request", message: "success_url is required"), command: .checkoutCreate)
        #expect(help == "add success \"https://…\" to the checkout")
    }
}
