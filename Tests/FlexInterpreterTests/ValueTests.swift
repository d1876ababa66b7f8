// Values, printing, operators, overflow, field access and indexing.
import FlexAPI
@testable import FlexInterpreter
import FlexLanguage
import FlexTestSupport
import Testing

@Suite struct ValueTests {
    @Test func printsEveryKindOfValue() async {
        let result = await run("""
        print null, true, 42, 0.5, "str", fcus_ABC, [1, "a", fcus_X], {email: "a@b.co", count: 2}
        print 2h, 90m, 45s, 7d, 0s
        print $24.99, $24, dollars(2499), dollars(-5), "x ${1 + 2} y"
        print ["q\\"uote\\n"]
        """)
        #expect(result.code == 0)
        #expect(result.out == """
        null true 42 0.5 str fcus_ABC [1, "a", fcus_X] {email: "a@b.co", count: 2}
        2h 90m 45s 7d 0s
        2499 2400 $24.99 -$0.05 x 3 y
        ["q\\"uote\\n"]

        """)
    }

    @Test func operators() async {
        let result = await run("""
        let l = [1, 2, 3]
        print l[-1], l[0], len(l), l + [4], "ab" + "cd"
        print "abc" contains "b", 2 in l, {a: 1} contains "a", "fcs_123" matches "^fcs_[0-9]+$", "x" in "xyz"
        print fcus_A == "fcus_A", {a: 1, b: 2} == {b: 2, a: 1}, [1, [2]] == [1, [2]], 2 == 2.0, 1 != 2
        print 0.1 + 0.2, 1.5 * 2, 7 / 2, -(3), not true, 3 - 5, 2 * 3, 1 < 2, "a" < "b", 2h > 90m
        print true and false, true or false, null or 1 == 1
        """)
        #expect(result.err == "")
        #expect(result.out == """
        3 1 3 [1, 2, 3, 4] abcd
        true true true true true
        true true true true true
        0.3 3 3 -3 false -2 6 true true true
        false true true

        """)
    }

    @Test(arguments: [
        ("print 9223372036854775807 + 1", "integer overflow"),
        ("print -9223372036854775807 - 2", "integer overflow"),
        ("print 9223372036854775807 * 2", "integer overflow"),
        ("print 1 / 0", "division by zero"),
        ("print \"a\" + 1", "cannot apply '+' to a string and an integer"),
        ("print [1][5]", "index 5 is out of range for a list of 1 element"),
        ("print [][0]", "index 0 is out of range for a list of 0 elements"),
        ("print 1 < \"a\"", "cannot compare an integer with a string"),
        ("let p = \"(\"\nprint \"a\" matches p", "invalid regular expression: unbalanced '('"),
        ("print range(100000000)", "range is too large"),
        ("print sum([1, \"a\"])", "sum needs a list of integers"),
        ("print env(\"FLEX_TEST_SURELY_UNSET\")", "environment variable 'FLEX_TEST_SURELY_UNSET' is not set"),
    ])
    func runtimeErrors(script: String, message: String) async {
        let result = await run(script)
        #expect(result.code == 3)
        #expect(result.err.contains("error: " + message), "\(result.err)")
        #expect(result.out == "")
    }

    /// A literal pattern is checked before the run (the caret under the unclosed group); a
    /// computed one when it is used (the caret under the pattern's expression).
    @Test func badRegexPointsAtThePattern() async {
        let literal = await run("print \"a\" matches \"(\"")
        #expect(literal.code == 2)
        #expect(literal.err.hasPrefix("test.flex:1:20: error: invalid regular expression: unbalanced '('"), "\(literal.err)")
        let computed = await run("let p = \"(\"\nprint \"a\" matches p")
        #expect(computed.code == 3)
        #expect(computed.err.hasPrefix("test.flex:2:19: error: invalid regular expression"), "\(computed.err)")
    }

    @Test func fieldAccessSuggestsTheClosestField() async {
        let result = await run("""
        let c = customer create email "a@b.co"
        print c.emial
        """)
        #expect(result.code == 3)
        #expect(result.err.contains("test.flex:2:9: error: no field 'emial' on customer"))
        let full = await runFull("let c = customer create email \"a@b.co\"\nprint c.emial\n")
        #expect(full.contains("= help: did you mean 'email'?"))
    }

    @Test func fieldAccessListsFieldsWhenNothingIsClose() async {
        let full = await runFull("let r = {alpha: 1, beta: 2}\nprint r.zzzzzz\n")
        #expect(full.contains("error: no field 'zzzzzz' on record"))
        #expect(full.contains("= help: its fields are: alpha, beta"))
    }

    @Test func idOnFlexObjectsAndIDs() async {
        let result = await run("""
        let c = customer create email "a@b.co"
        expect c.id == c.customer_id
        expect c.id.id == c.id
        let p = product "T" eligible price $5
        let s = checkout items [p x 2] success "https://x"
        print s.id == s.checkout_session_id, {refund_id: "fre_1", payment_intent_id: "fpi_2"}.id
        """)
        #expect(result.err == "")
        #expect(result.out == "true fre_1\n")
    }

    @Test func builtins() async {
        let result = await run("""
        print len("héllo"), len({a: 1}), keys({a: 1, b: 2}), values({a: 1, b: 2})
        print json({a: [1, "x", null], d: 0.25, t: 2h}), string([1, "a"]), sum([1, 2, 3]), range(3), range(2, 5)
        print env("FLEX_TEST_SURELY_UNSET", 5)
        """)
        #expect(result.err == "")
        #expect(result.out == """
        5 1 ["a", "b"] [1, 2]
        {"a":[1,"x",null],"d":0.25,"t":7200} [1, "a"] 6 [0, 1, 2] [2, 3, 4]
        5

        """)
    }

    @Test func jsonValuesConvertExactly() {
        let json: JSON = ["a": ["fcus_01ABC", "plain", .decimal("12.50"), .decimal("1e2")], "n": nil]
        let value = Value(json: json)
        #expect(value.quoted == "{a: [fcus_01ABC, \"plain\", 12.50, 100], n: null}")
        // Lists and records from the API stay JSON until read, so they go back out unchanged.
        #expect(value.json == json)
    }

    @Test func loopsOverStringsAndShowsEmptyValues() async {
        let result = await run("""
        for ch in "ab" { print ch }
        show []
        show {}
        show [1, "a"]
        """)
        #expect(result.err == "")
        #expect(result.out == "a\nb\n[]\n{}\n- 1\n- a\n")
    }

    @Test func showsRecordsAndTables() async {
        let result = await run("""
        show {a: 1, b: {c: "x"}, l: [1, 2]}
        show [{id: "a", n: 1, deep: {x: 1}}, {id: "bb", n: 22}]
        """)
        #expect(result.out == """
        a: 1
        b:
          c: x
        l:
          - 1
          - 2
        id  n
        --  --
        a   1
        bb  22

        """)
    }
}

func runFull(_ script: String) async -> String {
    let sink = CapturingOutputSink()
    let runner = ScriptRunner(configuration: .simulated(diagnosticStyle: .full), output: sink)
    _ = await runner.run([.source(path: "test.flex", bytes: Array(script.utf8))])
    return sink.standardError
}

@Suite struct IDPrefixTests {
    @Test(arguments: ["fcus_01ABC", "fcapi_x", "fcap_x", "fprice_01", "fcs_", "fcs_a-b", "fxyz_1", "hello", "f", "fcus", "fcus_é", "fli_9"])
    func fastPrefixAgreesWithTheTable(text: String) {
        #expect(Value.idPrefix(of: text) == FlexIDPrefix.prefix(of: text))
    }
}

@Suite struct DecimalTextTests {
    @Test(arguments: [("12.50", "12.50"), ("-0.25", "-0.25"), ("1e3", "1000"), ("1.5E+2", "150"), ("2.5e-1", "0.25")])
    func readsJSONNumbersExactly(text: String, printed: String) {
        #expect(DecimalLiteral(jsonText: text)?.description == printed)
    }

    @Test(arguments: ["1.5e-9223372036854775807", "1e9223372036854775807", "99999999999999999999", "1e-40", "1..2", "x"])
    func rejectsWhatDoesNotFit(text: String) {
        #expect(DecimalLiteral(jsonText: text) == nil)
    }

    @Test func undecodableDecimalsStayText() {
        #expect(Value(json: .decimal("1e-40")).quoted == "\"1e-40\"")
    }
}

@Suite struct DecimalArithmeticTests {
    @Test func decimalsThatDoNotFitAreAnError() async {
        let result = await run("print 0.000000000000000000001 + 1")
        #expect(result.code == 3)
        #expect(result.err.contains("error: the exact decimal result does not fit in 18 significant digits"))
    }

    @Test func decimalsStayExact() async {
        let result = await run("print 0.1 + 0.2 == 0.3, 1.25 - 0.25, 2 * 0.5, 1.10")
        #expect(result.out == "true 1 1 1.10\n")
    }
}
