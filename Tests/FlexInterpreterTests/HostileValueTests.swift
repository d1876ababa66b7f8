// Hostile values fail fast: the depth and size limits are checked in time proportional to the new
// work, `json()`/`string()`/interpolation stop at the string limit, and `x = x + e` appends in
// place without changing what any other holder of the old value sees.
@testable import FlexInterpreter
import FlexLanguage
import Testing

@Suite struct HostileValueTests {
    /// Doubling a list into itself shares every level; the depth check must not walk the sharing.
    @Test func theDoublingLoopHitsTheNestingLimitQuickly() async {
        let start = ContinuousClock.now
        let result = await run("let x = [1]\nrepeat 600 { x = [x, x] }")
        #expect(result.code == 3)
        #expect(result.err.contains("value nested too deeply (more than 512 levels of lists and records)"))
        #expect(start.duration(to: .now) < .seconds(2))
    }

    @Test func jsonOfTenCopiesOfABigListFailsBeforeBuildingIt() async {
        let start = ContinuousClock.now
        let result = await run("let l = range(10000000)\nprint len(json([l, l, l, l, l, l, l, l, l, l]))")
        #expect(result.code == 3)
        #expect(result.err.contains("string too long: more than 67108864 bytes"))
        #expect(start.duration(to: .now) < .seconds(10))
    }

    @Test(arguments: ["string(x)", "json(x)", "\"${x}\"", "len(string([x]))"])
    func textOfAHugelySharedValueStopsAtTheLimit(_ expression: String) async {
        let result = await run("let x = [1]\nrepeat 500 { x = [x, x] }\nprint \(expression)")
        #expect(result.code == 3)
        #expect(result.err.contains("string too long"))
    }

    @Test func printOfAHugelySharedValueStopsAtTheLimit() async {
        let result = await run("let x = [1]\nrepeat 500 { x = [x, x] }\nprint x")
        #expect(result.code == 3)
        #expect(result.err.contains("string too long"))
        #expect(result.out == "")
    }

    @Test func comparingAHugelySharedValueWithItselfIsImmediate() async {
        let result = await run("let x = [1]\nrepeat 500 { x = [x, x] }\nexpect x == x\nprint x != x")
        #expect(result.code == 0)
        #expect(result.out == "false\n")
    }

    @Test func appendLoopsBuildTheRightValues() async {
        let script = """
        let l = []
        for i in range(1000) { l = l + [i] }
        expect l == range(1000)
        let s = ""
        repeat 3 { s = s + "ab" }
        expect s == "ababab"
        let nested = []
        repeat 3 { nested = nested + [[len(nested)]] }
        print nested, l[999], it == l
        """
        let result = await run(script)
        #expect(result.err == "")
        #expect(result.out == "[[0], [1], [2]] 999 false\n")
    }

    /// The in-place append must not be seen through another variable, `it`, or the right side.
    @Test func appendingInPlaceKeepsValueSemantics() async {
        let script = """
        let a = [1]
        let b = a
        a = a + [2]
        print a, b
        a = a + a
        print a, it
        let s = "x"
        let t = s
        s = s + s + "!"
        print s, t
        def grow() { a = [0]
          return [9] }
        a = a + grow()
        print a
        """
        let result = await run(script)
        #expect(result.err == "")
        #expect(result.out == "[1, 2] [1]\n[1, 2, 1, 2] [1, 2, 1, 2]\nxx! x\n[1, 2, 1, 2, 9]\n")
    }

    @Test func appendingPastTheLimitsFailsAndKeepsTheVariable() async {
        let result = await run("let l = range(10000000)\nexpect error runtime_error { l = l + [1] }\nprint len(l)")
        #expect(result.err == "")
        #expect(result.out == "10000000\n")
    }

    @Test func depthAndSizeBoundsStayRightAsValuesChange() {
        var record = Record([("deep", .list([.list([.integer(1)])])), ("flat", .integer(2))])
        #expect(Value.record(record).nestingDepth == 3)
        record["deep"] = .integer(0)
        #expect(Value.record(record).nestingDepth == 1)
        var list: ValueList = [.integer(1)]
        list.append(contentsOf: [.list([.integer(2), .string("x")])])
        #expect(Value.list(list).nestingDepth == 2)
        for value in [Value.list(list), .list([]), .list([.list([]), .record(Record()), .string("")])] {
            #expect(value.minimumTextSize <= value.quoted.utf8.count)
            var json = TextBuilder(limit: .max, interruption: nil)
            value.writeJSON(to: &json)
            #expect(value.minimumTextSize <= json.bytes.count)
            #expect(json.text == value.json.serialized())
        }
    }
}
